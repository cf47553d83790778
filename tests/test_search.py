"""Site search: Turkish and English queries as people type them, on SQLite and PostgreSQL.

The same tables run on both databases (`make test`, `make test-postgres`); the tests that only
PostgreSQL can pass are marked `postgres` and skipped on SQLite.
"""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.rich_text import RichText

from core.mixins import FoldedSearchField
from core.search_text import clean_query, query_spelling, query_terms
from demo.builders import make_home, make_standard_page, translate
from home.models import HomePage, StandardPage
from search import services

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL"
)

# key: (Turkish page fields, English translation fields or None for an untranslated page)
CORPUS = {
    "istanbul": (
        {"title": "İstanbul Buluşması", "intro": "Sivil toplum İstanbul'da bir araya geldi."},
        {"title": "Istanbul Meeting", "intro": "Civil society organisations met in Istanbul."},
    ),
    "isik": (
        {"title": "Işık Derneği Atölyesi", "intro": "Erişilebilirlik üzerine bir atölye."},
        {"title": "Işık Association Workshop", "intro": "A workshop on accessibility."},
    ),
    "izmir": (
        {"title": "İzmir Kültürpark", "intro": "Sivil Sesler Festivali 2023 İzmir'de yapıldı."},
        {"title": "İzmir Kültürpark", "intro": "The Civil Voices Festival 2023 was in İzmir."},
    ),
    "cay": (
        {"title": "Çay Saati Buluşmaları", "intro": "Eskişehir'de yerel yönetimlerle sohbet."},
        {"title": "Tea Time Meetings", "intro": "Conversations with local governments."},
    ),
    "guc": (
        {"title": "Güç Hikâyeleri", "intro": "On sekiz anlatıcı altı ilde sahnede."},
        {"title": "Power Stories", "intro": "Eighteen narrators on stage in six provinces."},
    ),
    "festival": (
        {"title": "Sivil Sesler Festivali", "intro": "Ankara'da 217 kuruluş ve 130 stant."},
        {"title": "Civil Voices Festival", "intro": "217 organisations and 130 stands in Ankara."},
    ),
    "notes": (
        {
            "title": "Program Notları",
            "body": [("paragraph", RichText("<p>Işık ve İstanbul hakkında notlar.</p>"))],
        },
        {
            "title": "Programme Notes",
            "body": [("paragraph", RichText("<p>Notes about Işık and Istanbul.</p>"))],
        },
    ),
    "ogrenci": (
        {"title": "Öğrenci Gönüllüler", "intro": "Üniversite öğrencileri için gönüllülük."},
        None,
    ),
}


@pytest.fixture(scope="module")
def module_corpus(django_db_setup, django_db_blocker):
    """The pages above in both languages, built once for the module and rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = make_home()
        english = Locale.objects.get(language_code="en")
        pages = {}
        for key, (turkish_fields, english_fields) in CORPUS.items():
            page = make_standard_page(home, slug=key, **turkish_fields)
            pages[("tr", key)] = page
            if english_fields:
                pages[("en", key)] = translate(page, english, slug=f"{key}-en", **english_fields)
        yield pages
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def corpus(module_corpus, db):
    """The module's pages; what a test writes on top is rolled back after it."""
    return module_corpus


def found(text: str, language: str) -> list[tuple[str, str]]:
    """(language, key) of every result, in order, with fallbacks marked by a "*"."""
    outcome = services.run_search(text, Locale.objects.get(language_code=language))
    keys = []
    for hit in outcome.results[0 : outcome.count]:
        keys.append((hit.page.locale.language_code + ("*" if hit.fallback else ""), hit.page.slug))
    return [(lang, slug.removesuffix("-en")) for lang, slug in keys]


