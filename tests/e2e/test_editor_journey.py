"""An editor in the Wagtail admin: creates a weekly series, cancels one date, publishes it,
translates it with wagtail-localize's editor and finds it in the English listing; approves a
stand application and exports the list."""

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from applications.models import ApplicationStatus
from applications.stands import services
from demo.builders import application_fields
from events.models import EventIndexPage, EventSeriesPage, FestivalPage, Occurrence
from tests.e2e.content import EVENTS

pytestmark = pytest.mark.e2e

USERNAME, PASSWORD = "editor", "Gizli-Parola-2030"
TITLE = {"tr": "Gönüllü Sohbetleri – Ankara", "en": "Volunteer Talks – Ankara"}


@pytest.fixture
def editor(new_page) -> Page:
    """A superuser logged in to the admin through its sign-in form (admin in English)."""
    get_user_model().objects.create_superuser(USERNAME, "editor@stgm.org.tr", PASSWORD)
    page = new_page(locale="en-US")
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def next_wednesday(weeks_ahead: int = 1) -> datetime.date:
    today = timezone.localdate()
    return today + datetime.timedelta(days=(2 - today.weekday()) % 7 + 7 * weeks_ahead)


def fill_date(page: Page, field: str, value: str) -> None:
    """Type a date as an editor would, then leave the field by Tab. Wagtail's picker opens
    100 ms after the field takes focus, whatever happened meanwhile, and while open it covers
    the buttons below it; so wait for it to open, then close it (Tab closes it, Escape does not)."""
    pickers = page.locator(".xdsoft_datetimepicker:visible")
    page.locator(field).fill(value)
    expect(pickers).to_have_count(1)
    page.locator(field).press("Tab")
    expect(pickers).to_have_count(0)


def translate_segment(page: Page, source: str, translation: str) -> None:
    """Open one segment of wagtail-localize's editor, type its translation and save it."""
    segment = page.locator("li li").filter(has=page.get_by_text(source, exact=True)).last
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(translation)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_text(translation, exact=True)).to_be_visible()


def submit_for_translation(page: Page, source) -> None:
    """Submit a page for translation into English from its editor's actions menu."""
    page.goto(f"/admin/pages/{source.pk}/edit/")
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("successfully submitted for translation into English")).to_be_visible()


