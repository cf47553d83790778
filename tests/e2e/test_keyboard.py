"""Keyboard use: a skip link first, focus moves to the content, focus is always visible."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def focus_outline(page: Page) -> dict:
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                    color: style.outlineColor, shadow: style.boxShadow};
        }"""
    )


@pytest.mark.parametrize(
    ("path", "label"),
    [("/tr/", "Ana içeriğe geç"), ("/en/programmes/information-center/", "Skip to main content")],
)
def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, path, label):
    page.goto(path)
    page.keyboard.press("Tab")

    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_text(label)
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    # The next Tab continues from the main content (inside it or after it), not the header.
    page.keyboard.press("Tab")
    assert page.evaluate(
        """() => {
            const main = document.querySelector("main"), focused = document.activeElement;
            const after = main.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING;
            return main.contains(focused) || Boolean(after);
        }"""
    )


def test_focus_is_visible_on_links_buttons_and_fields(page):
    page.goto("/tr/")
    seen = set()
    # Tab through the skip link, the header (brand, menu, search, language) and into main.
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => ({tag: document.activeElement.tagName.toLowerCase(),
                       inMain: Boolean(document.activeElement.closest("main"))})"""
        )
        outline = focus_outline(page)
        assert outline["style"] != "none" and outline["width"] >= 2, (focused, outline)
        seen.add(focused["tag"])
        if focused["inMain"]:
            break
    assert {"a", "input", "button"} <= seen and focused["inMain"], (seen, focused)

    # No outline when the element is not focused: the ring really comes from focus.
    page.locator("body").click(position={"x": 1, "y": 1})
    expect(page.locator("a.skip-link")).not_to_be_focused()
    style = page.locator("a.site-header__brand").evaluate("e => getComputedStyle(e).outlineStyle")
    assert style == "none"
