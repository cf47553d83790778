"""Search indexing of generated content in bulk, instead of one object per save."""

from contextlib import contextmanager
from functools import lru_cache


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
    _deferred.append(pending)
    try:
        with disable_reference_index_auto_update():
            yield count
    finally:
        signal_handlers.insert_or_update_object_task = original
        _deferred.remove(pending)
    count[0] = index_in_bulk(pending)


# What the active `deferred_indexing` (innermost last) will index on exit.
_deferred: list[dict[type, set[str]]] = []


def index_later(objects: list) -> None:
    """Index objects written without their save signals (bulk inserts), as a save would:
    with the other deferred objects when indexing is deferred, at once otherwise."""
    from modelsearch.index import Indexed

    pending: dict[type, set[str]] = {}
    for obj in objects:
        if isinstance(obj, Indexed) and getattr(obj, "search_auto_update", True):
            pending.setdefault(type(obj), set()).add(str(obj.pk))
    if not _deferred:
        index_in_bulk(pending)
        return
    for model, keys in pending.items():
        _deferred[-1].setdefault(model, set()).update(keys)


class Collector:
    """Stands in for modelsearch's indexing task: notes the object instead of indexing it."""

    def __init__(self, pending: dict[type, set[str]]) -> None:
        self.pending = pending

    def enqueue(self, app_label: str, model_name: str, pk: str) -> None:
        from django.apps import apps

        self.pending.setdefault(apps.get_model(app_label, model_name), set()).add(pk)


@contextmanager
def remembered_spellings():
    """While indexing in bulk, compute each field's text once per object (the database
    backends ask for every field's text once per column: title, body, autocomplete and their
    plain-text copies), the search spellings of each word once and those of each text once
    (generated texts draw on a few dozen words). What is indexed is unchanged."""
    import sys

    from modelsearch.backends import get_search_backends

    from core import mixins, search_text

    names = [(search_text, "ascii_fold"), (search_text, "lower"), (search_text, "index_variants")]
    names.append((mixins, "index_variants"))
    list(get_search_backends(with_auto_update=True))  # imports the backends in use
    for vendor in ("postgres", "sqlite"):
        module = sys.modules.get(f"modelsearch.backends.database.{vendor}.{vendor}")
        if module is not None:
            names.append((module.ObjectIndexer, "prepare_field"))
    saved = [(owner, name, getattr(owner, name)) for owner, name in names]
    caches: dict = {}
    for owner, name, function in saved:
        if name == "prepare_field":
            caches[function] = remembered_fields(function)
        else:
            size = 256 if name == "index_variants" else 100_000
            caches.setdefault(function, lru_cache(maxsize=size)(function))
        setattr(owner, name, caches[function])
    try:
        yield
    finally:
        for owner, name, function in saved:
            setattr(owner, name, function)


def remembered_fields(prepare_field):
    """`ObjectIndexer.prepare_field`, computed once per field of the indexed object itself
    (related objects, which may be fetched anew each time, are not remembered)."""

    def remembered(indexer, obj, field):
        if obj is not indexer.obj:
            return prepare_field(indexer, obj, field)
        memo = indexer.__dict__.setdefault("_bench_fields", {})
        if id(field) not in memo:
            memo[id(field)] = (field, list(prepare_field(indexer, obj, field)))
        return iter(memo[id(field)][1])

    return remembered


def index_in_bulk(pending: dict[type, set[str]], batch: int = 500) -> int:
    with remembered_spellings():
        return index_all(pending, batch)


def index_all(pending: dict[type, set[str]], batch: int) -> int:
    from modelsearch.backends import get_search_backends

    backends = list(get_search_backends(with_auto_update=True))
    count = 0
    for model, pks in pending.items():
        keys = sorted(pks)
        for start in range(0, len(keys), batch):
            objects = indexed_objects(model).filter(pk__in=keys[start : start + batch])
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


def indexed_objects(model):
    """`model.get_indexed_objects()` with what indexing reads of each object fetched with it:
    its locale (the language of its search text) and the modelcluster many-to-many relations
    its search fields follow (modelsearch prefetches the other relations itself)."""
    from django.core.exceptions import FieldDoesNotExist
    from modelcluster.fields import ParentalManyToManyField
    from modelsearch.index import RelatedFields

    queryset = model.get_indexed_objects()
    if any(field.name == "locale" for field in model._meta.concrete_fields):
        queryset = queryset.select_related("locale")
    for search_field in model.get_search_fields():
        if not isinstance(search_field, RelatedFields):
            continue
        try:
            field = model._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, ParentalManyToManyField):
            queryset = queryset.prefetch_related(search_field.field_name)
    return queryset
