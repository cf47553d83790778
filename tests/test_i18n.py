"""Languages: the / redirect, the switcher, hreflang, sitemap, 404s, dates, catalogues."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import polib
import pytest
from defusedxml import ElementTree as ET
from django.conf import settings
from django.utils import formats, translation
from django.utils.timezone import localtime
from wagtail.models import Locale, Page

from demo.builders import make_standard_page, translate

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("tr-TR,tr;q=0.9", "/tr/"), ("de-DE", "/tr/"), ("", "/tr/")],
)
def test_root_redirects_by_accept_language(client, home, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.fixture
def translated_page(home):
    page = make_standard_page(home, title="Hakkımızda", slug="hakkimizda")
    english = Locale.objects.get(language_code="en")
    translate(page, english, title="About us", slug="about")
    return page


def test_switcher_goes_to_the_same_page_in_the_other_language(client, translated_page):
    response = client.get("/tr/hakkimizda/")
    assert 'href="/en/about/" hreflang="en"' in response.content.decode()
    response = client.get("/en/about/")
    assert 'href="/tr/hakkimizda/" hreflang="tr"' in response.content.decode()


def test_switcher_without_a_translation_goes_home_and_says_so(client, home):
    make_standard_page(home, title="Yalnız Türkçe", slug="yalniz-turkce")
    html = client.get("/tr/yalniz-turkce/").content.decode()
    assert 'href="/en/" hreflang="en" lang="en" data-fallback="true"' in html
    assert "not translated yet: home page" in html


def test_switcher_ignores_a_draft_translation(client, home):
    page = make_standard_page(home, title="Taslak", slug="taslak")
    draft = page.copy_for_translation(Locale.objects.get(language_code="en"))
    assert not draft.live
    html = client.get("/tr/taslak/").content.decode()
    assert 'data-fallback="true"' in html


def test_hreflang_alternates_with_x_default(client, translated_page):
    html = client.get("/en/about/").content.decode()
    assert '<link rel="alternate" hreflang="tr" href="http://testserver/tr/hakkimizda/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in html
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/tr/hakkimizda/">'
        in html
    )
    assert '<link rel="canonical" href="http://testserver/en/about/">' in html


def sitemap_urls(client, path: str) -> dict[str, dict[str, str]]:
    response = client.get(path)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }


def sitemap_files(client) -> list[str]:
    """The files the sitemap index at /sitemap.xml lists, as paths."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in root.findall("s:sitemap/s:loc", SITEMAP_NS)]
    return [location.removeprefix("http://testserver") for location in locations]


def test_sitemap_index_splits_the_pages_into_files(client, home, monkeypatch):
    from home.sitemap import MultilingualSitemap

    monkeypatch.setattr(MultilingualSitemap, "limit", 1)
    files = sitemap_files(client)
    assert files == ["/sitemap-pages.xml", "/sitemap-pages.xml?p=2"]
    listed = [url for path in files for url in sitemap_urls(client, path)]
    assert sorted(listed) == ["http://testserver/en/", "http://testserver/tr/"]
    assert client.get("/sitemap-pages.xml?p=3").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
    index = ET.fromstring(client.get("/sitemap.xml").content)
    published = Page.objects.live().filter(last_published_at__isnull=False)
    latest = published.latest("last_published_at").last_published_at
    # In the site's time zone (Istanbul's day starts three hours before UTC's).
    assert index.find("s:sitemap/s:lastmod", SITEMAP_NS).text == localtime(latest).isoformat()


def test_sitemap_index_is_rendered_once_per_content_generation(client, home, monkeypatch):
    """It lists one line per file, growing with the site: kept, with its headers, until a
    page changes."""
    from home import views

    rendered = []
    render = views.django_sitemap_index
    monkeypatch.setattr(
        views, "django_sitemap_index", lambda *a, **k: rendered.append(1) or render(*a, **k)
    )
    first = client.get("/sitemap.xml")
    again = client.get("/sitemap.xml")
    assert len(rendered) == 1
    assert again.content == first.content
    for header in ("Content-Type", "Last-Modified", "X-Robots-Tag"):
        assert again[header] == first[header]
    make_standard_page(home, title="Yeni", slug="yeni")
    client.get("/sitemap.xml")
    assert len(rendered) == 2


def test_sitemap_index_follows_publishing_moving_and_deleting(client, home, monkeypatch):
    """The pages' count and latest change are kept per content generation."""
    from home.sitemap import MultilingualSitemap

    monkeypatch.setattr(MultilingualSitemap, "limit", 1)
    assert len(sitemap_files(client)) == 2
    page = make_standard_page(home, title="Yeni", slug="yeni")
    assert len(sitemap_files(client)) == 3
    index = ET.fromstring(client.get("/sitemap.xml").content)
    page.refresh_from_db()
    lastmod = index.find("s:sitemap/s:lastmod", SITEMAP_NS).text
    assert lastmod == localtime(page.last_published_at).isoformat()

    def listed() -> list[str]:
        return [url for path in sitemap_files(client) for url in sitemap_urls(client, path)]

    assert "http://testserver/tr/yeni/" in listed()
    other = make_standard_page(home, title="Öteki", slug="oteki")
    page.move(other, pos="last-child")
    assert "http://testserver/tr/oteki/yeni/" in listed()
    page.unpublish()
    assert len(sitemap_files(client)) == 3
    other.delete()
    assert len(sitemap_files(client)) == 2
    assert client.get("/sitemap-pages.xml?p=3").status_code == 404


