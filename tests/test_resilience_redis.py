"""Redis down: the public site and the application forms keep working, uncached; the outage
is logged once, not per request; editors stay logged in (sessions also in the database);
everything recovers by itself when Redis returns.

Production's cache and session settings (config/settings/production.py) over the test
project, pointed at a redis-server this module starts and stops on a free port.
"""

import logging
import signal

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.test import Client, override_settings
from wagtail.models import Locale, Site

from core.versions import CONTENT, generation, local_copies, versioned_get_or_set
from demo.builders import make_events_index, make_festival, make_standard_page, translate
from home.models import SiteSettings
from tests.resilience import RedisServer, redis_missing_reason, wait_for
from tests.test_applications_web import apply_url, form_data
from tests.test_production import production_settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.services,
    pytest.mark.skipif(redis_missing_reason() is not None, reason=redis_missing_reason() or ""),
]


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def production_cache(monkeypatch, redis_server):
    """Production's cache, sessions and page cache, on the test's own Redis (timeouts of
    0.3 s and a retry after 1 s instead of 2 s and 5 s, so that the test runs fast)."""
    prod = production_settings(monkeypatch, REDIS_URL=redis_server.url)
    cache_settings = {name: dict(value) for name, value in prod.CACHES.items()}
    cache_settings["default"]["OPTIONS"] = {
        **prod.CACHES["default"]["OPTIONS"],
        "socket_connect_timeout": 0.3,
        "socket_timeout": 0.3,
        "OUTAGE_RETRY_SECONDS": 1,
    }
    with override_settings(
        CACHES=cache_settings,
        SESSION_ENGINE=prod.SESSION_ENGINE,
        STGM_PAGE_CACHE_SECONDS=prod.STGM_PAGE_CACHE_SECONDS,
    ):
        local_copies.clear()
        yield prod
        for alias in ("default", "renditions"):
            caches[alias].close()
    local_copies.clear()


@pytest.fixture
def festival(home):
    english = Locale.objects.get(language_code="en")
    index = make_events_index(home)
    translate(index, english, title="Events", slug="events")
    privacy = make_standard_page(home, title="Aydınlatma Metni", slug="aydinlatma-metni")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = privacy
    site_settings.save()
    return make_festival(index, stands=5, english=True)


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_when_the_shared_cache_keeps_nothing_no_versioned_value_is_reused():
    """With Redis down a change cannot retire a generation: each request gets a number of
    its own, so neither this process's copies nor a later change can show an old value."""
    computed = []

    def render() -> str:
        computed.append(1)
        return f"menu {len(computed)}"

    for _request in range(2):
        request_started.send(sender=None)
        key = f"menu:{generation(CONTENT)}"
        assert generation(CONTENT) == int(key.split(":")[1])  # one number per request
        versioned_get_or_set(key, render)
        request_finished.send(sender=None)
    assert len(computed) == 2


def outage_warnings(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "config.cache" and "unreachable" in r.message]


def test_public_pages_and_forms_keep_working_while_redis_is_down(
    production_cache, redis_server, festival, english_home, caplog
):
    client = Client()
    home_url = festival.get_parent().get_parent().url
    assert client.get(home_url).status_code == 200
    assert client.get(home_url)["X-Page-Cache"] == "hit"  # the page cache works

    redis_server.stop()
    caplog.set_level(logging.INFO, logger="config.cache")
    for _ in range(5):
        response = client.get(home_url)
        assert response.status_code == 200
        assert response.get("X-Page-Cache") != "hit"
    assert client.get(english_home.url).status_code == 200
    assert client.get(festival.url).status_code == 200
    form = client.get(apply_url(festival))
    assert form.status_code == 200 and 'name="organisation"' in form.content.decode()
    response = client.post(apply_url(festival), form_data())
    assert response.status_code == 303, response.content.decode()[:2000]
    assert client.get(response["Location"]).status_code == 200  # the private status page
    # Logged once for the whole outage, not once per request (nor per cache read).
    assert len(outage_warnings(caplog)) == 1

    redis_server.start()
    # Recovers by itself: a page is stored again, then served from the cache.
    client = Client()  # a visitor without the applicant's cookies
    wait_for(lambda: client.get(home_url).get("X-Page-Cache") == "hit", what="a cached page")
    assert any("reachable again" in r.message for r in caplog.records)


def test_a_change_during_the_outage_shows_at_once_and_after_redis_returns(
    production_cache, redis_server, festival
):
    """Neither the process's own copies nor what Redis kept from before the outage may show
    an old title: the change could not retire any generation while Redis was down."""
    client = Client()
    client.get(festival.url)
    assert client.get(festival.url)["X-Page-Cache"] == "hit"
    # Paused, not stopped, as a network cut is: Redis keeps the page cached before. A first
    # request finds it unreachable (its reads time out), so that the publish, within the
    # retry interval, does not even try to retire the generations.
    redis_server.process.send_signal(signal.SIGSTOP)
    try:
        assert "(yeni başlık)" not in client.get(festival.url).content.decode()
        festival.title = "Sivil Sesler Festivali (yeni başlık)"
        festival.save_revision().publish()
        assert "(yeni başlık)" in client.get(festival.url).content.decode()
    finally:
        redis_server.process.send_signal(signal.SIGCONT)
    # Back: served from the cache again, and never the page Redis kept from before.
    pages = []
    wait_for(
        lambda: pages.append(client.get(festival.url)) or pages[-1].get("X-Page-Cache") == "hit",
        what="a cached page",
    )
    assert all("(yeni başlık)" in page.content.decode() for page in pages)


def test_editors_stay_logged_in_while_redis_is_down(production_cache, redis_server, home):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client = Client()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    redis_server.stop()
    response = client.get("/admin/")
    assert response.status_code == 200  # the session is read from the database
    assert "editor" in response.content.decode()
    # And an editor can log in while it is down (the login throttle counts nothing then).
    other = Client()
    login = other.post("/admin/login/", {"username": "editor", "password": "pw"})
    assert login.status_code == 302, login.content.decode()[:500]
    assert other.get("/admin/").status_code == 200


def test_the_sitemap_and_the_information_center_work_while_redis_is_down(
    production_cache, redis_server, home, english_home
):
    """Their counts and lists are kept per content generation: without Redis they are
    computed for each request, never served from an older one."""
    from demo.knowledge_builders import make_entry, make_knowledge_base, topics_of

    knowledge = make_knowledge_base(home)
    topic = topics_of(knowledge)[0]
    make_entry(topic, title="Dernek nasıl kurulur?")
    client = Client()
    urls = ["/sitemap.xml", "/sitemap-pages.xml", knowledge.url, topic.url]
    redis_server.stop()
    for url in urls:
        assert client.get(url).status_code == 200
    assert "Dernek nasıl kurulur?" in client.get(knowledge.url, {"q": "dernek"}).content.decode()
    make_entry(topic, title="Dernek tüzüğü nasıl yazılır?")
    assert "Dernek tüzüğü nasıl yazılır?" in client.get(topic.url).content.decode()
    found = client.get(knowledge.url, {"q": "dernek"}).content.decode()
    assert "Dernek tüzüğü nasıl yazılır?" in found
