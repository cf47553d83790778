"""A change of status of any kind of application: the call and the row locked, the
transition checked, the kind's own consequences (a stand given or freed), the change
recorded and e-mailed after the commit."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import BaseApplication, LogAction
from ..statuses import WITHDRAWN
from .errors import ApplicationError, InvalidTransition
from .history import record
from .mail import queue_status_email


def transition(
    application: BaseApplication,
    status: str,
    user=None,
    *,
    note: str = "",
    reason: str = "",
    notify: bool = True,
    now: datetime.datetime | None = None,
) -> BaseApplication:
    """Move an application to `status`; refuse what its kind's transitions do not allow.
    `note` is for the team; `reason` is told to the applicant (in the e-mail of the change
    and on their private page)."""
    now = now or timezone.now()
    model = type(application)
    with transaction.atomic():
        call_page = application.lock_call()
        application = model.objects.select_for_update().get(pk=application.pk)
        if call_page is not None:  # the locked row, with what the kind prefetched
            setattr(application, application.call_page_field, call_page)
        if application.is_anonymised or not application.can_become(status):
            raise InvalidTransition(
                _("An application that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": application.get_status_display(),
                    "new": model.status_label(status),
                }
            )
        previous = application.status
        released = application.apply_status(status, now)
        application.save()
        record(
            application,
            LogAction.STATUS,
            user,
            from_status=previous,
            to_status=status,
            text=note,
            reason=reason.strip(),
            **application.history_fields(),
        )
        if notify:
            queue_status_email(application)
        if released:
            application.after_status_change(released, user)
    return application


# The name every kind's callers know.
change_status = transition


def withdraw(application: BaseApplication, user=None, **kwargs) -> BaseApplication:
    return transition(application, WITHDRAWN, user, **kwargs)


@dataclass
class BulkResult:
    changed: list[BaseApplication]
    refused: list[tuple[BaseApplication, str]]


def bulk_change_status(
    applications: Iterable[BaseApplication], status: str, user=None
) -> BulkResult:
    """Apply one decision to many applications, oldest first; each that the rules refuse
    (places, transition) is reported, the others are done."""
    result = BulkResult([], [])
    for application in sorted(applications, key=lambda a: (a.created_at, a.pk)):
        try:
            result.changed.append(transition(application, status, user))
        except ApplicationError as error:
            result.refused.append((application, gettext(str(error.message))))
    return result
