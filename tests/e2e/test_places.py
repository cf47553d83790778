"""The map of the provinces: by keyboard, to a province page, its table alternative, on a
phone, and axe on the map, province and impact pages in both languages."""

import re

import pytest
from playwright.sync_api import expect

from demo.builders import make_impact_page, make_map_page
from home.models import HomePage
from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.e2e

MAP = {"tr": "/tr/harita/", "en": "/en/map/"}
VAN = {"tr": "/tr/harita/van/", "en": "/en/map/van/"}
IMPACT = {"tr": "/tr/etki/", "en": "/en/impact/"}


@pytest.fixture
def places(site_url):
    """The map and impact pages over the e2e content (meetings and stories in Van, İzmir)."""
    home = HomePage.objects.get(depth=2, locale__language_code="tr")
    make_map_page(home)
    make_impact_page(home)


def focused_name(page) -> str:
    return page.evaluate("document.activeElement.getAttribute('aria-label') || ''")


def test_the_map_by_keyboard_to_a_province_page(page, places):
    page.goto(MAP["tr"])
    page.get_by_role("link", name="Tabloya geç").focus()
    page.keyboard.press("Tab")
    # The provinces follow in Turkish alphabetical order, each named by what happened there.
    assert focused_name(page).startswith("Adana: ")
    for _ in range(81):
        if focused_name(page).startswith("Van: "):
            break
        page.keyboard.press("Tab")
    assert re.match(r"Van: \d+ toplantı", focused_name(page)), focused_name(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(VAN["tr"]) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Van")
    expect(
        page.get_by_role("link", name=re.compile(r"Van ilindeki tüm etkinlikler"))
    ).to_have_attribute("href", re.compile(r"events\.ics\?province=65$"))


def test_the_table_alternative_leads_to_the_province(page, places):
    page.goto(MAP["en"])
    table = page.get_by_role("table")
    expect(table.get_by_role("rowheader", name="İzmir")).to_be_visible()
    table.get_by_role("link", name="Van", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(VAN["en"]) + "$"))
    expect(page.get_by_role("heading", name="Upcoming events")).to_be_visible()


def test_the_map_filter_works_without_javascript(new_page, places):
    page = new_page(locale="en-US", java_script_enabled=False)
    page.goto(MAP["en"])
    page.get_by_label("What").select_option(label="Stories told")
    page.get_by_role("button", name="Show on the map").click()
    expect(page).to_have_url(re.compile(r"kind=story"))
    expect(page.locator('a[aria-label^="Van: "]')).to_have_attribute(
        "aria-label", re.compile(r"^Van: \d+ stor(y|ies)$")
    )


def test_on_a_phone_the_table_comes_before_the_map(new_page, axe, places):
    page = new_page(locale="tr-TR", viewport=PHONE)
    page.goto(MAP["tr"])
    table = page.get_by_role("table").bounding_box()
    svg = page.locator("svg.province-map__svg").bounding_box()
    assert table and svg and table["y"] < svg["y"]
    # The page itself does not scroll sideways: only the map's own frame does.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe(page)


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("paths", [MAP, VAN, IMPACT], ids=["map", "province", "impact"])
def test_no_serious_accessibility_violation(page, axe, places, paths, language):
    page.goto(paths[language])
    axe(page)
