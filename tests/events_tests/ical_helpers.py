"""Reading what the calendar files say: parse them, expand their series with an independent
RFC 5545 expander, compare with the dates the site stores; and the series they are made of."""

import datetime
from zoneinfo import ZoneInfo

import recurrence
import recurring_ical_events
from icalendar import Calendar

from demo.builders import aware, locales, make_event, make_venue
from events.choices import EventStatus
from events.models import (
    EventSeriesPage,
    Occurrence,
    OccurrenceChange,
)

ISTANBUL = ZoneInfo("Europe/Istanbul")
UTC = datetime.UTC


def widget_date(year: int, month: int, day: int) -> datetime.datetime:
    """A date as django-recurrence's admin widget stores it: midnight UTC."""
    return datetime.datetime(year, month, day, tzinfo=UTC)


def tea_time(index, **kwargs) -> EventSeriesPage:
    """A weekly series with every kind of change: an excluded and an extra date (as the widget
    stores them), a cancelled, a rescheduled, a postponed and a moved-online date."""
    tr, _ = locales()
    kwargs.setdefault("title", "Çay Saati – Eskişehir")
    kwargs.setdefault("start", aware(2030, 1, 2, 15))  # a Wednesday
    kwargs.setdefault("end", aware(2030, 1, 2, 17))
    kwargs.setdefault(
        "recurrences",
        recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.WEEKLY, until=widget_date(2030, 3, 27))],
            exdates=[widget_date(2030, 2, 6)],
            rdates=[widget_date(2030, 2, 8)],
        ),
    )
    kwargs.setdefault(
        "venue",
        make_venue(name="Buluşma Evi", province="26", latitude=39.776667, longitude=30.520556),
    )
    kwargs.setdefault(
        "date_changes",
        [
            OccurrenceChange(
                locale=tr, date=datetime.date(2030, 1, 16), status=EventStatus.CANCELLED
            ),
            OccurrenceChange(
                locale=tr,
                date=datetime.date(2030, 1, 23),
                status=EventStatus.RESCHEDULED,
                new_start=aware(2030, 1, 24, 18),
                reason="Bir gün ertelendi",
            ),
            OccurrenceChange(
                locale=tr, date=datetime.date(2030, 2, 13), status=EventStatus.POSTPONED
            ),
            OccurrenceChange(
                locale=tr, date=datetime.date(2030, 2, 20), status=EventStatus.MOVED_ONLINE
            ),
        ],
    )
    return make_event(index, EventSeriesPage, **kwargs)


def parse(response) -> Calendar:
    """Parse a calendar file and check what clients reject files for, on every file."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="')
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"]).startswith("-//STGM//")
    # Every TZID has its VTIMEZONE (without it, clients read the times as UTC)...
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Istanbul"]
    assert calendar.get_missing_tzids() == set()
    for event in calendar.walk("VEVENT"):
        # ...and every event a UID and a UTC DTSTAMP (Outlook rejects events without them).
        assert str(event["UID"]).endswith("@stgm.org.tr")
        assert event["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
        assert "DTSTART" in event and "DTEND" in event and str(event["SUMMARY"])
        if isinstance(event.start, datetime.datetime):
            assert event["DTSTART"].params["TZID"] == "Europe/Istanbul"
    return calendar


def expand(calendar: Calendar, start, stop, uid: str | None = None) -> list:
    """(start, end, STATUS) of every instance an RFC 5545 reader sees in [start, stop)."""
    return [
        (event.start, event.end, str(event.get("STATUS", "")))
        for event in recurring_ical_events.of(calendar).between(start, stop)
        if uid is None or str(event["UID"]) == uid
    ]


def taking_place(instances: list) -> list:
    return sorted((start, end) for start, end, status in instances if status != "CANCELLED")


def stored(page, start, stop) -> list:
    """The dates the site shows for `page` in the same window, cancelled ones excluded."""
    rows = Occurrence.objects.filter(page=page).between(start, stop)
    return sorted((o.start, o.end) for o in rows.exclude(status=EventStatus.CANCELLED))


def window(year: int = 2029, to_year: int = 2031):
    return (
        datetime.datetime(year, 12, 1, tzinfo=ISTANBUL),
        datetime.datetime(to_year, 12, 1, tzinfo=ISTANBUL),
    )


def uid_of(calendar: Calendar) -> str:
    masters = [e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e]
    assert len(masters) == 1
    return str(masters[0]["UID"])


# --- files every calendar program accepts --------------------------------------------------
