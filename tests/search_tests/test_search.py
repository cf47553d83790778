"""Site search: Turkish and English queries as people type them, on SQLite and PostgreSQL.

The same tables run on both databases (`make test`, `make test-postgres`); the tests that only
PostgreSQL can pass are skipped on SQLite. The corpus is in corpus.py and conftest.py;
indexing, corrections and the cache in test_search_index.py.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction

from demo.builders import make_events_index, make_standard_page, translate
from events.models import EventIndexPage
from home.models import HomePage, StandardPage
from search import services

from .corpus import found

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
    assert '<p class="search-result__type">Sayfalar' in html  # the result's type, in Turkish
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
    assert "12 Mart 2026 Perşembe 19:00" in html
    assert 'datetime="2026-03-12T19:00:00+03:00"' in html
    assert "Kültürpark, İzmir" in html
    html = client.get("/en/search/", {"q": "izmir"}).content.decode()
    assert "Thursday 12 March 2026 19:00" in html


def test_filter_by_type_comes_from_the_results(corpus, client):
    with translation.override("tr"):
        outcome = services.run_search("istanbul", Locale.objects.get(language_code="tr"))
    # The home page does not match; the types offered are those of the results.
    assert [(t.value, t.label, t.count) for t in outcome.types] == [("pages", "Sayfalar", 2)]
    filtered = services.run_search("istanbul", Locale.objects.get(language_code="tr"), "events")
    assert filtered.selected_type == ""  # a type with no results for this query is ignored
    response = client.get("/tr/search/", {"q": "istanbul", "type": "pages"})
    assert response.status_code == 200
    assert response.context["outcome"].selected_type == "pages"
    assert len(response.context["results"].object_list) == 2


def test_result_types_use_a_visitor_words_and_group_page_types(corpus, client):
    home = HomePage.objects.get(locale__language_code="tr")
    make_events_index(home, title="Ana sayfa etkinlikleri", slug="ana-sayfa-etkinlikleri")
    make_standard_page(home, title="Ana sayfa notları", slug="ana-sayfa-notlari")
    locale = Locale.objects.get(language_code="tr")
    with translation.override("tr"):
        both = services.run_search("ana sayfa", locale)
    # The home page and the standard page are both "pages"; the events index is "events".
    assert {(t.value, t.label, t.count) for t in both.types} == {
        ("pages", "Sayfalar", 2),
        ("events", "Etkinlikler", 1),
    }
    only_events = services.run_search("ana sayfa", locale, "events")
    assert only_events.selected_type == "events" and only_events.total == 3
    assert [hit.page.specific_class for hit in only_events.results[0:10]] == [EventIndexPage]
    html = client.get("/tr/search/", {"q": "ana sayfa"}).content.decode()
    assert "?q=ana+sayfa&amp;type=events" in html and ">Etkinlikler (1)</a>" in html
    for model_name in ("Standart sayfa", "Events index", "Etkinlik dizini", "Ana sayfa (2)"):
        assert model_name not in html


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
    client.get("/tr/search/", {"q": "istanbul", "type": "pages"})
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


def test_a_query_in_the_other_language_finds_the_page_in_this_one(corpus, client):
    """Nothing in English says "atölyesi"; the Turkish twin does, so the English page is
    offered, with the language that matched."""
    html = client.get("/en/search/", {"q": "atolyesi"}).content.decode()
    assert "These pages match “atolyesi” in Turkish:" in html
    assert "Işık Association Workshop</a>" in html and "Işık Derneği Atölyesi" not in html
    html = client.get("/tr/search/", {"q": "workshop"}).content.decode()
    assert "“workshop” aramasına İngilizce metinleri uyan sayfalar:" in html
    assert "Işık Derneği Atölyesi</a>" in html and "Işık Association Workshop" not in html
    assert 'class="search-empty"' not in html
    html = client.get("/en/search/", {"q": "zzqx"}).content.decode()
    assert "These pages match" not in html and 'class="search-empty"' in html
