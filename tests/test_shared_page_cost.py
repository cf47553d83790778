"""What every page pays (issue 20): routing from cached steps (core/routing.py), `.public()`
without its query while no page is private (core/public.py), the footer kept per content
generation ({% sitewide_fragment %}), the CSP header built once (config/security.py). The
shortcuts must follow every change a visitor could see, at once."""

import pytest
from csp.middleware import CSPMiddleware
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import Http404, HttpResponse
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.text import Truncator
from wagtail.models import Page, PageViewRestriction, Site

from config.security import ContentSecurityPolicyMiddleware
from core import routing
from core.templatetags.site_tags import truncated
from demo.builders import make_standard_page, publish
from events.models import MeetingPage
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def queries_of(client, url: str) -> list[str]:
    for _warm in range(2):  # the first creates the site's settings (a change: retires all)
        client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


def test_a_programme_page_two_levels_down_costs_one_query(client, home):
    """Wagtail's routing asked seven (site, locale, home page, then two a level), the
    sections of a programme page two more, its view restrictions and `.public()` others."""
    area = make_standard_page(home, title="Program alanı", slug="program-alani")
    page = make_standard_page(area, title="Program", slug="program", intro="Giriş")
    sql = queries_of(client, page.url)
    assert len(sql) == 1, "\n".join(s[:150] for s in sql)  # the page's own row
    assert "home_standardpage" in sql[0]


def test_routing_follows_a_rename_a_move_an_unpublish_and_a_delete(client, home):
    area = make_standard_page(home, title="Alan", slug="alan")
    other = make_standard_page(home, title="Öteki", slug="oteki")
    page = make_standard_page(area, title="Sayfa", slug="sayfa")
    assert client.get("/tr/alan/sayfa/").status_code == 200

    page.slug = "yeni-sayfa"
    publish(page)
    assert client.get("/tr/alan/sayfa/").status_code == 404
    assert client.get("/tr/alan/yeni-sayfa/").status_code == 200

    page.move(other, pos="last-child")
    moved = client.get("/tr/alan/yeni-sayfa/")  # Wagtail's redirect to where it went
    assert moved.status_code == 301 and moved["Location"].endswith("/tr/oteki/yeni-sayfa/")
    assert client.get("/tr/oteki/yeni-sayfa/").status_code == 200

    Page.objects.get(pk=page.pk).specific.unpublish()
    assert client.get("/tr/oteki/yeni-sayfa/").status_code == 404
    publish(Page.objects.get(pk=page.pk).specific)
    assert client.get("/tr/oteki/yeni-sayfa/").status_code == 200

    Page.objects.get(pk=page.pk).delete()
    assert client.get("/tr/oteki/yeni-sayfa/").status_code == 404


def test_a_missing_page_is_not_remembered(client, home):
    assert client.get("/tr/yakinda/").status_code == 404
    make_standard_page(home, title="Yakında", slug="yakinda")
    assert client.get("/tr/yakinda/").status_code == 200


def test_a_remembered_page_deleted_since_is_not_found_whatever_its_type(home):
    """A route remembered a moment before its page was deleted names a missing row: a 404,
    never a 500, for a page type whose parents are abstract too (its own DoesNotExist)."""
    meeting = ContentType.objects.get_for_model(MeetingPage)
    gone = routing.PageRef(pk=987654, content_type_id=meeting.pk, path="00010009", depth=2)
    with pytest.raises(Http404):
        routing.fetch(gone, MeetingPage)


def test_routable_sub_pages_and_unknown_slugs_below_a_page(client, home):
    from demo.builders import make_events_index

    index = make_events_index(home)
    page = make_standard_page(home, title="Alan", slug="alan")
    assert client.get(f"{index.url}calendar/").status_code in (200, 302)
    assert client.get(f"{index.url}yok/").status_code == 404
    assert client.get(f"{page.url}yok/").status_code == 404
    assert client.get(f"{page.url}yok/daha/").status_code == 404


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_routing_without_the_shared_cache(client, home):
    """Redis away: every request finds its page from the database, as Wagtail alone would,
    and a change shows at once (no step of an old generation is reused)."""
    page = make_standard_page(home, title="Sayfa", slug="sayfa")
    assert client.get(page.url).status_code == 200
    page.slug = "baska"
    publish(page)
    assert client.get("/tr/sayfa/").status_code == 404
    assert client.get("/tr/baska/").status_code == 200


def test_public_costs_no_query_until_a_page_is_private(home):
    page = make_standard_page(home, title="Gizli", slug="gizli")
    Page.objects.public().exists()  # warm: whether any page is private, cached
    with CaptureQueriesContext(connection) as context:
        children = home.get_children().live().public()
    assert len(context) == 0
    assert page.pk in [child.pk for child in children]

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert page.pk not in [child.pk for child in home.get_children().live().public()]
    assert page.pk in [p.pk for p in Page.objects.not_public()]


