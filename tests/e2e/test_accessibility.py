"""axe-core (WCAG 2.2 AA) on every public page type, in both languages.

To check a new page, add a row to PAGES: a name and its path in each language.
"""

import pytest

from tests.e2e.conftest import PHONE

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
    ("not found", {"tr": "/tr/boyle-bir-sayfa-yok/", "en": "/en/no-such-page/"}),
]


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize(("name", "paths"), PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_serious_accessibility_violation(page, axe, name, paths, language):
    page.goto(paths[language])
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
