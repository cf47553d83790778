"""Venues and events (demo/content/venues.yaml and events.yaml): the Civil Voices Festival
editions with their programme and stand call, the Strong Civil Society Meetings, the two
recurring series and the Power Stories tour.

Dates of upcoming events are relative to today so the demo never goes stale.
"""

import datetime

import recurrence
from django.utils import timezone
from wagtail.models import Page

from demo.tools import get_locale, make_illustration, translate, upsert_object, upsert_page
from events.models import (
    AccessibilityFeature,
    EventIndexPage,
    EventSeriesPage,
    FestivalPage,
    FestivalSession,
    FestivalStandType,
    MeetingPage,
    OccurrenceChange,
    Performance,
    PowerStoriesEventPage,
    Venue,
)
from events.models.festival import FESTIVAL_FIGURES
from home.models import HomePage

from .data import Texts, at, clock, days_from, read, relative_day

RRULE_WEEKDAYS = {
    "monday": recurrence.MO,
    "tuesday": recurrence.TU,
    "wednesday": recurrence.WE,
    "thursday": recurrence.TH,
    "friday": recurrence.FR,
    "saturday": recurrence.SA,
    "sunday": recurrence.SU,
}


def load_venues(t: Texts) -> dict[str, Venue]:
    content = read("venues")
    turkish, english = get_locale("tr"), get_locale("en")
    venues = {}
    for key, spec in content["venues"].items():
        venue = upsert_object(
            Venue,
            {"name": t(spec["name"]), "locale": turkish},
            province=spec["province"],
            district=spec["district"],
            latitude=spec["latitude"],
            longitude=spec["longitude"],
            access_notes=t(content["access_notes"]),
        )
        t(spec["district"])
        translate(venue, english, t.glossary)
        venues[key] = venue
    return venues


def features(codes: list[str]) -> list[AccessibilityFeature]:
    return list(AccessibilityFeature.objects.filter(code__in=codes))


def load_events(home: Page) -> EventIndexPage:
    """Create or update the events index and every demo event, in Turkish and English."""
    content = read("events")
    english = get_locale("en")
    t = Texts()
    venues = load_venues(t)
    today = timezone.localdate()

    spec = content["index"]
    index = upsert_page(
        home,
        EventIndexPage,
        t(spec["slug"]),
        title=t(spec["title"]),
        show_in_menus=spec["show_in_menus"],
        intro=t(spec["intro"]),
    )
    pages = [
        *load_festivals(index, content["festivals"], venues, t, today),
        *load_meetings(index, content["meetings"], venues, t, today),
        *load_series(index, content["series"], venues, t, today),
        load_power_stories(index, content["power_stories"], venues, t),
    ]
    translate(index, english, t.glossary)
    for page in pages:
        translate(page, english, t.glossary)

    # Both languages' heroes call to the events (the template links the localized page).
    for localized_home in HomePage.objects.filter(translation_key=home.translation_key):
        localized_home.hero_link = index
        localized_home.save_revision().publish()
    return index


def load_festivals(index, content, venues, t: Texts, today) -> list[FestivalPage]:
    pages = []
    for edition in content["editions"]:
        if edition["year"] == "upcoming":
            start_day = days_from(today, edition["days_from_today"])
        else:
            start_day = edition["start"]
        year = start_day.year
        slug = t(content["slug"], year=str(year))
        page = upsert_page(
            index,
            FestivalPage,
            slug,
            title=t(content["title"], year=str(year)),
            summary=t(content["summary"], year=str(year), theme=edition["theme"]),
            edition_year=year,
            theme=t(edition["theme"]),
            start=at(start_day, content["starts_at"]),
            end=at(days_from(start_day, 1), content["ends_next_day_at"]),
            venue=venues[edition["venue"]],
            image=make_illustration("festival"),
            accessibility=features(content["accessibility"]),
            body=t.paragraphs([edition["body"]]),
            **festival_figures(edition["figures"]),
            sessions=(
                festival_sessions(content["programmes"][edition["programme"]], t, start_day)
                if edition["programme"]
                else []
            ),
            **stand_call(index, slug, edition.get("stand_call"), t, start_day),
        )
        pages.append(page)
    return pages


def festival_figures(spec: dict) -> dict:
    """The figures of an edition; "600+" (the report's "more than 600") sets `<name>_at_least`."""
    fields = {}
    for name, _label in FESTIVAL_FIGURES:
        value = str(spec.get(name, ""))
        fields[name] = int(value.rstrip("+")) if value else None
        if hasattr(FestivalPage, f"{name}_at_least"):
            fields[f"{name}_at_least"] = value.endswith("+")
    return fields