def test_the_footer_follows_the_site_settings(client, home):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "eski@example.org"
    settings.save()
    assert "eski@example.org" in client.get(home.url).content.decode()
    with CaptureQueriesContext(connection) as context:
        client.get(home.url)
    assert not [q for q in context.captured_queries if "home_sitesettings" in q["sql"]]
    settings.contact_email = "yeni@example.org"
    settings.save()
    html = client.get(home.url).content.decode()
    assert "yeni@example.org" in html and "eski@example.org" not in html


@pytest.mark.parametrize(
    ("path", "frame_options"),
    [("/tr/", "DENY"), ("/tr/", "SAMEORIGIN"), ("/admin/", "DENY"), ("/admin/", "SAMEORIGIN")],
)
def test_the_csp_header_built_once_is_django_csps(path, frame_options):
    def response_of(middleware_class) -> HttpResponse:
        request = RequestFactory().get(path)
        response = HttpResponse("ok")
        response["X-Frame-Options"] = frame_options
        middleware = middleware_class(lambda _request: response)
        middleware.process_request(request)
        return middleware.process_response(request, response)

    class Uncached(ContentSecurityPolicyMiddleware):
        process_response = CSPMiddleware.process_response  # django-csp's own, every time

    ours = response_of(ContentSecurityPolicyMiddleware)["Content-Security-Policy"]
    theirs = response_of(Uncached)["Content-Security-Policy"]
    assert sorted(ours.split("; ")) == sorted(theirs.split("; "))


def test_a_response_that_used_a_nonce_gets_it_in_its_header():
    from csp.constants import NONCE

    policy = {"DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'", NONCE]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        for uses_nonce in (False, True, False):
            request = RequestFactory().get("/tr/")
            response = HttpResponse("ok")
            middleware = ContentSecurityPolicyMiddleware(HttpResponse)
            middleware.process_request(request)
            nonce = str(request.csp_nonce) if uses_nonce else None
            header = middleware.process_response(request, response)["Content-Security-Policy"]
            if uses_nonce:
                assert f"'nonce-{nonce}'" in header
            else:
                assert "nonce" not in header and "script-src 'self'" in header


@pytest.mark.parametrize(
    "text",
    ["", "Kısa", "e\u0301" * 150, "x" * 200, "x" * 201, "Uzun " * 80, "a\u0301b" * 120],
)
@pytest.mark.parametrize("length", [200, 300])
def test_truncated_is_truncatechars(text, length):
    assert truncated(text, length) == Truncator(text).chars(length)


def test_other_views_of_the_public_site_find_the_site_from_the_cache(client, home):
    make_standard_page(home, title="Eğitim", slug="egitim")
    sql = queries_of(client, "/tr/search/?q=eğitim")
    assert not [query for query in sql if 'FROM "wagtailcore_site"' in query], sql


def test_an_event_below_the_routable_events_index_costs_one_page_query(client, home):
    """The events index routes on its own (calendar, feeds); a slug none of its sub-routes
    matches is a child's, found from the cached steps without the index's row."""
    from demo.builders import make_event, make_events_index

    index = make_events_index(home)
    event = make_event(index, title="Buluşma", slug="bulusma")
    sql = queries_of(client, event.url)
    page_rows = [s for s in sql if '"wagtailcore_page"."path"' in s]
    assert len(page_rows) == 1, "\n".join(s[:150] for s in sql)  # the event's own
    assert "events_meetingpage" in page_rows[0]
    assert client.get(f"{index.url}calendar/").status_code in (200, 302)  # still its own
    assert client.get(f"{event.url}yok/").status_code == 404


def test_hands_on_only_what_no_sub_route_matches():
    from events.models import EventIndexPage, MeetingPage
    from home.models import StandardPage

    assert routing.hands_on(EventIndexPage, ["bulusma"])
    assert not routing.hands_on(EventIndexPage, ["calendar"])
    assert not routing.hands_on(MeetingPage, ["register"])
    assert not routing.hands_on(StandardPage, ["bulusma"])  # routes by slug, not on its own


def test_a_routed_page_comes_with_its_locale(home, django_assert_num_queries):
    """Its language is asked on every page (the shared image's text alternative)."""
    from demo.builders import make_event, make_events_index

    event = make_event(make_events_index(home), title="Buluşma", slug="bulusma")
    for page, model in ((event, MeetingPage), (home, None)):
        fetched = routing.fetch(routing._ref(page), model)
        with django_assert_num_queries(0):
            assert fetched.locale.language_code == "tr"
