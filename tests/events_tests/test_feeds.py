"""iCalendar files and RSS/Atom feeds of events.

Every file is parsed with the icalendar library and every series expanded with an independent
RFC 5545 expander (recurring-ical-events): the dates it yields must be the dates the site
itself stores, cancelled ones excluded, with the right local times.
"""

import datetime

import pytest
import recurrence
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from demo.builders import aware, locales, make_event, make_power_stories_tour, make_venue, translate
from events.choices import EventStatus
from events.models import (
    OccurrenceChange,
)

from .ical_helpers import (
    ISTANBUL,
    expand,
    parse,
    stored,
    taking_place,
    tea_time,
    widget_date,
    window,
)

pytestmark = pytest.mark.django_db


def test_event_file_has_what_clients_require(client, index):
    meeting = make_event(
        index,
        title="Güçlü Sivil Toplum Buluşması – Van",
        venue=make_venue(latitude=38.5012, longitude=43.3730, address="Cumhuriyet Cd.\n12"),
    )
    response = client.get(f"/tr/calendar/event/{meeting.pk}.ics")
    calendar = parse(response)
    assert response["Content-Disposition"] == f'attachment; filename="{meeting.slug}.ics"'
    assert str(calendar["VERSION"]) == "2.0" and "STGM" in str(calendar["PRODID"])
    assert str(calendar["METHOD"]) == "PUBLISH"
    # A VTIMEZONE for every TZID used: otherwise clients read the times as UTC.
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Istanbul"]
    assert calendar.get_missing_tzids() == set()
    (event,) = calendar.walk("VEVENT")
    assert event["UID"] and event["DTSTAMP"].dt.tzinfo is not None
    assert event["DTSTART"].params["TZID"] == "Europe/Istanbul"
    assert event["DTEND"].params["TZID"] == "Europe/Istanbul"
    assert event.start == aware(2030, 3, 12, 10) and event.end == aware(2030, 3, 12, 16)
    assert event.start.utcoffset() == datetime.timedelta(hours=3)
    assert str(event["SUMMARY"]) == "Güçlü Sivil Toplum Buluşması – Van"
    assert str(event["LOCATION"]) == "Van Kültür Merkezi, Cumhuriyet Cd. 12, Van"
    assert event["GEO"].latitude == pytest.approx(38.5012)
    assert str(event["URL"]) == f"http://testserver{meeting.url}"
    assert str(event["STATUS"]) == "CONFIRMED"
    description = str(event["DESCRIPTION"])
    assert "Van'daki STK'larla buluşma." in description and "<" not in description
    raw = response.content.decode()
    assert "\r\n" in raw and "DTSTART;TZID=Europe/Istanbul:20300312T100000" in raw


def test_whole_cancelled_event_is_marked_cancelled(client, index):
    meeting = make_event(
        index, status=EventStatus.CANCELLED, status_note="Deprem nedeniyle iptal edildi"
    )
    (event,) = parse(client.get(f"/tr/calendar/event/{meeting.pk}.ics")).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert "Deprem nedeniyle iptal edildi" in str(event["DESCRIPTION"])
    feed = parse(client.get("/tr/calendar/events.ics"))
    assert [str(e["STATUS"]) for e in feed.walk("VEVENT")] == ["CANCELLED"]


def test_unknown_or_non_event_pages_are_not_found(client, index):
    assert client.get("/tr/calendar/event/999999.ics").status_code == 404
    assert client.get(f"/tr/calendar/event/{index.pk}.ics").status_code == 404
    meeting = make_event(index)
    meeting.unpublish()
    assert client.get(f"/tr/calendar/event/{meeting.pk}.ics").status_code == 404


# --- series: RRULE, EXDATE, RDATE and overrides against the stored dates ----------------


