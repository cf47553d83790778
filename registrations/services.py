"""The rules of registration, one named function each; views, the admin, the command and
tests call these. The places of a date are counted under a row lock on the event's
registration settings, as the stands are counted under the festival's row: a race of many
registrations for the last places never gives more places than there are."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from applications import services as shared
from applications.models import LogAction
from applications.services.errors import CallNotOpen, NoPlaceAvailable
from core.i18n import original_translation_pk
from events.choices import EventStatus
from events.ical import EventEntry, occurrence_calendar
from events.models import Occurrence

from .models import CANCELLED, REGISTERED, WAITLISTED, Registration, RegistrationSetup


class DateState:
    OPEN = "open"
    FULL = "full"  # the waiting list is open
    CLOSED = "closed"  # the team closed registration
    PAST = "past"
    CANCELLED = "cancelled"


STATE_LABELS = {
    DateState.OPEN: _("Registration open"),
    DateState.FULL: _("Every place is taken: join the waiting list"),
    DateState.CLOSED: _("Registration is closed"),
    DateState.PAST: _("This date has passed: registration is closed"),
    DateState.CANCELLED: _("This date is cancelled: registration is closed"),
}


@dataclass(frozen=True)
class EventDate:
    """One date of an event as a registrant sees it: its state and the places left."""

    occurrence: Occurrence
    state: str
    capacity: int
    taken: int

    @property
    def date(self) -> datetime.date:
        return timezone.localdate(self.occurrence.original_start)

    @property
    def remaining(self) -> int:
        return max(self.capacity - self.taken, 0)

    @property
    def accepts_registrations(self) -> bool:
        return self.state in (DateState.OPEN, DateState.FULL)

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])


def original_event(page: Page) -> Page:
    """The event page that holds the registrations: its original translation."""
    pk = original_translation_pk(page)
    return page if pk == page.pk else Page.objects.get(pk=pk).specific


def setup_for(page: Page) -> RegistrationSetup | None:
    """The event's registration settings in the page's language (the first made
    otherwise); None when the event takes no registration."""
    setups = list(
        RegistrationSetup.objects.filter(event__translation_key=page.translation_key).order_by("pk")
    )
    own = [s for s in setups if s.locale_id == page.locale_id]
    return (own or setups or [None])[0]


def lock_event(event_id: int) -> RegistrationSetup | None:
    """Every registration and cancellation for an event waits its turn on the row of its
    first settings (whichever translation of the event they name), inside the caller's
    transaction; the places are read from it."""
    return (
        RegistrationSetup.objects.select_for_update(of=("self",))
        .filter(
            event__translation_key=Subquery(
                Page.objects.filter(pk=event_id).values("translation_key")[:1]
            )
        )
        .order_by("pk")
        .first()
    )


def occurrence_of(event_id: int, date: datetime.date) -> Occurrence | None:
    """The stored date of the original event planned for `date` (Istanbul)."""
    return (
        Occurrence.objects.filter(page_id=event_id, original_start__date=date)
        .select_related("venue")
        .first()
    )


def taken(event_id: int, date: datetime.date) -> int:
    return Registration.objects.filter(event_id=event_id, date=date, status=REGISTERED).count()


def date_state(
    setup: RegistrationSetup, occurrence: Occurrence, taken_places: int, now: datetime.datetime
) -> str:
    if occurrence.status == EventStatus.CANCELLED:
        return DateState.CANCELLED
    if occurrence.start <= now:
        return DateState.PAST
    if not setup.is_open:
        return DateState.CLOSED
    return DateState.FULL if taken_places >= setup.capacity else DateState.OPEN


def event_dates(
    page: Page, now: datetime.datetime | None = None, limit: int = 8
) -> list[EventDate]:
    """The upcoming dates of the event (cancelled ones too, marked), with their places."""
    setup = setup_for(page)
    if setup is None:
        return []
    now = now or timezone.now()
    original = original_event(page)
    occurrences = list(Occurrence.objects.filter(page_id=original.pk).upcoming(now)[:limit])
    counts = dict(
        Registration.objects.filter(event_id=original.pk, status=REGISTERED)
        .values_list("date")
        .annotate(n=Count("pk"))
    )
    dates = []
    for occurrence in occurrences:
        day = timezone.localdate(occurrence.original_start)
        n = counts.get(day, 0)
        dates.append(
            EventDate(occurrence, date_state(setup, occurrence, n, now), setup.capacity, n)
        )
    return dates


def event_date(page: Page, day: datetime.date, now: datetime.datetime | None = None):
    """One date of the event, or None when the event has no such date or no registration."""
    setup = setup_for(page)
    if setup is None:
        return None
    original = original_event(page)
    occurrence = occurrence_of(original.pk, day)
    if occurrence is None:
        return None
    n = taken(original.pk, day)
    return EventDate(
        occurrence, date_state(setup, occurrence, n, now or timezone.now()), setup.capacity, n
    )


def same_date(event_id: int, day: datetime.date):
    return Registration.objects.filter(event_id=event_id, date=day)


def waiting_list(event_id: int, day: datetime.date):
    return same_date(event_id, day).waiting_list()


def register(
    page: Page,
    day: datetime.date,
    fields: dict[str, Any],
    language: str,
    now: datetime.datetime | None = None,
) -> Registration:
    """Register someone for one date of the event held by `page` (either translation): a
    place while places remain, the waiting list after. Raises CallNotOpen (a past, cancelled
    or closed date), or DuplicateApplication (this e-mail is registered for the date)."""
    now = now or timezone.now()
    original = original_event(page)
    with transaction.atomic():
        setup = lock_event(original.pk)
        occurrence = occurrence_of(original.pk, day)
        if setup is None or occurrence is None:
            raise CallNotOpen(_("This event takes no registration for this date."))
        state = date_state(setup, occurrence, taken(original.pk, day), now)
        if state not in (DateState.OPEN, DateState.FULL):
            raise CallNotOpen(str(STATE_LABELS[state]))
        registration = Registration(
            event=original, date=day, language=language, consent_at=now, created_at=now, **fields
        )
        if state == DateState.FULL:
            registration.status, registration.waitlisted_at = WAITLISTED, now
        shared.save_new_application(registration, same_date(original.pk, day))
        shared.queue_status_email(registration)
    return registration


def cancel(registration: Registration, user=None) -> Registration:
    """The registrant (or the team) cancels: the place goes to the waiting list."""
    return shared.withdraw(registration, user)


def refuse_when_full(event_id: int, day: datetime.date) -> None:
    """Giving a place by hand (the team) never goes beyond the date's places."""
    setup = lock_event(event_id)
    if setup is not None and taken(event_id, day) >= setup.capacity:
        raise NoPlaceAvailable(_("Every place of this date is taken."))


