"""Site search: what is indexed (folded spellings, each language's PostgreSQL configuration),
"did you mean" corrections, and the search cache."""

from types import SimpleNamespace

import pytest
from django.db import connection
from wagtail.models import Page

from core.mixins import FoldedSearchField
from core.search_text import clean_query, query_spelling, query_terms
from demo.builders import make_standard_page
from home.models import HomePage, StandardPage
from search import services

from .corpus import postgres_only


def test_query_terms_and_variants():
    assert query_terms("İstanbul'da  festivaller, İSTANBUL’DA!") == [
        "İstanbul",
        "festivaller",
        "İSTANBUL",
    ]
    assert query_terms("a " * 50) == ["a"]
    assert len(query_terms(" ".join(f"w{n}" for n in range(50)))) == 10
    assert query_spelling("IŞIK", "tr") == query_spelling("ışık", "tr") == "isik"
    assert query_spelling("İSTANBUL", "tr") == query_spelling("Istanbul", "en") == "istanbul"
    assert query_spelling("festivaller", "tr") == query_spelling("Festivalde", "tr") == "festival"
    assert query_spelling("Buluşmaları", "tr") == "bulusma"
    assert query_spelling("bulusmalari", "tr") == "bulusmalari"  # pages index it folded too
    assert query_spelling("meetings", "en") == "meet"
    assert clean_query("  a\x00b\n c  ") == "a b c"


def test_pages_index_folded_spellings_of_every_search_field(corpus):
    page = StandardPage.objects.get(slug="cay")
    fields = {(type(f).__name__, f.field_name) for f in StandardPage.get_search_fields()}
    assert ("FoldedSearchField", "title") in fields
    assert ("SearchField", "title") not in fields
    assert ("SearchField", "search_text_variants") in fields
    title = next(f for f in StandardPage.get_search_fields() if isinstance(f, FoldedSearchField))
    assert title.get_value(page) == "Çay Saati Buluşmaları cay saat bulusmalari bulusma"
    assert page.search_text_variants() == "eskisehir yonetimlerle yonet"


@pytest.mark.parametrize("model", [HomePage, StandardPage])
def test_every_page_type_gets_the_folded_fields(model):
    names = {(type(f).__name__, f.field_name) for f in model.get_search_fields()}
    assert {("FoldedSearchField", "title"), ("FoldedAutocompleteField", "title")} <= names
    assert ("SearchField", "search_text_variants") in names


# PostgreSQL only: the text search configuration of each language.


@pytest.mark.postgres
@postgres_only
@pytest.mark.parametrize(
    ("query", "slug"),
    [("festivaller", "festival"), ("buluşmalar", "cay"), ("meetings", "cay-en")],
)
def test_postgres_stems_each_page_with_its_own_language(corpus, query, slug):
    # A plain Wagtail search (as the admin's page search does, without the site search's
    # extra spellings) still finds inflected forms: pages are indexed with `turkish` or
    # `english`, and a query in no particular language is tried in both.
    assert slug in {page.slug for page in Page.objects.live().search(query)}


@pytest.mark.postgres
@postgres_only
@pytest.mark.parametrize(
    ("slug", "stemmed", "unstemmed"),
    [
        ("festival", ["ses", "festival"], ["sesler", "festivali"]),
        ("festival-en", ["voic"], ["voices"]),
    ],
)
def test_postgres_indexes_each_page_with_its_language_configuration(
    corpus, slug, stemmed, unstemmed
):
    page = Page.objects.get(slug=slug)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(title) FROM wagtailsearch_indexentry"
            " WHERE object_id = %s AND title_norm IS NOT NULL",
            [str(page.pk)],
        )
        (lexemes,) = cursor.fetchone()
    assert set(stemmed) <= set(lexemes), lexemes
    assert not set(unstemmed) & set(lexemes), lexemes


@pytest.mark.parametrize("query", ["festivaller", "IŞIK", "meetings", "\"'*()"])
def test_admin_page_search_still_works(corpus, admin_client, query):
    response = admin_client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.postgres
