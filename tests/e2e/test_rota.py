"""A civil-society organisation takes ROTA: answers a step (one group with the keyboard),
makes a mistake, saves and leaves, comes back by the private link in a fresh browser, finishes
and reads its result and prescriptions; in English on a 390 px phone; and without JavaScript.
axe checks every kind of page in both languages.

The tool replaces the programme page of the same slug that tests/e2e/content.py builds (as
the demo loader does), with three areas of two statements and English texts."""

import copy
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from demo.builders import translate
from demo.rota import make_rota_page
from home.models import StandardPage
from rota.models import RotaPage
from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.e2e

TEXTS = {
    "tr": {
        "path": "/tr/programlar/rota/",
        "start": "Başla",
        "next": "Kaydet ve devam et",
        "last": "Kaydet ve sonucu gör",
        "later": "Kaydet, sonra bitiririm",
        "saved": "Yanıtlarınız kaydedildi.",
        "required": "Bu ifade için bir yanıt seçin.",
        "result": "Sonucunuz",
        "agree": "Katılıyorum",
        "scale": ["Hiç katılmıyorum", "Katılmıyorum", "Kısmen", "Katılıyorum", "Tamamen"],
        "area": "Alan",
        "statement": "ifade",
        "prescriptions": "Reçeteler",
    },
    "en": {
        "path": "/en/programmes/rota/",
        "start": "Start",
        "next": "Save and continue",
        "last": "Save and see the result",
        "later": "Save and finish later",
        "saved": "Your answers are saved.",
        "required": "Choose an answer for this statement.",
        "result": "Your result",
        "agree": "Agree",
        "scale": ["Strongly disagree", "Disagree", "Partly", "Agree", "Strongly agree"],
        "area": "Area",
        "statement": "statement",
        "prescriptions": "Prescriptions",
    },
}


ENGLISH_SCALE = ["Strongly disagree", "Disagree", "Partly agree", "Agree", "Strongly agree"]


def english_areas(page: RotaPage) -> list:
    """The Turkish areas' stored data with English texts and the same block ids."""
    data = copy.deepcopy(list(page.areas.raw_data))
    for area in data:
        value = area["value"]
        value["title"] = value["title"].replace("Alan", "Area")
        for item in value["statements"]:
            item["value"] = item["value"].replace("Alan", "Area").replace("ifade", "statement")
        for item in value["prescriptions"]:
            item["value"]["title"] = item["value"]["title"].replace("Alan", "Area")
    return data


@pytest.fixture
def rota(site_url) -> RotaPage:
    programmes = StandardPage.objects.get(slug="programlar")
    old = StandardPage.objects.child_of(programmes).get(slug="rota")
    for translation in old.get_translations():
        translation.delete()
    old.delete()
    programmes.refresh_from_db()
    page = make_rota_page(
        programmes, title="ROTA Örgütsel Kapasite Öz Değerlendirme Aracı", areas=3, statements=2
    )
    translate(
        page,
        Locale.objects.get(language_code="en"),
        title="ROTA Self-Assessment Tool",
        slug="rota",
        intro="Assess your organisation.",
        scale=[
            ("level", label)
            for label in [
                "Strongly disagree",
                "Disagree",
                "Partly agree",
                "Agree",
                "Strongly agree",
            ]
        ],
        areas=english_areas(page),
    )
    return page


def group(page: Page, language: str, area: int, statement: int):
    words = TEXTS[language]
    name = f"{statement}. {words['area']} {area} {words['statement']} {statement}"
    return page.get_by_role("group", name=name)


def answer_step(page: Page, language: str, area: int, answer: str | None = None) -> None:
    for statement in (1, 2):
        group(page, language, area, statement).get_by_label(
            answer or TEXTS[language]["agree"], exact=True
        ).check()


def private_link_path(page: Page) -> str:
    link = page.locator("#rota-link-value").input_value()
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_take_rota_leave_and_come_back_by_the_link(new_page, rota, axe, language):
    words = TEXTS[language]
    page = new_page(locale="tr-TR" if language == "tr" else "en-US")
    page.goto(words["path"])
    axe(page)
    page.get_by_role("button", name=words["start"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/step/1/\?key="))
    axe(page)

    # The first group with the keyboard alone: Tab into it, arrows choose the answer.
    first = group(page, language, 1, 1)
    first.get_by_role("radio").first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(first.get_by_label(words["scale"][2], exact=False)).to_be_checked()
    group(page, language, 1, 2).get_by_label(words["agree"], exact=True).check()
    page.get_by_role("button", name=words["next"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/step/2/\?key="))

    # A mistake: nothing answered on step 2.
    page.get_by_role("button", name=words["next"], exact=True).click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.get_by_text(words["required"]).first).to_be_visible()
    axe(page)
    group(page, language, 2, 1).get_by_label(words["agree"], exact=True).check()
    page.get_by_role("button", name=words["later"], exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(words["saved"])
    link = private_link_path(page)

    # Come back in a fresh browser by the private link: step 2, with its answer kept.
    back = new_page(locale="tr-TR" if language == "tr" else "en-US")
    back.goto(link)
    expect(back).to_have_url(re.compile(r"/step/2/\?key="))
    expect(group(back, language, 2, 1).get_by_label(words["agree"], exact=True)).to_be_checked()
    group(back, language, 2, 2).get_by_label(words["agree"], exact=True).check()
    back.get_by_role("button", name=words["next"], exact=True).click()
    answer_step(back, language, 3, words["scale"][0])
    back.get_by_role("button", name=words["last"], exact=True).click()

    expect(back).to_have_url(re.compile(r"/result/\?key="))
    expect(back.get_by_role("heading", level=1)).to_have_text(words["result"])
    expect(back.locator("svg[role=img]")).to_be_visible()  # the result chart
    table = back.get_by_role("table")
    expect(table.get_by_role("row")).to_have_count(4)
    area = words["area"]
    expect(back.get_by_role("heading", name=words["prescriptions"])).to_be_visible()
    # Area 3 scored 0: its "starting" prescription; area 2 scored 75: "strong".
    expect(back.get_by_text(f"{area} 3: starting")).to_be_visible()
    expect(back.get_by_text(f"{area} 2: strong")).to_be_visible()
    axe(back)


def test_on_a_390px_phone_in_english(new_page, rota, axe):
    page = new_page(locale="en-US", viewport=PHONE)
    page.goto(TEXTS["en"]["path"])
    page.get_by_role("button", name="Start", exact=True).click()
    for area in (1, 2, 3):
        answer_step(page, "en", area)
        last = area == 3
        page.get_by_role("button", name=TEXTS["en"]["last" if last else "next"], exact=True).click()
        if not last:
            assert fits(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    assert fits(page)
    axe(page)


def fits(page: Page) -> bool:
    """Nothing wider than the phone's screen (no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_without_javascript(new_page, rota):
    page = new_page(java_script_enabled=False)
    page.goto(TEXTS["tr"]["path"])
    page.get_by_role("button", name="Başla", exact=True).click()
    for area in (1, 2, 3):
        answer_step(page, "tr", area)
        name = TEXTS["tr"]["last" if area == 3 else "next"]
        page.get_by_role("button", name=name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sonucunuz")
    expect(page.get_by_role("table")).to_be_visible()
