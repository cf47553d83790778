"""Live pages written in bulk: the rows `parent.add_child(instance=page)` would store, a batch
of siblings at a time instead of one page (and a dozen queries) at a time.

For each batch: the tree paths are counted on from each parent's last child (one query per
parent), `numchild` is raised once per parent, the `wagtailcore_page` rows are inserted in one
statement and the page type's own rows in another (Django's own insert, the one `save()` runs
for each table of a multi-table model), then the modelcluster child rows and many-to-many
links the pages hold in memory, and the "created" entry of each page's history. The pages are
handed to the search index as their saves would have handed them (`index_later`).

What is skipped: `full_clean()` (the generators make valid pages; the tests validate them),
revisions, and the save signals (the only ones that matter, search indexing and the events'
stored dates, are done in bulk by the callers).
"""

from collections.abc import Callable, Iterable

from django.db import connection, models


def make_live(page, translation_of=None):
    """Set what `add_live_child` sets on a page before adding it: live, published now."""
    from django.utils import timezone

    now = timezone.now()
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = now
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    return page


class LivePages:
    """Pages to add under their parents, written `size` at a time; `after(pages)` runs on each
    written batch (e.g. to store the events' dates)."""

    def __init__(self, size: int = 500, after: Callable[[list], None] | None = None) -> None:
        self.size = size
        self.after = after
        self.pending: list[tuple[object, object]] = []
        self.written = 0

    def add(self, parent, page, translation_of=None):
        """Queue `page` as the next child of `parent` (its translation when `translation_of`
        is given); its primary key is set when its batch is written."""
        if not page.slug:
            raise ValueError(f"a bulk-added page needs a slug: {page.title!r}")
        self.pending.append((parent, make_live(page, translation_of)))
        return page

    def flush_if_full(self) -> None:
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> list:
        pages, self.pending = self.pending, []
        if not pages:
            return []
        written = write_pages(pages)
        self.written += len(written)
        if self.after is not None:
            self.after(written)
        return written


def write_pages(pending: list[tuple[object, object]]) -> list:
    """Insert `(parent, page)` pairs as new live children, in order; return the pages."""
    from wagtail.models import Page

    by_parent: dict[int, list] = {}
    parents = {}
    for parent, page in pending:
        by_parent.setdefault(parent.pk, []).append(page)
        parents[parent.pk] = parent
    for parent_id, children in by_parent.items():
        place_children(parents[parent_id], children)
    pages = [page for _parent, page in pending]
    insert_rows(pages)
    for parent_id, children in by_parent.items():
        Page.objects.filter(pk=parent_id).update(numchild=models.F("numchild") + len(children))
        parents[parent_id].numchild += len(children)
    write_children(pages)
    log_creation(pages)
    from bench.generators.indexing import index_later

    index_later(pages)
    return pages


def place_children(parent, children: list) -> None:
    """Paths after the parent's last child, depth, url_path and draft title, as treebeard's
    `add_child` and Wagtail's `save()` set them; refuse a slug a sibling already has."""
    from wagtail.models import Page

    siblings = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    position = Page._str2int(last[-Page.steplen :]) if last else 0
    slugs = [child.slug for child in children]
    taken = set(siblings.filter(slug__in=slugs).values_list("slug", flat=True))
    if taken or len(set(slugs)) != len(slugs):
        raise ValueError(f"slugs already in use under {parent.url_path}: {sorted(taken)}")
    for offset, child in enumerate(children, start=1):
        child.depth = parent.depth + 1
        child.path = Page._get_path(parent.path, child.depth, position + offset)
        child.numchild = 0
        child.url_path = f"{parent.url_path}{child.slug}/"
        child.draft_title = child.draft_title or child.title
        child._cached_parent_obj = parent


def insert(model, rows: list, fields: list, returning: bool = False) -> list:
    """Django's own INSERT of `rows` into `model`'s table (what `save()` runs per row), in
    batches the database accepts; the primary keys when `returning`."""
    manager = model._base_manager
    size = max(1, connection.ops.bulk_batch_size(fields, rows) or len(rows))
    keys: list = []
    for start in range(0, len(rows), size):
        batch = rows[start : start + size]
        returned = manager._insert(
            batch,
            fields=fields,
            returning_fields=[model._meta.pk] if returning else None,
            using=manager.db,
        )
        if returning:
            keys.extend(row[0] for row in returned)
    return keys


def insert_rows(pages: list) -> None:
    """The `wagtailcore_page` rows (their ids returned), then each page type's own table."""
    from wagtail.models import Page

    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    for page, key in zip(pages, insert(Page, pages, page_fields, returning=True), strict=True):
        page.id = key
        page._state.adding = False
        page._state.db = connection.alias
    by_model: dict[type, list] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, rows in by_model.items():
        # Each table below Page, top down; the parent link of each is the page's id.
        tables = [m for m in reversed(model._meta.get_parent_list()) if m is not Page]
        for table in [*tables, model]:
            for page in rows:
                for link in table._meta.parents.values():
                    setattr(page, link.attname, page.id)
            insert(table, rows, list(table._meta.local_concrete_fields))


def write_children(pages: list) -> None:
    """The modelcluster child rows (sessions, performances, date changes...) and many-to-many
    links the pages hold in memory, as `ClusterableModel.save()` commits them."""
    from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations

    children: dict[type, list] = {}
    links: dict[type, list] = {}
    for page in pages:
        related = getattr(page, "_cluster_related_objects", {})
        for relation in get_all_child_relations(page):
            name = relation.get_accessor_name()
            if name not in related:
                continue
            for item in related[name]:
                setattr(item, relation.field.attname, page.pk)
                children.setdefault(relation.related_model, []).append(item)
        for field in get_all_child_m2m_relations(page):
            if field.name not in related:
                continue
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            links.setdefault(through, []).extend(
                through(**{f"{source}_id": page.pk, f"{target}_id": item.pk})
                for item in dict.fromkeys(related[field.name])
            )
    for model, rows in [*children.items(), *links.items()]:
        model._base_manager.bulk_create(rows, batch_size=500)


def log_creation(pages: Iterable) -> None:
    """The "created" entry Wagtail's `Page.save()` writes in each new page's history."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.log_actions import get_active_log_context
    from wagtail.models import PageLogEntry

    context = get_active_log_context()
    now = timezone.now()
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=page.get_admin_display_title(),
                action="wagtail.create",
                timestamp=now,
                data={},
                page_id=page.pk,
                user=context.user,
                uuid=context.uuid,
                content_changed=True,
            )
            for page in pages
        ],
        batch_size=500,
    )
