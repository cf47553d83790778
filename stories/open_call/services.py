"""The narrator kind's own rules: review scores. Submission, status changes, e-mail,
privacy and retention are the shared services (`applications.services`); the names below
are the ones this kind's callers know."""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Avg
from django.utils.translation import gettext_lazy as _

from applications import services as shared
from applications.statuses import SelectionStatus

from .models import NarratorApplication, NarratorReview, OpenCallPage

SS = SelectionStatus


def submit_narrator_application(
    call: OpenCallPage,
    fields: dict[str, Any],
    language: str,
    now: datetime.datetime | None = None,
    *,
    notify: bool = True,
) -> NarratorApplication:
    """Store a new application to the call and queue its e-mail. Raises CallNotOpen, or
    DuplicateApplication for the same e-mail address and call."""
    return shared.submit(NarratorApplication, call, fields, language, now, notify=notify)


change_status = shared.transition


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
