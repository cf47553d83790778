"""The rules that change applications. Views, admin actions, commands and tests call these.

Every write that must hold under concurrency runs in `transaction.atomic()` with the
festival's row locked (`select_for_update`), so stands are counted and numbered one request
at a time per festival; a unique constraint on (festival, stand number) backs it up. E-mail
is queued with `transaction.on_commit`: no e-mail for a change that did not happen, and no
change lost because mail failed.
"""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from events.choices import AllocationMode
from events.models import FestivalPage, StandCall

from .models import (
    ANONYMISED,
    ApplicationEmail,
    ApplicationLogEntry,
    ApplicationStatus,
    BaseApplication,
    EmailState,
    LogAction,
    StandApplication,
)

S = ApplicationStatus
logger = logging.getLogger(__name__)

EMAIL_MAX_ATTEMPTS = 5


class ApplicationError(Exception):
    """A change refused for a reason the applicant or the team should read."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


class InvalidTransition(ApplicationError):
    pass


class NoStandAvailable(ApplicationError):
    pass


class CallNotOpen(ApplicationError):
    pass


class DuplicateApplication(ApplicationError):
    def __init__(self, application: BaseApplication) -> None:
        super().__init__(application.duplicate_message())
        self.application = application


# --- History, notes ------------------------------------------------------------------------


def record(application: BaseApplication, action: str, user=None, **fields) -> ApplicationLogEntry:
    return ApplicationLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(application),
        object_id=application.pk,
        action=action,
        user=user if getattr(user, "is_authenticated", False) else None,
        **fields,
    )


def add_note(application: BaseApplication, text: str, user=None) -> ApplicationLogEntry:
    return record(application, LogAction.NOTE, user, text=text.strip())


def history_of(application: BaseApplication):
    return ApplicationLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(application), object_id=application.pk
    ).select_related("user")


def emails_of(application: BaseApplication):
    return ApplicationEmail.objects.filter(
        content_type=ContentType.objects.get_for_model(application), object_id=application.pk
    )


# --- E-mail: rendered in the applicant's language, delivered by a background task ---------


def render_status_email(application: BaseApplication) -> tuple[str, str]:
    """Subject and body of the e-mail for the application's current status."""
    template = application.email_template()
    with translation.override(application.language):
        context = {"application": application, "status_url": application.status_url()}
        context.update(application.email_context())
        body = render_to_string(template, context).strip() + "\n"
        subject = " ".join(body.splitlines()[0].split())
        body = "\n".join(body.splitlines()[2:]) + "\n"
    return subject, body


def queue_status_email(application: BaseApplication) -> ApplicationEmail | None:
    """Log the e-mail for the current status and deliver it after the transaction commits."""
    if not application.email_recipient():
        return None
    subject, body = render_status_email(application)
    email = ApplicationEmail.objects.create(
        content_type=ContentType.objects.get_for_model(application),
        object_id=application.pk,
        status=application.status,
        language=application.language,
        to_address=application.email_recipient(),
        subject=subject,
        body=body,
    )
    transaction.on_commit(lambda: enqueue_delivery(email.pk))
    return email


def enqueue_delivery(email_id: int, run_after: datetime.datetime | None = None) -> None:
    from .tasks import deliver_application_email

    task = deliver_application_email
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # left failed; `manage.py send_application_emails` retries it
        task = task.using(run_after=run_after)
    try:
        task.enqueue(email_id)
    except Exception:  # the queue is down: the row stays queued for the retry command
        logger.exception("Could not enqueue application e-mail %s", email_id)


def deliver_email(email_id: int) -> str:
    """Send one logged e-mail; on failure count the attempt and schedule a retry."""
    with transaction.atomic():
        email = ApplicationEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.state in (EmailState.SENT, EmailState.GAVE_UP):
            return email.state if email else "missing"
        if not email.to_address:
            email.state = EmailState.GAVE_UP
            email.save(update_fields=["state"])
            return email.state
        email.attempts += 1
        try:
            EmailMessage(
                email.subject,
                email.body,
                settings.DEFAULT_FROM_EMAIL,
                [email.to_address],
                headers={"Auto-Submitted": "auto-generated"},
            ).send()
        except Exception as error:  # noqa: BLE001 - any mail failure is retried
            email.last_error = type(error).__name__
            email.state = (
                EmailState.GAVE_UP if email.attempts >= EMAIL_MAX_ATTEMPTS else EmailState.FAILED
            )
            email.save(update_fields=["attempts", "last_error", "state"])
            logger.warning("Application e-mail %s failed (attempt %s)", email.pk, email.attempts)
            if email.state == EmailState.FAILED:
                delay = datetime.timedelta(minutes=5 * 2 ** (email.attempts - 1))
                transaction.on_commit(lambda: enqueue_delivery(email_id, timezone.now() + delay))
            return email.state
        email.state = EmailState.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "last_error", "state", "sent_at"])
        return email.state


