"""The listing's .ics is bounded by design (events.feeds): a window of dates, each series one
VEVENT whose rule covers the window exactly, and no work that grows with stored dates."""

import datetime
from collections import defaultdict

import pytest
import recurrence
from django.db.models.signals import post_init
from django.utils import timezone

from demo.builders import locales, make_event, make_venue
from events import feeds
from events.choices import EventStatus
from events.models import Occurrence, OccurrenceChange, Venue

from .helpers import count_queries
from .ical_helpers import ISTANBUL, expand, parse, taking_place, tea_time, uid_of

pytestmark = pytest.mark.django_db


def local_day(days: int, hour: int = 15) -> datetime.datetime:
    """A local time `days` from today (Istanbul)."""
    today = timezone.localtime(timezone.now(), ISTANBUL).date()
    moment = datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(hour))
    return moment.replace(tzinfo=ISTANBUL)


def long_series(index):
    """A weekly series that began over a year ago and runs on, with a cancelled date inside
    a short window (two weeks ahead) and one beyond it (months ahead)."""
    tr, _ = locales()
    start = local_day(-399)
    cancelled = [
        OccurrenceChange(
            locale=tr,
            date=(start + datetime.timedelta(weeks=weeks)).date(),
            status=EventStatus.CANCELLED,
        )
        for weeks in (59, 70)
    ]
    return tea_time(
        index,
        title="Uzun seri",
        start=start,
        end=start + datetime.timedelta(hours=2),
        recurrences=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)]),
        date_changes=cancelled,
    )


def test_a_series_is_published_for_the_window_only(client, index, monkeypatch):
    series = long_series(index)
    monkeypatch.setattr(feeds, "FEED_LIMIT", 5)

    calendar = parse(client.get("/tr/calendar/events.ics"))
    uid = uid_of(calendar)
    master = next(e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e)
    now = timezone.now()
    window_start = feeds.window_start(now)
    # The rule starts in the window, not at the first meeting a year ago...
    assert window_start <= master.start <= now
    upcoming = Occurrence.objects.filter(page=series).upcoming(now)
    window_end = list(upcoming[: feeds.FEED_LIMIT])[-1].start
    # ...and a client expands exactly the stored dates of the window: the cancelled one
    # in it is gone, the one beyond it is not published at all.
    seen = taking_place(expand(calendar, now - datetime.timedelta(days=500), local_day(800), uid))
    in_window = Occurrence.objects.filter(
        page=series, original_start__gte=window_start, original_start__lte=window_end
    ).exclude(status=EventStatus.CANCELLED)
    assert seen == sorted((o.start, o.end) for o in in_window)
    assert len(seen) >= 12  # about thirteen weeks of history and four ahead, one cancelled
    assert Occurrence.objects.filter(page=series, status=EventStatus.CANCELLED).count() == 2


def test_the_feed_reads_a_window_not_every_stored_date(client, index):
    """Objects built do not grow with the stored dates of the series in the feed."""
    built: list[Occurrence] = []

    def count(sender, instance, **kwargs):
        built.append(instance)

    daily = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.DAILY)])
    tea_time(index, start=local_day(-30), end=local_day(-30, 17), recurrences=daily)
    make_event(index, title="Tek", start=local_day(3), end=local_day(3, 18))
    stored = Occurrence.objects.count()
    assert stored > feeds.FEED_LIMIT + feeds.FEED_PAST_LIMIT  # two years of daily meetings

    most = feeds.FEED_LIMIT + feeds.FEED_PAST_LIMIT + 1

    def built_by_one_request() -> int:
        built.clear()
        post_init.connect(count, sender=Occurrence)
        try:
            assert client.get("/tr/calendar/events.ics").status_code == 200
        finally:
            post_init.disconnect(count, sender=Occurrence)
        return len(built)

    few = count_queries(client, "/tr/calendar/events.ics")
    assert built_by_one_request() <= most
    tea_time(index, title="İkinci", start=local_day(-60), recurrences=daily)
    assert Occurrence.objects.count() > 2 * stored - 100
    assert count_queries(client, "/tr/calendar/events.ics") == few
    assert built_by_one_request() <= most


def test_a_province_feed_is_the_feed_with_a_filter(rf, index):
    make_event(index, title="Van", venue=make_venue(), start=local_day(5), end=local_day(5, 18))
    make_event(
        index,
        title="Ankara",
        venue=make_venue(name="ATO", province="06"),
        start=local_day(6),
        end=local_day(6, 18),
    )
    request = rf.get("/tr/calendar/events.ics")
    calendar = feeds.feed_calendar(request, "Ankara", province="06")
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Ankara"]


def test_the_feed_builds_no_stored_date_and_a_venue_per_page(client, index):
    """The window's dates are read as plain values and share their pages' venues: what the
    feed builds grows with the pages in it, not with their dates."""
    built: dict[type, int] = defaultdict(int)

    def count(sender, instance, **kwargs):
        built[sender] += 1

    venue = make_venue()
    daily = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.DAILY)])
    tea_time(index, start=local_day(-30), end=local_day(-30, 17), recurrences=daily, venue=venue)
    for day in range(1, 4):
        make_event(index, title=f"Buluşma {day}", venue=venue, start=local_day(day))
    client.get("/tr/calendar/events.ics")
    for model in (Occurrence, Venue):
        post_init.connect(count, sender=model)
    try:
        calendar = parse(client.get("/tr/calendar/events.ics"))
    finally:
        for model in (Occurrence, Venue):
            post_init.disconnect(count, sender=model)
    assert len(calendar.walk("VEVENT")) >= 4
    assert built[Occurrence] == 0
    assert built[Venue] <= 4  # one with each page, none per date
