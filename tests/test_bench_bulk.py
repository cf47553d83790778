"""The bench's generators write pages, child rows and stored dates in bulk: what they store
must be what Wagtail's `add_child` and `events.services.sync_occurrences` store."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page, PageLogEntry

from bench.generators.base import Context, add_live_child
from bench.generators.bulk import LivePages
from knowledge.models import KnowledgeEntryPage

pytestmark = pytest.mark.django_db

# What differs between two pages by design: identity, place in the tree, publication time.
OWN = {"id", "page_ptr", "path", "slug", "url_path", "translation_key"}
TIMES = {"first_published_at", "last_published_at", "latest_revision_created_at"}


def row(page) -> dict:
    """Every stored column of a page (both tables) but its own identity and times."""
    page = type(page).objects.get(pk=page.pk)
    return {
        field.attname: getattr(page, field.attname)
        for field in type(page)._meta.concrete_fields
        if field.name not in OWN | TIMES
    }


def test_a_bulk_page_is_stored_as_add_child_stores_it(home, client):
    from home.models import StandardPage

    def page(slug: str, locale=home.locale) -> StandardPage:
        return StandardPage(title="Program", slug=slug, intro="Giriş", locale=locale)

    made = add_live_child(home, page("one-by-one"))
    pages = LivePages()
    bulk = pages.add(home, page("in-bulk"))
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    english = pages.add(english_home, page("in-bulk", english_home.locale), translation_of=bulk)
    assert pages.flush() == [bulk, english]

    assert row(bulk) == row(made)
    stored = Page.objects.get(pk=bulk.pk)
    assert stored.path == Page.objects.get(pk=made.pk)._inc_path()
    assert stored.url_path == f"{home.url_path}in-bulk/"
    assert stored.specific_class is StandardPage
    assert Page.objects.get(pk=home.pk).numchild == 2
    assert Page.objects.get(pk=english.pk).translation_key == stored.translation_key
    assert list(stored.get_parent().get_children()) == [made.page_ptr, stored]
    StandardPage.objects.get(pk=bulk.pk).full_clean()
    assert PageLogEntry.objects.filter(page=bulk, action="wagtail.create").count() == 1
    assert client.get(stored.url).status_code == 200


def test_bulk_pages_keep_their_child_rows_and_links(home):
    from events.models import (
        AccessibilityFeature,
        EventIndexPage,
        EventSeriesPage,
        OccurrenceChange,
    )

    index = add_live_child(home, EventIndexPage(title="Etkinlikler", slug="etkinlikler"))
    features = list(AccessibilityFeature.objects.all()[:2])
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)

    def series(slug: str) -> EventSeriesPage:
        import recurrence

        return EventSeriesPage(
            title="Çay saati",
            slug=slug,
            summary="Her hafta.",
            start=start,
            end=start + datetime.timedelta(hours=2),
            recurrences=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)]),
            accessibility=features,
            date_changes=[
                OccurrenceChange(
                    date=(start + datetime.timedelta(days=7)).date(),
                    status="cancelled",
                    reason="Tatil",
                    locale=home.locale,
                )
            ],
            locale=home.locale,
        )

    made = add_live_child(index, series("one-by-one"))
    pages = LivePages()
    bulk = pages.add(index, series("in-bulk"))
    pages.flush()

    assert row(bulk) == row(made)
    links = [
        set(EventSeriesPage.objects.get(pk=page.pk).accessibility.values_list("pk", flat=True))
        for page in (made, bulk)
    ]
    assert links[0] == links[1] == {feature.pk for feature in features}
    changes = [
        list(OccurrenceChange.objects.filter(page_id=page.pk).values("date", "status", "reason"))
        for page in (made, bulk)
    ]
    assert changes[0] == changes[1] and len(changes[0]) == 1


def test_a_slug_a_sibling_has_is_refused(home):
    from home.models import StandardPage

    add_live_child(home, StandardPage(title="A", slug="taken", locale=home.locale))
    pages = LivePages()
    pages.add(home, StandardPage(title="B", slug="taken", locale=home.locale))
    with pytest.raises(ValueError, match="taken"):
        pages.flush()


def stored_dates(pages) -> dict:
    from events.models import Occurrence

    fields = [f.attname for f in Occurrence._meta.concrete_fields if f.name != "id"]
    return {
        page.pk: sorted(Occurrence.objects.filter(page_id=page.pk).values_list(*fields))
        for page in pages
    }


def test_the_events_generator_stores_the_dates_sync_occurrences_stores(home):
    # Every kind of event: meetings, series with changed dates, Power Stories events with
    # performances at several venues, festivals. sync_occurrences, run again on each page,
    # must store exactly what the bulk path stored.
    from bench.generators.events import Events
    from events.models import event_page_models
    from events.services import sync_occurrences

    made = Events().generate(Context(scale=0.01))
    assert made["recurring series (tr+en)"] == 4
    pages = list(Page.objects.live().type(*event_page_models()).specific())
    assert len(pages) == made["meetings (tr+en)"] + 4 + 4 + made["festivals (tr+en)"]
    bulk = stored_dates(pages)
    assert sum(len(rows) for rows in bulk.values()) == made["stored occurrences"]
    for page in pages:
        sync_occurrences(page)
    assert stored_dates(pages) == bulk


def test_remembered_spellings_index_the_same_text(home):
    from bench.generators.indexing import remembered_spellings
    from core import search_text
    from home.models import StandardPage

    page = add_live_child(
        home,
        StandardPage(title="Işık", slug="isik", intro="Çay Saati Buluşmaları", locale=home.locale),
    )
    plain = page.search_text_variants()
    original = search_text.ascii_fold
    with remembered_spellings():
        assert search_text.ascii_fold is not original
        assert page.search_text_variants() == plain
        assert page.search_text_variants() == plain
    assert search_text.ascii_fold is original


def indexed_columns(obj) -> list[str]:
    """What the active database search backend stores for `obj`, column by column."""
    import sys

    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    columns = ("title", "body", "autocomplete", "title_text", "body_text")
    for vendor in ("postgres", "sqlite"):
        module = sys.modules.get(f"modelsearch.backends.database.{vendor}.{vendor}")
        if module is not None:
            indexer = module.ObjectIndexer(obj, backend)
            return [str(getattr(indexer, name)) for name in columns if hasattr(indexer, name)]
    raise AssertionError("no database search backend")


def test_bulk_indexing_stores_what_indexing_one_object_stores(home):
    from bench.generators.indexing import remembered_spellings
    from bench.generators.knowledge import KnowledgeEntries
    from bench.generators.stories import Stories
    from stories.models import StoryPage

    ctx = Context(scale=0.02)
    KnowledgeEntries().generate(ctx)
    Stories().generate(ctx)
    for model in (StoryPage, KnowledgeEntryPage):
        page = model.objects.filter(locale__language_code="tr").first()
        plain = indexed_columns(model.objects.get(pk=page.pk))
        with remembered_spellings():
            assert indexed_columns(model.objects.get(pk=page.pk)) == plain
        assert plain and all(plain)


def test_the_postgresql_bench_database_name_can_be_set(monkeypatch):
    from bench.database import bench_pg_name

    monkeypatch.delenv("BENCH_PG_NAME", raising=False)
    assert bench_pg_name(1) == "stgm_bench"
    assert bench_pg_name(0.1) == "stgm_bench_0_1"
    monkeypatch.setenv("BENCH_PG_NAME", "stgm_bench_gen")
    assert bench_pg_name(10) == "stgm_bench_gen_10"