def test_series_expands_to_exactly_the_stored_dates(client, index):
    series = tea_time(index)
    calendar = parse(client.get(f"/tr/calendar/event/{series.pk}.ics"))
    master, *overrides = calendar.walk("VEVENT")
    assert "RRULE" in master and "RECURRENCE-ID" not in master
    # One override per changed date, all with the master's UID.
    assert len(overrides) == 4
    assert {str(e["UID"]) for e in overrides} == {str(master["UID"])}

    start, stop = window()
    instances = expand(calendar, start, stop)
    assert taking_place(instances) == stored(series, start, stop)
    # The cancelled date is excluded (EXDATE), not merely marked: no client shows it.
    assert not [i for i in instances if i[0].date() == datetime.date(2030, 1, 16)]
    by_day = {s.astimezone(ISTANBUL).date(): (s, e, status) for s, e, status in instances}
    assert datetime.date(2030, 2, 6) not in by_day  # the widget's excluded date
    assert by_day[datetime.date(2030, 2, 8)][0] == aware(2030, 2, 8, 15)  # extra date, same time
    assert by_day[datetime.date(2030, 1, 24)][:2] == (
        aware(2030, 1, 24, 18),
        aware(2030, 1, 24, 20),
    )
    assert datetime.date(2030, 1, 23) not in by_day  # moved away
    assert by_day[datetime.date(2030, 2, 13)][2] == "TENTATIVE"  # postponed, no new date yet


def test_series_overrides_carry_recurrence_id_and_status(client, index):
    series = tea_time(index)
    calendar = parse(client.get(f"/tr/calendar/event/{series.pk}.ics"))
    overrides = {e["RECURRENCE-ID"].dt: e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" in e}
    cancelled = overrides[aware(2030, 1, 16, 15)]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled["RECURRENCE-ID"].params["TZID"] == "Europe/Istanbul"
    moved = overrides[aware(2030, 1, 23, 15)]
    assert moved.start == aware(2030, 1, 24, 18) and str(moved["STATUS"]) == "CONFIRMED"
    assert "Bir gün ertelendi" in str(moved["DESCRIPTION"])
    master = next(e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e)
    props = master["EXDATE"] if isinstance(master["EXDATE"], list) else [master["EXDATE"]]
    exdates = {value.dt for prop in props for value in prop.dts}
    assert aware(2030, 1, 16, 15) in exdates and aware(2030, 2, 6, 15) in exdates


SERIES_RULES = {
    "monthly first Thursday, no end": dict(
        start=aware(2030, 1, 3, 18),
        end=aware(2030, 1, 3, 20),
        recurrences=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.MONTHLY, byday=[recurrence.TH(1)])]
        ),
        date_changes=[],
    ),
    "count from a first meeting off the rule": dict(
        start=aware(2030, 1, 1, 19),  # a Tuesday, then Wednesdays
        end=aware(2030, 1, 1, 21),
        recurrences=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.WEEKLY, byday=[recurrence.WE], count=4)]
        ),
        date_changes=[],
    ),
    "fortnightly on two days with an end": dict(
        start=aware(2030, 1, 7, 10),
        end=aware(2030, 1, 7, 12),
        recurrences=recurrence.Recurrence(
            rrules=[
                recurrence.Rule(
                    recurrence.WEEKLY,
                    interval=2,
                    byday=[recurrence.MO, recurrence.TH],
                    until=widget_date(2030, 6, 30),
                )
            ],
            exdates=[widget_date(2030, 1, 10)],
        ),
        date_changes=[],
    ),
    "two rules": dict(
        start=aware(2030, 1, 6, 14),
        end=aware(2030, 1, 6, 15),
        recurrences=recurrence.Recurrence(
            rrules=[
                recurrence.Rule(recurrence.WEEKLY, byday=[recurrence.SU], count=6),
                recurrence.Rule(recurrence.MONTHLY, bymonthday=[15], until=widget_date(2030, 9, 1)),
            ]
        ),
        date_changes=[],
    ),
    "late evening crossing midnight UTC": dict(
        start=aware(2030, 1, 2, 1, 30),  # 22:30 UTC the day before
        end=aware(2030, 1, 2, 3),
        recurrences=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.WEEKLY, until=widget_date(2030, 2, 27))],
            exdates=[widget_date(2030, 1, 16)],
        ),
        date_changes=[],
    ),
}


@pytest.mark.parametrize("rule", SERIES_RULES, ids=list(SERIES_RULES))
def test_every_kind_of_rule_expands_to_the_stored_dates(client, index, rule):
    series = tea_time(index, title=rule, **SERIES_RULES[rule])
    calendar = parse(client.get(f"/tr/calendar/event/{series.pk}.ics"))
    start = series.start - datetime.timedelta(days=1)
    stop = max(timezone.now(), series.start) + datetime.timedelta(days=700)
    site = stored(series, start, stop)
    assert len(site) >= 4
    assert taking_place(expand(calendar, start, stop)) == site