def retry_emails(include_queued_before: datetime.datetime | None = None) -> int:
    """Deliver failed e-mails again (and queued ones older than a moment, whose task was
    lost); returns how many were tried. Run by `manage.py send_application_emails`."""
    cutoff = include_queued_before or timezone.now() - datetime.timedelta(minutes=10)
    ids = list(
        ApplicationEmail.objects.filter(state=EmailState.FAILED).values_list("pk", flat=True)
    ) + list(
        ApplicationEmail.objects.filter(state=EmailState.QUEUED, created_at__lt=cutoff).values_list(
            "pk", flat=True
        )
    )
    for email_id in ids:
        deliver_email(email_id)
    return len(ids)


# --- KVKK: export and erase --------------------------------------------------------------


def export_application(application: BaseApplication, user=None) -> dict[str, Any]:
    """Everything held about one applicant, for a KVKK access request."""
    data = {
        "application": application.export_data(),
        "history": [
            {
                "when": entry.created_at.isoformat(),
                "action": entry.action,
                "from": entry.from_status,
                "to": entry.to_status,
                "stand_number": entry.stand_number,
                "text": entry.text,
            }
            for entry in history_of(application).order_by("created_at", "pk")
        ],
        "emails": [
            {
                "queued": email.created_at.isoformat(),
                "sent": email.sent_at.isoformat() if email.sent_at else None,
                "to": email.to_address,
                "subject": email.subject,
                "body": email.body,
                "delivery": email.state,
            }
            for email in emails_of(application).order_by("created_at", "pk")
        ],
    }
    record(application, LogAction.EXPORTED, user)
    return data


def anonymise(application: BaseApplication, user=None) -> BaseApplication:
    """Erase the applicant's personal data, keeping the anonymous facts for statistics.

    A stand held by the application is freed first (as a withdrawal would)."""
    model = type(application)
    with transaction.atomic():
        if isinstance(application, StandApplication):
            lock_festival(application.festival_id)
        application = model.objects.select_for_update().get(pk=application.pk)
        if application.is_anonymised:
            return application
        freed = None
        if isinstance(application, StandApplication) and application.stand_number:
            freed = (application.stand_number, application.stand_type_id)
            application.stand_number = None
            application.status = S.WITHDRAWN
        for name, value in application.anonymised_values().items():
            setattr(application, name, value)
        application.anonymised_at = timezone.now()
        application.save()
        history_of(application).update(text="")
        application.anonymise_related()
        emails_of(application).update(to_address="", subject="—", body="")
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(application),
            object_id=str(application.pk),
        ).update(label=ANONYMISED, data={})
        record(application, LogAction.ANONYMISED, user)
        if freed:
            offer_freed_stand(application.festival_id, freed[1], user)
    return application


RETENTION_HOOK = "applications_retention"


def anonymise_expired(after: datetime.timedelta, now: datetime.datetime | None = None) -> int:
    """Retention for every kind of application: stands here, and each function registered
    with the Wagtail hook `applications_retention` (`fn(after, now) -> count`) by the apps
    that hold other kinds, so this app never imports them."""
    from wagtail import hooks

    now = now or timezone.now()
    count = anonymise_after_festivals(after, now)
    for policy in hooks.get_hooks(RETENTION_HOOK):
        count += policy(after, now)
    return count


def anonymise_after_festivals(
    after: datetime.timedelta, now: datetime.datetime | None = None
) -> int:
    """Anonymise the stand applications of festivals that ended more than `after` ago."""
    cutoff = (now or timezone.now()) - after
    ended = FestivalPage.objects.filter(end__lt=cutoff).values_list("pk", flat=True)
    pending = StandApplication.objects.not_anonymised().filter(festival_id__in=list(ended))
    count = 0
    for application in pending:
        anonymise(application)
        count += 1
    return count


# --- Any kind: a new application, a change of status --------------------------------------