def test_editor_creates_a_weekly_series_cancels_a_date_and_translates_it(editor, new_page):
    page = editor
    first = next_wednesday()
    cancelled = first + datetime.timedelta(weeks=1)
    index = EventIndexPage.objects.get(locale__language_code="tr")

    page.goto(f"/admin/pages/{index.pk}/")
    page.get_by_role("link", name=re.compile("Add child page")).first.click()
    page.get_by_role("link", name="Recurring gathering", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/events/eventseriespage/"))

    page.get_by_label(re.compile(r"^Title")).fill(TITLE["tr"])
    page.get_by_label(re.compile(r"^Summary")).fill("Gönüllülerle her hafta bir sohbet.")
    # Wagtail's date-time fields take typed text in WAGTAIL_DATETIME_FORMAT.
    fill_date(page, "#id_start", f"{first:%Y-%m-%d} 18:00")
    fill_date(page, "#id_end", f"{first:%Y-%m-%d} 20:00")

    widget = page.locator(".recurrence-widget")
    widget.get_by_text("Add rule").click()
    expect(widget.locator('select[name="freq"]')).to_have_value("2")  # weekly
    widget.locator(".weekly td", has_text="Wed").click()
    widget.locator('input[name="limit"]').check()
    widget.locator('input[name="until_count"][value="count"]').check()
    widget.locator('input[name="count"]').fill("6")
    widget.locator('input[name="count"]').press("Tab")
    rule = page.locator('textarea[name="recurrences"]')
    expect(rule).to_have_value(re.compile(r"RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=WE"))

    # Cancel the second meeting: a change to one date (an inline form of the page).
    page.get_by_role("button", name="Add change").click()
    fill_date(page, "#id_date_changes-0-date", f"{cancelled:%Y-%m-%d}")
    expect(page.locator("#id_date_changes-0-status")).to_have_value("cancelled")
    page.locator("#id_date_changes-0-reason").fill("Salon tadilatta")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(
        page.get_by_text(re.compile(rf"Page '{TITLE['tr']}' created and published"))
    ).to_be_visible()

    series = EventSeriesPage.objects.get(title=TITLE["tr"])
    assert series.live and series.get_parent().pk == index.pk
    dates = Occurrence.objects.filter(page=series).order_by("start")
    assert [d.start.date() for d in dates] == [
        first + datetime.timedelta(weeks=n) for n in range(6)
    ]
    assert [d.start.date() for d in dates if d.status == "cancelled"] == [cancelled]

    # Translate it with wagtail-localize: "Translate" in the page's actions menu.
    submit_for_translation(page, series)

    # The translation editor (React): each segment, then the slug on the Promote tab.
    translate_segment(page, TITLE["tr"], TITLE["en"])
    translate_segment(page, "Gönüllülerle her hafta bir sohbet.", "A weekly talk with volunteers.")
    translate_segment(page, "Salon tadilatta", "The hall is being renovated")
    page.get_by_role("tab", name="Promote").click()
    translate_segment(page, series.slug, "volunteer-talks-ankara")
    page.get_by_role("button", name="Publish in English").click()
    expect(page.get_by_text(re.compile("published", re.I)).first).to_be_visible()

    english = EventSeriesPage.objects.get(
        translation_key=series.translation_key, locale__language_code="en"
    )
    assert english.live and english.title == TITLE["en"]

    # The visitor's side: the English listing shows the translated series, its page the
    # cancelled date with the translated reason.
    visitor = new_page(locale="en-US")
    visitor.goto(EVENTS["en"])
    visitor.get_by_role("link", name=TITLE["en"], exact=True).first.click()
    expect(visitor).to_have_url(re.compile(r"/en/events/volunteer-talks-ankara/$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE["en"])
    dates = visitor.locator(".series-dates li")
    expect(dates).to_have_count(6)
    expect(dates.nth(1)).to_contain_text("Cancelled: The hall is being renovated")
    expect(visitor.locator(".series-dates--cancelled")).to_have_count(1)


def test_editor_approves_a_stand_application_and_exports_the_list(editor):
    """The applications come in through the submit service the public form calls (the form
    itself is driven in test_applicant_journey.py)."""
    page = editor
    festival = FestivalPage.objects.get(locale__language_code="tr")
    fields = application_fields(organisation="Van Kadın Dayanışma Derneği", province="65")
    fields["phone"] = "+905321234567"
    application = services.submit_stand_application(festival, fields, "tr")
    other = services.submit_stand_application(festival, application_fields(2), "en")

    page.get_by_role("button", name="Applications").click()
    page.get_by_role("link", name="Stand applications").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stand applications")
    expect(page.get_by_text("Submitted: 2", exact=False)).to_be_visible()

    page.get_by_role("link", name="Van Kadın Dayanışma Derneği").click()
    page.get_by_role("combobox", name="Decision").select_option(label="Approve (give a stand)")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Application of “Van Kadın Dayanışma Derneği” saved.")).to_be_visible()

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED and application.stand_number == 1
    # Two "received" e-mails, then the decision to the approved applicant.
    assert len(mail.outbox) == 3 and mail.outbox[-1].to == [application.email]
    row = page.get_by_role("row").filter(has_text="Van Kadın Dayanışma Derneği")
    expect(row).to_contain_text("Approved")

    page.get_by_role("button", name="Actions", exact=True).click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text("utf-8-sig"))))
    by_number = {row["Number"]: row for row in rows}
    assert set(by_number) == {str(application.pk), str(other.pk)}
    approved = by_number[str(application.pk)]
    assert approved["Organisation"] == "Van Kadın Dayanışma Derneği"
    assert (approved["Status"], approved["Stand number"]) == ("Approved", "1")
    assert by_number[str(other.pk)]["Status"] == "Submitted"