def promote_waiting(event_id: int, day: datetime.date, user=None) -> Registration | None:
    """Give a freed place of an upcoming date to the first on its waiting list (an e-mail
    tells them); None when nobody waits or the date can no longer take anyone."""
    occurrence = occurrence_of(event_id, day)
    if occurrence is None or occurrence.status == EventStatus.CANCELLED:
        return None
    if occurrence.start <= timezone.now():
        return None
    setup = lock_event(event_id)
    if setup is None or taken(event_id, day) >= setup.capacity:
        return None
    first = waiting_list(event_id, day).first()
    if first is None:
        return None
    return shared.transition(first, REGISTERED, user)


def mark_attendance(registrations, attended: bool | None) -> int:
    """After the event: who came (True), who did not (False), not known (None)."""
    return Registration.objects.filter(
        pk__in=[r.pk for r in registrations], status=REGISTERED
    ).update(attended=attended)


# --- E-mails: context, the .ics attached, reminders, cancelled dates ---------------------


def email_context(registration: Registration) -> dict[str, Any]:
    page = registration.localized_call_page()
    occurrence = occurrence_of(registration.event_id, registration.date)
    setup = setup_for(page)
    join_url = setup.join_url if setup and registration.status == REGISTERED else ""
    return {
        "event": page,
        "occurrence": occurrence,
        "join_url": join_url,
        "waiting_position": registration.waiting_position(),
        "reply_hint": _(
            "Please do not reply to this automatic message; write to us through the event page."
        ),
    }


def ics_for(registration: Registration) -> str:
    """The date's iCalendar file in the registrant's language (the events' own builder)."""
    page = registration.localized_call_page().specific
    occurrence = occurrence_of(registration.event_id, registration.date)
    with translation.override(registration.language):
        entry = EventEntry(page, [occurrence], page.full_url, registration.language)
        return occurrence_calendar(entry, occurrence).to_ical().decode()


def email_attachments(registration: Registration, email) -> list[tuple[str, str, str]]:
    """A registrant with a place gets the date's .ics with their confirmation and reminder."""
    if email.status != REGISTERED or registration.is_anonymised:
        return []
    if occurrence_of(registration.event_id, registration.date) is None:
        return []
    return [(f"stgm-{registration.date:%Y-%m-%d}.ics", ics_for(registration), "text/calendar")]


def queue_template_email(registration: Registration, template: str) -> None:
    subject, body = shared.render_email(registration, template)
    shared.queue_email(registration, subject, body, registration.status)


def send_reminders(now: datetime.datetime | None = None) -> int:
    """The day before a date, remind everyone with a place (once each); returns how many."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    due = Registration.objects.not_anonymised().filter(
        date=tomorrow, status=REGISTERED, reminded_at__isnull=True
    )
    sent = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            registration = Registration.objects.select_for_update().get(pk=pk)
            occurrence = occurrence_of(registration.event_id, registration.date)
            if registration.reminded_at or occurrence is None or occurrence.is_cancelled:
                continue
            queue_template_email(registration, "registrations/email/registration_reminder.txt")
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at"])
            sent += 1
    return sent


def notify_cancelled_dates(now: datetime.datetime | None = None) -> int:
    """Tell everyone registered or waiting for a date since cancelled (once each)."""
    now = now or timezone.now()
    cancelled = Occurrence.objects.filter(status=EventStatus.CANCELLED, end__gte=now)
    keys = {(o.page_id, timezone.localdate(o.original_start)) for o in cancelled}
    if not keys:
        return 0
    match = Q()
    for event_id, day in keys:
        match |= Q(event_id=event_id, date=day)
    due = Registration.objects.not_anonymised().filter(
        match,
        status__in=(REGISTERED, WAITLISTED),
        date_cancelled_notified_at__isnull=True,
    )
    told = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            registration = Registration.objects.select_for_update().get(pk=pk)
            if registration.date_cancelled_notified_at:
                continue
            queue_template_email(
                registration, "registrations/email/registration_date_cancelled.txt"
            )
            registration.date_cancelled_notified_at = now
            registration.save(update_fields=["date_cancelled_notified_at"])
            shared.record(
                registration, LogAction.MESSAGE, text=str(_("Told that the date is cancelled."))
            )
            told += 1
    return told


def counts_by_date(queryset) -> list[dict]:
    """Registered, waiting and cancelled per event and date (the dashboard's table)."""
    return list(
        queryset.values("event__title", "event_id", "date")
        .annotate(
            registered=Count("pk", filter=Q(status=REGISTERED)),
            waiting=Count("pk", filter=Q(status=WAITLISTED)),
            cancelled=Count("pk", filter=Q(status=CANCELLED)),
        )
        .order_by("date", "event__title")
    )
