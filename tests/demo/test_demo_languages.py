"""The language switcher and hreflang across the demo: every view (routed sub-pages,
filtered and paginated listings, searches, private pages) leads to the same view in the
other language, and every alternate points back."""

import re
from html import unescape
from urllib.parse import urlencode, urlsplit

from wagtail.models import Locale

from applications.models import StandApplication
from tests.demo.conftest import DEMO

pytestmark = DEMO

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
LINK = re.compile(r'<a [^>]*href="(/(?:tr|en)/[^"#]*)"')
SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)
# Feeds, calendar files and downloads are not pages with alternates.
NOT_PAGES = re.compile(r"(/feed/|\.ics|/documents/|/media/|/admin/)")
HOST = "http://testserver"


def alternates(html: str) -> dict[str, str]:
    return {code: unescape(href) for code, href in ALTERNATE.findall(html)}


def switcher_link(html: str, code: str) -> str:
    nav = SWITCHER.search(html).group(0)
    return unescape(re.search(rf'<a href="([^"]+)" hreflang="{code}"', nav).group(1))


def crawl(client, starts: list[str], limit: int = 600) -> dict[str, str]:
    """URL -> HTML of every demo page reachable from `starts` by links (up to `limit`)."""
    seen: dict[str, str] = {}
    queue = list(starts)
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen or NOT_PAGES.search(url):
            continue
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            seen[url] = ""
            continue
        html = response.content.decode()
        seen[url] = html
        queue.extend(unescape(link) for link in LINK.findall(html) if unescape(link) not in seen)
    return seen


def test_every_alternate_points_back(client):
    pages = crawl(client, ["/tr/", "/en/", "/tr/etkinlikler/calendar/", "/en/events/calendar/"])
    routed = [url for url in pages if "/calendar/" in url or "/apply/" in url or "?" in url]
    assert len(pages) > 150 and len(routed) > 20
    broken = []
    checked = 0
    for url, html in pages.items():
        own = alternates(html)
        if not own:
            continue
        language = url.split("/")[1]
        assert own[language] == HOST + url, url  # a view is its own alternate...
        assert CANONICAL.search(html).group(1) == HOST + url  # ...and its own canonical
        for code, href in own.items():
            if code in (language, "x-default"):
                continue
            path = href.removeprefix(HOST)
            other = pages.get(path)
            if other is None:
                other = pages[path] = client.get(path).content.decode()
            checked += 1
            if alternates(other).get(language) != HOST + url:
                broken.append((url, href))
    assert checked > 150
    assert broken == []


def test_the_switcher_keeps_the_view_and_its_query(client):
    cases = {
        "/tr/etkinlikler/?type=festival&province=06": "/en/events/?type=festival&province=06",
        "/tr/etkinlikler/calendar/2026/12/": "/en/events/calendar/2026/12/",
        "/tr/search/?q=%C3%A7ay+saati": "/en/search/?q=%C3%A7ay+saati",
    }
    for turkish, english in cases.items():
        assert switcher_link(client.get(turkish).content.decode(), "en") == english
        assert switcher_link(client.get(english).content.decode(), "tr") == turkish


def test_the_stand_form_switches_to_the_same_form(client):
    turkish = StandApplication.objects.first().festival
    english = turkish.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(f"{english.url}apply/").content.decode()
    assert 'name="organisation"' in html
    assert switcher_link(html, "tr") == f"{turkish.url}apply/"


def test_a_private_page_switches_to_its_twin_and_announces_nothing(client):
    application = StandApplication.objects.filter(language="tr").first()
    key = application.link_token
    link = urlsplit(application.status_url())
    assert link.path.startswith("/tr/etkinlikler/") and link.query == f"key={key}"
    html = client.get(f"{link.path}?{link.query}").content.decode()
    english = switcher_link(html, "en")
    query = re.escape(urlencode({"key": key}))
    assert re.fullmatch(rf"/en/events/[^/]+/application/\?{query}", english)
    twin = client.get(english).content.decode()
    assert application.organisation in twin
    for private in (html, twin):
        assert 'rel="alternate" hreflang' not in private and not CANONICAL.search(private)
