"""KVKK: everything held about one applicant (export), erasure (anonymisation) and the
retention period, for every kind of application."""

import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ..kinds import kinds
from ..models import ANONYMISED, BaseApplication, LogAction
from .history import emails_of, history_of, record


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
                "reason": entry.reason,
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

    What the application holds (a stand) is released first, as a withdrawal would, and
    offered on (the kind's `release_for_erasure` and `after_status_change`)."""
    model = type(application)
    with transaction.atomic():
        call_page = application.lock_call()
        application = model.objects.select_for_update().get(pk=application.pk)
        if call_page is not None:  # the locked row, with what the kind prefetched
            setattr(application, application.call_page_field, call_page)
        if application.is_anonymised:
            return application
        released = application.release_for_erasure()
        for name, value in application.anonymised_values().items():
            setattr(application, name, value)
        application.anonymised_at = timezone.now()
        application.save()
        history_of(application).update(text="", reason="")
        application.anonymise_related()
        emails_of(application).update(to_address="", subject="—", body="")
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(application),
            object_id=str(application.pk),
        ).update(label=ANONYMISED, data={})
        record(application, LogAction.ANONYMISED, user)
        if released:
            application.after_status_change(released, user)
    return application


def anonymise_expired(after: datetime.timedelta, now: datetime.datetime | None = None) -> int:
    """Retention for every registered kind: anonymise the applications whose call ended
    more than `after` ago (each kind's model says which, `expired(cutoff)`)."""
    cutoff = (now or timezone.now()) - after
    count = 0
    for kind in kinds():
        for application in kind.model.expired(cutoff):
            anonymise(application)
            count += 1
    return count
