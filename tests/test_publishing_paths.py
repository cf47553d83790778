"""An event page leaves every public place at once, whichever way it stops being public:
the unpublish action, bulk unpublish, deletion, expiry, a privacy restriction, and (for a
page moved under an unpublished parent) Wagtail's rule that the page stays live where it
now is. Each place is asked as an anonymous visitor with the page cache on, after it was
cached while the page was live, so a generation that is not retired fails the test."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from demo.builders import make_events_index, make_standard_page
from events.models import Occurrence
from tests.publishing_places import (
    EVERYWHERE,
    NOWHERE,
    make_tested_event,
    sitemap_paths,
    where_shown,
)

pytestmark = pytest.mark.django_db

PATH = "/tr/etkinlikler/yayin-denemesi/"


@pytest.fixture(autouse=True)
def page_cache():
    with override_settings(STGM_PAGE_CACHE_SECONDS=300):
        yield


@pytest.fixture
def index(home):
    return make_events_index(home)


@pytest.fixture
def event(index):
    page = make_tested_event(index)
    assert where_shown(PATH, page.pk) == EVERYWHERE  # and now cached everywhere
    return page


@pytest.fixture
def admin(admin_client) -> Client:
    return admin_client


def assert_gone(event) -> None:
    assert not Occurrence.objects.filter(page_id=event.pk).exists()
    assert where_shown(PATH, event.pk) == NOWHERE


def test_unpublish_action(admin, event):
    response = admin.post(f"/admin/pages/{event.pk}/unpublish/")
    assert response.status_code == 302
    assert_gone(event)


def test_bulk_unpublish(admin, event):
    response = admin.post(
        f"/admin/bulk/wagtailcore/page/unpublish/?id={event.pk}", {"include_descendants": ""}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert not event.live
    assert_gone(event)


def test_unpublishing_the_events_index_with_its_children(admin, index, event):
    response = admin.post(f"/admin/pages/{index.pk}/unpublish/", {"include_descendants": "on"})
    assert response.status_code == 302
    assert_gone(event)


def test_delete(admin, event):
    response = admin.post(f"/admin/pages/{event.pk}/delete/")
    assert response.status_code == 302
    assert_gone(event)


def test_expiry_through_publish_scheduled(event):
    event.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    event.save_revision().publish()
    call_command("publish_scheduled")
    event.refresh_from_db()
    assert not event.live and event.expired
    assert_gone(event)


@pytest.mark.parametrize(
    "restriction",
    [{"restriction_type": "password", "password": "gizli-parola"}, {"restriction_type": "login"}],
)
def test_privacy_restriction_on_the_page(admin, event, restriction):
    response = admin.post(f"/admin/pages/{event.pk}/privacy/", restriction)
    assert response.status_code == 200 and b'"step": "set_privacy_done"' in response.content
    assert_gone(event)
    # Public again: shown again everywhere.
    admin.post(f"/admin/pages/{event.pk}/privacy/", {"restriction_type": "none"})
    assert where_shown(PATH, event.pk) == EVERYWHERE


def test_privacy_restriction_on_the_events_index(admin, index, event):
    response = admin.post(f"/admin/pages/{index.pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code == 200
    assert_gone(event)


def test_moved_under_an_unpublished_parent(admin, home, index, event):
    """Wagtail keeps a moved page live and serves it at its new address, even under an
    unpublished parent: every place then agrees and links the new address."""
    other = make_events_index(home, title="Eski etkinlikler", slug="eski-etkinlikler")
    other.unpublish()
    response = admin.post(f"/admin/pages/{event.pk}/move/{other.pk}/confirm/")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.get_parent().pk == other.pk and event.live
    moved = "/tr/eski-etkinlikler/yayin-denemesi/"
    assert where_shown(PATH, event.pk)["page"] is False
    assert where_shown(moved, event.pk) == EVERYWHERE
    assert f'href="{moved}"' in Client().get("/tr/etkinlikler/").content.decode()


def test_publishing_again_shows_it_everywhere(admin, event):
    admin.post(f"/admin/pages/{event.pk}/unpublish/")
    assert_gone(event)
    event.refresh_from_db()
    event.get_latest_revision().publish()
    assert where_shown(PATH, event.pk) == EVERYWHERE


def test_a_standard_page_leaves_search_and_sitemap(admin, home):
    page = make_standard_page(home, title="Yayın denemesi programı", slug="yayin-programi")
    client = Client()
    assert b"yayin-programi" in client.get("/tr/search/", {"q": "yayın"}).content
    assert "/tr/yayin-programi/" in sitemap_paths(client)
    admin.post(f"/admin/pages/{page.pk}/unpublish/")
    assert b"yayin-programi" not in client.get("/tr/search/", {"q": "yayın"}).content
    assert "/tr/yayin-programi/" not in sitemap_paths(client)
    assert client.get("/tr/yayin-programi/").status_code == 404


def test_deleting_a_private_events_index_with_its_events(admin, index, event):
    admin.post(f"/admin/pages/{index.pk}/privacy/", {"restriction_type": "login"})
    response = admin.post(f"/admin/pages/{index.pk}/delete/")
    assert response.status_code == 302
    assert_gone(event)


def test_scheduled_publishing_through_publish_scheduled(index):
    """The other way: a draft scheduled to go live shows everywhere once it does."""
    page = make_tested_event(index)
    page.unpublish()
    assert where_shown(PATH, page.pk) == NOWHERE
    page.refresh_from_db()
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert where_shown(PATH, page.pk) == EVERYWHERE
