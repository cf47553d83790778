"""The stand kind's own rules: submitting to a festival's call, the waiting list and the
freed stand. Status changes, e-mail, history and privacy are the shared services
(applications.services); the allocation itself is the model's hooks."""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import AllocationMode
from events.models import FestivalPage

from .. import services
from ..models import ApplicationStatus, LogAction, StandApplication
from ..services.errors import ApplicationError, NoPlaceAvailable
from .calls import FestivalCall, free_number, stand_number_ranges

S = ApplicationStatus


NoStandAvailable = NoPlaceAvailable


class InvalidStandNumber(ApplicationError):
    """A stand number the rules refuse (not approved, out of range, already given)."""

    field = "stand_number"


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


def stand_number_refusal(application: StandApplication, number: int) -> str:
    """Why `number` cannot be this application's stand ("" when it can): only an approved
    application has one, within the festival's stands (its type's range when the festival
    has stand types), and no other application of the festival holds it. `application`
    carries its (locked) festival."""
    festival = application.festival
    if application.status != S.APPROVED:
        return str(_("Only an approved application has a stand number."))
    stands = festival.stands or 0
    if not 1 <= number <= stands:
        return str(
            _("Stand numbers at this festival go from 1 to %(stands)s.") % {"stands": stands}
        )
    ranges = stand_number_ranges(festival)
    numbers = ranges.get(application.stand_type_id if None not in ranges else None)
    if numbers is not None and number not in numbers and application.stand_type is not None:
        return str(
            _("Stands of the type “%(type)s” are numbered %(first)s to %(last)s.")
            % {"type": application.stand_type.name, "first": numbers[0], "last": numbers[-1]}
        )
    holder = (
        StandApplication.objects.filter(festival_id=festival.pk, stand_number=number)
        .exclude(pk=application.pk)
        .first()
    )
    if holder is not None:
        return str(
            _("Stand %(number)s is already given to “%(organisation)s”.")
            % {"number": number, "organisation": holder.organisation}
        )
    return ""


def set_stand_number(
    application: StandApplication, number: int, user=None, *, notify: bool = True
) -> StandApplication:
    """Give an approved application the stand `number` chosen by hand (the rules of
    `stand_number_refusal`, else InvalidStandNumber), logged in its history; the applicant
    gets the approval e-mail again, with the new number."""
    with transaction.atomic():
        festival = lock_festival(application.festival_id)
        application = StandApplication.objects.select_for_update().get(pk=application.pk)
        application.festival = festival
        refusal = stand_number_refusal(application, number)
        if refusal:
            raise InvalidStandNumber(refusal)
        if application.stand_number == number:
            return application
        application.stand_number = number
        application.save(update_fields=["stand_number", "updated_at"])
        services.record(application, LogAction.STAND_NUMBER, user, stand_number=number)
        if notify:
            services.queue_status_email(application)
    return application
