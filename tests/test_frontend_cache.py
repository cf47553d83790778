"""A CDN or proxy in front: what is purged on which change, and which responses it may keep.

The purges go to a real HTTP server on 127.0.0.1 that records every PURGE request, through
Wagtail's own HTTPBackend configured the way config/settings/production.py configures it.
"""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Locale, Site

from demo.builders import (
    make_event,
    make_events_index,
    make_festival,
    make_standard_page,
    translate,
)
from home.models import SiteSettings
from pagecache.apps import FrontendCacheConfig
from pagecache.middleware import PageCacheMiddleware
from tests.test_production import production, production_settings  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

HOST = "localhost"  # the default Wagtail site's host name: purged URLs are built from it
FEEDS_AND_SITEMAP = {
    "/tr/calendar/events.ics",
    "/tr/calendar/events.rss",
    "/tr/calendar/events.atom",
    "/en/calendar/events.ics",
    "/en/calendar/events.rss",
    "/en/calendar/events.atom",
    "/sitemap.xml",
    "/sitemap-pages.xml",
}
HOMES = {"/tr/", "/en/"}


class PurgeRecorder(BaseHTTPRequestHandler):
    """A caching proxy's purge endpoint: records (Host, path) and answers 200."""

    def do_PURGE(self) -> None:  # noqa: N802 - the method name http.server looks for
        self.server.purged.append((self.headers["Host"], self.path))  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base signature
        pass


