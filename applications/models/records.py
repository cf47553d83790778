"""What is kept around any application: its history and notes, and the e-mails sent."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..statuses import ALL_STATUS_CHOICES


class LogAction(models.TextChoices):
    SUBMITTED = "submitted", _("Received")
    STATUS = "status", _("Status changed")
    PROPOSED = "proposed", _("Proposed for a freed stand")
    NOTE = "note", _("Note")
    STAND_NUMBER = "stand_number", _("Stand number set")
    MESSAGE = "message", _("Message sent to the applicant")
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
    reason = models.TextField(
        _("reason given to the applicant"),
        blank=True,
        help_text=_("Shown on the applicant's private page and in the e-mail of the change."),
    )
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

    @property
    def what(self) -> str:
        """The step in one line, as the summary panel and the history view show it:
        "Status changed: Submitted → Approved (stand 3)"."""
        line = str(self.get_action_display())
        if self.from_status or self.to_status:
            before = self.get_from_status_display() or "–"
            line += f": {before} → {self.get_to_status_display()}"
        if self.stand_number:
            line += f" ({gettext('stand')} {self.stand_number})"
        return line

    @property
    def by(self) -> str:
        """Who took the step: a team member's name, or the applicant or the system."""
        if self.user is None:
            return gettext("applicant or system")
        return self.user.get_full_name() or self.user.get_username()


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
