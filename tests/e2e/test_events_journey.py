"""A visitor's journeys through the events: filters, the month calendar, the language switch on
an event page and the event's calendar file, in Turkish and in English."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from icalendar import Calendar
from playwright.sync_api import Page, expect

from demo.builders import make_event, make_venue
from events.models import EventIndexPage
from tests.e2e.content import EVENTS, IZMIR_MEETING, TEA_TIME, VAN_MEETING, next_month_day
from tests.e2e.test_visitor import language_link

pytestmark = pytest.mark.e2e

LABELS = {
    "tr": {"province": "İl", "show": "Etkinlikleri göster", "calendar": "Takvim"},
    "en": {"province": "Province", "show": "Show events", "calendar": "Calendar"},
}
ICS_LINK = {
    "tr": {
        "single": "İndir (Apple Takvim, Outlook ve diğerleri için .ics dosyası)",
        "series": "Tüm tarihler (Apple Takvim, Outlook ve diğerleri için .ics dosyası)",
    },
    "en": {
        "single": "Download (.ics file for Apple Calendar, Outlook and others)",
        "series": "Every date (.ics file for Apple Calendar, Outlook and others)",
    },
}


def month_title(language: str, day: datetime.date) -> str:
    with translation.override(language):
        return date_format(day, "F Y")


def event_link(page: Page, title: str):
    return page.get_by_role("main").get_by_role("link", name=title, exact=True)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_visitor_filters_the_events_by_province(page, language):
    labels = LABELS[language]
    van_title, izmir_title = VAN_MEETING[language][1], IZMIR_MEETING[language][1]
    page.goto(EVENTS[language])
    expect(event_link(page, van_title)).to_be_visible()
    expect(event_link(page, izmir_title)).to_be_visible()

    page.get_by_label(labels["province"], exact=True).select_option(label="Van")
    page.get_by_role("button", name=labels["show"]).click()

    expect(page).to_have_url(re.compile(r"[?&]province=65(&|$)"))
    expect(event_link(page, van_title)).to_be_visible()
    expect(event_link(page, izmir_title)).to_have_count(0)
    expect(page.locator(".event-card")).to_have_count(1)
    expect(page.locator(".event-card__where")).to_contain_text("Van")
    # The filter keeps its value, so the visitor sees what the list shows.
    expect(page.get_by_label(labels["province"], exact=True)).to_have_value("65")


@pytest.mark.parametrize("language", ["tr", "en"])
def test_visitor_opens_the_calendar_and_moves_a_month(page, language):
    labels = LABELS[language]
    this_month = timezone.localdate().replace(day=1)
    next_month = (this_month + datetime.timedelta(days=32)).replace(day=1)
    van_title = VAN_MEETING[language][1]  # on the 12th of next month
    page.goto(EVENTS[language])

    page.get_by_role(
        "navigation", name={"tr": "Etkinlik görünümleri", "en": "Event views"}[language]
    ).get_by_role("link", name=labels["calendar"]).click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(f"{labels['calendar']}: {month_title(language, this_month)}")
    calendar = page.get_by_role("table")
    expect(calendar.get_by_role("link", name=re.compile(re.escape(van_title)))).to_have_count(0)

    months = page.get_by_role("navigation", name={"tr": "Aylar", "en": "Months"}[language])
    months.get_by_role("link", name=month_title(language, next_month)).click()

    expect(page).to_have_url(re.compile(rf"/calendar/{next_month.year}/{next_month.month}/$"))
    expect(heading).to_have_text(f"{labels['calendar']}: {month_title(language, next_month)}")
    meeting_link = page.get_by_role("link", name=re.compile(re.escape(van_title)))
    meeting = calendar.locator(meeting_link)
    expect(meeting).to_be_visible()
    day = calendar.get_by_role("cell").filter(has=meeting_link)
    expect(day.locator(".calendar__date")).to_have_text("12")

    months.locator('a[rel="prev"]').click()
    expect(heading).to_have_text(f"{labels['calendar']}: {month_title(language, this_month)}")

    # And from the calendar to the event.
    months.locator('a[rel="next"]').click()
    meeting.click()
    expect(page).to_have_url(re.compile(re.escape(VAN_MEETING[language][0]) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(van_title)


MORE_LINK = {"tr": "+1 etkinlik daha ({day})", "en": "+1 more on {day}"}
DAY_HEADING = {"tr": "Etkinlikler: {day}", "en": "Events on {day}"}


@pytest.mark.parametrize("language", ["tr", "en"])
def test_visitor_opens_a_busy_day_from_the_calendar(page, axe, language):
    """Four more meetings in Van on the 12th: the calendar shows four of the five and a
    "+1 more" link, named with its day, to the listing of that day with the filter kept."""
    index = EventIndexPage.objects.get(locale__language_code="tr")
    venue = make_venue(name="Gençlik Merkezi", province="65")
    for hour in range(17, 21):
        start = next_month_day(12, hour)
        make_event(
            index,
            title=f"Gönüllü Buluşması {hour}",
            start=start,
            end=start.replace(minute=45),
            venue=venue,
        )
    day = next_month_day(12).date()
    with translation.override(language):
        label = date_format(day, "DATE_FORMAT")

    page.goto(f"{EVENTS[language]}calendar/{day.year}/{day.month}/?province=65")
    cell = page.get_by_role("cell").filter(
        has=page.get_by_role("link", name=VAN_MEETING[language][1])
    )
    expect(cell.locator(".calendar__event")).to_have_count(4)
    more = cell.get_by_role("link", name=MORE_LINK[language].format(day=label), exact=True)
    expect(more).to_be_visible()
    axe(page)

    more.click()
    expect(page).to_have_url(re.compile(rf"\?province=65&on={day.isoformat()}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        DAY_HEADING[language].format(day=label)
    )
    expect(page.locator(".event-card")).to_have_count(5)
    expect(page.locator('input[name="on"]')).to_have_value(day.isoformat())
    axe(page)


@pytest.mark.parametrize(("source", "target"), [("tr", "en"), ("en", "tr")])
def test_switching_language_on_an_event_page_stays_on_that_event(page, source, target):
    page.goto(VAN_MEETING[source][0])
    expect(page.get_by_role("heading", level=1)).to_have_text(VAN_MEETING[source][1])

    language_link(page, target).click()

    expect(page).to_have_url(re.compile(re.escape(VAN_MEETING[target][0]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", target)
    expect(page.get_by_role("heading", level=1)).to_have_text(VAN_MEETING[target][1])


def download_calendar(page: Page, link_name: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["tr", "en"])
def test_visitor_downloads_an_event_calendar_file(page, language):
    path, title = VAN_MEETING[language]
    page.goto(path)
    filename, text = download_calendar(page, ICS_LINK[language]["single"])

    assert filename.endswith(".ics"), filename
    assert text.startswith("BEGIN:VCALENDAR")
    events = Calendar.from_ical(text).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == [title]
    assert (
        events[0].decoded("DTSTART").month
        == (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).month
    )


@pytest.mark.parametrize("language", ["tr", "en"])
def test_visitor_downloads_a_series_with_its_weekly_rule(page, language):
    path, title = TEA_TIME[language]
    page.goto(path)
    filename, text = download_calendar(page, ICS_LINK[language]["series"])

    assert filename.endswith(".ics"), filename
    series = Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(series["SUMMARY"]) == title
    assert series["RRULE"]["FREQ"] == ["WEEKLY"]
    assert "EXDATE" in series  # the cancelled date is left out
