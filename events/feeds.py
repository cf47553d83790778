"""Calendar files and feeds: an .ics per event, an .ics and RSS/Atom feeds for the listing.

Plain Django views under the language prefix (events/urls.py), so the URL's language decides
the texts. Each feed reads the stored occurrences with the listing's own filters
(`EventFilterForm`) and costs a fixed number of queries whatever the number of events: the
occurrences, the pages (one query per page type), the venues that are not the pages' own (a
Power Stories performance's), and the changed dates of the series in it. Dates are read as
plain values (`FeedDate`), pages with the columns the files use only.

The listing's .ics is bounded by design, so its cost does not grow with the archive: a
window of dates from `FEED_PAST` back to the `FEED_LIMIT`th upcoming date (every upcoming
date when there are fewer), each series as one VEVENT whose rule covers exactly the window.
A subscribed calendar polls it (REFRESH-INTERVAL), so the window moves on with time. A
series' rule is expanded once per stored rule, not per request (`series_plan`), and each
entry's VEVENTs are serialised once per content and occurrences generation (`feed_bytes`).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import F, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar
from wagtail.models import Locale, Page

from core.caching import cacheable_page
from core.versions import CONTENT, OCCURRENCES, LocalCopies, generation

from .choices import EventStatus, EventType
from .feed_pages import FeedPage, feed_pages, page_url_builder
from .forms import EventFilterForm
from .ical import (
    CALENDAR_END,
    COMPACT_ZONE_FROM,
    EventEntry,
    build_calendar,
    calendar_bytes,
    calendar_head,
    components_bytes,
    entry_zone_start,
    event_components,
)
from .models import (
    EventFields,
    Occurrence,
    OccurrenceQuerySet,
    Venue,
    longest_duration,
)

# A subscribed calendar keeps a season of recent history (what happened at last month's
# meeting); the listing's "past" filter gives the rest.
FEED_PAST = datetime.timedelta(days=90)
# The dates one feed reads ahead. A count, not a span of time, so that a file stays one every
# calendar program reads (and re-reads at each poll) quickly however busy the programme: the
# whole country's feed then reaches days or weeks ahead, a province's or a type's (what a
# province's page links to) months; the listing and each event's own file give the rest.
FEED_LIMIT = 200
# Of the recent history, the latest dates only: history matters less than what comes next.
FEED_PAST_LIMIT = 50
# Calendars poll feeds; a short shared cache keeps that cheap without hiding edits for long.
FEED_MAX_AGE = 900


def absolute_page_url(request: HttpRequest, page: Page) -> str:
    """On the host the visitor used, like the page's own canonical link."""
    return request.build_absolute_uri(page.get_url(request) or "/")


def ics_response(calendar: Calendar | bytes, filename: str) -> HttpResponse:
    body = calendar if isinstance(calendar, bytes) else calendar_bytes(calendar)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def _live_event_page(page_id: int, locale: Locale) -> EventFields:
    """The live, public event page, in the URL's language when it has that translation."""
    pages = Page.objects.live().public()
    page = get_object_or_404(pages, pk=page_id)
    if page.locale_id != locale.pk:
        translation = pages.filter(
            translation_key=page.translation_key, locale_id=locale.pk
        ).first()
        page = translation or page
    page = page.specific
    if not isinstance(page, EventFields):
        raise Http404
    return page


# Calendar apps poll the feeds; they change when pages do, which retires every cached copy.
@cacheable_page
def event_ics(request: HttpRequest, page_id: int) -> HttpResponse:
    """One event (or a whole series, with its changed and cancelled dates) as a file."""
    page = _live_event_page(page_id, Locale.get_active())
    dates = list(
        Occurrence.objects.filter(page_id=page.pk)
        .select_related("venue")
        .order_by("original_start", "pk")
    )
    language = page.locale.language_code
    entry = EventEntry(page, dates, absolute_page_url(request, page), language)
    calendar = build_calendar(page.title, [entry])
    return ics_response(calendar, f"{page.slug}.ics")


