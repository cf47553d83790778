"""Publishing wins over a draft save that was already under way (Wagtail's autosave).

Wagtail 8's page editor autosaves the draft: a JSON POST of the whole form to the edit
view a moment after each change. The edit view loads the page when the request arrives
and, for a page that was never published, writes the whole page row with the form
(`form.save(commit=not page.live)` in `wagtail.admin.views.pages.edit.EditView`), with
`live`, `live_revision` and `latest_revision` as they were loaded. An autosave loaded
before a publish and written after it put the page back as unpublished, without the
`page_unpublished` signal: the page answered 404 while the listing and the calendar, kept
in step by that signal, still showed it.

Wagtail refuses an out-of-date draft when the request arrives (the revision the editor
loaded or last autosaved must be the latest); nothing checks again when the row is written.
This does, with the row locked: a "save" of the edit view (an autosave or *Save draft*)
whose page was published, unpublished or given a newer revision after the request loaded
it is refused with Wagtail's own conflict error (`invalid_revision`, which its autosave
reports to the editor), and nothing of it is written. Publishing, submitting and workflow
actions are never refused here.

Wired in core.apps (the `pre_save` receiver) and core.wagtail_hooks (`before_edit_page`).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest
from django.utils.translation import gettext
from wagtail.models import Page

#: The edit view's actions other than "save" (wagtail.admin.views.pages.edit.EditView).
OTHER_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
    "action-cancel-workflow",
)
#: Where the state the request loaded is kept, on the page instance the form saves.
LOADED_STATE = "_stgm_loaded_state"


@dataclass(frozen=True)
class PublishingState:
    """What a draft save must not change behind a publish: whether the page is live, its
    live revision and its latest revision."""

    live: bool
    live_revision_id: int | None
    latest_revision_id: int | None

    @classmethod
    def of(cls, page: Page) -> "PublishingState":
        return cls(page.live, page.live_revision_id, page.latest_revision_id)


class StaleDraftSave(PermissionDenied):
    """A draft save refused because the page was published or changed since it was loaded.

    A PermissionDenied, because that is what the edit view's save action turns into a
    conflict message (`invalid_revision` for the autosave, an error message otherwise)."""


def is_draft_save(request: HttpRequest) -> bool:
    """Whether this request to the page editor saves a draft (autosave or Save draft)."""
    return request.method == "POST" and not any(name in request.POST for name in OTHER_ACTIONS)


def remember_loaded_state(request: HttpRequest, page: Page) -> None:
    """`before_edit_page` hook: note the state of the page this draft save was loaded with."""
    if is_draft_save(request):
        setattr(page, LOADED_STATE, PublishingState.of(page))


def current_state(page_pk: int) -> PublishingState | None:
    """The page's state in the database, its row locked until the transaction ends."""
    rows = Page.objects.filter(pk=page_pk)
    if connection.in_atomic_block:
        rows = rows.select_for_update()
    row = rows.values_list("live", "live_revision_id", "latest_revision_id").first()
    return None if row is None else PublishingState(*row)


def refuse_stale_draft_save(sender, instance, **kwargs) -> None:
    """`pre_save` receiver: the first write of a draft save checks that the page is still as
    the request loaded it (a publish may have happened meanwhile) and refuses otherwise."""
    loaded = instance.__dict__.pop(LOADED_STATE, None)
    if loaded is None:
        return
    if current_state(instance.pk) != loaded:
        raise StaleDraftSave(
            gettext(
                "This page was published or changed while your draft was being saved, so "
                "the draft was not saved over it. Reload the page to see the current version."
            )
        )
