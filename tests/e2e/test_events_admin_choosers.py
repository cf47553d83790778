"""The story editor's event chooser opens at the events index of the story's language, where
the editor finds the events, not at the root of the page tree."""

import pytest
from playwright.sync_api import expect

from stories.models import StoryIndexPage
from tests.e2e.content import TEA_TIME
from tests.e2e.test_recurrence_editor import turkish_editor  # noqa: F401 (a fixture)

pytestmark = pytest.mark.e2e


def test_the_event_chooser_opens_at_the_events_index(turkish_editor):  # noqa: F811
    page = turkish_editor
    index = StoryIndexPage.objects.get(locale__language_code="tr")
    page.goto(f"/admin/pages/add/stories/storypage/{index.pk}/")
    page.locator("#id_event-chooser").get_by_role("button").first.click()
    modal = page.locator(".modal-dialog")
    expect(modal.get_by_role("link", name=TEA_TIME["tr"][1], exact=True)).to_be_visible()
    expect(modal.get_by_text("Etkinlikler", exact=True).first).to_be_visible()
