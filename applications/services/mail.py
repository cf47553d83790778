"""E-mail to applicants: rendered in the applicant's language, logged, delivered by a
background task after the transaction commits, retried when it fails."""

import datetime
import logging
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ..models import ApplicationEmail, BaseApplication, EmailState

logger = logging.getLogger(__name__)

EMAIL_MAX_ATTEMPTS = 5


def render_email(
    application: BaseApplication, template: str, extra: dict[str, Any] | None = None
) -> tuple[str, str]:
    """Subject and body of an e-mail to the applicant, rendered in their language: the
    template's first line is the subject."""
    with translation.override(application.language):
        context = {"application": application, "status_url": application.status_url()}
        context.update(extra or {})
        context.update(application.email_context())
        body = render_to_string(template, context).strip() + "\n"
        subject = " ".join(body.splitlines()[0].split())
        body = "\n".join(body.splitlines()[2:]) + "\n"
    return subject, body


def render_status_email(application: BaseApplication) -> tuple[str, str]:
    """Subject and body of the e-mail for the application's current status."""
    return render_email(
        application, application.email_template(), {"reason": application.status_reason()}
    )


def queue_email(
    application: BaseApplication, subject: str, body: str, status: str = ""
) -> ApplicationEmail:
    """Log an e-mail to the applicant and deliver it after the transaction commits."""
    email = ApplicationEmail.objects.create(
        content_type=ContentType.objects.get_for_model(application),
        object_id=application.pk,
        status=status,
        language=application.language,
        to_address=application.email_recipient(),
        subject=subject,
        body=body,
    )
    transaction.on_commit(lambda: enqueue_delivery(email.pk))
    return email


def queue_status_email(application: BaseApplication) -> ApplicationEmail | None:
    """Log the e-mail for the current status and deliver it after the transaction commits."""
    if not application.email_recipient():
        return None
    subject, body = render_status_email(application)
    return queue_email(application, subject, body, application.status)


def enqueue_delivery(email_id: int, run_after: datetime.datetime | None = None) -> None:
    from ..tasks import deliver_application_email

    task = deliver_application_email
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # left failed; `manage.py send_application_emails` retries it
        task = task.using(run_after=run_after)
    try:
        task.enqueue(email_id)
    except Exception:  # the queue is down: the row stays queued for the retry command
        logger.exception("Could not enqueue application e-mail %s", email_id)


def attachments_of(email: ApplicationEmail) -> list[tuple[str, str, str]]:
    """The files its application's kind sends with the e-mail (e.g. a date's .ics)."""
    application = email.application
    return application.email_attachments(email) if application is not None else []


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
                attachments=attachments_of(email),
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
