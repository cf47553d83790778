"""The STOK module catalogue and the publications library in a browser: filtering, and
axe-core (WCAG 2.2 AA) on both pages in both languages. Each test adds the catalogue or the
library to the shared content (gone again for the next test)."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from demo.library_builders import (
    make_catalogue,
    make_group,
    make_library,
    make_modules,
    make_publication,
)
from home.models import StandardPage

pytestmark = pytest.mark.e2e

LABELS = {
    "tr": {"level": "Düzey", "show_modules": "Modülleri göster", "kind": "Tür"},
    "en": {"level": "Level", "show_modules": "Show modules", "kind": "Kind"},
}


def programmes() -> StandardPage:
    return StandardPage.objects.get(slug="programlar", locale__language_code="tr")


def localized_url(page, language: str) -> str:
    return page.get_translation(Locale.objects.get(language_code=language)).url


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_catalogue_filters_by_level(page, axe, language):
    make_modules()
    catalogue = make_catalogue(programmes())
    page.goto(localized_url(catalogue, language))
    expect(page.locator(".stok-module")).to_have_count(3)
    axe(page)
    page.get_by_label(LABELS[language]["level"], exact=True).select_option("advanced")
    page.get_by_role("button", name=LABELS[language]["show_modules"]).click()
    expect(page).to_have_url(re.compile(r"level=advanced"))
    expect(page.locator(".stok-module")).to_have_count(1)
    axe(page)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_library_and_a_publication(page, axe, language):
    library = make_library(programmes())
    group = make_group()
    make_publication(library, group=group, english_title="Localisation report")
    make_publication(
        library,
        title="Politika önerileri",
        slug="politika-onerileri",
        kind="policy",
        group=group,
        english_title="Policy recommendations",
    )
    page.goto(localized_url(library, language))
    expect(page.locator(".publication-card")).to_have_count(2)
    axe(page)
    page.get_by_label(LABELS[language]["kind"], exact=True).select_option("policy")
    page.locator("form.event-filters button[type=submit]").click()
    expect(page.locator(".publication-card")).to_have_count(1)
    page.locator(".publication-card a").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe(page)
