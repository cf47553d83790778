"""schema.org structured data (JSON-LD) of event pages, as search engines read it.

`Event` for meetings and Power Stories, `Festival` for festivals, `EventSeries` for a
recurring gathering with its next dates as `subEvent`s. Dates carry their UTC offset; an
event moved online gets a `VirtualLocation` and the online attendance mode, as Google's
guidelines for `EventMovedOnline` ask.
"""

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max, Subquery
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.versions import CONTENT, OCCURRENCES, LocalCopies, generation

from .choices import AttendanceMode, EventStatus, EventType
from .models import EventFields, EventSeriesPage, Occurrence, Venue

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.RESCHEDULED: "EventRescheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
}
ATTENDANCE_MODE = {
    AttendanceMode.IN_PERSON: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.HYBRID: "MixedEventAttendanceMode",
}
SCHEMA_TYPE = {
    EventType.FESTIVAL: "Festival",
    EventType.SERIES: "EventSeries",
    EventType.TRAINING: "EducationEvent",
}
SUB_EVENTS = 10
# The same escapes as django.utils.html.json_script: "</script>" or "<!--" in a text cannot
# end the data block, and "&" cannot start an entity.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def schema_date(moment: datetime.datetime, all_day: bool = False) -> str:
    """ISO 8601 with the Istanbul offset ("2030-03-12T10:00:00+03:00"); a date if all day."""
    local = timezone.localtime(moment)
    return local.date().isoformat() if all_day else local.replace(microsecond=0).isoformat()


def attendance_mode(page: EventFields, status: str) -> str:
    if status == EventStatus.MOVED_ONLINE:
        return SCHEMA + ATTENDANCE_MODE[AttendanceMode.ONLINE]
    return SCHEMA + ATTENDANCE_MODE.get(page.attendance_mode, "OfflineEventAttendanceMode")


def place(venue: Venue) -> dict:
    address = {
        "@type": "PostalAddress",
        "addressLocality": venue.district or venue.get_province_display(),
        "addressRegion": venue.get_province_display(),
        "addressCountry": "TR",
    }
    street = " ".join(venue.address.split())
    if street:
        address["streetAddress"] = street
    data = {"@type": "Place", "name": venue.name, "address": address}
    if venue.latitude is not None and venue.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    return data


def locations(page: EventFields, venues: Iterable[Venue | None], status: str, url: str):
    """A Place (one per venue), a VirtualLocation, or both for a hybrid event."""
    virtual = {"@type": "VirtualLocation", "url": page.online_url or url}
    if status == EventStatus.MOVED_ONLINE or page.attendance_mode == AttendanceMode.ONLINE:
        return virtual
    places, seen = [], set()
    for venue in venues:
        if venue is not None and venue.pk not in seen:
            seen.add(venue.pk)
            places.append(place(venue))
    if page.attendance_mode == AttendanceMode.HYBRID:
        places.append(virtual)
    if not places:
        return None
    return places[0] if len(places) == 1 else places


def organizer(home_url: str) -> dict:
    return {
        "@type": "Organization",
        "name": "STGM",
        "alternateName": _("Civil Society Development Center"),
        "url": home_url,
    }


def offers(page: EventFields, url: str) -> dict | None:
    """Only free events get an offer: the site does not know other prices."""
    if not page.is_free:
        return None
    offer = {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": "TRY",
        "availability": SCHEMA + "InStock",
        "url": page.registration_url or url,
    }
    if page.first_published_at:
        offer["validFrom"] = schema_date(page.first_published_at)
    return offer


def sub_event(page: EventFields, occurrence: Occurrence, url: str) -> dict:
    data = {
        "@type": "Event",
        "name": page.title,
        "startDate": schema_date(occurrence.start, occurrence.all_day),
        "endDate": schema_date(occurrence.end, occurrence.all_day),
        "eventStatus": SCHEMA + EVENT_STATUS.get(occurrence.status, "EventScheduled"),
        "eventAttendanceMode": attendance_mode(page, occurrence.status),
        "url": url,
    }
    if occurrence.start != occurrence.original_start:
        data["previousStartDate"] = schema_date(occurrence.original_start, occurrence.all_day)
    location = locations(page, [occurrence.venue], occurrence.status, url)
    if location:
        data["location"] = location
    return data


