"""KVKK: everything held about one applicant (export), erasure (anonymisation) and the
retention period, for every kind of application."""

import datetime
import logging
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ..kinds import kinds
from ..models import ANONYMISED, BaseApplication, LogAction
from .history import emails_of, history_of, record

logger = logging.getLogger(__name__)


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

    What the application holds (a stand) is released first, as a withdrawal would; no one
    else changes status or gets an e-mail because of it (the kind's `after_erasure` may
    only mark the freed place for the team). Erasing an erased application does nothing."""
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
        application.after_erasure(released, user)
    return application


@dataclass
class RetentionReport:
    """What a retention run did, by kind (the model's label): how many applications it
    anonymised, and which rows (by primary key) failed and why (the error's class only:
    a database error's message may repeat personal data)."""

    anonymised: dict[str, int] = field(default_factory=dict)
    failed: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.anonymised.values())

    @property
    def failures(self) -> int:
        return sum(len(rows) for rows in self.failed.values())


def anonymise_expired(
    after: datetime.timedelta, now: datetime.datetime | None = None
) -> RetentionReport:
    """Retention for every registered kind: anonymise the applications whose call ended
    more than `after` ago (each kind's model says which, `expired(cutoff)`), oldest first.
    Each application is erased in its own transaction: one that fails is rolled back,
    reported and logged, and the others are still done. A second run finds nothing due."""
    cutoff = (now or timezone.now()) - after
    report = RetentionReport()
    for kind in kinds():
        label = kind.model._meta.label
        report.anonymised[label] = 0
        due = kind.model.expired(cutoff).order_by("created_at", "pk")
        for pk in list(due.values_list("pk", flat=True)):
            try:
                anonymise(kind.model.objects.get(pk=pk))
            except Exception as error:  # one row must not stop the others
                logger.error(
                    "Retention could not anonymise %s %s: %s", label, pk, type(error).__name__
                )
                report.failed.setdefault(label, []).append((pk, type(error).__name__))
            else:
                report.anonymised[label] += 1
    return report
