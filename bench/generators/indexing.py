"""Search indexing of generated content in bulk, instead of one object per save."""

from contextlib import contextmanager


@contextmanager
def deferred_indexing():
    """Index what the generators save in bulk at the end, not one object per save.

    The search index ends up as the save signals would leave it (same backend, same
    indexed instances); Wagtail's reference index (the admin's "usage" counts, never read
    by public pages) is not updated for generated content. Yields a one-item list holding
    the count of objects indexed, filled in on exit.
    """
    from modelsearch import signal_handlers
    from wagtail.signal_handlers import disable_reference_index_auto_update

    pending: dict[type, set[str]] = {}
    count = [0]
    original = signal_handlers.insert_or_update_object_task
    signal_handlers.insert_or_update_object_task = Collector(pending)
    try:
        with disable_reference_index_auto_update():
            yield count
    finally:
        signal_handlers.insert_or_update_object_task = original
    count[0] = index_in_bulk(pending)


class Collector:
    """Stands in for modelsearch's indexing task: notes the object instead of indexing it."""

    def __init__(self, pending: dict[type, set[str]]) -> None:
        self.pending = pending

    def enqueue(self, app_label: str, model_name: str, pk: str) -> None:
        from django.apps import apps

        self.pending.setdefault(apps.get_model(app_label, model_name), set()).add(pk)


def index_in_bulk(pending: dict[type, set[str]], batch: int = 500) -> int:
    from modelsearch.backends import get_search_backends

    backends = list(get_search_backends(with_auto_update=True))
    count = 0
    for model, pks in pending.items():
        keys = sorted(pks)
        for start in range(0, len(keys), batch):
            objects = model.get_indexed_objects().filter(pk__in=keys[start : start + batch])
            by_class: dict[type, list] = {}
            for obj in objects:
                indexed = obj.get_indexed_instance()
                if indexed is not None:
                    by_class.setdefault(type(indexed), []).append(indexed)
            for indexed_model, items in by_class.items():
                for backend in backends:
                    backend.add_bulk(indexed_model, items)
                count += len(items)
    return count
