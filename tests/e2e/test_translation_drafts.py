"""An editor submits a Turkish page for translation into English in the admin: the English
page is a draft (its address answers 404, nothing of it in Turkish on the English site), the
dashboard lists it as waiting with a link to the draft; the translator translates and
publishes it, and the English page is live in English."""

import re

import pytest
from playwright.sync_api import expect

from demo.builders import aware, make_event
from events.models import EventIndexPage, MeetingPage
from tests.e2e.content import EVENTS
from tests.e2e.test_editor_journey import (  # noqa: F401 (editor: a fixture)
    editor,
    submit_for_translation,
    translate_segment,
)

pytestmark = pytest.mark.e2e

TITLE = {"tr": "Çeviri Taslağı Buluşması", "en": "Translation Draft Meeting"}
SUMMARY = "Yalnızca Türkçe yazılmış özet."
SLUG = "ceviri-taslagi"


@pytest.fixture
def turkish_page() -> MeetingPage:
    index = EventIndexPage.objects.get(locale__language_code="tr")
    start = aware(2030, 5, 6, 11)
    return make_event(
        index,
        title=TITLE["tr"],
        slug=SLUG,
        summary=SUMMARY,
        start=start,
        end=start.replace(hour=13),
    )


def test_a_submitted_translation_stays_a_draft_until_the_translator_publishes(
    editor,  # noqa: F811
    turkish_page,
    new_page,
):
    page = editor
    english_path = f"{EVENTS['en']}{SLUG}/"
    visitor = new_page(locale="en-US")

    submit_for_translation(page, turkish_page)

    # Submitted, not published: the English address answers 404, the Turkish text is not
    # on it, and the English listing shows the event as an untranslated Turkish one.
    assert visitor.goto(english_path).status == 404
    expect(visitor.get_by_text(SUMMARY)).to_have_count(0)
    visitor.goto(EVENTS["en"])
    expect(visitor.locator(f'a[href="{english_path}"]')).to_have_count(0)
    english = MeetingPage.objects.get(
        translation_key=turkish_page.translation_key, locale__language_code="en"
    )
    assert not english.live

    # The dashboard lists the page as waiting, with a link to the English draft.
    page.goto("/admin/")
    waiting = page.locator(
        "section", has=page.get_by_role("heading", name="Pages waiting for a translation")
    )
    expect(waiting.get_by_role("link", name=TITLE["tr"])).to_be_visible()
    waiting.get_by_role("link", name="English draft waiting to be published").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{english.pk}/edit/"))

    # The translator translates the title and the summary, then publishes.
    translate_segment(page, TITLE["tr"], TITLE["en"])
    translate_segment(page, SUMMARY, "A summary written in English.")
    page.get_by_role("button", name="Publish in English").click()
    expect(page.get_by_text(re.compile("published", re.I)).first).to_be_visible()

    english.refresh_from_db()
    assert english.live and english.title == TITLE["en"]
    assert visitor.goto(english_path).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE["en"])
    expect(visitor.get_by_text("A summary written in English.").first).to_be_visible()
    turkish_page.refresh_from_db()
    assert turkish_page.live and turkish_page.title == TITLE["tr"]
