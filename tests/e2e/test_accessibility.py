"""axe-core (WCAG 2.2 AA) on every public page type, in both languages.

To check a new page, add a row to PAGES: a name and its path in each language.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.content import EVENTS, FESTIVAL, STORIES, TEA_TIME, VAN_MEETING

pytestmark = pytest.mark.e2e

PAGES = [
    ("home", {"tr": "/tr/", "en": "/en/"}),
    (
        "programme",
        {"tr": "/tr/programlar/bilgi-merkezi/", "en": "/en/programmes/information-center/"},
    ),
    (
        "search results",
        {"tr": "/tr/search/?q=%C3%B6%C4%9Frenme", "en": "/en/search/?q=learning"},
    ),
    ("search, no results", {"tr": "/tr/search/?q=zzzz", "en": "/en/search/?q=zzzz"}),
    ("events listing", EVENTS),
    ("events filtered, none", {lang: f"{path}?province=01" for lang, path in EVENTS.items()}),
    ("past events", {lang: f"{path}?when=past" for lang, path in EVENTS.items()}),
    ("calendar", {lang: f"{path}calendar/" for lang, path in EVENTS.items()}),
    ("meeting", {lang: path for lang, (path, _title) in VAN_MEETING.items()}),
    ("weekly series", {lang: path for lang, (path, _title) in TEA_TIME.items()}),
    ("festival", {lang: path for lang, (path, _title) in FESTIVAL.items()}),
    ("stand application form", {lang: f"{path}apply/" for lang, (path, _t) in FESTIVAL.items()}),
    ("stories archive", STORIES),
    ("stories filtered", {lang: f"{path}?province=65&theme=goc" for lang, path in STORIES.items()}),
    (
        "story",
        {"tr": "/tr/hikayeler/korfezde-bir-mutfak/", "en": "/en/stories/a-kitchen-by-the-gulf/"},
    ),
    ("not found", {"tr": "/tr/boyle-bir-sayfa-yok/", "en": "/en/no-such-page/"}),
]


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize(("name", "paths"), PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_serious_accessibility_violation(page, axe, name, paths, language):
    page.goto(paths[language])
    axe(page)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_calendar_with_events_has_no_serious_accessibility_violation(page, axe, language):
    """The next month, where the meetings are: the grid with its event links."""
    page.goto(EVENTS[language] + "calendar/")
    page.locator('.month-nav a[rel="next"]').click()
    expect(page.get_by_role("table").get_by_role("link").first).to_be_visible()
    axe(page)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_application_form_errors_and_confirmation_have_no_serious_violation(page, axe, language):
    """The form after a POST with mistakes (summary, messages), then the confirmation and the
    private page after a withdrawal: pages that only follow a POST."""
    from tests.e2e.test_applicant_journey import TEXTS, fill_application, withdraw

    texts = TEXTS[language]
    page.goto(FESTIVAL[language][0] + "apply/")
    page.get_by_role("button", name=texts["send"]).click()
    expect(page.get_by_role("alert")).to_be_visible()
    axe(page)

    fill_application(page, language, "zeynep@vankadin.org.tr")
    page.get_by_role("button", name=texts["send"]).click()
    expect(page).to_have_url(re.compile(r"/application/\?key="))
    expect(page.get_by_role("status")).to_contain_text(texts["thanks"])
    axe(page)

    withdraw(page, language)
    axe(page)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_phone_home_with_open_menu_has_no_serious_accessibility_violation(new_page, axe, language):
    page = new_page(viewport=PHONE)
    page.goto(f"/{language}/")
    axe(page)
    page.locator("summary.site-nav__toggle").tap()
    axe(page)


@pytest.mark.parametrize("path", ["/tr/", "/en/programmes/information-center/", "/tr/yok/"])
def test_content_reflows_at_320_css_pixels_without_horizontal_scrolling(new_page, path):
    """WCAG 1.4.10: at 320 CSS pixels wide (400% zoom of 1280) nothing scrolls sideways."""
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(path)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    page.locator("summary.site-nav__toggle").click()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_the_axe_check_reports_serious_violations(page, axe):
    """The harness itself: a page with an unlabelled field and faint text fails, readably."""
    page.set_content(
        '<html lang="en"><body><main><h1>Check</h1>'
        '<p style="color:#bbb;background:#fff">Faint text</p><input type="text">'
        "</main></body></html>"
    )
    with pytest.raises(AssertionError) as failure:
        axe(page)
    report = str(failure.value)
    assert "color-contrast" in report and "label" in report
    assert "[serious]" in report or "[critical]" in report