# What the files and feeds read of a stored date: plain values, no model instances.
DATE_FIELDS = (
    "pk",
    "page_id",
    "event_type",
    "start",
    "end",
    "original_start",
    "all_day",
    "status",
    "note",
    "venue_id",
    "locale__language_code",
)
_VENUE = DATE_FIELDS.index("venue_id")


class FeedDate(NamedTuple):
    """A stored date of an event as the feeds read it (an `ical.DateLike`), its venue the
    same object as every other date's at that venue."""

    pk: int
    page_id: int
    event_type: str
    start: datetime.datetime
    end: datetime.datetime
    original_start: datetime.datetime
    all_day: bool
    status: str
    note: str
    venue_id: int | None
    # The language of the date's page (an untranslated event keeps its own).
    language: str
    venue: Venue | None = None


def date_rows(occurrences) -> OccurrenceQuerySet:
    """The occurrences as rows of `DATE_FIELDS` (`FeedDate` without its venue)."""
    return occurrences.values_list(*DATE_FIELDS)


def with_venues(rows: list[tuple], known: dict[int, Venue] | None = None) -> list[FeedDate]:
    """The rows as dates with their venues: those `known` (the pages' own), the rest read in
    one query."""
    venues = dict(known or {})
    missing = {row[_VENUE] for row in rows} - venues.keys() - {None}
    if missing:
        venues.update(Venue.objects.in_bulk(missing))
    return [FeedDate(*row, venues.get(row[_VENUE])) for row in rows]


@dataclass(frozen=True)
class FeedEvent:
    """An event page in a feed, with the dates of it that the filters selected."""

    page: FeedPage
    dates: list[FeedDate]
    url: str
    language: str

    @property
    def next_date(self) -> FeedDate:
        return self.dates[0]


def filtered_feed_occurrences(request: HttpRequest, locale: Locale, upcoming_only: bool = False):
    """The listing's occurrences for these GET filters, in the listing's language rules."""
    form = EventFilterForm(request.GET)
    occurrences = form.filter(Occurrence.objects.visible_in(locale.pk))
    now = timezone.now()
    if upcoming_only:
        return occurrences.upcoming(now)
    if form.wants_past:
        return occurrences.past(now)
    return occurrences.filter(end__gte=now - FEED_PAST).order_by("start", "pk")


def feed_events(request: HttpRequest, occurrences, limit: int = FEED_LIMIT) -> list[FeedEvent]:
    """Group the occurrences by page, in order of their first date; fetch the pages in bulk."""
    events, _venues = events_of(request, list(date_rows(occurrences)[:limit]))
    return events


def events_of(request: HttpRequest, rows: list[tuple]) -> tuple[list[FeedEvent], dict[int, Venue]]:
    """Group these rows (`date_rows`) by page, in order of their first date; fetch the pages
    in bulk, with their venues, which most dates share and a series without stored dates in
    the feed falls back on. Also returns the venues read, by id."""
    by_page: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        by_page[row[1]].append(row)
    if not by_page:
        return [], {}
    # The stored event type names the page model: one query per type present, and none for
    # the generic Page rows that `.specific()` would read first.
    ids_by_type: dict[str, list[int]] = defaultdict(list)
    for page_id, page_rows in by_page.items():
        ids_by_type[page_rows[0][2]].append(page_id)
    pages = feed_pages(ids_by_type)
    venues = {page.venue_id: page.venue for page in pages.values() if page.venue is not None}
    dates = with_venues(rows, venues)
    venues.update((date.venue_id, date.venue) for date in dates if date.venue is not None)
    dates_by_page: dict[int, list[FeedDate]] = defaultdict(list)
    for date in dates:
        dates_by_page[date.page_id].append(date)
    events = []
    url_of = page_url_builder(request)
    for page_id, page_dates in dates_by_page.items():
        page = pages.get(page_id)
        if page is None:
            continue
        url = url_of(page)
        events.append(FeedEvent(page, page_dates, url, page_dates[0].language))
    return events, venues


