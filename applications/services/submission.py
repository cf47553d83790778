"""A new application to any call: the call locked, its state checked, duplicates refused,
the kind's allocation, the submission recorded and e-mailed after the commit."""

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page

from ..calls import call_for
from ..models import BaseApplication, LogAction
from .errors import CallNotOpen, DuplicateApplication
from .history import record
from .mail import queue_status_email


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


def submit(
    model: type[BaseApplication],
    page: Page,
    fields: dict[str, Any],
    language: str,
    now: datetime.datetime | None = None,
    *,
    notify: bool = True,
) -> BaseApplication:
    """Store a new application of kind `model` to the call held by `page` (either
    translation) and queue its e-mail. Raises CallNotOpen, or DuplicateApplication."""
    now = now or timezone.now()
    call = call_for(page)
    original = call.original()
    with transaction.atomic():
        locked = call.lock(original.pk)
        call = type(call)(locked)
        status = call.status(now)
        if not status.accepts_applications:
            raise CallNotOpen(call.refusal(status, now))
        application = model.from_submission(locked, fields, language, now)
        initial = application.status
        application.allocate(status, now)
        save_new_application(application, model.same_call(locked))
        if application.status != initial:
            record(
                application,
                LogAction.STATUS,
                from_status=initial,
                to_status=application.status,
                **application.history_fields(),
            )
        if notify:
            queue_status_email(application)
    return application
