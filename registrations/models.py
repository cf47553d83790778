"""Registration for the dates of an event: the editor's settings per event (open, places,
questions, the private join link) and one registrant's registration for one date.

A registration is a kind of call on the shared machinery (applications): statuses,
the private link, e-mails in the registrant's language, history, export and erasure come from
there. What differs: the places are counted per date of the event (each Tea Time date has its
own list), every registration is first come, first served, and a cancellation gives its place
to the first on that date's waiting list."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from applications.models import BaseApplication, dedupe_key
from applications.statuses import WITHDRAWN, ApplicationStatus
from core.provinces import sorted_province_choices
from events.models import RegistrationRoutes

from .blocks import RegistrationQuestionsBlock

S = ApplicationStatus

# A registration's statuses: the shared codes (the history and e-mail log know them) with the
# words of a registration. Registered (a place), waiting, cancelled (by the registrant or
# the team); a waiting registration gets a place when one is freed.
REGISTERED, WAITLISTED, CANCELLED = S.APPROVED, S.WAITLISTED, WITHDRAWN
REGISTRATION_STATUS_CHOICES = [
    (REGISTERED, _("Registered")),
    (WAITLISTED, _("On the waiting list")),
    (CANCELLED, _("Cancelled")),
]
REGISTRATION_TRANSITIONS: dict[str, frozenset[str]] = {
    REGISTERED: frozenset({CANCELLED}),
    WAITLISTED: frozenset({REGISTERED, CANCELLED}),
    CANCELLED: frozenset(),
}


class RegistrationSetup(TranslatableMixin, models.Model):
    """Registration for one event: open or not, the places of each date, the questions."""

    event = models.ForeignKey(
        Page,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registration_setups",
        help_text=_("A meeting or a recurring gathering (each date has its own list)."),
    )
    is_open = models.BooleanField(
        _("registration open"),
        default=True,
        help_text=_("Untick to close registration for every date (the lists are kept)."),
    )
    capacity = models.PositiveIntegerField(
        _("places per date"),
        help_text=_("When every place of a date is taken, registrants join its waiting list."),
    )
    join_url = models.URLField(
        _("private join link"),
        blank=True,
        help_text=_(
            "For an online event: sent only to registrants with a place (in their e-mails and "
            "on their private page), never shown on the public page."
        ),
    )
    questions = StreamField(
        RegistrationQuestionsBlock(),
        verbose_name=_("additional questions"),
        blank=True,
        help_text=_("Optional questions added to the form, e.g. dietary needs."),
    )

    override_translatable_fields = [
        SynchronizedField("is_open", overridable=False),
        SynchronizedField("capacity", overridable=False),
        SynchronizedField("join_url", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("registration settings")
        verbose_name_plural = _("registration settings")

    def __str__(self) -> str:
        return str(self.event)

    def clean(self) -> None:
        super().clean()
        if self.event_id and not isinstance(self.event.specific, RegistrationRoutes):
            raise ValidationError(
                {
                    "event": _(
                        "Choose a meeting, a recurring gathering or a STOK training: they take "
                        "registration."
                    )
                }
            )


class Registration(BaseApplication):
    """One person's registration for one date of an event."""

    status = models.CharField(
        _("status"), max_length=20, choices=REGISTRATION_STATUS_CHOICES, default=REGISTERED
    )
    event = models.ForeignKey(
        Page, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    date = models.DateField(_("date"), help_text=_("The date as first planned (Istanbul)."))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    province = models.CharField(_("province"), max_length=2, choices=sorted_province_choices())
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    answers = models.JSONField(_("answers"), default=list, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    date_cancelled_notified_at = models.DateTimeField(
        _("told of the cancelled date"), null=True, blank=True
    )

    personal_fields = ("contact_name", "email", "phone", "organisation", "accessibility_needs")
    link_salt = "registrations.registration"
    call_page_field = "event"
    transitions = REGISTRATION_TRANSITIONS
    open_statuses = (REGISTERED, WAITLISTED)
    decision_statuses = ()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["date", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "date", "dedupe_key"], name="one_registration_per_person_and_date"
            ),
        ]
        indexes = [models.Index(fields=["event", "date", "status"])]

    def __str__(self) -> str:
        return f"{self.contact_name} ({self.date:%Y-%m-%d})"

    @property
    def answer_list(self) -> list[tuple[str, str]]:
        return [(item["question"], item["answer"]) for item in self.answers or []]

    @property
    def answer_text(self) -> str:
        return "; ".join(f"{question}: {answer}" for question, answer in self.answer_list if answer)

    def compute_dedupe_key(self) -> str:
        return dedupe_key(self.email)

    @classmethod
    def same_call(cls, call_page):
        raise NotImplementedError("Registrations are per date: see registrations.services")

    def duplicate_message(self) -> str:
        return str(
            _(
                "This e-mail address is already registered for this date. Its private link is "
                "in the e-mail we sent you."
            )
        )

    def anonymised_values(self) -> dict[str, Any]:
        return {**super().anonymised_values(), "answers": []}

    def localized_call_page(self) -> Page:
        # The event's own type: its routes and dates.
        return super().localized_call_page().specific

    def status_url(self) -> str:
        page = self.localized_call_page()
        return f"{page.full_url}{page.reverse_subpage('registration')}?key={self.link_token}"

    def email_template(self) -> str:
        # A place given from the waiting list has its own e-mail.
        if self.status == REGISTERED and self.waitlisted_at is not None:
            return "registrations/email/registration_promoted.txt"
        return super().email_template()

    def email_context(self) -> dict[str, Any]:
        from .services import email_context

        return email_context(self)

    def email_attachments(self, email) -> list[tuple[str, str, str]]:
        from .services import email_attachments

        return email_attachments(self, email)

    # --- The kind's hooks (applications.models.base, applications.services) ---

    def waiting_position(self) -> int | None:
        """Where the registration stands on its date's waiting list (1 is next)."""
        if self.status != WAITLISTED:
            return None
        from .services import waiting_list

        waiting = list(waiting_list(self.event_id, self.date).values_list("pk", flat=True))
        return waiting.index(self.pk) + 1 if self.pk in waiting else None

    def lock_call(self):
        from .services import lock_event

        lock_event(self.event_id)
        return None

    def apply_status(self, status: str, now: datetime.datetime):
        if status == REGISTERED:
            from .services import refuse_when_full

            refuse_when_full(self.event_id, self.date)
        freed = self.status == REGISTERED and status != REGISTERED
        if status == WAITLISTED:
            self.waitlisted_at = now
        super().apply_status(status, now)
        return (self.event_id, self.date) if freed else None

    def release_for_erasure(self):
        if self.status not in self.open_statuses:
            return None
        freed = self.status == REGISTERED
        self.status = CANCELLED
        return (self.event_id, self.date) if freed else None

    def after_status_change(self, released, user=None) -> None:
        """A freed place goes to the first on the date's waiting list (an e-mail tells them)."""
        from .services import promote_waiting

        promote_waiting(*released, user=user)

    @classmethod
    def expired(cls, cutoff: datetime.datetime):
        """The registrations of dates before `cutoff`."""
        return cls.objects.not_anonymised().filter(date__lt=timezone.localdate(cutoff))