@postgres_only
def test_postgres_searches_through_a_gin_index_on_title_and_body(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["site_search_indexentry_title_body_gin"],
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition


@pytest.mark.parametrize(
    ("language", "typed", "suggested"),
    [
        ("tr", "istanbl", "istanbul"),
        ("tr", "sivil sesler festivl", "sivil sesler festivali"),
        ("tr", "ISTANBLU", "istanbul"),
        ("en", "worksop", "workshop"),
    ],
)
def test_a_misspelt_word_gets_a_correction_from_the_titles(corpus, language, typed, suggested):
    assert services.spelling_suggestion(typed, language) == suggested


def test_no_correction_for_known_short_or_hopeless_words(corpus):
    assert services.spelling_suggestion("istanbul", "tr") == ""
    assert services.spelling_suggestion("ve", "tr") == ""
    assert services.spelling_suggestion("qqqqqqq", "tr") == ""


def test_the_no_results_page_offers_a_correction_that_finds_something(corpus, client):
    html = client.get("/tr/search/", {"q": "istanbl"}).content.decode()
    assert 'Bunu mu demek istediniz: <a href="?q=istanbul">istanbul</a>?' in html
    # "İstanbul hikaye" finds nothing, so a correction leading to it is not offered.
    html = client.get("/tr/search/", {"q": "istanbl hikaye"}).content.decode()
    assert "Bunu mu demek istediniz" not in html


def test_the_correction_learns_new_titles_when_pages_are_published(corpus):
    assert services.spelling_suggestion("dayanısma", "tr") == ""
    make_standard_page(corpus[("tr", "istanbul")].get_parent(), title="Dayanışma")
    assert services.spelling_suggestion("dayanısmaa", "tr") == "dayanışma"


def test_a_search_still_answers_when_the_log_queue_is_down(corpus, client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("queue down")

    monkeypatch.setattr("search.tasks.log_search", SimpleNamespace(enqueue=refuse))
    response = client.get("/tr/search/", {"q": "istanbul"})
    assert response.status_code == 200
    assert "İstanbul Buluşması" in response.content.decode()


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 ranking")


@sqlite_only
def test_sqlite_ranks_in_one_pass_not_one_match_per_result(corpus):
    """The stock SQLite backend scores each result with a correlated subquery that runs the
    whole FTS match again (8 s for a common word on 1,500 pages in the benchmark)."""
    from django.test.utils import CaptureQueriesContext

    outcome = services.run_search("istanbul", "tr")
    with CaptureQueriesContext(connection) as context:
        hits = outcome.results[0:10]
    assert [hit.page.slug for hit in hits][:1] == ["istanbul"]  # the title match first
    assert all(query["sql"].count(" MATCH ") <= 1 for query in context.captured_queries)


def index_queries(context) -> list[str]:
    """The queries of a capture that searched the full-text index."""
    return [query["sql"] for query in context.captured_queries if "indexentry" in query["sql"]]


def test_a_repeated_search_reads_its_counts_and_ranking_from_the_cache(corpus):
    from django.test.utils import CaptureQueriesContext

    first = services.run_search("istanbul", "tr")
    with CaptureQueriesContext(connection) as context:
        first_hits = [hit.page.pk for hit in first.results[0:10]]
    assert index_queries(context)
    with CaptureQueriesContext(connection) as context:
        again = services.run_search("istanbul", "tr")
        hits = [hit.page.pk for hit in again.results[0:10]]
    assert not index_queries(context)
    assert hits == first_hits
    assert [(t.value, t.count) for t in again.types] == [(t.value, t.count) for t in first.types]
    # Another language, type or slice is another search.
    with CaptureQueriesContext(connection) as context:
        services.run_search("istanbul", "en").results[0:10]
    assert index_queries(context)


def test_a_cached_search_finds_a_page_published_after_it(corpus, client):
    assert "Kadıköy" not in client.get("/tr/search/", {"q": "istanbul"}).content.decode()
    parent = corpus[("tr", "istanbul")].get_parent()
    make_standard_page(parent, title="İstanbul Kadıköy Buluşması", slug="kadikoy")
    assert "Kadıköy" in client.get("/tr/search/", {"q": "istanbul"}).content.decode()
    corpus[("tr", "istanbul")].unpublish()
    html = client.get("/tr/search/", {"q": "istanbul"}).content.decode()
    assert "İstanbul Buluşması" not in html