def save_new_application(application: BaseApplication, same_call) -> BaseApplication:
    """Inside the caller's transaction: refuse a duplicate within `same_call` (a query set of
    the applications to the same call), save, and record the submission. A unique
    constraint on (call, dedupe_key) catches the race between two identical requests."""
    application.dedupe_key = application.compute_dedupe_key()
    existing = same_call.filter(dedupe_key=application.dedupe_key).first()
    if existing is not None:
        raise DuplicateApplication(existing)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as error:
        existing = same_call.filter(dedupe_key=application.dedupe_key).first()
        if existing is not None:
            raise DuplicateApplication(existing) from error
        raise
    record(application, LogAction.SUBMITTED, to_status=application.status)
    return application


def transition(
    application: BaseApplication,
    status: str,
    user=None,
    *,
    note: str = "",
    notify: bool = True,
    now: datetime.datetime | None = None,
) -> BaseApplication:
    """Move an application without places to count (stands go through `change_status`):
    the row locked, the transition checked, the change recorded and e-mailed."""
    if isinstance(application, StandApplication):
        return change_status(application, status, user, note=note, notify=notify, now=now)
    now = now or timezone.now()
    model = type(application)
    with transaction.atomic():
        application = model.objects.select_for_update().get(pk=application.pk)
        if application.is_anonymised or not application.can_become(status):
            raise InvalidTransition(
                _("An application that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": application.get_status_display(),
                    "new": model.status_label(status),
                }
            )
        previous = application.status
        if status in application.decision_statuses:
            application.decided_at = now
        if status == S.WITHDRAWN:
            application.dedupe_key = f"withdrawn:{application.pk}"  # may apply again
        application.status = status
        application.save()
        record(
            application, LogAction.STATUS, user, from_status=previous, to_status=status, text=note
        )
        if notify:
            queue_status_email(application)
    return application


# --- Stand applications ------------------------------------------------------------------


def lock_festival(festival_id: int) -> FestivalPage:
    """Lock the call's festival row: every allocation for a festival waits its turn here.
    Its stand types come along: the call and the stand numbers both read them."""
    return (
        FestivalPage.objects.select_for_update(of=("self",))
        .prefetch_related("stand_types")
        .get(pk=festival_id)
    )


def _free_number(
    festival: FestivalPage, stand_type_id: int | None, call: StandCall | None = None
) -> int | None:
    """The lowest free stand number for this stand type, or None when it is full; `call` is
    the festival's call if the caller has just read it under the lock."""
    call = call or festival.stand_call()
    if call.taken >= call.stands:
        return None
    ranges = festival.stand_number_ranges()
    if None not in ranges:
        if stand_type_id not in ranges:
            return None
        for availability in call.types:
            if availability.stand_type.pk == stand_type_id and availability.remaining <= 0:
                return None
    numbers = ranges.get(stand_type_id if None not in ranges else None, range(0))
    taken = set(
        StandApplication.objects.filter(
            festival_id=festival.pk, stand_number__isnull=False
        ).values_list("stand_number", flat=True)
    )
    return next((n for n in numbers if n not in taken), None)


def submit_stand_application(
    festival: FestivalPage,
    fields: dict[str, Any],
    language: str,
    now: datetime.datetime | None = None,
    *,
    notify: bool = True,
) -> StandApplication:
    """Store a new application for the festival's call and queue its e-mail.

    First come, first served: approved with a stand number while stands remain, waitlisted
    after. Reviewed: submitted for the team, or waitlisted once every stand is taken.
    Raises CallNotOpen, or DuplicateApplication for the same organisation and e-mail."""
    now = now or timezone.now()
    fields = dict(fields)
    themes = fields.pop("themes", [])
    call_page = festival.call_festival()
    with transaction.atomic():
        festival = lock_festival(call_page.pk)
        call = festival.stand_call(now)
        if not call.accepts_applications:
            raise CallNotOpen(
                _("Applications for this festival are not open.")
                if call.opens is None or now < call.opens
                else _("Applications for this festival are closed.")
            )
        application = StandApplication(
            festival=festival, language=language, consent_at=now, created_at=now, **fields
        )
        application.set_themes(list(themes))
        same_call = StandApplication.objects.filter(festival=festival)
        number = _free_number(festival, application.stand_type_id, call)
        if festival.allocation_mode == AllocationMode.FIRST_COME and number is not None:
            application.status, application.stand_number, application.decided_at = (
                S.APPROVED,
                number,
                now,
            )
        elif number is None:
            application.status, application.waitlisted_at = S.WAITLISTED, now
        save_new_application(application, same_call)
        if application.status != S.SUBMITTED:
            record(
                application,
                LogAction.STATUS,
                from_status=S.SUBMITTED,
                to_status=application.status,
                stand_number=application.stand_number,
            )
        if notify:
            queue_status_email(application)
    return application


