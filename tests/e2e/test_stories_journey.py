"""A visitor filters the stories archive and reads a story, in Turkish and in English."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.content import STORIES, STORY_LIST

pytestmark = pytest.mark.e2e

LABELS = {
    "tr": {
        "theme": ("Tema", "Göç"),
        "province": "İl",
        "show": "Hikâyeleri göster",
        "transcript": "Metin dökümü",
        "all": "Tüm hikâyeler",
    },
    "en": {
        "theme": ("Theme", "Migration"),
        "province": "Province",
        "show": "Show stories",
        "transcript": "Transcript",
        "all": "All stories",
    },
}


def titles(language: str) -> list[str]:
    index = 0 if language == "tr" else 1
    return [story[index][0] for story in STORY_LIST]


@pytest.mark.parametrize("language", ["tr", "en"])
def test_visitor_filters_the_archive_and_reads_a_story(page, language):
    labels = LABELS[language]
    kitchen, lake, library = titles(language)
    page.goto(STORIES[language])
    cards = page.locator(".story-card")
    expect(cards).to_have_count(3)

    theme_label, theme = labels["theme"]
    page.get_by_label(theme_label, exact=True).select_option(label=theme)
    page.get_by_role("button", name=labels["show"]).click()

    expect(page).to_have_url(re.compile(r"[?&]theme=goc(&|$)"))
    expect(cards).to_have_count(2)
    expect(page.get_by_role("link", name=kitchen)).to_have_count(0)

    page.get_by_label(labels["province"], exact=True).select_option(label="Van")
    page.get_by_role("button", name=labels["show"]).click()

    expect(page).to_have_url(re.compile(r"province=65"))
    expect(page).to_have_url(re.compile(r"theme=goc"))
    expect(cards).to_have_count(1)
    expect(page.get_by_role("link", name=library)).to_have_count(0)

    page.get_by_role("main").get_by_role("link", name=lake).click()

    expect(page).to_have_url(re.compile(re.escape(STORIES[language]) + r"[a-z-]+/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(lake)
    transcript = page.get_by_role("region", name=labels["transcript"])
    expect(transcript).to_contain_text(lake)
    facts = page.get_by_role("complementary")
    expect(facts.get_by_role("link", name=theme, exact=True)).to_be_visible()
    expect(facts.get_by_role("link", name="Van", exact=True)).to_be_visible()

    facts.get_by_role("link", name=labels["all"]).click()
    expect(page).to_have_url(re.compile(re.escape(STORIES[language]) + "$"))
    expect(cards).to_have_count(3)
