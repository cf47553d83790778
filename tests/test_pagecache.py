"""The full-page cache: what it stores, what it never stores, and when it is invalidated."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from wagtail.models import Locale, Workflow

from demo.builders import make_events_index, make_festival, make_standard_page, translate
from home.models import SiteSettings
from pagecache.middleware import PageCacheMiddleware
from tests.test_production import production  # noqa: F401 - the fixture used below


@pytest.fixture
def cached_site(home, request):
    """The production middleware (page cache included) over the test project."""
    request.getfixturevalue("production")
    # The first page view creates the site settings row, which (rightly) invalidates.
    SiteSettings.for_site(home.get_site())
    with override_settings(STGM_PAGE_CACHE_SECONDS=300):
        cache.clear()
        yield
    cache.clear()


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.get("X-Page-Cache")


@pytest.mark.django_db
def test_anonymous_pages_are_cached_per_language(client, home, english_home, cached_site):
    first, state = get(client, home.url)
    assert first.status_code == 200 and state == "miss"
    second, state = get(client, home.url)
    assert state == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    english, state = get(client, english_home.url)
    assert state == "miss"
    assert english.content != first.content
    assert b'lang="en"' in english.content and b'lang="tr"' in second.content
    assert "Cookie" in second["Vary"]


@pytest.mark.django_db
def test_publishing_invalidates(client, home, cached_site):
    page = make_standard_page(home, title="ROTA", intro="Eski giriş")
    assert b"Eski giri" in get(client, page.url)[0].content
    assert get(client, page.url)[1] == "hit"
    page.intro = "Yeni giriş"
    page.save_revision().publish()
    response, state = get(client, page.url)
    assert state == "miss"
    assert "Yeni giriş" in response.content.decode()


@pytest.mark.django_db
def test_a_draft_does_not_change_what_visitors_see(client, home, cached_site):
    page = make_standard_page(home, title="ROTA", intro="Yayındaki giriş")
    get(client, page.url)
    page.intro = "Taslak giriş"
    page.save_revision()  # saved, not published
    response, _state = get(client, page.url)
    assert "Yayındaki giriş" in response.content.decode()


@pytest.mark.django_db
def test_unpublishing_invalidates(client, home, cached_site):
    page = make_standard_page(home, title="Koçluk", show_in_menus=True)
    get(client, page.url)
    assert get(client, home.url)[0].status_code == 200
    assert "Koçluk" in get(client, home.url)[0].content.decode()
    page.unpublish()
    assert get(client, page.url)[0].status_code == 404
    assert "Koçluk" not in get(client, home.url)[0].content.decode()


@pytest.mark.django_db
def test_a_new_translation_invalidates_the_source_language(client, home, cached_site):
    page = make_standard_page(home, title="Bilgi Merkezi", slug="bilgi-merkezi")
    before = get(client, page.url)[0].content.decode()
    assert "/en/information-center/" not in before
    translate(
        page,
        Locale.objects.get(language_code="en"),
        title="Information Center",
        slug="information-center",
    )
    response, state = get(client, page.url)
    assert state == "miss"
    assert "/en/information-center/" in response.content.decode()  # the language switcher


@pytest.mark.django_db
def test_moderation_approval_invalidates(client, home, cached_site):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    page = make_standard_page(home, title="STOK", intro="Önceki metin")
    get(client, page.url)
    workflow = Workflow.objects.get(name="Moderators approval")
    page.intro = "Onaylanan metin"
    page.save_revision(user=editor)
    workflow_state = workflow.start(page, editor)
    assert "Önceki metin" in get(client, page.url)[0].content.decode()  # awaiting approval
    workflow_state.current_task_state.approve(user=editor)
    response, state = get(client, page.url)
    assert state == "miss"
    assert "Onaylanan metin" in response.content.decode()


@pytest.mark.django_db
def test_site_settings_invalidate(client, home, cached_site):
    get(client, home.url)
    settings = SiteSettings.for_site(home.get_site())
    settings.contact_email = "yeni@stgm.example.org"
    settings.save()
    response, state = get(client, home.url)
    assert state == "miss"


@pytest.mark.django_db
def test_logged_in_editors_are_never_served_or_stored(client, home, cached_site):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    assert get(client, home.url)[1] is None
    assert get(client, home.url)[1] is None
    client.logout()
    client.cookies.clear()
    assert get(client, home.url)[1] == "miss"  # nothing was stored for the editor


@pytest.mark.django_db
def test_requests_with_a_messages_cookie_bypass_the_cache(client, home, cached_site):
    get(client, home.url)
    client.cookies["messages"] = "abc"
    assert get(client, home.url)[1] is None


@pytest.mark.django_db
def test_a_visitor_with_a_csrf_cookie_still_gets_cached_pages(client, home, cached_site):
    """An applicant keeps the form's CSRF cookie for a year; pages without a form are the
    same for them, and a page that renders a token is still never stored."""
    client.cookies["csrftoken"] = "x" * 32
    assert get(client, home.url)[1] == "miss"
    response, state = get(client, home.url)
    assert state == "hit"
    assert "csrftoken" not in response.cookies
    festival = make_festival(make_events_index(home))
    form_url = festival.url + festival.reverse_subpage("apply")
    for _ in range(2):
        response, state = get(client, form_url)
        assert state is None  # the form's token is this visitor's: never stored
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def run_middleware(request, response: HttpResponse, cacheable: bool = True):
    middleware = PageCacheMiddleware(lambda req: response)
    request._pagecache_cacheable = cacheable  # what process_view records
    return middleware.storable(request, response)


@pytest.mark.django_db
def test_responses_that_set_a_cookie_or_carry_a_token_are_never_stored():
    factory = RequestFactory()
    with_cookie = HttpResponse("<form>csrf</form>")
    with_cookie.set_cookie("csrftoken", "secret")
    assert not run_middleware(factory.get("/tr/festival/"), with_cookie)

    request = factory.get("/tr/festival/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # get_token() was called
    assert not run_middleware(request, HttpResponse("token"))

    private = HttpResponse("status of my application")
    private["Cache-Control"] = "private"
    assert not run_middleware(factory.get("/tr/basvuru/abc/"), private)

    assert not run_middleware(factory.get("/tr/x/"), HttpResponse("error", status=404))
    assert not run_middleware(factory.get("/tr/x/"), HttpResponse("ok"), cacheable=False)
    assert not run_middleware(factory.post("/tr/festival/"), HttpResponse("form error"))
    assert run_middleware(factory.get("/tr/"), HttpResponse("ok"))


@pytest.mark.django_db
def test_posts_are_never_served_from_the_cache(client, home, cached_site):
    get(client, home.url)
    response = client.post(home.url, {})
    assert response.get("X-Page-Cache") is None


@pytest.mark.parametrize(
    "path", ["/tr/calendar/events.ics", "/en/calendar/events.rss", "/tr/calendar/events.atom"]
)
def test_calendar_feeds_are_cached_and_follow_publishing(client, home, cached_site, path):
    from demo.builders import make_event, make_events_index

    index = make_events_index(home)
    make_event(index, title="Van Buluşması")
    assert get(client, path)[1] == "miss"
    first, state = get(client, path)
    assert state == "hit"
    make_event(index, title="İzmir Buluşması", slug="izmir")
    second, state = get(client, path)
    assert state == "miss" and second.content != first.content
