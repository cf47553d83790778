"""An editor publishes a new page while Wagtail's autosave of it is still under way: the
autosave had loaded the page (unpublished) before the Publish and writes after it. The
publish wins (core.publishing): the page is live, in the listing and at its address.

The live server runs in this process, so a temporary `before_edit_page` hook holds the
autosave request on the server, between loading the page and writing it, until the publish
is done: the race the editor met, every time instead of 2 times in 4."""

import re
import threading

import pytest
from django.core.signals import request_finished
from playwright.sync_api import expect
from wagtail import hooks

from core.publishing import is_draft_save
from demo.builders import aware
from events.models import EventIndexPage, MeetingPage, Occurrence
from tests.e2e.content import EVENTS
from tests.e2e.test_editor_journey import editor  # noqa: F401 (a fixture)

pytestmark = pytest.mark.e2e

TITLE = "Yarış Denemesi Buluşması"
WAIT_SECONDS = 10
#: Wagtail's editor starts watching the form for edits two seconds after it opens.
WATCH_EDITS_JS = """
document.addEventListener("w-unsaved:watch-edits", () => { window.stgmWatchingEdits = true; });
"""


class HeldAutosave:
    """Holds the first autosave request after it loaded the page, until released."""

    def __init__(self) -> None:
        self.loaded = threading.Event()
        self.release = threading.Event()
        self.finished = threading.Event()
        self.thread: int | None = None
        self.released_in_time = False

    def before_edit_page(self, request, page) -> None:
        autosave = not request.accepts("text/html")
        if request.method == "POST" and is_draft_save(request) and autosave:
            if not self.loaded.is_set():
                self.thread = threading.get_ident()
                self.loaded.set()
                self.released_in_time = self.release.wait(WAIT_SECONDS)

    def on_request_finished(self, **kwargs) -> None:
        if self.thread == threading.get_ident():
            self.finished.set()


@pytest.fixture
def held_autosave():
    held = HeldAutosave()
    request_finished.connect(held.on_request_finished, weak=False)
    with hooks.register_temporarily("before_edit_page", held.before_edit_page):
        yield held
    held.release.set()
    request_finished.disconnect(held.on_request_finished)


@pytest.fixture
def draft() -> MeetingPage:
    """A meeting saved as a draft, never published."""
    index = EventIndexPage.objects.get(locale__language_code="tr")
    start = aware(2030, 4, 8, 14)
    page = MeetingPage(
        title=TITLE,
        slug="yaris-denemesi",
        summary="Taslak özet.",
        start=start,
        end=start.replace(hour=16),
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision()
    return page


def test_publish_while_an_autosave_is_under_way_keeps_the_page_live(
    editor,  # noqa: F811
    draft,
    held_autosave,
    new_page,
):
    page = editor
    page.add_init_script(WATCH_EDITS_JS)
    page.goto(f"/admin/pages/{draft.pk}/edit/")
    page.wait_for_function("window.stgmWatchingEdits === true")
    page.get_by_label(re.compile(r"^Summary")).fill("Yayından hemen önce yazılan özet.")
    # Wagtail's unsaved-changes checker tells the autosave about the edit on its next
    # check; tell it now, as that checker does, so the autosave starts at once.
    page.locator("#page-edit-form").dispatch_event("w-unsaved:add", {"detail": {"type": "edits"}})
    assert held_autosave.loaded.wait(WAIT_SECONDS), "no autosave reached the server"

    # The autosave is on the server, between loading the page and writing it: publish.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(f"Page '{TITLE}' has been published.")).to_be_visible()
    assert not held_autosave.finished.is_set()  # published while the autosave was held

    held_autosave.release.set()
    assert held_autosave.finished.wait(WAIT_SECONDS) and held_autosave.released_in_time

    draft.refresh_from_db()
    assert draft.live and draft.live_revision_id == draft.latest_revision_id
    assert draft.get_latest_revision().content["summary"] == "Yayından hemen önce yazılan özet."
    assert Occurrence.objects.filter(page=draft).exists()
    visitor = new_page()
    response = visitor.goto("/tr/etkinlikler/yaris-denemesi/")
    assert response.status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    visitor.goto(EVENTS["tr"] + "calendar/2030/4/")
    expect(visitor.get_by_role("link", name=TITLE).first).to_be_visible()