@pytest.fixture
def purge_server(monkeypatch) -> Iterator[ThreadingHTTPServer]:
    monkeypatch.setenv("no_proxy", "127.0.0.1")  # urllib must not send PURGE to a proxy
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def purge_url(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


@pytest.fixture
def purging(monkeypatch, purge_server) -> Iterator[ThreadingHTTPServer]:
    """The production settings' front-end cache, with FRONTEND_CACHE_PURGE_URL = the server."""
    prod = production_settings(monkeypatch, FRONTEND_CACHE_PURGE_URL=purge_url(purge_server))
    with override_settings(
        WAGTAILFRONTENDCACHE=prod.WAGTAILFRONTENDCACHE,
        WAGTAILFRONTENDCACHE_LANGUAGES=prod.WAGTAILFRONTENDCACHE_LANGUAGES,
    ):
        yield purge_server


def paths(server: ThreadingHTTPServer) -> set[str]:
    assert all(host == HOST for host, _path in server.purged)
    return {path for _host, path in server.purged}


def english() -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.fixture
def event_pair(home):
    """A Turkish meeting with its English translation, in translated events indexes."""
    index = make_events_index(home)
    translate(index, english(), title="Events", slug="events")
    event = make_event(index, title="Van Buluşması", slug="van-bulusmasi")
    event_en = translate(event, english(), title="Van Meeting", slug="van-meeting")
    return event, event_en


# --- what is purged -------------------------------------------------------------------------


def test_publishing_an_event_purges_it_its_translation_listings_homes_feeds_and_sitemap(
    event_pair, purging, django_capture_on_commit_callbacks
):
    event, event_en = event_pair
    purging.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert paths(purging) == {
        "/tr/etkinlikler/van-bulusmasi/",
        "/en/events/van-meeting/",
        # its routes without arguments: the registration form (places left) and private page
        "/tr/etkinlikler/van-bulusmasi/register/",
        "/tr/etkinlikler/van-bulusmasi/registration/",
        "/en/events/van-meeting/register/",
        "/en/events/van-meeting/registration/",
        # ancestors, with the index's routable calendar
        "/tr/etkinlikler/",
        "/tr/etkinlikler/calendar/",
        "/en/events/",
        "/en/events/calendar/",
        *HOMES,
        # the event's own calendar file, by either page's id, in either language
        f"/tr/calendar/event/{event.pk}.ics",
        f"/en/calendar/event/{event.pk}.ics",
        f"/tr/calendar/event/{event_en.pk}.ics",
        f"/en/calendar/event/{event_en.pk}.ics",
        *FEEDS_AND_SITEMAP,
    }
    assert len(purging.purged) == len(paths(purging)), "one batch, each URL purged once"


def test_nothing_is_purged_before_the_commit(
    event_pair, purging, django_capture_on_commit_callbacks
):
    event, _event_en = event_pair
    purging.purged.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        event.save_revision().publish()
    assert purging.purged == []
    for callback in callbacks:  # the commit
        callback()
    assert "/tr/etkinlikler/van-bulusmasi/" in paths(purging)


def test_nothing_is_purged_without_a_backend(
    event_pair, purge_server, monkeypatch, django_capture_on_commit_callbacks
):
    prod = production_settings(monkeypatch)  # no FRONTEND_CACHE_PURGE_URL, no CDN
    assert prod.WAGTAILFRONTENDCACHE == {}
    event, _event_en = event_pair
    with override_settings(WAGTAILFRONTENDCACHE=prod.WAGTAILFRONTENDCACHE):
        with django_capture_on_commit_callbacks(execute=True):
            event.save_revision().publish()
            event.unpublish()
    assert purge_server.purged == []


def test_unpublishing_purges_the_page_its_translation_and_what_listed_it(
    home, purging, django_capture_on_commit_callbacks
):
    page = make_standard_page(home, title="Koçluk", slug="kocluk", show_in_menus=True)
    translate(page, english(), title="Coaching", slug="coaching")
    purging.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert paths(purging) == {"/tr/kocluk/", "/en/coaching/", *HOMES, *FEEDS_AND_SITEMAP}


def test_deleting_a_live_page_purges_it(home, purging, django_capture_on_commit_callbacks):
    page = make_standard_page(home, title="Eski Duyuru", slug="eski-duyuru")
    purging.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert paths(purging) == {"/tr/eski-duyuru/", *HOMES, *FEEDS_AND_SITEMAP}


def test_moving_purges_the_old_and_the_new_url_and_both_parents(
    home, purging, django_capture_on_commit_callbacks
):
    about = make_standard_page(home, title="Hakkımızda", slug="hakkimizda")
    page = make_standard_page(home, title="Ekip", slug="ekip")
    purging.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(about, pos="last-child")
    assert paths(purging) == {
        "/tr/ekip/",
        "/tr/hakkimizda/ekip/",
        "/tr/hakkimizda/",
        *HOMES,
        *FEEDS_AND_SITEMAP,
    }


def test_a_new_slug_purges_the_old_url_too(home, purging, django_capture_on_commit_callbacks):
    page = make_standard_page(home, title="Bilgi", slug="bilgi")
    purging.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.slug = "bilgi-merkezi"
        page.save_revision().publish()
    assert {"/tr/bilgi/", "/tr/bilgi-merkezi/"} <= paths(purging)


def test_a_routable_pages_sub_pages_without_arguments_are_purged(
    home, purging, django_capture_on_commit_callbacks
):
    from stories.models import StoryIndexPage

    index = StoryIndexPage(title="Hikâyeler", slug="hikayeler")
    home.add_child(instance=index)
    purging.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        index.save_revision().publish()
    assert {"/tr/hikayeler/", "/tr/hikayeler/feed/", "/tr/hikayeler/feed/atom/"} <= paths(purging)


def test_every_sitemap_file_is_purged(
    home, purging, monkeypatch, django_capture_on_commit_callbacks
):
    from home.sitemap import MultilingualSitemap

    monkeypatch.setattr(MultilingualSitemap, "limit", 2)  # 2 homes + 3 pages: 3 files
    pages = [make_standard_page(home, title=f"Sayfa {n}", slug=f"sayfa-{n}") for n in range(3)]
    purging.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        pages[0].save_revision().publish()
    sitemap = {path for path in paths(purging) if path.startswith("/sitemap")}
    assert sitemap == {
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/sitemap-pages.xml?p=2",
        "/sitemap-pages.xml?p=3",
    }


def test_wagtails_own_page_handlers_stay_disconnected(
    home, purging, django_capture_on_commit_callbacks
):
    # What production installs instead of wagtail.contrib.frontend_cache: the same app for
    # the redirects app (apps.is_installed), without its page_published handler.
    config = FrontendCacheConfig.create("pagecache.apps.FrontendCacheConfig")
    assert config.name == "wagtail.contrib.frontend_cache"
    config.ready()
    page = make_standard_page(home, title="Duyuru", slug="duyuru")
    purging.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert ("localhost", "/tr/duyuru/") in purging.purged
    assert len(purging.purged) == len(set(purging.purged)), "purged twice"


# --- production settings ----------------------------------------------------------------------


def test_no_backend_unless_the_environment_names_one(monkeypatch):
    prod = production_settings(monkeypatch)
    assert prod.WAGTAILFRONTENDCACHE == {}
    assert "pagecache.apps.FrontendCacheConfig" not in prod.INSTALLED_APPS
    assert "wagtail.contrib.frontend_cache" not in prod.INSTALLED_APPS
    assert prod.STGM_FRONTEND_CACHE_SECONDS == 0


def test_backends_from_the_environment_are_wagtails(monkeypatch):
    prod = production_settings(
        monkeypatch,
        FRONTEND_CACHE_PURGE_URL="http://varnish-1:6081, http://varnish-2:6081",
        CLOUDFLARE_BEARER_TOKEN="cf-token",
        CLOUDFLARE_ZONEID="cf-zone",
        CLOUDFRONT_DISTRIBUTION_ID="E2EXAMPLE",
        FRONTEND_CACHE_HOSTNAMES="stgm.example.org",
        FRONTEND_CACHE_SECONDS="600",
        AWS_DEFAULT_REGION="eu-central-1",  # boto3 builds its client in the constructor
    )
    config = prod.WAGTAILFRONTENDCACHE
    assert config["proxy0"]["LOCATION"] == "http://varnish-1:6081"
    assert config["proxy1"]["LOCATION"] == "http://varnish-2:6081"
    assert config["cloudflare"]["BEARER_TOKEN"] == "cf-token"
    assert config["cloudflare"]["ZONEID"] == "cf-zone"
    assert config["cloudfront"]["DISTRIBUTION_ID"] == "E2EXAMPLE"
    assert prod.WAGTAILFRONTENDCACHE_LANGUAGES == []
    assert prod.STGM_FRONTEND_CACHE_SECONDS == 600
    assert "pagecache.apps.FrontendCacheConfig" in prod.INSTALLED_APPS
    # Wagtail builds each backend from these settings (class paths and option names).
    backends = get_backends(config)
    assert [type(backend).__name__ for backend in backends.values()] == [
        "HTTPBackend",
        "HTTPBackend",
        "CloudflareBackend",
        "CloudfrontBackend",
    ]
    for backend in backends.values():
        assert backend.invalidates_hostname("stgm.example.org")
        assert not backend.invalidates_hostname("other.example.org")


@pytest.mark.parametrize(
    "env",
    [
        {"CLOUDFLARE_BEARER_TOKEN": "cf-token"},  # no zone
        {"CLOUDFLARE_ZONEID": "cf-zone"},  # no token
        {"FRONTEND_CACHE_PURGE_URL": "varnish:6081"},  # no scheme
    ],
)
def test_a_half_configured_backend_stops_the_start(monkeypatch, env):
    with pytest.raises(ImproperlyConfigured):
        production_settings(monkeypatch, **env)


# --- which responses a CDN may keep ----------------------------------------------------------


@pytest.fixture
def cdn_site(home, production):  # noqa: F811 - the fixture imported above
    """Production middleware, page cache on, and FRONTEND_CACHE_SECONDS=600."""
    SiteSettings.for_site(home.get_site())  # created on the first view, which invalidates
    with override_settings(STGM_PAGE_CACHE_SECONDS=300, STGM_FRONTEND_CACHE_SECONDS=600):
        yield


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


SHARED = {"public", "max-age=0", "s-maxage=600"}


def test_anonymous_pages_may_be_kept_by_a_shared_cache(client, home, cdn_site):
    first = client.get(home.url)
    assert first["X-Page-Cache"] == "miss"
    assert cache_control(first) == SHARED
    assert "Cookie" in first["Vary"]
    second = client.get(home.url)
    assert second["X-Page-Cache"] == "hit"
    assert cache_control(second) == SHARED
    assert "Cookie" in second["Vary"]


def test_without_the_setting_headers_stay_as_they_were(client, home, production):  # noqa: F811
    with override_settings(STGM_PAGE_CACHE_SECONDS=300):
        response = client.get(home.url)
        feed = client.get("/tr/calendar/events.ics")
    assert "Cache-Control" not in response
    assert cache_control(feed) == {"public", "max-age=900"}  # the feed view's own


def test_a_feed_keeps_its_own_browser_lifetime(client, home, cdn_site):
    make_event(make_events_index(home))
    assert cache_control(client.get("/tr/calendar/events.ics")) == {
        "public",
        "max-age=900",
        "s-maxage=600",
    }


def test_with_the_page_cache_off_the_header_is_still_given(client, home, cdn_site):
    with override_settings(STGM_PAGE_CACHE_SECONDS=0):
        response = client.get(home.url)
    assert "X-Page-Cache" not in response
    assert cache_control(response) == SHARED


def test_a_page_with_a_form_is_not_shared(client, home, cdn_site):
    index = make_events_index(home)
    privacy = make_standard_page(home, title="Aydınlatma Metni", slug="aydinlatma-metni")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    festival = make_festival(index)
    response = client.get(festival.url + festival.reverse_subpage("apply"))
    assert response.status_code == 200 and "csrftoken" in response.cookies
    assert "s-maxage=600" not in cache_control(response)
    assert "public" not in cache_control(response)


def test_a_logged_in_editor_is_not_shared(client, home, cdn_site):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    response = client.get(home.url)
    assert response.status_code == 200
    assert "s-maxage=600" not in cache_control(response)


def test_errors_are_not_shared(client, home, cdn_site):
    response = client.get("/tr/yok-boyle-bir-sayfa/")
    assert response.status_code == 404
    assert "s-maxage=600" not in cache_control(response)


@pytest.mark.parametrize("kind", ["cookie", "csrf token", "private", "session"])
def test_responses_for_one_visitor_are_not_shared(kind):
    request = RequestFactory().get("/tr/festival/")
    request._pagecache_cacheable = True  # what process_view records
    response = HttpResponse("for one visitor")
    if kind == "cookie":
        response.set_cookie("messages", "saved")
    elif kind == "csrf token":
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    elif kind == "private":
        response["Cache-Control"] = "private"
    else:
        request.session = SimpleNamespace(session_key="abc", is_empty=lambda: False)
    with override_settings(STGM_PAGE_CACHE_SECONDS=0, STGM_FRONTEND_CACHE_SECONDS=600):
        served = PageCacheMiddleware(lambda _request: response)(request)
    assert "s-maxage" not in served.get("Cache-Control", "")


def test_a_plain_response_for_anyone_is_shared():
    request = RequestFactory().get("/tr/festival/")
    request._pagecache_cacheable = True
    with override_settings(STGM_PAGE_CACHE_SECONDS=0, STGM_FRONTEND_CACHE_SECONDS=600):
        served = PageCacheMiddleware(lambda _request: HttpResponse("for anyone"))(request)
    assert cache_control(served) == SHARED


def test_the_sitemap_keeps_its_vary_headers(client, home, cdn_site):
    response = client.get("/sitemap.xml")
    assert cache_control(response) == SHARED
    vary = {part.strip() for part in response["Vary"].split(",")}
    assert {"Cookie", "Accept-Language"} <= vary


def test_a_failure_to_work_out_the_urls_does_not_stop_a_publish(
    home, purging, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    import pagecache.frontend

    def broken(*_args):
        raise RuntimeError("sitemap unavailable")

    monkeypatch.setattr(pagecache.frontend, "registered_urls", broken)
    page = make_standard_page(home, title="Duyuru", slug="duyuru")
    purging.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.live and purging.purged == []
    assert "Could not work out the front-end cache URLs" in caplog.text