QUERIES = [
    # language, query, must find (keys, in the same language), must not find
    ("tr", "istanbul", {"istanbul", "notes"}, {"izmir", "isik"}),
    ("tr", "İSTANBUL", {"istanbul", "notes"}, {"izmir"}),
    ("tr", "Istanbul", {"istanbul", "notes"}, {"izmir"}),
    ("tr", "İstanbul'da", {"istanbul"}, {"izmir"}),
    ("tr", "ışık", {"isik", "notes"}, {"istanbul"}),
    ("tr", "IŞIK", {"isik", "notes"}, {"istanbul"}),
    ("tr", "isik", {"isik", "notes"}, {"istanbul"}),
    ("tr", "Işık", {"isik", "notes"}, {"istanbul"}),
    ("tr", "izmir", {"izmir"}, {"istanbul", "festival"}),
    ("tr", "İZMİR", {"izmir"}, {"istanbul"}),
    ("tr", "cay saati", {"cay"}, {"istanbul", "guc"}),
    ("tr", "ÇAY SAATİ", {"cay"}, {"istanbul"}),
    ("tr", "eskisehir", {"cay"}, {"istanbul"}),
    ("tr", "guc hikayeleri", {"guc"}, {"cay"}),
    ("tr", "güç hikâyeleri", {"guc"}, {"cay"}),
    ("tr", "ogrenci", {"ogrenci"}, {"istanbul"}),
    ("tr", "öğrencileri", {"ogrenci"}, {"istanbul"}),
    ("tr", "festivaller", {"festival", "izmir"}, {"istanbul", "cay"}),
    ("tr", "festivalde", {"festival", "izmir"}, {"istanbul"}),
    ("tr", "buluşma", {"cay", "istanbul"}, {"izmir"}),  # "Buluşması": possessive -sı dropped
    ("tr", "bulusmalari", {"cay"}, {"izmir"}),
    ("tr", "hikaye", {"guc"}, {"cay"}),  # Snowball: "hikaye" -> "hika", "hikâyeleri" -> "hikaye"
    ("tr", "hikâyesi", {"guc"}, {"cay"}),
    ("tr", "saat", {"cay"}, {"istanbul"}),  # "Saati": the bare possessive -i
    ("tr", "atölyeler", {"isik"}, {"cay"}),
    ("tr", "dernek", {"isik"}, {"cay"}),
    ("tr", "sivil sesler", {"festival", "izmir"}, {"cay"}),
    ("tr", "hikaye İstanbul", set(), {"istanbul", "guc"}),  # every word must match
    ("en", "meetings", {"istanbul", "cay"}, {"festival"}),
    ("en", "meeting", {"istanbul", "cay"}, {"festival"}),
    ("en", "istanbul", {"istanbul", "notes"}, {"izmir"}),
    ("en", "ISTANBUL", {"istanbul", "notes"}, {"izmir"}),
    ("en", "isik", {"isik", "notes"}, {"istanbul"}),
    ("en", "ışık", {"isik", "notes"}, {"istanbul"}),
    ("en", "izmir", {"izmir"}, {"istanbul"}),
    ("en", "festivals", {"festival", "izmir"}, {"cay"}),
    ("en", "stories", {"guc"}, {"cay"}),
    ("en", "workshops", {"isik"}, {"cay"}),
]


@pytest.mark.parametrize(("language", "query", "expected", "unexpected"), QUERIES)
def test_queries_find_what_a_turkish_speaker_expects(corpus, language, query, expected, unexpected):
    results = found(query, language)
    same_language = {key for lang, key in results if lang == language}
    assert expected <= same_language, f"{query!r} in {language}: found {results}"
    assert not unexpected & same_language, f"{query!r} in {language}: found {results}"


@pytest.mark.parametrize(("language", "query", "expected", "unexpected"), QUERIES)
def test_nothing_from_the_other_language_leaks_in(corpus, language, query, expected, unexpected):
    results = found(query, language)
    # Only the default language's untranslated pages may appear, marked as fallbacks.
    assert {lang for lang, _ in results} <= {language, "tr*"}
    assert all(key == "ogrenci" for lang, key in results if lang == "tr*")


def test_untranslated_pages_appear_in_english_marked_as_turkish(corpus, client):
    assert found("ogrenci", "en") == [("tr*", "ogrenci")]
    assert found("ogrenci", "tr") == [("tr", "ogrenci")]
    html = client.get("/en/search/", {"q": "ogrenci"}).content.decode()
    assert 'lang="tr" hreflang="tr">Öğrenci Gönüllüler</a>' in html
    assert "only in Türkçe, not translated yet" in html


def test_a_translated_page_is_never_shown_in_the_other_language(corpus):
    # "Çay" only appears in the Turkish page, whose English translation says "Tea Time".
    assert found("çay", "en") == []
    assert found("tea", "tr") == []