def change_status(
    application: StandApplication,
    status: str,
    user=None,
    *,
    note: str = "",
    notify: bool = True,
    now: datetime.datetime | None = None,
) -> StandApplication:
    """Move an application to `status`, giving or freeing a stand; refuse what makes no sense.

    Approving takes the lowest free stand number of the application's type; freeing an
    approved stand offers it to the first on the waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        festival = lock_festival(application.festival_id)
        application = StandApplication.objects.select_for_update().get(pk=application.pk)
        if application.is_anonymised or not application.can_become(status):
            raise InvalidTransition(
                _("An application that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": application.get_status_display(),
                    "new": S(status).label,
                }
            )
        previous, freed = application.status, None
        if status == S.APPROVED:
            number = _free_number(festival, application.stand_type_id)
            if number is None:
                raise NoStandAvailable(
                    _("No stand is left for this application: every stand of its type is taken.")
                )
            application.stand_number = number
            application.proposed_at = None
        elif application.stand_number is not None:
            freed = (application.stand_number, application.stand_type_id)
            application.stand_number = None
        if status == S.WAITLISTED:
            application.waitlisted_at = now
        if status in (S.APPROVED, S.REJECTED):
            application.decided_at = now
        if status != S.WAITLISTED:
            application.proposed_at = None
        if status == S.WITHDRAWN:
            application.dedupe_key = f"withdrawn:{application.pk}"  # may apply again
        application.status = status
        application.save()
        record(
            application,
            LogAction.STATUS,
            user,
            from_status=previous,
            to_status=status,
            stand_number=application.stand_number,
            text=note,
        )
        if notify:
            queue_status_email(application)
        if freed:
            offer_freed_stand(festival.pk, freed[1], user)
    return application


def offer_freed_stand(festival_id: int, stand_type_id: int | None, user=None) -> None:
    """A stand was freed: give it to the first on the waiting list (first-come mode), or
    mark that application as proposed for the team (reviewed mode). Inside the caller's
    transaction and lock."""
    festival = lock_festival(festival_id)
    waiting = StandApplication.objects.filter(festival_id=festival_id).waiting_list()
    if festival.stand_types.exists():
        waiting = waiting.filter(stand_type_id=stand_type_id)
    first = waiting.first()
    if first is None:
        return
    if festival.allocation_mode == AllocationMode.FIRST_COME:
        if _free_number(festival, first.stand_type_id) is not None:
            change_status(first, S.APPROVED, user)
        return
    if first.proposed_at is None:
        first.proposed_at = timezone.now()
        first.save(update_fields=["proposed_at", "updated_at"])
        record(first, LogAction.PROPOSED, user)


def approve(application: StandApplication, user=None, **kwargs) -> StandApplication:
    return change_status(application, S.APPROVED, user, **kwargs)


def waitlist(application: StandApplication, user=None, **kwargs) -> StandApplication:
    return change_status(application, S.WAITLISTED, user, **kwargs)


def reject(application: StandApplication, user=None, **kwargs) -> StandApplication:
    return change_status(application, S.REJECTED, user, **kwargs)


def withdraw(application: BaseApplication, user=None, **kwargs) -> BaseApplication:
    return transition(application, S.WITHDRAWN, user, **kwargs)


@dataclass
class BulkResult:
    changed: list[StandApplication]
    refused: list[tuple[StandApplication, str]]


def bulk_change_status(
    applications: Iterable[StandApplication], status: str, user=None
) -> BulkResult:
    """Apply one decision to many applications, oldest first; each that the rules refuse
    (capacity, transition) is reported, the others are done."""
    result = BulkResult([], [])
    for application in sorted(applications, key=lambda a: (a.created_at, a.pk)):
        try:
            result.changed.append(transition(application, status, user))
        except ApplicationError as error:
            result.refused.append((application, gettext(str(error.message))))
    return result


def status_counts(queryset) -> dict[str, int]:
    from django.db.models import Count

    counts = {code: 0 for code, _label in queryset.model._meta.get_field("status").choices}
    for row in queryset.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts
