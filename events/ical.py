"""iCalendar (RFC 5545) files of events, built with the icalendar library.

What calendar programs get wrong most often decides the shape of these files:

- every date-time carries TZID=Europe/Istanbul and the calendar carries the matching
  VTIMEZONE (generated from zoneinfo), so no client reads a local time as UTC;
- every VEVENT has a UID and a DTSTAMP (Outlook rejects events without them). UIDs come from
  the page's translation key, so they are the same in every request and in both languages;
- a series is one VEVENT with an RRULE, and EXDATE/RDATE computed so that any RFC 5545
  expander yields exactly the dates the site itself stores (see `series_plan`);
- a cancelled date of a series is removed with EXDATE *and* described by an override VEVENT
  (RECURRENCE-ID, STATUS:CANCELLED, the reason): Google Calendar hides STATUS:CANCELLED while
  Apple Calendar and Thunderbird strike it through but keep showing it, and only EXDATE removes
  a date everywhere; the override still tells clients that follow instance changes why;
- a moved date is an override VEVENT with the same UID, RECURRENCE-ID = the original start and
  its new DTSTART/DTEND.
"""

import datetime
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import (
    Calendar,
    Component,
    Event,
    Parameters,
    Timezone,
    vCategory,
    vDDDTypes,
    vGeo,
    vRecur,
    vText,
    vUri,
)
from icalendar.parser import Contentline

from core.provinces import Province

from . import recurrence as series_dates
from .choices import AttendanceMode, EventStatus, EventType
from .models import SERIES_HORIZON, EventFields, EventSeriesPage, Venue
from .series_plan import series_dates_for_ical

# UIDs must be globally unique and must not change with the host a visitor happened to use.
UID_DOMAIN = "stgm.org.tr"
# Subscribed calendars poll at this pace (RFC 7986 REFRESH-INTERVAL, X-PUBLISHED-TTL for
# Outlook).
REFRESH_INTERVAL = datetime.timedelta(hours=6)

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
# Built once: enum members' `values` and icalendar's conversions are much of a feed's cost.
_STATUSES = frozenset(EventStatus.values)
_STATUS = {status: vText(value) for status, value in ICAL_STATUS.items()}
_PUBLIC = vText("PUBLIC")
_NO_PARAMETERS = Parameters()
_PROVINCES = dict(Province.choices)
_TRANSPARENCY = {True: vText("TRANSPARENT"), False: vText("OPAQUE")}


class DateLike(Protocol):
    """A stored Occurrence or an OccurrenceSpec: one date of an event."""

    start: datetime.datetime
    end: datetime.datetime
    original_start: datetime.datetime
    status: str
    note: str
    venue: Venue | None


@dataclass(frozen=True)
class EventEntry:
    """An event page with the dates to publish and the absolute URL of its page."""

    page: EventFields
    dates: Sequence[DateLike]
    url: str
    # The language of the page's texts (an untranslated page keeps its own).
    language: str
    # The listing feed's window of dates (start, end; an end of None: the series' horizon).
    # A series then starts at its first date in the window and, with an end, stops there:
    # what a client expands is exactly the site's dates of the window. None: every date.
    window: tuple[datetime.datetime, datetime.datetime | None] | None = None
    # The moment a series' horizon counts from (see `series_plan.series_window`); None: now.
    now: datetime.datetime | None = None


# Istanbul has kept +03:00 all year since September 2016: from 2017 on, one observance
# describes the zone. Older events bring the observances of their years with them.
COMPACT_ZONE_FROM = datetime.date(2017, 1, 1)


@functools.lru_cache(maxsize=16)
def vtimezone(first_date: datetime.date = COMPACT_ZONE_FROM) -> Timezone:
    """The VTIMEZONE of the site's zone from `first_date` on, built once per process (icalendar
    derives it from zoneinfo, which is slow). Its last observance stays valid after 2040."""
    zone = Timezone.from_tzid(
        settings.TIME_ZONE, first_date=first_date, last_date=datetime.date(2040, 1, 1)
    )
    zone.pop("COMMENT", None)
    return zone