@pytest.mark.parametrize(
    ("language", "query", "first"),
    [("tr", "isik", "isik"), ("tr", "istanbul", "istanbul"), ("en", "istanbul", "istanbul")],
)
def test_title_matches_come_first(corpus, language, query, first):
    results = found(query, language)
    assert results[0] == (language, first), results
    assert (language, "notes") in results  # the body-only match is found, just later


def test_search_page_in_both_languages_keeps_the_query(corpus, client):
    response = client.get("/tr/search/", {"q": "IŞIK"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="tr">' in html
    assert 'value="IŞIK"' in html
    assert "Işık Derneği Atölyesi</a>" in html
    assert "Standart sayfa" in html  # the result's type, in Turkish
    response = client.get("/en/search/", {"q": "workshop"})
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Işık Association Workshop</a>" in html
    assert "Işık Derneği Atölyesi" not in html


def test_results_show_date_and_place_from_the_page(corpus, client, monkeypatch):
    start = datetime.datetime(2026, 3, 12, 19, 0, tzinfo=ZoneInfo("Europe/Istanbul"))
    monkeypatch.setattr(
        StandardPage,
        "search_result_meta",
        lambda page: {"date": start, "place": "Kültürpark, İzmir", "summary": "Özet"},
    )
    html = client.get("/tr/search/", {"q": "izmir"}).content.decode()
    assert "12 Mart 2026, Perşembe 19:00" in html
    assert 'datetime="2026-03-12T19:00:00+03:00"' in html
    assert "Kültürpark, İzmir" in html
    html = client.get("/en/search/", {"q": "izmir"}).content.decode()
    assert "12 March 2026, Thursday 19:00" in html


def test_filter_by_type_comes_from_the_results(corpus, client):
    outcome = services.run_search("istanbul", Locale.objects.get(language_code="tr"))
    # The home page does not match; the types offered are those of the results.
    assert [(t.value, t.count) for t in outcome.types] == [("home.standardpage", 2)]
    home_type = services.run_search("ana sayfa", Locale.objects.get(language_code="tr"))
    assert [t.value for t in home_type.types] == ["home.homepage"]

    filtered = services.run_search(
        "sayfa notlar", Locale.objects.get(language_code="tr"), "home.homepage"
    )
    assert filtered.selected_type == ""  # a type with no results for this query is ignored
    response = client.get("/tr/search/", {"q": "istanbul", "type": "home.standardpage"})
    assert response.status_code == 200
    assert response.context["outcome"].selected_type == "home.standardpage"
    assert len(response.context["results"].object_list) == 2


def test_filter_by_type_narrows_the_results(corpus, client):
    home = HomePage.objects.get(locale__language_code="tr")
    make_standard_page(home, title="Ana sayfa notları", slug="ana-sayfa-notlari")
    locale = Locale.objects.get(language_code="tr")
    both = services.run_search("ana sayfa", locale)
    assert {t.value for t in both.types} == {"home.homepage", "home.standardpage"}
    assert both.count == 2
    only_home = services.run_search("ana sayfa", locale, "home.homepage")
    assert only_home.selected_type == "home.homepage"
    assert [hit.page.specific_class for hit in only_home.results[0:10]] == [HomePage]
    assert only_home.total == 2
    html = client.get("/tr/search/", {"q": "ana sayfa"}).content.decode()
    assert "?q=ana+sayfa&amp;type=home.homepage" in html


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "x" * 10_000},
        {"q": "festival " * 300},
        {"q": "\"'*()&|!:<>\\%_-+^~{}[]"},
        {"q": "' OR 1=1 --"},
        {"q": "NEAR(istanbul izmir) AND OR NOT"},
        {"q": "ist*"},
        {"q": "a\x00b\x1f"},
        {"q": "🙂 İstanbul 🙂"},
        {"q": "İ̇stanbul"},  # İ followed by a combining dot
        {"q": "istanbul", "page": "abc"},
        {"q": "istanbul", "page": "-1"},
        {"q": "istanbul", "page": "99999999999999999999"},
        {"q": "istanbul", "type": "../../etc/passwd"},
        {"q": "istanbul", "type": "auth.user"},
        {"q": "istanbul", "type": "wagtailcore.page"},
        {"q": ["istanbul", "izmir"]},
    ],
)
@pytest.mark.parametrize("language", ["tr", "en"])
def test_bad_input_never_gives_a_500(corpus, client, params, language):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    response = client.get(f"/{language}/search/suggest/", params)
    assert response.status_code == 200


