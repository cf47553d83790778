"""A visitor's journeys through the pages that exist: language, menu, search, not-found."""

import re

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from demo.builders import make_standard_page
from home.models import HomePage
from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.e2e

PROGRAMME = {"tr": "/tr/programlar/bilgi-merkezi/", "en": "/en/programmes/information-center/"}
PROGRAMME_TITLE = {"tr": "Bilgi Merkezi", "en": "Information Center"}


def path_of(page: Page) -> str:
    return re.sub(r"^https?://[^/]+", "", page.url)


def language_link(page: Page, code: str):
    return page.locator(f'nav.language-switcher a[hreflang="{code}"]')


@pytest.mark.parametrize(
    ("browser_locale", "expected"), [("en-US", "/en/"), ("tr-TR", "/tr/"), ("de-DE", "/tr/")]
)
def test_root_sends_the_visitor_to_their_browser_language(new_page, browser_locale, expected):
    page = new_page(locale=browser_locale)
    page.goto("/")
    assert path_of(page) == expected
    expect(page.locator("html")).to_have_attribute("lang", expected.strip("/"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


@pytest.mark.parametrize(("source", "target"), [("tr", "en"), ("en", "tr")])
def test_switching_language_on_a_programme_page_stays_on_that_page(page, source, target):
    page.goto(PROGRAMME[source])
    expect(page.get_by_role("heading", level=1)).to_have_text(PROGRAMME_TITLE[source])

    language_link(page, target).click()

    expect(page).to_have_url(re.compile(re.escape(PROGRAMME[target]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", target)
    expect(page.get_by_role("heading", level=1)).to_have_text(PROGRAMME_TITLE[target])
    expect(page.locator("nav.language-switcher [aria-current]")).to_have_text(target.upper())


def test_untranslated_page_offers_the_other_languages_home(page):
    turkish_home = HomePage.objects.get(locale=Locale.objects.get(language_code="tr"))
    make_standard_page(turkish_home, title="Yalnızca Türkçe", slug="yalnizca-turkce")

    page.goto("/tr/yalnizca-turkce/")
    english = language_link(page, "en")
    expect(english).to_have_attribute("data-fallback", "true")
    expect(english).to_contain_text("not translated yet: home page")
    expect(english).to_have_attribute("lang", "en")

    english.click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_phone_menu_opens_and_leads_to_a_page(new_page):
    page = new_page(viewport=PHONE)
    page.goto("/tr/")
    menu = page.locator("details.site-nav")
    main_menu = page.get_by_role("navigation", name="Ana menü")
    toggle = page.get_by_text("Menü", exact=True)

    expect(toggle).to_be_visible()
    expect(main_menu).to_be_hidden()

    toggle.tap()
    expect(menu).to_have_attribute("open", "")
    expect(main_menu).to_be_visible()
    expect(page.get_by_role("searchbox", name="Sitede ara")).to_be_visible()
    expect(language_link(page, "en")).to_be_visible()

    main_menu.get_by_role("link", name="Programlar").tap()
    expect(page).to_have_url(re.compile(r"/tr/programlar/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Programlar")


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("tr", "değerlendirme", "ROTA Örgütsel Kapasite Öz Değerlendirme Aracı"),
        ("en", "self-assessment", "ROTA Self-Assessment Tool"),
    ],
)
def test_search_from_the_header(page, language, query, expected):
    page.goto(f"/{language}/")
    label = {"tr": "Sitede ara", "en": "Search the site"}[language]
    box = page.get_by_role("banner").get_by_role("searchbox", name=label)
    box.fill(query)
    box.press("Enter")

    expect(page).to_have_url(re.compile(rf"/{language}/search/\?q="))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("main").get_by_role("link", name=expected)).to_be_visible()


@pytest.mark.parametrize(
    ("path", "language", "heading", "home_link"),
    [
        ("/tr/boyle-bir-sayfa-yok/", "tr", "Sayfa bulunamadı", "Ana sayfaya git"),
        ("/en/no-such-page/", "en", "Page not found", "Go to the home page"),
    ],
)
def test_not_found_page_in_each_language(page, path, language, heading, home_link):
    response = page.goto(path)
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)

    page.get_by_role("main").get_by_role("link", name=home_link).click()
    expect(page).to_have_url(re.compile(rf"/{language}/$"))


def test_visitor_journey_without_javascript(new_page):
    """The essentials work with JavaScript off: language, menu, switcher, search."""
    page = new_page(locale="en-GB", java_script_enabled=False)
    page.goto("/")
    assert path_of(page) == "/en/"

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Programmes").click()
    page.get_by_role("main").get_by_role("link", name="Information Center").click()
    expect(page).to_have_url(re.compile(re.escape(PROGRAMME["en"]) + "$"))

    language_link(page, "tr").click()
    expect(page).to_have_url(re.compile(re.escape(PROGRAMME["tr"]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "tr")

    box = page.get_by_role("banner").get_by_role("searchbox", name="Sitede ara")
    box.fill("öğrenme")
    page.get_by_role("banner").get_by_role("button", name="Ara").click()
    expect(page).to_have_url(re.compile(r"/tr/search/\?q="))
    result = page.get_by_role("main").get_by_role("link", name="STOK Dijital Öğrenme Platformu")
    expect(result).to_be_visible()
