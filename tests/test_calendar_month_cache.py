"""The calendar month's grid and table are kept per process (events.views.rendered_month), so
a warm month costs the same however many dates it holds: these show that a change of the
dates, of a page shown, of the day or of the query string shows at once, that the month
works when the shared cache keeps nothing, and that the months kept are bounded."""

import datetime
import re

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from core.versions import LocalCopies, local_copies
from demo.builders import aware, make_event, make_events_index, publish, translate
from events import views

pytestmark = pytest.mark.django_db

MONTH = {"tr": "/tr/etkinlikler/calendar/2030/3/", "en": "/en/events/calendar/2030/3/"}
TITLE = "Takvim Denemesi"


@pytest.fixture
def index(home):
    index = make_events_index(home)
    translate(index, Locale.objects.get(language_code="en"), title="Events", slug="events")
    return index


@pytest.fixture
def event(index):
    return make_event(
        index,
        title=TITLE,
        slug="takvim-denemesi",
        start=aware(2030, 3, 12, 10),
        end=aware(2030, 3, 12, 12),
    )


def warm(client, url: str) -> str:
    """The month as a visitor sees it once the process keeps it."""
    client.get(url)
    return client.get(url).content.decode()


@pytest.fixture
def builds(monkeypatch) -> list:
    """Each time a month's grid is built."""
    built = []
    real = views.build_month

    def counted(*args, **kwargs):
        built.append(args[:2])
        return real(*args, **kwargs)

    monkeypatch.setattr(views, "build_month", counted)
    return built


def test_a_warm_month_is_not_built_again(client, event, builds):
    assert TITLE in warm(client, MONTH["tr"])  # the first request stores the site's settings
    builds.clear()
    assert TITLE in client.get(MONTH["tr"]).content.decode()
    assert builds == []
    # Another month, or other filters, are other grids; the page number is not a filter.
    client.get("/tr/etkinlikler/calendar/2030/4/")
    client.get(MONTH["tr"] + "?type=meeting")
    client.get(MONTH["tr"] + "?page=2")
    assert builds == [(2030, 4), (2030, 3)]


def test_a_new_date_shows_at_once(client, index, event):
    warm(client, MONTH["tr"])
    make_event(
        index, title="Yeni Buluşma", start=aware(2030, 3, 20, 10), end=aware(2030, 3, 20, 11)
    )
    assert "Yeni Buluşma" in client.get(MONTH["tr"]).content.decode()


def test_a_new_title_shows_at_once(client, event):
    warm(client, MONTH["tr"])
    event.title = "Takvim Denemesi (yeni başlık)"
    publish(event)
    assert "Takvim Denemesi (yeni başlık)" in client.get(MONTH["tr"]).content.decode()


def test_an_unpublished_event_leaves_at_once(client, event):
    assert TITLE in warm(client, MONTH["tr"])
    event.unpublish()
    assert TITLE not in client.get(MONTH["tr"]).content.decode()


def test_a_deleted_event_leaves_at_once(client, event):
    assert TITLE in warm(client, MONTH["tr"])
    event.delete()
    assert TITLE not in client.get(MONTH["tr"]).content.decode()


def test_a_moved_event_links_its_new_address_at_once(client, home, event):
    assert 'href="/tr/etkinlikler/takvim-denemesi/"' in warm(client, MONTH["tr"])
    other = make_events_index(home, title="Eski etkinlikler", slug="eski-etkinlikler")
    event.move(other, pos="last-child")
    html = client.get(MONTH["tr"]).content.decode()
    assert 'href="/tr/eski-etkinlikler/takvim-denemesi/"' in html
    assert 'href="/tr/etkinlikler/takvim-denemesi/"' not in html


def test_a_translation_shows_in_its_language_at_once(client, event):
    # Untranslated, the English month shows the Turkish event; translated, its English title.
    assert TITLE in warm(client, MONTH["en"])
    translate(event, Locale.objects.get(language_code="en"), title="Calendar Trial")
    html = client.get(MONTH["en"]).content.decode()
    assert "Calendar Trial" in html and TITLE not in html
    assert TITLE in client.get(MONTH["tr"]).content.decode()


def test_today_moves_at_midnight(client, event, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2030, 3, 11))
    assert '<time datetime="2030-03-11">' in today_cell(warm(client, MONTH["tr"]))
    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2030, 3, 12))
    assert '<time datetime="2030-03-12">' in today_cell(client.get(MONTH["tr"]).content.decode())


def today_cell(html: str) -> str:
    (cell,) = re.findall(
        r'<td class="[^"]*calendar__today[^"]*" aria-current="date">.*?</td>', html, re.S
    )
    return cell


def test_the_more_links_keep_the_filters_in_the_order_given(client, index):
    for hour in range(9, 15):
        make_event(
            index,
            title=f"Buluşma {hour}",
            start=aware(2030, 3, 12, hour),
            end=aware(2030, 3, 12, hour, 30),
        )
    first = warm(client, MONTH["tr"] + "?type=meeting&year=2030")
    second = warm(client, MONTH["tr"] + "?year=2030&type=meeting")
    assert 'href="/tr/etkinlikler/?type=meeting&amp;year=2030&amp;on=2030-03-12"' in first
    assert 'href="/tr/etkinlikler/?year=2030&amp;type=meeting&amp;on=2030-03-12"' in second


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_the_month_works_and_follows_changes_when_the_shared_cache_keeps_nothing(
    client, event, builds
):
    assert TITLE in warm(client, MONTH["tr"])
    # Nothing could retire a generation: each request builds its own grid.
    assert len(builds) == 2
    event.title = "Takvim Denemesi (yeni başlık)"
    publish(event)
    assert "Takvim Denemesi (yeni başlık)" in client.get(MONTH["tr"]).content.decode()


def test_a_renamed_index_links_its_events_new_addresses_at_once(client, index, event):
    assert 'href="/tr/etkinlikler/takvim-denemesi/"' in warm(client, MONTH["tr"])
    index.slug = "etkinlik-takvimi"
    publish(index)
    html = client.get("/tr/etkinlik-takvimi/calendar/2030/3/").content.decode()
    assert 'href="/tr/etkinlik-takvimi/takvim-denemesi/"' in html
    assert 'href="/tr/etkinlikler/takvim-denemesi/"' not in html


def test_the_months_kept_are_bounded_and_apart_from_the_shared_copies(client, event, monkeypatch):
    """A crawler walking month after month keeps a few tables per process, and does not push
    the menus and routes (core.versions.local_copies) out."""
    monkeypatch.setattr(views, "_months", LocalCopies(3))
    for month in range(1, 7):
        assert client.get(f"/tr/etkinlikler/calendar/2030/{month}/").status_code == 200
    assert len(views._months.entries) == 3
    assert not any("calendar" in str(value) for _expires, value in local_copies.entries.values())