@dataclass(frozen=True)
class FeedWindow:
    """The dates of the listing's .ics for some filters, and the window they cover."""

    # (id, page id, event type, start) of each date (`WINDOW_FIELDS`): what decides which
    # entries the feed holds; `window_entries` reads the rest of the dates it builds.
    rows: list[tuple]
    start: datetime.datetime
    # None: every upcoming date is in the feed (there were fewer than FEED_LIMIT).
    end: datetime.datetime | None
    # What a series' horizon counts from when the window has no end (`EventEntry.now`).
    today: datetime.datetime


WINDOW_FIELDS = ("pk", "page_id", "event_type", "start")


def local_midnight(moment: datetime.datetime) -> datetime.datetime:
    local = timezone.localtime(moment)
    return datetime.datetime.combine(local.date(), datetime.time.min, tzinfo=local.tzinfo)


def window_start(now: datetime.datetime) -> datetime.datetime:
    """Where the feed's history begins: `FEED_PAST` ago, from that day's start, so that the
    window (and every series' VEVENT, which starts in it) stays the same all day."""
    return local_midnight(now - FEED_PAST)


def feed_window(
    request: HttpRequest,
    locale: Locale,
    now: datetime.datetime | None = None,
    **filters,
) -> FeedWindow:
    """The .ics feed's dates for the request's GET filters (and `filters`, e.g.
    `province="06"` for a province's own feed): the latest `FEED_PAST_LIMIT` since
    `window_start`, then the next `FEED_LIMIT`, read as two ranges of the (locale, start)
    index. With the "past" filter, the latest `FEED_LIMIT` past dates instead."""
    now = now or timezone.now()
    today = local_midnight(now)
    form = EventFilterForm(request.GET)
    occurrences = form.filter(Occurrence.objects.visible_in(locale.pk)).filter(**filters)
    rows = occurrences.values_list(*WINDOW_FIELDS)
    start = WINDOW_FIELDS.index("start")
    if form.wants_past:
        past = list(rows.past(now)[:FEED_LIMIT])
        return FeedWindow(past[::-1], past[-1][start] if past else now, now, today)
    first = window_start(now)
    # Bounded by the start too (as `upcoming`): a range of the start index, read from now
    # back, rather than every date that ended since `first`, sorted.
    earliest = first - longest_duration()
    recent = list(rows.filter(end__gte=first, start__gte=earliest).past(now)[:FEED_PAST_LIMIT])
    upcoming = list(rows.upcoming(now)[: FEED_LIMIT + 1])
    end = None
    if len(upcoming) > FEED_LIMIT:
        upcoming.pop()
        end = upcoming[-1][start]
    return FeedWindow([*reversed(recent), *upcoming], first, end, today)


def series_changes(
    series_ids: list[int], window: FeedWindow, venues: dict[int, Venue]
) -> dict[int, list[FeedDate]]:
    """The changed dates (cancelled, moved...) of these series in the window, in one query:
    only what the feed publishes as overrides, not every stored date. A date differs from
    the rule only through a change, whose status is never "scheduled", or a new start."""
    changed = Occurrence.objects.filter(page_id__in=series_ids, original_start__gte=window.start)
    if window.end is not None:
        changed = changed.filter(original_start__lte=window.end)
    changed = changed.filter(~Q(status=EventStatus.SCHEDULED) | ~Q(start=F("original_start")))
    by_page: dict[int, list[FeedDate]] = defaultdict(list)
    rows = list(date_rows(changed.order_by("original_start", "pk")))
    for date in with_venues(rows, venues):
        by_page[date.page_id].append(date)
    return by_page


def window_entries(
    request: HttpRequest, window: FeedWindow, rows: list[tuple]
) -> list[tuple[int, EventEntry]]:
    """The entries of these rows of the window (by page id, in order of their first date):
    each series with its changed dates in the window, clipped to it. Their dates are read
    in one query."""
    read = date_rows(Occurrence.objects.filter(pk__in=[row[0] for row in rows]))
    found = {row[0]: row for row in read}
    dates = [found[row[0]] for row in rows if row[0] in found]
    events, venues = events_of(request, dates)
    series_ids = [event.page.pk for event in events if event.page.is_series]
    changes = series_changes(series_ids, window, venues) if series_ids else {}
    entries = []
    for event in events:
        if event.page.is_series:
            # The feed's own dates give the venue; the changes become overrides.
            dates = {date.pk: date for date in [*event.dates, *changes.get(event.page.pk, [])]}
            ordered = sorted(dates.values(), key=lambda date: (date.original_start, date.pk))
            entry_window = (window.start, window.end)
            entry = EventEntry(
                event.page, ordered, event.url, event.language, entry_window, window.today
            )
        else:
            entry = EventEntry(event.page, event.dates, event.url, event.language)
        entries.append((event.page.pk, entry))
    return entries


