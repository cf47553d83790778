"""The kind-neutral application: what every kind of call's application shares (status and
transitions, applicant's language, contact, KVKK consent, the private signed link, export
and anonymisation), and the small methods a kind overrides to say what differs (see
applications/README.md)."""

import datetime
import hashlib
import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from core.turkish import ascii_fold

from ..statuses import OPEN_STATUSES, TRANSITIONS, WITHDRAWN, ApplicationStatus

S = ApplicationStatus
ANONYMISED = "—"


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
        """Who waits for a place, first come first: never an erased (anonymised) one, whom
        no one could tell about the place."""
        return self.filter(status=S.WAITLISTED, anonymised_at__isnull=True).order_by(
            "waitlisted_at", "pk"
        )

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

    # The foreign key to the page that holds the call (its original translation).
    call_page_field: ClassVar[str] = "call"

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
        return self.can_become(WITHDRAWN) and not self.is_anonymised

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

    # --- What a kind says about its call and its places (applications.services) ---

    @property
    def call_page(self):
        return getattr(self, self.call_page_field)

    @classmethod
    def same_call(cls, call_page) -> "ApplicationQuerySet":
        """The applications to one call (duplicates are looked for among them)."""
        return cls.objects.filter(**{f"{cls.call_page_field}_id": call_page.pk})

    @classmethod
    def from_submission(cls, call_page, fields: dict[str, Any], language: str, now):
        """A new, unsaved application from a form's cleaned fields."""
        return cls(
            **{cls.call_page_field: call_page},
            language=language,
            consent_at=now,
            created_at=now,
            **fields,
        )

    def allocate(self, call, now: datetime.datetime) -> None:
        """At submission, under the call's lock: the first status (and place) given. `call`
        is the call's state just read (applications.calls.CallStatus). Nothing by default:
        the application waits for the team as `submitted`."""

    def lock_call(self):
        """Lock what a change of this application must wait for (a kind with places locks
        its call page's row) and return the locked page, which the services then set on the
        application they change. Inside the caller's transaction; nothing by default."""
        return None

    def apply_status(self, status: str, now: datetime.datetime) -> Any:
        """Set `status` and what goes with it on this (locked) application, unsaved; return
        what the change released (e.g. a place), handed to `after_status_change`."""
        if status in self.decision_statuses:
            self.decided_at = now
        if status == WITHDRAWN:
            self.dedupe_key = f"withdrawn:{self.pk}"  # may apply again
        self.status = status
        return None

    def release_for_erasure(self) -> Any:
        """Before anonymisation: free what the application holds (as a withdrawal would);
        return it for `after_status_change`. Nothing by default."""
        return None

    def after_status_change(self, released: Any, user=None) -> None:
        """After a change was saved, inside the transaction: e.g. offer a freed place."""

    def after_erasure(self, released: Any, user=None) -> None:
        """After anonymisation saved, inside the transaction, with what `release_for_erasure`
        freed. Erasure promotes no one (no status change, no e-mail to anyone else); a kind
        may only mark the place for the team (the stand kind proposes it). Nothing by
        default."""

    def status_reason(self) -> str:
        """What the team told the applicant with the change to the current status (the
        reason of its latest history entry), or ""."""
        entry = (
            self.history.filter(action="status", to_status=self.status)
            .order_by("-created_at", "-pk")
            .first()
        )
        return entry.reason if entry else ""

    def history_fields(self) -> dict[str, Any]:
        """Extra columns of the history row of a change (e.g. the stand number)."""
        return {}

    @classmethod
    def expired(cls, cutoff: datetime.datetime) -> "ApplicationQuerySet":
        """Retention: the applications, not yet anonymised, whose call ended before
        `cutoff` (each kind says when its call ends)."""
        return cls.objects.none()

    def email_recipient(self) -> str:
        return self.email

    def localized_call_page(self) -> Page:
        """The call's page in the applicant's language where that translation is live (the
        original otherwise): the e-mails and the private link use it."""
        return self._localized_call_page

    @cached_property
    def _language_locale(self) -> Locale | None:
        """The Locale of the applicant's language; an e-mail needs it several times."""
        return Locale.objects.filter(language_code=self.language).first()

    @cached_property
    def _localized_call_page(self) -> Page:
        page = self.call_page
        locale = self._language_locale
        if locale is None or locale.pk == page.locale_id:
            return page
        translation = page.get_translation_or_none(locale)
        return translation if translation is not None and translation.live else page

    def status_url(self) -> str:
        """The absolute private link."""
        page = self.localized_call_page()
        return f"{page.full_url}{page.reverse_subpage('application')}?key={self.link_token}"

    def compute_dedupe_key(self) -> str:
        """What makes two applications the same one (subclasses say)."""
        raise NotImplementedError

    def email_template(self) -> str:
        """The e-mail for the current status: its first line is the subject."""
        return f"{self._meta.app_label}/email/{self._meta.model_name}_{self.status}.txt"

    def email_context(self) -> dict[str, Any]:
        """What the e-mail templates need besides the application and its link."""
        return {}

    def email_attachments(self, email) -> list[tuple[str, str, str]]:
        """Files sent with a logged e-mail (`ApplicationEmail`), made when it is delivered:
        (filename, content, MIME type). None by default."""
        return []

    def duplicate_message(self) -> str:
        return str(
            _(
                "We already have an application with this e-mail address for this call. "
                "Its private link is in the e-mail we sent you."
            )
        )