@dataclass(frozen=True)
class PageDates:
    """The stored dates an event page shows in its structured data and calendar links."""

    dates: list[Occurrence]  # a series' next dates; every date of other events
    last_end: datetime.datetime | None
    now: datetime.datetime

    @property
    def next_taking_place(self) -> Occurrence | None:
        for date in self.dates:
            if date.end >= self.now and date.status != EventStatus.CANCELLED:
                return date
        return None


# Each page's stored dates as this process last read them, under the generations that retire
# them (dates_generations).
_stored_dates = LocalCopies(2000)


def dates_generations(page: EventFields) -> tuple[int, ...]:
    """The generations under which a page's stored dates may be kept. An event's dates are
    stored again when it is published, unpublished, moved, made private or its venue edited,
    each of which retires `content` too; a series' also each day, when its window of dates
    rolls on (events.services.extend_series_occurrences), which retires `occurrences` alone."""
    if isinstance(page, EventSeriesPage):
        return generation(CONTENT), generation(OCCURRENCES)
    return (generation(CONTENT),)


def _read_dates(page: EventFields, now: datetime.datetime):
    """The dates `page_dates` shows and the series' last end, read in one query."""
    rows = Occurrence.objects.filter(page_id=page.pk).select_related("venue")
    if isinstance(page, EventSeriesPage):
        # The series' last date rides along as a subquery instead of a second query.
        last = Occurrence.objects.filter(page_id=page.pk).order_by("-end").values("end")[:1]
        dates = list(rows.upcoming(now).annotate(series_last_end=Subquery(last))[:SUB_EVENTS])
        if dates:
            last_end = dates[0].series_last_end
        else:
            last_end = rows.aggregate(last=Max("end"))["last"]
    else:
        dates = list(rows.order_by("start", "pk"))
        last_end = max((date.end for date in dates), default=None)
    return dates, last_end


def page_dates(page: EventFields, now: datetime.datetime | None = None) -> PageDates:
    """The page's stored dates, memoised on the page: the JSON-LD and the "add to calendar"
    links of a response both read them. Each process also keeps them under the generations
    that retire them; a series' next dates only until the first of them ends (it then leaves
    the list), other events' dates, which do not depend on the time, until retired."""
    cached = getattr(page, "_stgm_page_dates", None)
    if cached is not None:
        return cached
    now = now or timezone.now()
    key = repr((*dates_generations(page), page.pk, type(page).__name__))
    found, value = _stored_dates.get(key)
    if not found or (value[2] is not None and value[2] < now):
        dates, last_end = _read_dates(page, now)
        first_end = None
        if isinstance(page, EventSeriesPage) and dates:
            first_end = min(date.end for date in dates)
        value = (dates, last_end, first_end)
        _stored_dates.put(key, value, None)
    result = PageDates(value[0], value[1], now)
    page._stgm_page_dates = result
    return result


def event_data(
    page: EventFields,
    url: str,
    home_url: str,
    image_urls: list[str],
    now: datetime.datetime | None = None,
) -> dict:
    """The JSON-LD object of an event page."""
    stored = page_dates(page, now)
    is_series = isinstance(page, EventSeriesPage)
    end = page.end
    if is_series and stored.last_end:
        end = max(end, stored.last_end)
    dates = stored.dates if is_series or page.event_type == EventType.POWER_STORIES else []
    venues = [date.venue for date in dates] if dates else [page.venue]
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPE.get(page.event_type, "Event"),
        "@id": f"{url}#event",
        "name": page.title,
        "description": page.search_description or page.summary,
        "url": url,
        "startDate": schema_date(page.start, page.all_day),
        "endDate": schema_date(end, page.all_day),
        "eventStatus": SCHEMA + EVENT_STATUS.get(page.status, "EventScheduled"),
        "eventAttendanceMode": attendance_mode(page, page.status),
        "inLanguage": get_language(),
        "organizer": organizer(home_url),
    }
    location = locations(page, venues, page.status, url)
    if location:
        data["location"] = location
    if image_urls:
        data["image"] = image_urls
    offer = offers(page, url)
    if offer:
        data["offers"] = offer
        data["isAccessibleForFree"] = True
    if is_series or len(dates) > 1:
        data["subEvent"] = [sub_event(page, date, url) for date in dates]
    return data


def json_ld_script(data: dict) -> SafeString:
    """A `<script type="application/ld+json">` data block (not executed: CSP allows it)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped just above
    )