def test_whole_cancelled_series_cancels_the_master(client, index):
    series = tea_time(index, status=EventStatus.CANCELLED, date_changes=[])
    calendar = parse(client.get(f"/tr/calendar/event/{series.pk}.ics"))
    (master,) = calendar.walk("VEVENT")
    assert str(master["STATUS"]) == "CANCELLED"
    start, stop = window()
    assert taking_place(expand(calendar, start, stop)) == stored(series, start, stop) == []


def test_all_day_series_uses_dates(client, index):
    series = tea_time(
        index,
        title="Gün boyu",
        all_day=True,
        start=aware(2030, 1, 2, 0),
        end=aware(2030, 1, 2, 23, 59),
        recurrences=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.WEEKLY, until=widget_date(2030, 1, 30))]
        ),
        date_changes=[
            OccurrenceChange(
                locale=locales()[0], date=datetime.date(2030, 1, 16), status=EventStatus.CANCELLED
            )
        ],
    )
    response = client.get(f"/tr/calendar/event/{series.pk}.ics")
    assert "DTSTART;VALUE=DATE:20300102" in response.content.decode()
    start, stop = window()
    days = sorted(
        s for s, _e, status in expand(parse(response), start, stop) if status != "CANCELLED"
    )
    site = [s.astimezone(ISTANBUL).date() for s, _e in stored(series, start, stop)]
    assert days == site == [datetime.date(2030, 1, d) for d in (2, 9, 23, 30)]


def test_power_stories_performances_are_separate_events(client, index):
    page = make_power_stories_tour(index)
    events = parse(client.get(f"/tr/calendar/event/{page.pk}.ics")).walk("VEVENT")
    assert [str(e["LOCATION"]) for e in events] == [
        "İzmir Sahnesi, İzmir",
        "Mersin Sahnesi, Mersin",
    ]
    assert len({str(e["UID"]) for e in events}) == 2
    only_izmir = parse(client.get("/tr/calendar/events.ics?province=35")).walk("VEVENT")
    assert [e.start for e in only_izmir] == [aware(2030, 3, 1, 19)]


# --- languages and stable UIDs ------------------------------------------------------------


def test_uids_are_stable_across_requests_and_languages(client, index):
    english = Locale.objects.get(language_code="en")
    series = tea_time(index)
    translated = translate(series, english, title="Tea Time – Eskişehir", slug="tea-time")
    meeting = make_event(index)
    translate(meeting, english, title="Strong Civil Society Meeting – Van", slug="van")

    turkish_file = client.get(f"/tr/calendar/event/{series.pk}.ics").content
    assert client.get(f"/tr/calendar/event/{series.pk}.ics").content == turkish_file
    english_file = client.get(f"/en/calendar/event/{series.pk}.ics").content
    assert client.get(f"/en/calendar/event/{translated.pk}.ics").content == english_file

    def identities(content: bytes) -> list:
        calendar = Calendar.from_ical(content)
        return sorted(
            (str(e["UID"]), str(e["RECURRENCE-ID"].dt) if "RECURRENCE-ID" in e else "")
            for e in calendar.walk("VEVENT")
        )

    assert identities(turkish_file) == identities(english_file)
    english_master = next(
        e for e in Calendar.from_ical(english_file).walk("VEVENT") if "RECURRENCE-ID" not in e
    )
    assert str(english_master["SUMMARY"]) == "Tea Time – Eskişehir"
    assert english_master["SUMMARY"].params["LANGUAGE"] == "en"
    assert "/en/events/tea-time/" in str(english_master["URL"])

    turkish_feed = client.get("/tr/calendar/events.ics").content
    english_feed = client.get("/en/calendar/events.ics").content
    assert client.get("/tr/calendar/events.ics").content == turkish_feed
    assert identities(turkish_feed) == identities(english_feed)
    assert identities(turkish_feed) == sorted(
        identities(turkish_file)
        + identities(client.get(f"/tr/calendar/event/{meeting.pk}.ics").content)
    )