# Each entry's VEVENTs as bytes, with the first year its VTIMEZONE needs, kept per process
# under the generations they were built in (`entry_keys`): a feed request then reads its
# window's dates and joins what is kept, building only the entries it has not seen.
FEED_ENTRIES_KEPT = 4000
_entries = LocalCopies(FEED_ENTRIES_KEPT)


def entry_keys(request: HttpRequest, window: FeedWindow, by_page: dict[int, list[tuple]]):
    """The key of each page's entry: everything its bytes depend on. A page's content, URL
    and venue change only with a publish, a move or a venue's edit (the `content`
    generation), its stored dates only with `occurrences`; the texts are in the active
    language, the URLs on the visitor's scheme and host. An entry's VEVENTs are then those
    of its dates in the window (by their ids; a series' first one with a venue gives its
    venue) and, for a series, of the window itself (its first day and its end decide the
    rule's DTSTART, UNTIL and the changes published)."""
    prefix = ":".join(
        [
            str(generation(CONTENT)),
            str(generation(OCCURRENCES)),
            get_language(),
            request.build_absolute_uri("/"),
        ]
    )
    end = window.end.isoformat() if window.end is not None else ""
    series = f"{window.start.isoformat()}:{end}:{window.today.isoformat()}"
    keys = {}
    for page_id, rows in by_page.items():
        key = f"{prefix}:{page_id}:{','.join([str(row[0]) for row in rows])}"
        keys[page_id] = f"{key}:{series}" if rows[0][2] == EventType.SERIES else key
    return keys


def feed_bytes(request: HttpRequest, name: str, **filters) -> bytes:
    """The listing's .ics for the request's filters and `filters` (see `feed_window`): its
    entries from this process's copies (`entry_keys`), the missing ones built (their pages
    read in bulk, as `window_entries`)."""
    window = feed_window(request, Locale.get_active(), **filters)
    by_page: dict[int, list[tuple]] = defaultdict(list)
    for row in window.rows:
        by_page[row[1]].append(row)
    keys = entry_keys(request, window, by_page)
    parts: dict[int, tuple[datetime.date, bytes]] = {}
    for page_id, key in keys.items():
        found, value = _entries.get(key)
        if found:
            parts[page_id] = value
    missing = [row for page_id, rows in by_page.items() if page_id not in parts for row in rows]
    if missing:
        built = dict(window_entries(request, window, missing))
        for page_id in {row[1] for row in missing}:
            entry = built.get(page_id)
            # A page that is not an event page (any more) publishes nothing.
            value = (COMPACT_ZONE_FROM, b"")
            if entry is not None:
                value = (entry_zone_start(entry), components_bytes(event_components(entry)))
            parts[page_id] = value
            _entries.put(keys[page_id], value, None)
    zone_from = min([COMPACT_ZONE_FROM, *(zone for zone, _bytes in parts.values())])
    body = b"".join(parts[page_id][1] for page_id in keys)
    return calendar_head(name, get_language(), zone_from) + body + CALENDAR_END


def feed_calendar(request: HttpRequest, name: str, **filters) -> Calendar:
    """`feed_bytes` as a calendar (for the code that reads one)."""
    return Calendar.from_ical(feed_bytes(request, name, **filters))


@cacheable_page
def events_ics(request: HttpRequest) -> HttpResponse:
    """The listing as a subscribable calendar, with the same filters as the listing."""
    body = feed_bytes(request, _("STGM events"))
    return ics_response(body, f"stgm-events-{get_language()}.ics")
