"""The machinery of a page that holds a call, whatever its app.

The call's DATA stays on the page models, in their own apps (`applications_open`,
`applications_close`, and e.g. a festival's `stands` and stand types): they are the page's
DB fields and its editors' panels. The MACHINERY is here: which translation holds the call
(the original, so that both languages share one set of places), its state (none / not yet
open / open / full / closed), its places, and the row lock that serialises submissions and
decisions. It is an adapter registered by page model, not a mixin, because the festival page
lives in `events`, a floor below this app, and must not import it; `stories`' OpenCallPage
(a floor above) is served the same way, so both kinds read alike.

    @register_call
    class FestivalCall(PageCall):
        page_model = FestivalPage

    call_for(page).status()  # a CallStatus
"""

import datetime
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.i18n import original_translation_pk


class CallState(models.TextChoices):
    NONE = "none", _("No call")
    NOT_YET_OPEN = "not_yet_open", _("Applications not yet open")
    OPEN = "open", _("Applications open")
    FULL = "full", _("Every place is taken: join the waiting list")
    CLOSED = "closed", _("Applications closed")


@dataclass(frozen=True)
class CallStatus:
    """What a call page says about its call at one moment."""

    state: str
    opens: datetime.datetime | None
    closes: datetime.datetime | None
    places: int | None = None  # None: no limit
    taken: int = 0
    labels: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def remaining(self) -> int:
        return max((self.places or 0) - self.taken, 0)

    @property
    def accepts_applications(self) -> bool:
        """Open, or full with a waiting list to join."""
        return self.state in (CallState.OPEN, CallState.FULL)

    @property
    def state_label(self) -> str:
        return str(self.labels.get(self.state) or CallState(self.state).label)


class PageCall:
    """The call held by a page (and its translations). Override what differs: `places()`,
    `taken()`, `status()` for extra facts, the labels and the refusal messages."""

    page_model: ClassVar[type[Page]]
    opens_field: ClassVar[str] = "applications_open"
    closes_field: ClassVar[str] = "applications_close"
    # Per-kind wording of a state ("All stands taken: ..."); CallState's labels otherwise.
    state_labels: ClassVar[dict[str, Any]] = {}
    not_open_message: ClassVar[Any] = _("Applications to this call are not open yet.")
    closed_message: ClassVar[Any] = _("Applications to this call are closed.")

    def __init__(self, page: Page) -> None:
        self.page = page

    def original(self) -> Page:
        """The page that holds the call: the original (first created) translation."""
        page = self.page
        if not page.pk:
            return page
        original_pk = original_translation_pk(page)
        if original_pk == page.pk:
            return page
        return type(page).objects.filter(pk=original_pk).first() or page

    @classmethod
    def lock(cls, page_pk: int) -> Page:
        """Lock the call page's row: submissions and decisions on one call wait their turn
        here (inside the caller's transaction)."""
        return cls.page_model.objects.select_for_update(of=("self",)).get(pk=page_pk)

    def places(self, original: Page) -> int | None:
        """How many places the call offers; None for no limit."""
        return None

    def taken(self, original: Page) -> int:
        return 0

    def state(self, original: Page, now: datetime.datetime, places, taken) -> str:
        opens = getattr(original, self.opens_field)
        closes = getattr(original, self.closes_field)
        if not opens or not closes or places == 0:
            return CallState.NONE
        if now < opens:
            return CallState.NOT_YET_OPEN
        if now >= closes:
            return CallState.CLOSED
        if places is not None and taken >= places:
            return CallState.FULL
        return CallState.OPEN

    def status(self, now: datetime.datetime | None = None) -> CallStatus:
        original = self.original()
        now = now or timezone.now()
        places, taken = self.places(original), self.taken(original)
        return CallStatus(
            self.state(original, now, places, taken),
            getattr(original, self.opens_field),
            getattr(original, self.closes_field),
            places,
            taken,
            self.state_labels,
        )

    def shown_status(self) -> CallStatus:
        """The call's state as its pages show it (the form, the call's section): what
        `status()` says, which a kind may keep between its changes. Never for a decision:
        a submission or a decision reads `status()` under the call's lock."""
        return self.status()

    def refusal(self, status: CallStatus, now: datetime.datetime) -> str:
        """Why a submission is refused when the call does not accept applications."""
        if status.opens is None or now < status.opens:
            return str(self.not_open_message)
        return str(self.closed_message)


class SwitchedCall(PageCall):
    """A call without dates or places, open while a tick box of its page (`open_field`) is
    ticked: a question to the team, a request for coaching."""

    open_field: ClassVar[str]

    def status(self, now: datetime.datetime | None = None) -> CallStatus:
        opened = getattr(self.original(), self.open_field)
        state = CallState.OPEN if opened else CallState.CLOSED
        return CallStatus(state, None, None, None, 0, self.state_labels)

    def refusal(self, status: CallStatus, now: datetime.datetime) -> str:
        return str(self.closed_message)


_CALLS: dict[type[Page], type[PageCall]] = {}


def register_call(call_class: type[PageCall]) -> type[PageCall]:
    """Declare the machinery of a page model's call (a class decorator)."""
    _CALLS[call_class.page_model] = call_class
    return call_class


def call_class_for(page_model: type[Page]) -> type[PageCall]:
    for model in page_model.__mro__:
        if model in _CALLS:
            return _CALLS[model]
    raise LookupError(f"No call is registered for {page_model.__name__}")


def call_for(page: Page) -> PageCall:
    return call_class_for(type(page.specific_deferred if type(page) is Page else page))(page)
