"""The essential paths with JavaScript off: events, calendar, stories, a stand application.

(The home page, menu, language switch and search without JavaScript are in test_visitor.py.)
"""

import re

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from applications.models import ApplicationStatus, StandApplication
from tests.e2e.content import EVENTS, FESTIVAL, IZMIR_MEETING, STORIES, VAN_MEETING
from tests.e2e.test_applicant_journey import (
    TEXTS,
    expect_confirmation,
    field,
    fill_application,
    private_link_path,
    withdraw,
)
from tests.e2e.test_events_journey import ICS_LINK, download_calendar
from tests.e2e.test_visitor import language_link

pytestmark = pytest.mark.e2e


def test_visitor_finds_an_event_and_a_story_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto(EVENTS["tr"])
    page.get_by_label("İl", exact=True).select_option(label="Van")
    page.get_by_role("button", name="Etkinlikleri göster").click()
    expect(page).to_have_url(re.compile(r"province=65"))
    expect(page.locator(".event-card")).to_have_count(1)

    # The calendar keeps the listing's filters, and its month links keep them too.
    page.get_by_role("link", name="Takvim", exact=True).click()
    expect(page).to_have_url(re.compile(r"/calendar/\?.*province=65"))
    page.locator('.month-nav a[rel="next"]').click()
    expect(page).to_have_url(re.compile(r"/calendar/\d{4}/\d{1,2}/\?.*province=65"))
    calendar = page.get_by_role("table")
    expect(calendar.get_by_role("link", name=re.compile(VAN_MEETING["tr"][1]))).to_be_visible()
    expect(calendar.get_by_role("link", name=re.compile(IZMIR_MEETING["tr"][1]))).to_have_count(0)
    # Its own filter form works without JavaScript: all provinces again shows İzmir.
    page.get_by_label("İl", exact=True).select_option(index=0)
    page.get_by_role("button", name="Etkinlikleri göster").click()
    expect(calendar.get_by_role("link", name=re.compile(IZMIR_MEETING["tr"][1]))).to_be_visible()
    page.get_by_label("İl", exact=True).select_option(label="Van")
    page.get_by_role("button", name="Etkinlikleri göster").click()
    expect(page).to_have_url(re.compile(r"/calendar/\d{4}/\d{1,2}/\?.*province=65"))
    page.locator('.month-nav a[rel="prev"]').click()
    expect(page).to_have_url(re.compile(r"/calendar/\d{4}/\d{1,2}/\?.*province=65"))
    page.locator('.month-nav a[rel="next"]').click()
    calendar.get_by_role("link", name=re.compile(VAN_MEETING["tr"][1])).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(VAN_MEETING["tr"][1])

    language_link(page, "en").click()
    expect(page).to_have_url(re.compile(re.escape(VAN_MEETING["en"][0]) + "$"))
    filename, text = download_calendar(page, ICS_LINK["en"]["single"])
    assert filename.endswith(".ics") and text.startswith("BEGIN:VCALENDAR")
    summaries = [str(event["SUMMARY"]) for event in Calendar.from_ical(text).walk("VEVENT")]
    assert summaries == [VAN_MEETING["en"][1]]

    page.goto(STORIES["en"])
    page.get_by_label("Theme", exact=True).select_option(label="Migration")
    page.get_by_role("button", name="Show stories").click()
    expect(page.locator(".story-card")).to_have_count(2)
    page.get_by_role("main").get_by_role("link", name="On the Shore of Lake Van").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("On the Shore of Lake Van")


def test_applicant_applies_and_withdraws_without_javascript(new_page):
    language = "en"
    texts = TEXTS[language]
    page = new_page(locale="en-US", java_script_enabled=False)
    page.goto(FESTIVAL[language][0])
    page.get_by_role("link", name=texts["apply"]).click()

    fill_application(page, language, "not-an-address")
    page.get_by_role("button", name=texts["send"]).click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a valid e-mail address")
    expect(field(page, language, "organisation")).to_have_value("Van Kadın Dayanışma Derneği")

    field(page, language, "email").fill("zeynep@vankadin.org.tr")
    field(page, language, "consent").check()  # a checkbox is not kept after an error
    page.get_by_role("button", name=texts["send"]).click()
    expect_confirmation(page, language, "Van Kadın Dayanışma Derneği")

    page.goto(private_link_path(mail.outbox[0].body))
    withdraw(page, language)
    assert StandApplication.objects.get().status == ApplicationStatus.WITHDRAWN
