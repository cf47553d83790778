"""After a failed submit the focus is on the error summary and the title says so."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.content import FESTIVAL

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("language", "send", "prefix"),
    [("tr", "Başvuruyu gönder", "Hata: "), ("en", "Send the application", "Error: ")],
)
def test_focus_moves_to_the_error_summary(page, language, send, prefix):
    page.goto(FESTIVAL[language][0] + "apply/")
    page.get_by_role("button", name=send).click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(f"^{prefix}"))


def test_without_javascript_the_summary_comes_first(new_page):
    page = new_page(java_script_enabled=False)
    page.goto(FESTIVAL["en"][0] + "apply/")
    page.get_by_role("button", name="Send the application").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator("#error-summary")).to_be_focused()  # autofocus, no script
    # The summary's links come before the form's first field in the reading order.
    positions = page.evaluate(
        "() => ['#error-summary', 'form.application-form']"
        ".map(selector => document.querySelector(selector).getBoundingClientRect().top)"
    )
    assert positions[0] < positions[1]
