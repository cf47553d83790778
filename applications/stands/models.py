"""The festival-stand kind: a civil-society organisation's application for a stand.

Registered under the `applications` app label (applications.models imports it), in the
table it always had. What differs from other kinds: places (stand numbers, by stand type),
allocation at submission (first come, first served or reviewed, then the waiting list), a
freed stand offered to the waiting list, and the stand freed on erasure."""

import datetime
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.provinces import sorted_province_choices

from ..models.base import BaseApplication, dedupe_key
from ..statuses import ApplicationStatus

S = ApplicationStatus


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    COOPERATIVE = "cooperative", _("Cooperative")
    PLATFORM = "platform", _("Platform or initiative")
    OTHER = "other", _("Other")


class ThematicArea(models.TextChoices):
    ANIMAL_RIGHTS = "animal_rights", _("Animal rights")
    DISABILITY = "disability", _("Disability and accessibility")
    CHILDREN_YOUTH = "children_youth", _("Children and youth")
    EDUCATION = "education", _("Education")
    ENVIRONMENT = "environment", _("Environment and climate")
    WOMEN = "women", _("Women and gender equality")
    HUMAN_RIGHTS = "human_rights", _("Human rights")
    DISASTER = "disaster", _("Disaster relief and humanitarian aid")
    MIGRATION = "migration", _("Refugees and migration")
    HEALTH = "health", _("Health")
    CULTURE = "culture", _("Culture and arts")
    LOCAL_DEMOCRACY = "local_democracy", _("Local democracy and participation")
    ELDERLY = "elderly", _("Older people")
    SOLIDARITY = "solidarity", _("Solidarity and volunteering")
    OTHER = "other", _("Other")


