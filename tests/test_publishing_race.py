"""Publishing wins over Wagtail's autosave (core.publishing): an autosave of a never-published
page that was loaded before the editor's Publish and written after it is refused with a
conflict message, and the page stays live everywhere it shows."""

import json

import pytest
from django.test import Client
from wagtail import hooks
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.publishing import PublishingState, current_state, is_draft_save
from demo.builders import make_events_index
from events.models import MeetingPage, Occurrence
from tests.publishing_places import EVERYWHERE, START, SUMMARY, TITLE, where_shown

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def meeting_form(**overrides) -> dict:
    data = {
        "title": TITLE,
        "slug": "yayin-denemesi",
        "summary": SUMMARY,
        "start": START.strftime("%Y-%m-%d %H:%M"),
        "end": START.replace(hour=16).strftime("%Y-%m-%d %H:%M"),
        "attendance_mode": "in_person",
        "status": "scheduled",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def editor(admin_client) -> Client:
    return admin_client


@pytest.fixture
def draft(home, editor) -> MeetingPage:
    """A meeting the editor created and saved as a draft: never published."""
    index = make_events_index(home)
    response = editor.post(f"/admin/pages/add/events/meetingpage/{index.pk}/", meeting_form())
    assert response.status_code == 302
    page = MeetingPage.objects.get(title=TITLE)
    assert not page.live and page.live_revision_id is None
    return page


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def autosave_form(page, **overrides) -> dict:
    """What the editor's autosave posts: the form, with the revision it was loaded with."""
    revision = page.latest_revision
    return meeting_form(
        loaded_revision_id=str(revision.pk),
        loaded_revision_created_at=revision.created_at.isoformat(),
        **overrides,
    )


def assert_live_everywhere(page) -> None:
    page.refresh_from_db()
    assert page.live and page.live_revision_id is not None
    assert Occurrence.objects.filter(page=page).exists()
    assert where_shown("/tr/etkinlikler/yayin-denemesi/", page.pk) == EVERYWHERE


def test_an_autosave_under_way_when_the_editor_publishes_does_not_unpublish(draft, editor):
    """The race as the editor met it: the autosave request has loaded the page (unpublished)
    when the Publish request runs to its end; then the autosave writes its draft."""
    published = []

    def publish_meanwhile(request, page) -> None:
        if request.method == "POST" and is_draft_save(request) and not published:
            # A second request of the same editor (the Publish button), handled while this
            # autosave is between loading the page and writing it.
            response = editor.post(edit_url(draft), meeting_form(**{"action-publish": "1"}))
            published.append(response.status_code)

    stale = autosave_form(draft, summary="Otomatik kaydın geç kalan taslağı.")
    with hooks.register_temporarily("before_edit_page", publish_meanwhile):
        response = editor.post(edit_url(draft), stale, **JSON)

    assert published == [302]
    assert response.status_code == 400
    body = json.loads(response.content)
    assert body["error_code"] == "invalid_revision"
    assert "yayımlandı ya da değişti" in body["error_message"]  # the admin is in Turkish
    assert_live_everywhere(draft)
    # Nothing of the refused autosave was written: the live revision is the latest.
    assert draft.latest_revision_id == draft.live_revision_id
    assert "geç kalan" not in draft.latest_revision.content["summary"]


def test_an_autosave_arriving_after_the_publish_with_the_older_revision_is_refused(draft, editor):
    stale = autosave_form(draft)
    response = editor.post(edit_url(draft), meeting_form(**{"action-publish": "1"}))
    assert response.status_code == 302
    response = editor.post(edit_url(draft), stale, **JSON)
    assert response.status_code == 400
    assert json.loads(response.content)["error_code"] == "invalid_revision"
    assert_live_everywhere(draft)


def test_save_draft_under_way_when_the_page_is_published_says_so_and_keeps_the_text(draft, editor):
    """The Save draft button (no JavaScript) meets the same check: an error message, the
    form re-shown with what the editor typed, the page live."""

    def publish_meanwhile(request, page) -> None:
        if request.method == "POST" and is_draft_save(request):
            draft.get_latest_revision().publish()

    typed = meeting_form(summary="Editörün yazdığı yeni özet.")
    with hooks.register_temporarily("before_edit_page", publish_meanwhile):
        response = editor.post(edit_url(draft), typed)
    assert response.status_code == 200
    assert "yayımlandı ya da değişti" in response.content.decode()
    assert "Editörün yazdığı yeni özet." in response.content.decode()
    assert_live_everywhere(draft)


def test_autosaves_and_publishing_in_turn_still_work(draft, editor):
    """The guard refuses only a save that the page moved under: one autosave after another
    (each overwriting its own revision), a publish, then autosaves of the live page."""
    first = editor.post(edit_url(draft), autosave_form(draft, summary="Bir"), **JSON)
    assert first.status_code == 200, first.content
    revision_id = json.loads(first.content)["revision_id"]
    second = editor.post(
        edit_url(draft),
        meeting_form(summary="İki", overwrite_revision_id=str(revision_id)),
        **JSON,
    )
    assert second.status_code == 200, second.content
    assert editor.post(edit_url(draft), meeting_form(**{"action-publish": "1"})).status_code == 302
    draft.refresh_from_db()
    after = editor.post(edit_url(draft), autosave_form(draft, summary="Üç"), **JSON)
    assert after.status_code == 200, after.content
    draft.refresh_from_db()
    assert draft.live and draft.has_unpublished_changes
    assert draft.get_latest_revision().content["summary"] == "Üç"


def test_current_state_reads_the_row_as_stored(draft):
    assert current_state(draft.pk) == PublishingState(False, None, draft.latest_revision_id)
    assert current_state(0) is None
