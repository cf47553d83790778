"""Registration for the demo meetings and a Tea Time date (demo/content/registrations.yaml),
with registrations in every state. Made as rows with their history, without e-mails (the
services would write to the sample people); past dates get their attendance."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from applications import services as shared
from applications.models import LogAction
from events.models import Occurrence
from registrations import services
from registrations.models import (
    CANCELLED,
    REGISTERED,
    WAITLISTED,
    Registration,
    RegistrationSetup,
)

from .data import read

QUESTION_BLOCKS = {"dietary", "sign_language", "organisation_field"}


def load_registrations() -> int:
    """Create the settings (updated on every load) and the sample registrations (once);
    returns how many registrations are new."""
    content = read("registrations")
    events = {}
    for spec in content["setups"]:
        page = Page.objects.filter(slug=spec["event"], locale__language_code="tr").first()
        if page is None:
            continue
        events[spec["event"]] = page
        setup = RegistrationSetup.objects.filter(event=page, locale=page.locale).first()
        setup = setup or RegistrationSetup(event=page, locale=page.locale)
        setup.capacity = spec["capacity"]
        setup.is_open = spec.get("is_open", True)
        setup.join_url = spec.get("join_url", "")
        setup.questions = (
            [(kind, {"required": False}) for kind in spec["questions"] if kind in QUESTION_BLOCKS]
            if spec.get("questions")
            else []
        )
        setup.save()
    created = 0
    now = timezone.now()
    for n, spec in enumerate(content["registrations"], start=1):
        page = events.get(spec["event"])
        day = date_of(page, spec.get("date"), now) if page else None
        email = f"kayit{n}@example.org"
        if day is None or Registration.objects.filter(event=page, email=email).exists():
            continue
        add_registration(page, day, email, spec, now)
        created += 1
    return created


def date_of(page: Page, which: str | None, now: datetime.datetime) -> datetime.date | None:
    dates = Occurrence.objects.filter(page=page).exclude(status="cancelled")
    occurrence = (dates.upcoming(now) if which == "next" else dates.order_by("start")).first()
    return timezone.localdate(occurrence.original_start) if occurrence else None


def add_registration(page: Page, day, email: str, spec: dict, now: datetime.datetime) -> None:
    state = spec["state"]
    registration = Registration(
        event=page,
        date=day,
        language=spec["language"],
        contact_name=spec["name"],
        organisation=spec["organisation"],
        email=email,
        province=spec["province"],
        accessibility_needs=spec.get("accessibility", ""),
        answers=[{"question": q, "answer": a} for q, a in spec.get("answers", [])],
        consent_at=now,
        created_at=now,
        status=WAITLISTED if state in ("waitlisted", "promoted") else REGISTERED,
        attended=spec.get("attended"),
    )
    if registration.status == WAITLISTED:
        registration.waitlisted_at = now
    shared.save_new_application(registration, services.same_date(page.pk, day))
    final = {"promoted": REGISTERED, "cancelled": CANCELLED}.get(state)
    if final:
        with transaction.atomic():  # giving a place counts the date's places under its lock
            previous = registration.status
            registration.apply_status(final, now)
            registration.save()
            shared.record(registration, LogAction.STATUS, from_status=previous, to_status=final)
