"""The rules of the open call for narrators, on the shared application machinery
(`applications.services`): submission, review scores, status changes, retention."""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Avg
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications import services as shared
from applications.models import SelectionStatus

from .models import NarratorApplication, NarratorReview, OpenCallPage

SS = SelectionStatus


def lock_call(call_id: int) -> OpenCallPage:
    """Lock the call's row: submissions to one call are stored one at a time."""
    return OpenCallPage.objects.select_for_update(of=("self",)).get(pk=call_id)


def submit_narrator_application(
    call: OpenCallPage,
    fields: dict[str, Any],
    language: str,
    now: datetime.datetime | None = None,
    *,
    notify: bool = True,
) -> NarratorApplication:
    """Store a new application to the call and queue its e-mail.

    Raises CallNotOpen, or DuplicateApplication for the same e-mail address and call."""
    now = now or timezone.now()
    with transaction.atomic():
        call = lock_call(call.call_page().pk)
        if not call.accepts_applications(now):
            raise shared.CallNotOpen(
                _("Applications to this call are not open yet.")
                if now < call.applications_open
                else _("Applications to this call are closed.")
            )
        application = NarratorApplication(
            call=call, language=language, consent_at=now, created_at=now, **fields
        )
        shared.save_new_application(
            application, NarratorApplication.objects.filter(call_id=call.pk)
        )
        if notify:
            shared.queue_status_email(application)
    return application


def change_status(
    application: NarratorApplication, status: str, user=None, **kwargs: Any
) -> NarratorApplication:
    return shared.transition(application, status, user, **kwargs)


def shortlist(application: NarratorApplication, user=None, **kwargs: Any) -> NarratorApplication:
    return change_status(application, SS.SHORTLISTED, user, **kwargs)


def select(application: NarratorApplication, user=None, **kwargs: Any) -> NarratorApplication:
    return change_status(application, SS.SELECTED, user, **kwargs)


def decline(application: NarratorApplication, user=None, **kwargs: Any) -> NarratorApplication:
    return change_status(application, SS.DECLINED, user, **kwargs)


def review(
    application: NarratorApplication, reviewer, score: int, note: str = ""
) -> NarratorReview:
    """The reviewer's score (1-5) and note; a second review by the same person replaces the
    first."""
    if not 1 <= int(score) <= 5:
        raise shared.ApplicationError(_("A score is a whole number from 1 to 5."))
    if application.is_anonymised:
        raise shared.ApplicationError(_("This application's personal data was erased."))
    with transaction.atomic():
        result, _created = NarratorReview.objects.update_or_create(
            application=application,
            reviewer=reviewer,
            defaults={"score": int(score), "note": note.strip()},
        )
    return result


def average_score(application: NarratorApplication) -> Decimal | None:
    value = application.reviews.aggregate(average=Avg("score"))["average"]
    return None if value is None else Decimal(str(round(value, 1)))


def anonymise_after_calls(after: datetime.timedelta, now: datetime.datetime | None = None) -> int:
    """Anonymise the applications of calls that closed more than `after` ago (the reviews'
    notes go too; the scores stay). Registered as a retention policy."""
    cutoff = (now or timezone.now()) - after
    pending = NarratorApplication.objects.not_anonymised().filter(
        call__applications_close__lt=cutoff
    )
    count = 0
    for application in pending:
        shared.anonymise(application)
        count += 1
    return count