def test_sitemap_files_are_what_djangos_template_renders():
    from django.template.loader import render_to_string

    from home.sitemap import render_urlset

    late = datetime.datetime(2026, 3, 12, 22, 30, tzinfo=datetime.UTC)  # the 13th in Istanbul
    urls = [
        {
            "location": "http://testserver/tr/a&b/<c>/\"d\"/'e'/",
            "lastmod": late,
            "alternates": [
                {"lang_code": "tr", "location": "http://testserver/tr/a&b/"},
                {"lang_code": "x-default", "location": "http://testserver/tr/a&b/"},
            ],
        },
        {"location": "http://testserver/en/", "lastmod": None, "alternates": []},
        {
            "location": "http://testserver/tr/ankara/",
            "lastmod": datetime.date(2026, 1, 2),
            "changefreq": "weekly",
            "priority": "0.5",
            "alternates": [{"lang_code": "en", "location": "http://testserver/en/ankara/"}],
        },
        {"location": "http://testserver/tr/x/", "changefreq": None, "priority": ""},
    ]
    for urlset in (urls, []):
        assert render_urlset(urlset) == render_to_string("sitemap.xml", {"urlset": urlset})
    assert "<lastmod>2026-03-13</lastmod>" in render_urlset(urls)


def test_sitemap_lists_both_languages_with_alternates(client, translated_page):
    assert sitemap_files(client) == ["/sitemap-pages.xml"]
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {
        url.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }
    assert set(urls) == {
        "http://testserver/tr/",
        "http://testserver/en/",
        "http://testserver/tr/hakkimizda/",
        "http://testserver/en/about/",
    }
    assert urls["http://testserver/tr/hakkimizda/"] == {
        "tr": "http://testserver/tr/hakkimizda/",
        "en": "http://testserver/en/about/",
        "x-default": "http://testserver/tr/hakkimizda/",
    }


def test_sitemap_locations_are_the_pages_own_urls(client, translated_page):
    """The sitemap builds URLs from rows; they must be the ones Wagtail serves the pages at,
    nested pages and untranslated ones included, and nothing that is not live."""
    english = Locale.objects.get(language_code="en")
    child = make_standard_page(translated_page, title="Çalışma Alanları", slug="calisma-alanlari")
    translate(child, english, title="Areas of work", slug="areas-of-work")
    make_standard_page(child, title="Yalnız Türkçe", slug="yalniz-turkce")
    draft = make_standard_page(child, title="Taslak", slug="taslak")
    draft.unpublish()
    urls = sitemap_urls(client, "/sitemap-pages.xml")
    routable = (page.get_url() for page in Page.objects.live().filter(depth__gte=2))
    expected = {url for url in routable if url}
    assert {url.removeprefix("http://testserver") for url in urls} == expected
    assert "http://testserver/tr/hakkimizda/calisma-alanlari/yalniz-turkce/" in urls
    assert urls["http://testserver/en/about/areas-of-work/"] == {
        "tr": "http://testserver/tr/hakkimizda/calisma-alanlari/",
        "en": "http://testserver/en/about/areas-of-work/",
        "x-default": "http://testserver/tr/hakkimizda/calisma-alanlari/",
    }
    for url in urls:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/tr/yok-boyle-bir-sayfa/", "tr", "Sayfa bulunamadı"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_404_page_in_each_language(client, home, path, lang, heading):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html


def test_turkish_dates_and_istanbul_time():
    moment = datetime.datetime(2026, 3, 12, 16, 0, tzinfo=datetime.UTC)
    local = moment.astimezone(ZoneInfo(settings.TIME_ZONE))
    with translation.override("tr"):
        assert formats.date_format(local, "j F Y l") == "12 Mart 2026 Perşembe"
        assert formats.time_format(local, "H:i") == "19:00"
    with translation.override("en"):
        assert formats.date_format(local, "l j F Y") == "Thursday 12 March 2026"


def test_turkish_catalogues_are_complete_and_compiled():
    root = Path(settings.BASE_DIR)
    catalogues = sorted(root.glob("*/locale/tr/LC_MESSAGES/django.po"))
    assert catalogues, "no Turkish catalogue found"
    for po_path in catalogues:
        catalogue = polib.pofile(str(po_path))
        missing = [
            entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete
        ]
        assert not missing, f"{po_path}: untranslated {missing[:5]}"
        compiled = {
            entry.msgid: entry.msgstr for entry in polib.mofile(str(po_path.with_suffix(".mo")))
        }
        source = {entry.msgid: entry.msgstr for entry in catalogue.translated_entries()}
        assert source.items() <= compiled.items(), f"{po_path}: .mo is stale, run make messages"


def test_one_english_text_reads_the_same_in_every_catalogue():
    """Django merges the apps' catalogues into one, so a text translated two ways is shown
    one way everywhere, whichever app wins; a text that means two things takes a context."""
    seen: dict[tuple[str, str], dict[str, str]] = {}
    for po_path in sorted(Path(settings.BASE_DIR).glob("*/locale/tr/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(po_path)).translated_entries():
            key = (entry.msgctxt or "", entry.msgid)
            seen.setdefault(key, {})[po_path.parts[-5]] = entry.msgstr
    differing = {key: apps for key, apps in seen.items() if len(set(apps.values())) > 1}
    assert differing == {}


def test_admin_is_turkish_by_default(admin_client, home):
    response = admin_client.get("/admin/")
    assert '<html lang="tr"' in response.content.decode()
