"""The series' rule editor in the Turkish admin: django-recurrence's widget speaks Turkish, and
the rule in plain words with its next dates follows the editor's changes."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Page, expect
from wagtail.users.models import UserProfile

from events.models import EventSeriesPage
from tests.e2e.content import TEA_TIME

pytestmark = pytest.mark.e2e


@pytest.fixture
def turkish_editor(new_page, site_url) -> Page:
    """An editor whose admin is in Turkish, signed in (the session of a test client)."""
    user = get_user_model().objects.create_superuser("duzenleyici", "d@stgm.org.tr", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "tr"
    profile.save()
    client = Client()
    client.force_login(user)
    page = new_page(locale="tr-TR")
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site_url}]
    )
    return page


def test_the_turkish_rule_editor_summarises_the_rule_and_its_next_dates(turkish_editor):
    page = turkish_editor
    series = EventSeriesPage.objects.get(title=TEA_TIME["tr"][1])
    page.goto(f"/admin/pages/{series.pk}/edit/")

    # django-recurrence's widget, in Turkish from the admin's JavaScript catalogue.
    widget = page.locator(".recurrence-widget")
    expect(widget.get_by_text("Tarih ekle")).to_be_visible()
    expect(widget.locator('select[name="freq"] option[value="2"]')).to_have_text("Haftalık")

    # The rule in words and its next dates, shown on load (rendered by the server).
    preview = page.locator("[data-rule-preview]")
    summary = preview.locator(".rule-summary")
    expect(summary).to_have_text(re.compile(r"^Her \w+ 15:00, \d+ \w+ \d{4}'(y?[ae]) kadar$"))
    expect(preview.locator(".next-dates li")).to_have_count(5)

    # Every second week: the words and the dates follow. The rule's panel opens from its
    # label, which the widget writes in Turkish too.
    label = widget.locator(".panel .header a.recurrence-label").first
    expect(label).to_have_text(re.compile(r"^Haftalık, \d\d\.\d\d\.\d{4} tarihine kadar$"))
    label.click()
    interval = widget.locator('input[name="interval"]')
    interval.fill("2")
    interval.press("Tab")
    expect(summary).to_have_text(re.compile(r"^2 haftada bir \w+ 15:00, .* kadar$"))
    dates = preview.locator(".next-dates li")
    expect(dates).to_have_count(3)