class StandApplication(BaseApplication):
    """A civil-society organisation's application for a stand at a festival."""

    festival = models.ForeignKey(
        "events.FestivalPage",
        verbose_name=_("festival"),
        on_delete=models.PROTECT,
        related_name="stand_applications",
    )
    stand_type = models.ForeignKey(
        "events.FestivalStandType",
        verbose_name=_("stand type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices)
    province = models.CharField(_("city"), max_length=2, choices=sorted_province_choices())
    themes = models.CharField(
        _("thematic areas"), max_length=400, blank=True, help_text="Stored as ,code,code,"
    )
    website = models.URLField(_("website or social media"), max_length=300, blank=True)
    exhibit = models.TextField(_("what the stand will show"), max_length=2000)
    needs_electricity = models.BooleanField(_("electricity"), default=False)
    needs_table = models.BooleanField(_("table"), default=False)
    chairs = models.PositiveSmallIntegerField(
        _("chairs"), default=0, validators=[MaxValueValidator(10)]
    )
    team_accessibility_needs = models.TextField(
        _("accessibility needs of the stand team"), max_length=1000, blank=True
    )
    people = models.PositiveSmallIntegerField(
        _("people at the stand"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    stand_number = models.PositiveIntegerField(_("stand number"), null=True, blank=True)
    proposed_at = models.DateTimeField(
        _("proposed for a freed stand"),
        null=True,
        blank=True,
        help_text=_("First on the waiting list when a stand was freed; approve to give it."),
    )

    personal_fields = (
        "contact_name",
        "email",
        "phone",
        "organisation",
        "website",
        "exhibit",
        "team_accessibility_needs",
    )
    link_salt = "applications.stand"
    call_page_field = "festival"

    class Meta:
        verbose_name = _("stand application")
        verbose_name_plural = _("stand applications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["festival", "stand_number"], name="one_application_per_stand"
            ),
            models.UniqueConstraint(
                fields=["festival", "dedupe_key"], name="one_application_per_organisation"
            ),
            models.CheckConstraint(
                condition=(Q(status=S.APPROVED) & Q(stand_number__isnull=False))
                | (~Q(status=S.APPROVED) & Q(stand_number__isnull=True)),
                name="stand_number_iff_approved",
            ),
        ]
        indexes = [models.Index(fields=["festival", "status"])]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.festival_id})"

    @property
    def theme_list(self) -> list[str]:
        return [code for code in self.themes.split(",") if code]

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(ThematicArea.choices)
        return [str(labels[code]) for code in self.theme_list if code in labels]

    def set_themes(self, codes: list[str]) -> None:
        self.themes = f",{','.join(codes)}," if codes else ""

    def compute_dedupe_key(self) -> str:
        return dedupe_key(self.organisation, self.email)

    def duplicate_message(self) -> str:
        return str(
            _(
                "We already have an application from this organisation with this e-mail "
                "address for this festival. Its private link is in the e-mail we sent you."
            )
        )

    def localized_festival(self):
        """The festival page in the applicant's language (the call's page otherwise)."""
        return self.localized_call_page()

    def localized_stand_type(self):
        if self.stand_type is None:
            return None
        locale = self._language_locale
        if locale is None or locale.pk == self.stand_type.locale_id:
            return self.stand_type
        return self.stand_type.get_translation_or_none(locale) or self.stand_type

    def waiting_position(self) -> int | None:
        """Where the application stands on its festival's waiting list (1 is next), among
        those waiting for a stand of its type when the festival has types; None when it
        is not waiting."""
        if self.status != S.WAITLISTED or self.waitlisted_at is None:
            return None
        waiting = type(self).objects.filter(festival_id=self.festival_id).waiting_list()
        if self.stand_type_id is not None:
            waiting = waiting.filter(stand_type_id=self.stand_type_id)
        before = waiting.filter(
            Q(waitlisted_at__lt=self.waitlisted_at)
            | Q(waitlisted_at=self.waitlisted_at, pk__lt=self.pk)
        )
        return before.count() + 1

    def waitlist_message(self) -> str:
        """What is true about the waiting list, in the active language: every stand (of its
        type) is taken and the application is number N, or stands are free and the team
        put it there (its reason, if it gave one, is told beside this)."""
        from .calls import free_number

        if self.status != S.WAITLISTED:
            return ""
        if free_number(self.festival, self.stand_type_id) is None:
            values = {"position": self.waiting_position()}
            if self.stand_type_id is not None and self.festival.stand_types.count() > 1:
                return (
                    _(
                        "All stands of this type are taken: you are number %(position)s on the "
                        "waiting list. If one is freed, we will write to you."
                    )
                    % values
                )
            return (
                _(
                    "All stands are taken: you are number %(position)s on the waiting list. If a "
                    "stand is freed, we will write to you."
                )
                % values
            )
        return str(_("Your application is on the waiting list; the team will write to you."))

    def email_context(self) -> dict[str, Any]:
        return {
            "festival": self.localized_festival(),
            "stand_type": self.localized_stand_type(),
            "waitlist_message": self.waitlist_message(),
            "reply_hint": _(
                "Please do not reply to this automatic message; write to us through the "
                "festival page."
            ),
        }

    # --- The kind's hooks (applications.models.base, applications.services) ---

    @classmethod
    def from_submission(cls, call_page, fields: dict[str, Any], language: str, now):
        fields = dict(fields)
        themes = fields.pop("themes", [])
        application = super().from_submission(call_page, fields, language, now)
        application.set_themes(list(themes))
        return application

    def allocate(self, call, now: datetime.datetime) -> None:
        """First come, first served: approved with a stand number while stands remain,
        waitlisted after. Reviewed: submitted for the team, or waitlisted once every stand
        of the type is taken."""
        from events.choices import AllocationMode

        from .calls import free_number

        number = free_number(self.festival, self.stand_type_id, call)
        if self.festival.allocation_mode == AllocationMode.FIRST_COME and number is not None:
            self.status, self.stand_number, self.decided_at = S.APPROVED, number, now
        elif number is None:
            self.status, self.waitlisted_at = S.WAITLISTED, now

    def lock_call(self):
        """Every allocation for a festival waits its turn on the festival's row."""
        from .calls import FestivalCall

        return FestivalCall.lock(self.festival_id)

    def apply_status(self, status: str, now: datetime.datetime):
        """Approving takes the lowest free stand number of the application's type; leaving
        "approved" frees the stand (returned, to offer it to the waiting list)."""
        from ..services.errors import NoPlaceAvailable
        from .calls import free_number

        freed = None
        if status == S.APPROVED:
            number = free_number(self.festival, self.stand_type_id)
            if number is None:
                raise NoPlaceAvailable(
                    _("No stand is left for this application: every stand of its type is taken.")
                )
            self.stand_number = number
        elif self.stand_number is not None:
            freed = (self.stand_type_id,)  # a stand of this type is free again
            self.stand_number = None
        if status == S.WAITLISTED:
            self.waitlisted_at = now
        if status != S.WAITLISTED:
            self.proposed_at = None
        super().apply_status(status, now)
        return freed

    def release_for_erasure(self):
        if not self.stand_number:
            return None
        self.stand_number = None
        self.status = S.WITHDRAWN
        return (self.stand_type_id,)

    def after_status_change(self, released, user=None) -> None:
        """A freed stand goes to the waiting list (`released` is `(stand type id,)`)."""
        if released:
            from .services import offer_freed_stand

            offer_freed_stand(self.festival_id, released[0], user)

    def after_erasure(self, released, user=None) -> None:
        """A stand freed by an erasure before the festival ended is proposed to the first on
        the waiting list for the team to approve (in either mode: nobody is approved or
        e-mailed by someone else's erasure); after the festival there is nothing to offer."""
        if released and self.festival.end >= timezone.now():
            from .services import offer_freed_stand

            offer_freed_stand(self.festival_id, released[0], user, promote=False)

    def history_fields(self) -> dict[str, Any]:
        return {"stand_number": self.stand_number}

    @classmethod
    def expired(cls, cutoff: datetime.datetime):
        """The applications of festivals that ended before `cutoff`."""
        from events.models import FestivalPage

        ended = FestivalPage.objects.filter(end__lt=cutoff).values_list("pk", flat=True)
        return cls.objects.not_anonymised().filter(festival_id__in=list(ended))
