"""What retires cached pages and fragments: an allow-list of changes that show on public
pages (core.versions), never the rows that a visit, a search or a background task writes."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, PageViewRestriction

from core.versions import (
    APPLICATIONS,
    CONTENT,
    OCCURRENCES,
    generation,
    public_models,
    retire,
)
from demo.builders import make_standard_page, make_venue
from tests.test_pagecache import cached_site, get  # noqa: F401 - the fixture page_cache uses
from tests.test_production import production  # noqa: F401 - the fixture cached_site asks for

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(request):
    """The production middleware with the page cache on (tests/test_pagecache.py)."""
    request.getfixturevalue("cached_site")


def cached(client, url) -> None:
    """Store `url` in the page cache and check that it is served from there."""
    get(client, url)
    assert get(client, url)[1] == "hit"


def test_a_search_and_its_background_task_keep_cached_pages(client, home, page_cache, monkeypatch):
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult
    from wagtail.contrib.search_promotions.models import Query

    cached(client, home.url)
    queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # as in production
    with override_settings(TASKS=queue):
        assert client.get("/tr/search/", {"q": "festival"}).status_code == 200
        assert DBTaskResult.objects.count() == 1  # queued: a row saved
        # The worker closes connections between tasks: not the test's own.
        monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"  # run: the row saved again
    assert Query.objects.filter(query_string="festival").exists()  # the search log written
    assert get(client, home.url)[1] == "hit"


def test_rows_that_never_show_keep_cached_pages(client, home, page_cache):
    page = make_standard_page(home, title="Duyuru")
    cached(client, home.url)
    cached(client, page.url)
    before = generation(CONTENT)
    SessionStore().save()
    get_user_model().objects.create_user("editor", "e@example.org", "pw")
    PageLogEntry.objects.log_action(page, "wagtail.edit")
    page.title = "Duyuru (taslak)"
    page.save_revision()  # a draft writes its bookkeeping fields on the live row
    assert generation(CONTENT) == before
    assert get(client, home.url)[1] == "hit"
    assert get(client, page.url)[1] == "hit"


def test_a_published_page_retires_cached_pages(client, home, page_cache):
    cached(client, home.url)
    make_standard_page(home, title="Yeni sayfa")  # published
    assert get(client, home.url)[1] == "miss"


def test_a_saved_venue_retires_cached_pages(client, home, page_cache):
    venue = make_venue()
    cached(client, home.url)
    venue.name = "Yeni salon"
    venue.save()
    assert get(client, home.url)[1] == "miss"
    cached(client, home.url)
    venue.delete()
    assert get(client, home.url)[1] == "miss"


def test_saved_site_settings_retire_cached_pages(client, home, page_cache):
    from home.models import SiteSettings

    cached(client, home.url)
    settings = SiteSettings.for_site(home.get_site())
    settings.save()
    assert get(client, home.url)[1] == "miss"


def test_a_view_restriction_retires_cached_pages(client, home, page_cache):
    page = make_standard_page(home, title="Özel")
    cached(client, page.url)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert get(client, page.url)[0].status_code == 302  # to the login page, never cached


def test_an_application_retires_cached_pages_not_fragments(client, home, page_cache):
    from applications.stands import services
    from demo.builders import application_fields, make_events_index, make_festival

    festival = make_festival(make_events_index(home))
    cached(client, festival.url)
    content = generation(CONTENT)
    services.submit_stand_application(festival, application_fields(), "tr")
    assert generation(CONTENT) == content  # menus, search results and the like stay cached
    assert get(client, festival.url)[1] == "miss"  # its stands left may have changed


def test_stored_event_dates_retire_cached_pages(client, home, page_cache):
    cached(client, home.url)
    retire(OCCURRENCES)  # what events.services does when it stores dates again
    assert get(client, home.url)[1] == "miss"


def test_the_allow_list_names_what_public_pages_show():
    from django.apps import apps
    from django.contrib.sessions.models import Session
    from django_tasks_db.models import DBTaskResult
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail.documents import get_document_model
    from wagtail.models import Locale, Site

    shown = [
        *(
            apps.get_model(label)
            for label in (
                "events.Venue",
                "events.AccessibilityFeature",
                "home.SiteSettings",
                "stories.Narrator",
                "stories.Theme",
                "stories.Testimonial",
            )
        ),
        Site,
        PageViewRestriction,
        Locale,
        get_image_model(),
        get_document_model(),
        Redirect,
        SearchPromotion,
    ]
    never = [
        DBTaskResult,
        Session,
        Query,
        PageLogEntry,
        get_user_model(),
        get_image_model().get_rendition_model(),
        apps.get_model("applications", "ApplicationEmail"),
        apps.get_model("applications", "ApplicationLogEntry"),
    ]
    assert [model for model in shown if public_models.generation_of(model) != CONTENT] == []
    applications = [
        apps.get_model("applications", "StandApplication"),
        apps.get_model("stories", "NarratorApplication"),
    ]
    assert {public_models.generation_of(model) for model in applications} == {APPLICATIONS}
    assert [model for model in never if model in public_models] == []


def test_the_marked_views_are_cached(client, home, page_cache):
    for url in ("/robots.txt", "/sitemap.xml", "/tr/calendar/events.ics"):
        assert get(client, url)[1] == "miss"
        assert get(client, url)[1] == "hit"
