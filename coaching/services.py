"""The team's workflow on a request, one named step each: submit, assign, start the
design, schedule, complete, decline (with a reason). Status changes, e-mails (in the
requester's language), history, privacy and retention are the shared services
(`applications.services`); these only add what a request keeps besides."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from applications import services as shared
from applications.models import LogAction
from applications.statuses import RequestStatus

from .models import REQUEST_MODELS, BaseRequest, CoachingRequestPage

RS = RequestStatus


def submit_request(
    page: CoachingRequestPage,
    fields: dict[str, Any],
    language: str,
    now: datetime.datetime | None = None,
    *,
    notify: bool = True,
) -> BaseRequest:
    """Store a new request to the page's programme and queue its e-mail."""
    model = REQUEST_MODELS[page.programme]
    return shared.submit(model, page, fields, language, now, notify=notify)


def _refuse_erased(request: BaseRequest) -> None:
    if request.is_anonymised:
        raise shared.ApplicationError(_("This request's personal data was erased."))


def assign(request: BaseRequest, member=None, expert_name: str = "", user=None) -> BaseRequest:
    """Name who works on the request: a team member (a user) and/or an outside expert. The
    change is a note in the history (the requester is not told: the next step's e-mail
    names them)."""
    _refuse_erased(request)
    expert_name = " ".join(expert_name.split())
    member_id = getattr(member, "pk", None)
    if member_id == request.assigned_to_id and expert_name == request.expert_name:
        return request
    request.assigned_to = member
    request.expert_name = expert_name
    type(request).objects.filter(pk=request.pk).update(
        assigned_to=member, expert_name=expert_name, updated_at=timezone.now()
    )
    who = request.assignee or gettext("nobody")
    shared.add_note(request, gettext("Assigned to: %(who)s") % {"who": who}, user)
    return request


def start_design(request: BaseRequest, user=None, **kwargs: Any) -> BaseRequest:
    """The team takes the request on and designs the work with the organisation."""
    return shared.transition(request, RS.IN_DESIGN, user, **kwargs)


def schedule(
    request: BaseRequest, when: datetime.date | None = None, user=None, **kwargs: Any
) -> BaseRequest:
    """The work has a date (`when`, if known), told to the requester."""
    with transaction.atomic():
        if when is not None:
            set_date(request, when)
        return shared.transition(request, RS.SCHEDULED, user, **kwargs)


def set_date(request: BaseRequest, when: datetime.date | None) -> BaseRequest:
    """The date the work is planned for (shown to the requester once scheduled)."""
    _refuse_erased(request)
    request.scheduled_for = when
    type(request).objects.filter(pk=request.pk).update(
        scheduled_for=when, updated_at=timezone.now()
    )
    return request


def complete(request: BaseRequest, user=None, **kwargs: Any) -> BaseRequest:
    return shared.transition(request, RS.COMPLETED, user, **kwargs)


def decline(request: BaseRequest, reason: str, user=None, **kwargs: Any) -> BaseRequest:
    """Decline the request; the reason is required and shown to the requester."""
    if not reason.strip():
        error = shared.ApplicationError(_("Give the requester a reason for declining."))
        error.field = "reason"
        raise error
    return shared.transition(request, RS.DECLINED, user, reason=reason, **kwargs)


def shared_history(request: BaseRequest) -> list:
    """What the requester was told, oldest first: the receipt and each change of status
    with the team's word on it (never the team's notes)."""
    return list(
        shared.history_of(request)
        .filter(action__in=(LogAction.SUBMITTED, LogAction.STATUS))
        .order_by("created_at", "pk")
    )


@dataclass
class Counts:
    label: str
    received: int
    in_design: int
    scheduled: int
    list_url: str = ""


def open_counts(model: type[BaseRequest]) -> Counts:
    """The open requests of one kind per step (one query)."""
    counts = shared.status_counts(model.objects.not_anonymised())
    return Counts(
        str(model._meta.verbose_name_plural),
        counts[RS.RECEIVED],
        counts[RS.IN_DESIGN],
        counts[RS.SCHEDULED],
    )