def festival_sessions(programme: list[dict], t: Texts, start_day) -> list[FestivalSession]:
    """The programme of a festival, its days counted from the festival's first day."""
    turkish = get_locale("tr")
    sessions = []
    for spec in programme:
        day = days_from(start_day, spec["day"])
        sessions.append(
            FestivalSession(
                locale=turkish,
                kind=spec["kind"],
                title=t(spec["title"]),
                start=at(day, spec["start"]),
                end=at(day, spec["end"]),
                space=t(spec["space"]),
                speakers=t(spec["speakers"]) if "speakers" in spec else "",
                language=spec["language"],
                accessibility_notes=(
                    t(spec["accessibility_notes"]) if "accessibility_notes" in spec else ""
                ),
            )
        )
    return sessions


def stand_call(index, slug, spec, t: Texts, start_day) -> dict:
    """An open stand call, with stand types kept across runs."""
    if spec is None:
        return {}
    turkish = get_locale("tr")
    existing = FestivalPage.objects.child_of(index).filter(slug=slug).first()
    kept = {kind.name: kind for kind in existing.stand_types.all()} if existing else {}
    stand_types = []
    for type_spec in spec["stand_types"]:
        name = t(type_spec["name"])
        stand_type = kept.get(name) or FestivalStandType(locale=turkish, name=name)
        stand_type.name = name
        stand_type.count = type_spec["count"]
        stand_type.description = t(type_spec["description"])
        stand_types.append(stand_type)
    now = timezone.now()
    closes = days_from(start_day, -spec["closes_days_before_start"])
    return {
        "applications_open": now - datetime.timedelta(days=spec["opened_days_ago"]),
        "applications_close": at(closes, spec["closes_at"]),
        "allocation_mode": spec["allocation_mode"],
        "stand_types": stand_types,
    }


def load_meetings(index, content, venues, t: Texts, today) -> list[MeetingPage]:
    campaign = t(content["campaign"])
    pages = []
    for spec in content["items"]:
        day = days_from(today, spec["days_from_today"])
        past = spec["days_from_today"] < 0
        hybrid = spec["attendance_mode"] == "hybrid"
        page = upsert_page(
            index,
            MeetingPage,
            t(content["slug"], key=spec["key"]),
            title=t(content["title"], city=spec["city"]),
            summary=t(content["summary"], city=spec["city"]),
            campaign=campaign,
            start=at(day, content["starts_at"]),
            end=at(day, content["ends_at"]),
            venue=venues[spec["key"]],
            attendance_mode=spec["attendance_mode"],
            online_url=content["online_url"] if hybrid else "",
            accessibility=features(spec["accessibility"]),
            organisers=t(content["organisers"]),
            registration_info=t.html([content["registration_info"]]),
            participants=content["past"]["participants"] if past else None,
            outcomes=t(content["past"]["outcomes"]) if past else "",
        )
        pages.append(page)
    return pages


def rule(spec: dict, today) -> recurrence.Rule:
    weekday = RRULE_WEEKDAYS[spec["weekday"]]
    if spec["frequency"] == "weekly":
        until = spec.get("until")
        return recurrence.Rule(
            recurrence.WEEKLY,
            byday=[weekday],
            until=at(days_from(today, until["days_from_today"]), until["at"]) if until else None,
        )
    return recurrence.Rule(recurrence.MONTHLY, byday=[weekday(spec["week"])])


def load_series(index, content, venues, t: Texts, today) -> list[EventSeriesPage]:
    turkish = get_locale("tr")
    pages = []
    for spec in content:
        first = relative_day(spec["first"], today)
        fields = {}
        if "attendance_mode" in spec:
            fields["attendance_mode"] = spec["attendance_mode"]
            fields["online_url"] = spec["online_url"]
        page = upsert_page(
            index,
            EventSeriesPage,
            t(spec["slug"]),
            title=t(spec["title"]),
            summary=t(spec["summary"]),
            series_kind=spec["series_kind"],
            start=at(first, spec["starts_at"]),
            end=at(first, spec["ends_at"]),
            recurrences=recurrence.Recurrence(rrules=[rule(spec["rule"], today)]),
            venue=venues[spec["venue"]],
            accessibility=features(spec["accessibility"]),
            date_changes=[
                OccurrenceChange(
                    locale=turkish,
                    date=relative_day(change, today),
                    status="cancelled",
                    reason=t(change["reason"]),
                )
                for change in spec["cancelled"]
            ],
            **fields,
        )
        pages.append(page)
    return pages


def load_power_stories(index, spec, venues, t: Texts) -> PowerStoriesEventPage:
    turkish = get_locale("tr")
    starts, ends = clock(spec["starts_at"]), clock(spec["ends_at"])
    performances = [
        Performance(
            locale=turkish,
            start=at(stop["date"], starts),
            end=at(stop["date"], ends),
            venue=venues[stop["venue"]],
        )
        for stop in spec["performances"]
    ]
    return upsert_page(
        index,
        PowerStoriesEventPage,
        t(spec["slug"]),
        title=t(spec["title"]),
        summary=t(spec["summary"]),
        start=performances[0].start,
        end=performances[-1].end,
        venue=None,
        accessibility=features(spec["accessibility"]),
        narrators_intro=t(spec["narrators_intro"]),
        performances=performances,
    )