def _zone_start(entries: Sequence["EventEntry"]) -> datetime.date:
    earliest = COMPACT_ZONE_FROM
    for entry in entries:
        moments = [entry.page.start, *(date.start for date in entry.dates)]
        moments += [date.original_start for date in entry.dates]
        earliest = min(earliest, *(_local(moment).date() for moment in moments))
    return earliest.replace(month=1, day=1)


def new_calendar(
    name: str, language: str | None = None, zone_from: datetime.date = COMPACT_ZONE_FROM
) -> Calendar:
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    calendar = Calendar()
    calendar.add("prodid", f"-//STGM//{settings.WAGTAIL_SITE_NAME} events//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    # Before the events that refer to it, as RFC 5545 readers expect.
    calendar.add_component(vtimezone(zone_from))
    return calendar


def build_calendar(name: str, entries: Iterable[EventEntry]) -> Calendar:
    entries = list(entries)
    calendar = new_calendar(name, zone_from=_zone_start(entries))
    for entry in entries:
        for component in event_components(entry):
            calendar.add_component(component)
    return calendar


# RFC 5545 folds content lines at 75 octets.
FOLD_OCTETS = 75


def fold(line: str) -> bytes:
    """One content line folded as icalendar folds it (`icalendar.parser.string._foldline`,
    which encodes every character of every line on its own): a line stays under
    `FOLD_OCTETS` octets, a character is never cut, and a backslash or caret that would end a
    line (the start of an escape) moves to the next one. tests/events_tests/test_ical_fold.py
    compares the two."""
    data = line.encode()
    if len(data) < FOLD_OCTETS:
        return data
    parts = []
    start = 0
    while len(data) - start >= FOLD_OCTETS:
        cut = start + FOLD_OCTETS - 1
        while data[cut] & 0xC0 == 0x80:  # a continuation octet: inside a character
            cut -= 1
        if data[cut - 1] in b"\\^":
            cut -= 1
        parts.append(data[start:cut])
        start = cut
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def _content_bytes(items: Iterable[tuple[str, object]]) -> bytes:
    """icalendar's content lines of these (name, value) pairs (`Component.content_lines`, but
    without a new empty `Parameters` per property that has none), folded by `fold`, each
    ended by CRLF."""
    lines = (
        Contentline.from_parts(name, getattr(value, "params", None) or _NO_PARAMETERS, value)
        for name, value in items
    )
    return b"".join(fold(line) + b"\r\n" for line in lines)


def calendar_bytes(calendar: Calendar) -> bytes:
    """`calendar.to_ical()`, by `_content_bytes`."""
    return _content_bytes(calendar.property_items())


def components_bytes(components: Iterable[Component]) -> bytes:
    """These components (an entry's VEVENTs) as `calendar_bytes` writes them in a calendar."""
    return b"".join(_content_bytes(component.property_items()) for component in components)


CALENDAR_END = b"END:VCALENDAR\r\n"


@functools.lru_cache(maxsize=64)
def calendar_head(name: str, language: str, zone_from: datetime.date) -> bytes:
    """What `calendar_bytes` writes of `new_calendar(name, language, zone_from)` before its
    events: its properties and VTIMEZONE (`CALENDAR_END` closes it). Built once per process
    for each name, language and zone."""
    items = new_calendar(name, language, zone_from).property_items()
    return _content_bytes(items[:-1])


def entry_zone_start(entry: "EventEntry") -> datetime.date:
    """The first year of the VTIMEZONE that a calendar of this entry alone needs."""
    return _zone_start([entry])


def uid_for(page: EventFields, original_start: datetime.datetime | None = None) -> str:
    """The same in every request and in every language's version of the page."""
    if original_start is None:
        return f"{page.translation_key}@{UID_DOMAIN}"
    stamp = original_start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{page.translation_key}-{stamp}@{UID_DOMAIN}"


def event_components(entry: EventEntry) -> list[Event]:
    page = entry.page
    # By type, not class: the feeds publish pages read as plain values (`feed_pages`).
    if page.event_type == EventType.SERIES:
        return _series_components(entry)
    if page.event_type == EventType.POWER_STORIES:
        # Performances are separate events, not instances of a rule: one UID each.
        dates = entry.dates or page.occurrence_specs(page.start + SERIES_HORIZON)
        return [_vevent(entry, date, uid_for(page, date.original_start)) for date in dates]
    dates = list(entry.dates)[:1] or [_page_date(page)]
    return [_vevent(entry, dates[0], uid_for(page))]


def occurrence_calendar(entry: EventEntry, date: DateLike) -> Calendar:
    """A calendar of one date of an event (a registrant's attachment): the same VEVENT and
    UID as that date has in the event's own file and the feeds."""
    calendar = new_calendar(entry.page.title, entry.language, _zone_start([entry]))
    # A date of a series or a performance is an event of its own, with its own UID.
    one_of_many = entry.page.event_type in (EventType.SERIES, EventType.POWER_STORIES)
    uid = uid_for(entry.page, date.original_start if one_of_many else None)
    calendar.add_component(_vevent(entry, date, uid))
    return calendar


def _page_date(page: EventFields) -> DateLike:
    return page.occurrence_specs(page.start)[0]


def _local(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(series_dates.local_zone())


def _ical_moment(moment: datetime.datetime, all_day: bool) -> datetime.date | datetime.datetime:
    """An aware datetime in Istanbul time (TZID), or its local date for all-day events."""
    local = _local(moment)
    return local.date() if all_day else local


def _ical_end(start: datetime.datetime, end: datetime.datetime, all_day: bool):
    if not all_day:
        return _local(end)
    # DTEND of an all-day event is the day after the last one (exclusive).
    last = max(_local(start).date(), _local(end - datetime.timedelta(seconds=1)).date())
    return last + datetime.timedelta(days=1)


def _stamp(page: EventFields) -> datetime.datetime:
    """DTSTAMP: when the published information last changed, so a file is stable between
    requests (RFC 5545 allows this when no METHOD of scheduling is used)."""
    moment = page.last_published_at or page.latest_revision_created_at or timezone.now()
    return moment.astimezone(datetime.UTC).replace(microsecond=0)


def _status_label(status: str) -> str:
    return str(EventStatus(status).label) if status in _STATUSES else ""


def _summary(page: EventFields, status: str) -> str:
    # Clients that ignore STATUS still show the change in the title.
    if status == EventStatus.SCHEDULED:
        return page.title
    return f"{_status_label(status)}: {page.title}"


def location_text(page: EventFields, venue: Venue | None, status: str = "") -> str:
    online_only = (
        page.attendance_mode == AttendanceMode.ONLINE or status == EventStatus.MOVED_ONLINE
    )
    if venue is None or online_only:
        return page.online_url or (_("Online") if page.is_online else "")
    # `venue.city`, without the model's display lookup (a scan of every province) per date.
    city = ", ".join(filter(None, [venue.district, _PROVINCES.get(venue.province, venue.province)]))
    parts = [venue.name, " ".join(venue.address.split()), city]
    return ", ".join(part for part in parts if part)


def description_text(page: EventFields, url: str, status: str = "", note: str = "") -> str:
    """Plain text: the summary, what changed, how to join online, where to read more."""
    lines = [page.summary.strip()]
    status = status or page.status
    if status != EventStatus.SCHEDULED:
        change = _status_label(status)
        lines.append(f"{change}: {note}" if note else change)
    if page.is_online and page.online_url:
        lines.append(_("Join online: %(url)s") % {"url": page.online_url})
    lines.append(_("More information: %(url)s") % {"url": url})
    return "\n\n".join(line for line in lines if line)


def _vevent(
    entry: EventEntry,
    date: DateLike,
    uid: str,
    recurrence_id: datetime.date | datetime.datetime | None = None,
) -> Event:
    page = entry.page
    language = entry.language
    # Property values built directly as the types icalendar's `add` would infer for them
    # (Event.new sets and validates every property it knows; `add` infers each type).
    stamp = vDDDTypes(_stamp(page))
    event = Event()
    event["UID"] = vText(uid)
    event["DTSTAMP"] = stamp
    event["DTSTART"] = vDDDTypes(_ical_moment(date.start, page.all_day))
    event["DTEND"] = vDDDTypes(_ical_end(date.start, date.end, page.all_day))
    event["STATUS"] = _STATUS.get(date.status, _STATUS[EventStatus.SCHEDULED])
    event["URL"] = vUri(entry.url)
    if recurrence_id is not None:
        event["RECURRENCE-ID"] = vDDDTypes(recurrence_id)
    event["SUMMARY"] = vText(_summary(page, date.status), params={"LANGUAGE": language})
    description = description_text(page, entry.url, date.status, date.note)
    event["DESCRIPTION"] = vText(description, params={"LANGUAGE": language})
    location = location_text(page, date.venue, date.status)
    if location:
        event["LOCATION"] = vText(location, params={"LANGUAGE": language})
    venue = date.venue
    if venue is not None and venue.latitude is not None and venue.longitude is not None:
        event["GEO"] = vGeo((float(venue.latitude), float(venue.longitude)))
    event["CATEGORIES"] = vCategory([str(EventType(page.event_type).label)])
    event["CLASS"] = _PUBLIC
    event["TRANSP"] = _TRANSPARENCY[date.status == EventStatus.CANCELLED]
    if page.last_published_at:
        event["LAST-MODIFIED"] = stamp
    return event


# --- series ----------------------------------------------------------------------------


def _series_components(entry: EventEntry) -> list[Event]:
    page: EventSeriesPage = entry.page  # type: ignore[assignment]
    uid = uid_for(page)
    plan = series_dates_for_ical(page, now=entry.now, window=entry.window)
    duration = page.end - page.start
    first = plan.first or page.start
    master_date = _MasterDate(
        start=first,
        end=first + duration,
        original_start=first,
        status=page.status,
        note=page.status_note,
        venue=_series_venue(page, entry.dates),
    )
    master = _vevent(entry, master_date, uid)
    if plan.rule:
        master.add("rrule", _recur(plan.rule))

    exdates = set(plan.exdates)
    overrides: list[Event] = []
    for date in entry.dates:
        original = _local(date.original_start)
        if original not in plan.instances:
            continue  # stored before the rule changed; the next sync drops it
        default = (
            date.start == date.original_start
            and date.end == date.original_start + duration
            and date.status == page.status
            and date.note == page.status_note
        )
        if default:
            continue
        if date.status == EventStatus.CANCELLED and page.status != EventStatus.CANCELLED:
            exdates.add(original)
        recurrence_id = _ical_moment(date.original_start, page.all_day)
        overrides.append(_vevent(entry, date, uid, recurrence_id=recurrence_id))

    if exdates:
        master.add("exdate", [_ical_moment(d, page.all_day) for d in sorted(exdates)])
    if plan.rdates:
        master.add("rdate", [_ical_moment(d, page.all_day) for d in plan.rdates])
    return [master, *overrides]


@functools.lru_cache(maxsize=1024)
def _recur(text: str) -> vRecur:
    """The RRULE value, parsed once per text (series of one rule share it; read-only)."""
    return vRecur.from_ical(text)


def _series_venue(page: EventSeriesPage, dates: Sequence[DateLike]) -> Venue | None:
    # The stored dates carry the venue already fetched with them; no extra query per series.
    for date in dates:
        if date.venue is not None:
            return date.venue
    return page.venue if page.venue_id else None


@dataclass(frozen=True)
class _MasterDate:
    start: datetime.datetime
    end: datetime.datetime
    original_start: datetime.datetime
    status: str
    note: str
    venue: Venue | None
