"""The listing's .ics keeps each entry's VEVENTs per process under the generations
(events.feeds.feed_bytes): the same bytes as building the calendar, no page read once an
entry is kept, and never a stale entry after a publish, an unpublish, a move, a delete, a
venue's edit, a translation, or with the shared cache away."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Locale

from demo.builders import (
    locales,
    make_event,
    make_events_index,
    make_power_stories_tour,
    make_venue,
    publish,
    translate,
)
from events import feeds
from events.ical import build_calendar, calendar_bytes

from .ical_helpers import ISTANBUL, parse, tea_time
from .test_feed_window import local_day

pytestmark = pytest.mark.django_db

FEED = "/tr/calendar/events.ics"


def summaries(client, url: str = FEED) -> list[str]:
    return [str(event["SUMMARY"]) for event in parse(client.get(url)).walk("VEVENT")]


def vevents(client, url: str = FEED) -> dict[str, dict]:
    """Each master VEVENT's properties by SUMMARY."""
    calendar = parse(client.get(url))
    events = calendar.walk("VEVENT")
    return {str(e["SUMMARY"]): e for e in events if "RECURRENCE-ID" not in e}


def meeting(index, title="Buluşma – Van", days=5, **kwargs):
    return make_event(index, title=title, start=local_day(days), end=local_day(days, 18), **kwargs)


def test_the_feed_is_the_calendar_of_its_entries(rf, index):
    """Joined from kept entries or built, the bytes are those of the whole calendar built
    at once (head, VTIMEZONE from the earliest year an entry needs, entries in order)."""
    tea_time(index)  # a series with every kind of change, from 2030
    make_power_stories_tour(index)
    meeting(index, venue=make_venue(name="ATO", province="06"))
    request = rf.get(FEED)
    with translation.override("tr"):
        window = feeds.feed_window(request, Locale.get_active())
        entries = [entry for _page, entry in feeds.window_entries(request, window, window.rows)]
        built = calendar_bytes(build_calendar("STGM", entries))
        assert len(entries) == 3
        assert feeds.feed_bytes(request, "STGM") == built  # built and kept
        assert feeds.feed_bytes(request, "STGM") == built  # joined from what was kept


def test_a_kept_feed_reads_its_window_and_no_page(client, index):
    tea_time(index)
    meeting(index)
    client.get(FEED)
    with CaptureQueriesContext(connection) as cold:
        first = client.get(FEED).content
    feeds._entries.clear()
    with CaptureQueriesContext(connection) as built:
        assert client.get(FEED).content == first
    with CaptureQueriesContext(connection) as warm:
        assert client.get(FEED).content == first
    assert len(cold) == len(warm) < len(built)
    assert not [q for q in warm.captured_queries if "page" in q["sql"].split("FROM")[1][:40]]


def test_a_publish_a_venue_and_an_unpublish_show_at_once(client, index):
    venue = make_venue(name="Kültür Evi", province="06")
    page = meeting(index, venue=venue)
    assert "Kültür Evi" in str(vevents(client)["Buluşma – Van"]["LOCATION"])

    page.title = "Buluşma – Ankara"
    publish(page)
    assert summaries(client) == ["Buluşma – Ankara"]

    venue.name = "Sanat Evi"
    venue.save()
    assert "Sanat Evi" in str(vevents(client)["Buluşma – Ankara"]["LOCATION"])

    page.unpublish()
    assert summaries(client) == []


def test_a_move_and_a_delete_show_at_once(client, index, home):
    page = meeting(index)
    other = make_events_index(home, title="Başka", slug="baska")
    before = str(vevents(client)["Buluşma – Van"]["URL"])

    page.move(other, pos="last-child")
    after = str(vevents(client)["Buluşma – Van"]["URL"])
    assert after != before and "/baska/" in after

    page.refresh_from_db()
    page.delete()
    assert summaries(client) == []


def test_each_language_and_a_translation(client, index):
    page = meeting(index)
    turkish = str(vevents(client)["Buluşma – Van"]["DESCRIPTION"])
    # Untranslated, the English feed shows the Turkish page with the English texts.
    english = str(vevents(client, "/en/calendar/events.ics")["Buluşma – Van"]["DESCRIPTION"])
    assert "More information" in english and "More information" not in turkish

    translate(page, locales()[1], title="Meeting – Van")
    assert summaries(client, "/en/calendar/events.ics") == ["Meeting – Van"]
    assert summaries(client) == ["Buluşma – Van"]


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_without_the_shared_cache_the_feed_is_built_and_current(client, index):
    page = meeting(index)
    assert summaries(client) == ["Buluşma – Van"]
    page.title = "Buluşma – Muş"
    publish(page)
    assert summaries(client) == ["Buluşma – Muş"]


def test_the_window_starts_at_the_start_of_a_day(rf, index):
    """The history reaches back FEED_PAST from that day's start, so a series' VEVENT (which
    starts in the window) is the same all day and is kept."""
    now = datetime.datetime(2030, 5, 20, 13, 45, tzinfo=ISTANBUL)
    with translation.override("tr"):
        window = feeds.feed_window(rf.get(FEED), Locale.get_active(), now)
    assert timezone.localtime(window.start) == datetime.datetime(2030, 2, 19, tzinfo=ISTANBUL)
    assert timezone.localtime(window.today) == datetime.datetime(2030, 5, 20, tzinfo=ISTANBUL)