def test_empty_and_punctuation_only_queries_search_nothing(corpus, client):
    response = client.get("/tr/search/", {"q": "?!…"})
    assert response.context["results"] is None
    assert "En az bir kelime yazın." in response.content.decode()
    response = client.get("/tr/search/")
    assert response.context["results"] is None
    assert not Query.objects.exists()


def test_odd_characters_still_find_the_words_around_them(corpus):
    assert ("tr", "istanbul") in found('"İstanbul"!!', "tr")
    assert ("tr", "izmir") in found("(izmir)", "tr")
    assert ("tr", "isik") in found("ışık*", "tr")


def test_no_results_page_helps(corpus, client):
    home = HomePage.objects.get(locale__language_code="tr")
    query = Query.get("festival")
    SearchPromotion.objects.create(query=query, page=Page.objects.get(slug="festival"))
    query.add_hit()
    Page.objects.filter(slug="cay").update(show_in_menus=True)
    assert home.pk
    response = client.get("/tr/search/", {"q": "zzzyyyxxx"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "“zzzyyyxxx” ile eşleşen bir şey bulunamadı." in html
    assert "Türkçe harfler şart değil" in html
    assert '<a href="?q=festival">festival</a>' in html  # a curated popular search
    assert "Çay Saati Buluşmaları</a>" in html  # a section to browse
    assert 'value="zzzyyyxxx"' in html


def test_pagination(corpus, client):
    home = HomePage.objects.get(locale__language_code="tr")
    for number in range(23):
        make_standard_page(home, title=f"Atölye {number:02d}", slug=f"atolye-{number}")
    response = client.get("/tr/search/", {"q": "atolye"})
    results = response.context["results"]
    assert results.paginator.count == 24  # and the "Işık Derneği Atölyesi" page
    assert len(results.object_list) == 10
    assert 'href="?q=atolye&amp;page=2" rel="next"' in response.content.decode()
    last = client.get("/tr/search/", {"q": "atolye", "page": "3"}).context["results"]
    assert len(last.object_list) == 4
    assert client.get("/tr/search/", {"q": "atolye", "page": "abc"}).context["results"].number == 1
    assert client.get("/tr/search/", {"q": "atolye", "page": "99"}).context["results"].number == 3
    seen = [
        hit.page.pk
        for number in (1, 2, 3)
        for hit in client.get("/tr/search/", {"q": "atolye", "page": number}).context["results"]
    ]
    assert len(seen) == len(set(seen)) == 24

    # Editors' promotions head the first page only.
    SearchPromotion.objects.create(query=Query.get("atolye"), page=Page.objects.get(slug="cay"))
    assert client.get("/tr/search/", {"q": "atolye"}).context["promotions"]
    assert not client.get("/tr/search/", {"q": "atolye", "page": "2"}).context["promotions"]


def test_pagination_runs_through_the_fallback_pages(corpus, client):
    home = HomePage.objects.get(locale__language_code="tr")
    english = Locale.objects.get(language_code="en")
    for number in range(6):
        page = make_standard_page(home, title=f"Gönüllü {number}", slug=f"gonullu-{number}")
        translate(page, english, title=f"Volunteer {number}", slug=f"volunteer-{number}")
    for number in range(6):
        make_standard_page(home, title=f"Volunteer only in Turkish {number}", slug=f"v-tr-{number}")
    pages = [
        client.get("/en/search/", {"q": "volunteer", "page": n}).context["results"] for n in (1, 2)
    ]
    hits = [hit for page in pages for hit in page.object_list]
    assert pages[0].paginator.count == 12
    assert [hit.fallback for hit in hits] == [False] * 6 + [True] * 6
    assert all(hit.page.locale.language_code == "tr" for hit in hits[6:])


def test_private_and_draft_pages_are_not_found(corpus):
    home = HomePage.objects.get(locale__language_code="tr")
    private = make_standard_page(home, title="Gizli İstanbul", slug="gizli")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = StandardPage(title="Taslak İstanbul", slug="taslak", live=False)
    home.add_child(instance=draft)
    slugs = {key for _, key in found("istanbul", "tr")}
    assert "gizli" not in slugs
    assert "taslak" not in slugs


def test_promotions_come_first_whichever_way_the_query_is_typed(corpus, client):
    notes = Page.objects.get(slug="notes")
    isik = Page.objects.get(slug="isik")
    query = Query.get("ışık")
    SearchPromotion.objects.create(query=query, page=notes, sort_order=0, description="Notlar")
    SearchPromotion.objects.create(query=query, page=isik, sort_order=1)
    for typed in ["ışık", "IŞIK", "isik", "Işık"]:
        response = client.get("/tr/search/", {"q": typed})
        promoted = [hit.page.slug for hit in response.context["promotions"]]
        assert promoted == ["notes", "isik"], typed
        organic = [hit.page.slug for hit in response.context["results"].object_list]
        assert "notes" not in organic and "isik" not in organic  # not listed twice
    html = client.get("/tr/search/", {"q": "isik"}).content.decode()
    assert html.index("Önerilenler") < html.index("Program Notları") < html.index("Işık Derneği")
    assert "“isik” için 2 sonuç" in html
    assert "Notlar</p>" in html  # the editor's description
    html = client.get("/tr/search/", {"q": "istanbul"}).content.decode()
    assert "Önerilenler" not in html

    SearchPromotion.objects.filter(page=isik).delete()
    html = client.get("/tr/search/", {"q": "IŞIK"}).content.decode()
    assert html.index("Program Notları") < html.index("Tüm sonuçlar") < html.index("Işık Derneği")


def test_promotions_follow_the_visitor_language(corpus, client):
    query = Query.get("ogrenci")
    SearchPromotion.objects.create(query=query, page=Page.objects.get(slug="isik"), sort_order=0)
    SearchPromotion.objects.create(query=query, page=Page.objects.get(slug="ogrenci"), sort_order=1)
    response = client.get("/en/search/", {"q": "ogrenci"})
    promoted = [(hit.page.slug, hit.fallback) for hit in response.context["promotions"]]
    assert promoted == [("isik-en", False), ("ogrenci", True)]
    assert response.context["results"].paginator.count == 0


def test_queries_are_logged_for_the_popular_searches_report(corpus, client, admin_client):
    client.get("/tr/search/", {"q": "İSTANBUL"})
    client.get("/tr/search/", {"q": "istanbul"})
    client.get("/tr/search/", {"q": "istanbul", "page": "2"})  # the same search, next page
    client.get("/tr/search/", {"q": "istanbul", "type": "home.standardpage"})
    client.get("/en/search/", {"q": "IŞIK"})
    client.get("/tr/search/", {"q": "IŞIK"})
    assert Query.get("istanbul").hits == 2
    assert Query.objects.get(query_string="işik").hits == 1  # English lower-casing
    assert Query.objects.get(query_string="ışık").hits == 1  # Turkish lower-casing
    response = admin_client.get("/admin/searchpicks/reports/search-terms/")
    assert response.status_code == 200
    assert "istanbul" in response.content.decode()


def test_suggestions_as_you_type(corpus, client):
    response = client.get("/tr/search/suggest/", {"q": "izm"})
    assert response.json()["suggestions"] == [{"title": "İzmir Kültürpark", "url": "/tr/izmir/"}]
    titles = [
        s["title"] for s in client.get("/tr/search/suggest/", {"q": "isi"}).json()["suggestions"]
    ]
    assert titles == ["Işık Derneği Atölyesi"]
    titles = [
        s["title"] for s in client.get("/en/search/suggest/", {"q": "tea ti"}).json()["suggestions"]
    ]
    assert titles == ["Tea Time Meetings"]
    assert client.get("/tr/search/suggest/", {"q": "i"}).json() == {"suggestions": []}


def test_search_page_works_without_javascript(corpus, client):
    html = client.get("/tr/search/", {"q": "istanbul"}).content.decode()
    assert 'action="/tr/search/" method="get"' in html
    assert 'name="q"' in html
    assert 'src="/static/search/suggest.js" defer' in html


# Units: the spellings a query is looked up under and the indexed text of a page.


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
