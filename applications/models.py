"""Applications to STGM's calls.

`BaseApplication` and the history, note and e-mail log models are the shared machinery
(statuses and their transitions, the private signed link, KVKK consent, anonymisation);
`StandApplication` is the festival-stand kind. The Power Stories narrator call
(`stories.NarratorApplication`) subclasses `BaseApplication` with the `SelectionStatus`
statuses and their transitions.
"""

import datetime
import hashlib
import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.provinces import sorted_province_choices
from core.turkish import ascii_fold


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not accepted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


S = ApplicationStatus
# Which status may follow which; anything else is refused. Rejected and withdrawn are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.SUBMITTED: frozenset({S.APPROVED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.WAITLISTED: frozenset({S.APPROVED, S.REJECTED, S.WITHDRAWN}),
    S.APPROVED: frozenset({S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
OPEN_STATUSES = (S.SUBMITTED, S.WAITLISTED)
ANONYMISED = "—"


class SelectionStatus(models.TextChoices):
    """A call decided by a panel of reviewers: a shortlist, then a selection."""

    SUBMITTED = "submitted", _("Submitted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    SELECTED = "selected", _("Selected")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


SS = SelectionStatus
SELECTION_TRANSITIONS: dict[str, frozenset[str]] = {
    SS.SUBMITTED: frozenset({SS.SHORTLISTED, SS.DECLINED, SS.WITHDRAWN}),
    SS.SHORTLISTED: frozenset({SS.SELECTED, SS.DECLINED, SS.WITHDRAWN}),
    SS.SELECTED: frozenset({SS.WITHDRAWN}),
    SS.DECLINED: frozenset(),
    SS.WITHDRAWN: frozenset(),
}
SELECTION_OPEN_STATUSES = (SS.SUBMITTED, SS.SHORTLISTED)
# Every status any kind of application can have (history and e-mail log rows).
ALL_STATUS_CHOICES = list(
    {code: label for code, label in [*ApplicationStatus.choices, *SelectionStatus.choices]}.items()
)


def new_access_key() -> str:
    return secrets.token_urlsafe(24)


def dedupe_key(*parts: str) -> str:
    """The same organisation and e-mail, however they were typed: "İZMİR Derneği ",
    "izmir dernegi" and "IZMIR DERNEGI" are one key (Turkish lower-casing alone would turn
    the "I" of "INFO@..." into a dotless "ı")."""
    folded = "|".join(" ".join(ascii_fold(part).split()) for part in parts)
    return hashlib.sha256(folded.encode()).hexdigest()


class ApplicationQuerySet(models.QuerySet):
    def open(self) -> "ApplicationQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def waiting_list(self) -> "ApplicationQuerySet":
        return self.filter(status=S.WAITLISTED).order_by("waitlisted_at", "pk")

    def not_anonymised(self) -> "ApplicationQuerySet":
        return self.filter(anonymised_at__isnull=True)


class BaseApplication(models.Model):
    """What every application shares: status, applicant's language, contact, consent, link."""

    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=S.SUBMITTED
    )
    language = models.CharField(
        _("applicant's language"), max_length=10, choices=settings.LANGUAGES, default="tr"
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    consent_at = models.DateTimeField(_("KVKK consent given"), null=True, blank=True)
    access_key = models.CharField(
        max_length=64, unique=True, default=new_access_key, editable=False
    )
    dedupe_key = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)
    waitlisted_at = models.DateTimeField(_("waitlisted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    history = GenericRelation("applications.ApplicationLogEntry")
    emails = GenericRelation("applications.ApplicationEmail")

    objects = ApplicationQuerySet.as_manager()

    # Fields cleared by anonymisation (subclasses add theirs); the rest is kept for statistics.
    personal_fields: ClassVar[tuple[str, ...]] = ("contact_name", "email", "phone")
    link_salt: ClassVar[str] = "applications.link"
    # Which status may follow which, and which count as still open (a kind may override both
    # and redeclare `status` with its own choices).
    transitions: ClassVar[dict[str, frozenset[str]]] = TRANSITIONS
    open_statuses: ClassVar[tuple[str, ...]] = OPEN_STATUSES
    # Statuses that are a decision by the team (`decided_at` is set).
    decision_statuses: ClassVar[tuple[str, ...]] = (S.APPROVED, S.REJECTED)

    class Meta:
        abstract = True

    def can_become(self, status: str) -> bool:
        return status in self.transitions.get(self.status, frozenset())

    @classmethod
    def status_label(cls, status: str) -> str:
        return str(dict(cls._meta.get_field("status").choices).get(status, status))

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    @property
    def is_open(self) -> bool:
        return self.status in self.open_statuses

    @property
    def can_withdraw(self) -> bool:
        return self.can_become(S.WITHDRAWN) and not self.is_anonymised

    # --- The private link: a signed access key; tampering or an unknown key is a 404 ---

    @classmethod
    def signer(cls) -> signing.Signer:
        return signing.Signer(salt=f"{cls.link_salt}.{cls._meta.label_lower}")

    @property
    def link_token(self) -> str:
        return self.signer().sign(self.access_key)

    @classmethod
    def from_token(cls, token: str) -> "BaseApplication | None":
        try:
            key = cls.signer().unsign(token or "")
        except signing.BadSignature:
            return None
        return cls.objects.filter(access_key=key, anonymised_at__isnull=True).first()

    # --- What we hold (KVKK): export and erase ---

    def export_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for field in self._meta.concrete_fields:
            if field.name in ("access_key", "dedupe_key"):
                continue
            value = getattr(self, field.attname)
            if isinstance(value, datetime.datetime | datetime.date):
                value = value.isoformat()
            data[field.name] = value
        return data

    def anonymised_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in self.personal_fields:
            field = self._meta.get_field(name)
            if isinstance(field, models.EmailField | models.URLField) or field.blank:
                values[name] = ""
            else:
                values[name] = ANONYMISED
        values["access_key"] = new_access_key()
        values["dedupe_key"] = f"anonymised:{self.pk}"
        return values

    def anonymise_related(self) -> None:
        """Erase personal data kept in related rows of this kind (inside the erasure)."""

    def email_recipient(self) -> str:
        return self.email

    def status_url(self) -> str:
        """The absolute private link (subclasses know which page serves it)."""
        raise NotImplementedError

    def compute_dedupe_key(self) -> str:
        """What makes two applications the same one (subclasses say)."""
        raise NotImplementedError

    def email_template(self) -> str:
        """The e-mail for the current status: its first line is the subject."""
        return f"applications/email/{self._meta.model_name}_{self.status}.txt"

    def email_context(self) -> dict[str, Any]:
        """What the e-mail templates need besides the application and its link."""
        return {}

    def duplicate_message(self) -> str:
        return str(
            _(
                "We already have an application from this organisation with this e-mail "
                "address for this festival. Its private link is in the e-mail we sent you."
            )
        )


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

    @cached_property
    def _language_locale(self):
        """The Locale of the applicant's language; the e-mail needs it several times."""
        from wagtail.models import Locale

        return Locale.objects.filter(language_code=self.language).first()

    @cached_property
    def _localized_festival(self):
        locale = self._language_locale
        if locale is None or locale.pk == self.festival.locale_id:
            return self.festival
        page = self.festival.get_translation_or_none(locale)
        return page if page is not None and page.live else self.festival

    def localized_festival(self):
        """The festival page in the applicant's language (the call's page otherwise)."""
        return self._localized_festival

    def localized_stand_type(self):
        if self.stand_type is None:
            return None
        locale = self._language_locale
        if locale is None or locale.pk == self.stand_type.locale_id:
            return self.stand_type
        return self.stand_type.get_translation_or_none(locale) or self.stand_type

    def email_context(self) -> dict[str, Any]:
        return {"festival": self.localized_festival(), "stand_type": self.localized_stand_type()}

    def status_url(self) -> str:
        page = self.localized_festival()
        return f"{page.full_url}{page.reverse_subpage('application')}?key={self.link_token}"


class LogAction(models.TextChoices):
    SUBMITTED = "submitted", _("Received")
    STATUS = "status", _("Status changed")
    PROPOSED = "proposed", _("Proposed for a freed stand")
    NOTE = "note", _("Note")
    EXPORTED = "exported", _("Data exported")
    ANONYMISED = "anonymised", _("Anonymised")


class ApplicationLogEntry(models.Model):
    """History and notes of any application: who did what, when."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    application = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=20, choices=LogAction.choices)
    from_status = models.CharField(_("from"), max_length=20, choices=ALL_STATUS_CHOICES, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=ALL_STATUS_CHOICES, blank=True)
    stand_number = models.PositiveIntegerField(_("stand number"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"


class EmailState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, will be retried")
    GAVE_UP = "gave_up", _("Failed")


class ApplicationEmail(models.Model):
    """Every e-mail sent (or being sent) to an applicant: what the team can see was sent."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    application = GenericForeignKey("content_type", "object_id")
    status = models.CharField(
        _("about status"), max_length=20, choices=ALL_STATUS_CHOICES, blank=True
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    to_address = models.EmailField(_("to"), blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"))
    state = models.CharField(
        _("delivery"), max_length=20, choices=EmailState.choices, default=EmailState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["state"]),
        ]
        verbose_name = _("e-mail to an applicant")
        verbose_name_plural = _("e-mails to applicants")

    def __str__(self) -> str:
        return self.subject
