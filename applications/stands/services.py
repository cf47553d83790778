"""The stand kind's own rules: submitting to a festival's call, the waiting list and the
freed stand. Status changes, e-mail, history and privacy are the shared services
(applications.services); the allocation itself is the model's hooks."""

import datetime
from typing import Any

from django.utils import timezone

from events.choices import AllocationMode
from events.models import FestivalPage

from .. import services
from ..models import ApplicationStatus, LogAction, StandApplication
from ..services.errors import NoPlaceAvailable
from .calls import FestivalCall, free_number

S = ApplicationStatus


NoStandAvailable = NoPlaceAvailable


def lock_festival(festival_id: int) -> FestivalPage:
    return FestivalCall.lock(festival_id)


def submit_stand_application(
    festival: FestivalPage,
    fields: dict[str, Any],
    language: str,
    now: datetime.datetime | None = None,
    *,
    notify: bool = True,
) -> StandApplication:
    """Store a new application for the festival's call (see `StandApplication.allocate`)
    and queue its e-mail. Raises CallNotOpen, or DuplicateApplication for the same
    organisation and e-mail."""
    return services.submit(StandApplication, festival, fields, language, now, notify=notify)


def offer_freed_stand(
    festival_id: int, stand_type_id: int | None, user=None, *, promote: bool = True
) -> None:
    """A stand was freed: give it to the first on the waiting list (first-come mode), or
    mark that application as proposed for the team (reviewed mode, or `promote=False`: an
    erasure changes no one else's status). Inside the caller's transaction and lock."""
    festival = lock_festival(festival_id)
    waiting = StandApplication.objects.filter(festival_id=festival_id).waiting_list()
    if festival.stand_types.exists():
        waiting = waiting.filter(stand_type_id=stand_type_id)
    first = waiting.first()
    if first is None:
        return
    if promote and festival.allocation_mode == AllocationMode.FIRST_COME:
        if free_number(festival, first.stand_type_id) is not None:
            services.transition(first, S.APPROVED, user)
        return
    if first.proposed_at is None:
        first.proposed_at = timezone.now()
        first.save(update_fields=["proposed_at", "updated_at"])
        services.record(first, LogAction.PROPOSED, user)


change_status = services.transition


def approve(application: StandApplication, user=None, **kwargs) -> StandApplication:
    return services.transition(application, S.APPROVED, user, **kwargs)


def waitlist(application: StandApplication, user=None, **kwargs) -> StandApplication:
    return services.transition(application, S.WAITLISTED, user, **kwargs)


def reject(application: StandApplication, user=None, **kwargs) -> StandApplication:
    return services.transition(application, S.REJECTED, user, **kwargs)
