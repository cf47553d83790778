"""The Power Stories open call: its page (the call's data) and the narrators' applications
and reviews, under the `stories` app label (stories.models imports them). The call's
machinery is applications.calls (`OpenCall`, registered below); the status set is the
kind-neutral `SelectionStatus` (applications.statuses)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from applications.calls import CallState, PageCall, call_for, register_call
from applications.models import BaseApplication, dedupe_key
from applications.statuses import (
    SELECTION_OPEN_STATUSES,
    SELECTION_TRANSITIONS,
    SelectionStatus,
)
from core.mixins import BasePage
from core.provinces import sorted_province_choices
from core.versions import content_generation, versioned_get_or_set

# The states an open call can be in (it has no places: never "none" nor "full").
OpenCallState = CallState


def latest_open_call(locale_id: int) -> OpenCallPage | None:
    """The newest live call for narrators in this language, which the Power Stories pages
    and the stories archive link to."""
    # Cached until a page changes (the content generation): Power Stories pages ask on every view.
    return versioned_get_or_set(
        f"open-call:latest:{content_generation()}:{locale_id}",
        lambda: (
            OpenCallPage.objects.live()
            .filter(locale_id=locale_id)
            .order_by("-applications_open")
            .first()
        ),
    )


class OpenCallPage(RoutablePageMixin, BasePage):
    """A Power Stories call for narrators: open between two moments; the form at `apply/`,
        the applicant's private page at `application/?key=...` (the shared flow,
    applications.views, through stories.open_call.views)."""

    search_type, search_type_label = "calls", _("Open calls")

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("about the call"), blank=True)
    applications_open = models.DateTimeField(_("applications open"))
    applications_close = models.DateTimeField(_("applications close"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("applications_open"), FieldPanel("applications_close")]),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    override_translatable_fields = [
        SynchronizedField("applications_open", overridable=False),
        SynchronizedField("applications_close", overridable=False),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("open call for narrators")
        verbose_name_plural = _("open calls for narrators")

    def clean(self) -> None:
        super().clean()
        if (
            self.applications_open
            and self.applications_close
            and self.applications_close <= self.applications_open
        ):
            raise ValidationError(
                {"applications_close": _("Applications must close after they open.")}
            )

    def call_page(self) -> OpenCallPage:
        """The original of the translations: applications in every language belong to it."""
        return call_for(self).original()

    def state(self, now: datetime.datetime | None = None) -> str:
        return call_for(self).status(now).state

    def accepts_applications(self, now: datetime.datetime | None = None) -> bool:
        return call_for(self).status(now).accepts_applications

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("call", call_for(self).status())
        return context

    @path("")
    def landing(self, request):
        return self.render(request)

    @path("apply/", name="apply")
    def apply(self, request):
        from .views import narrator_flow

        return narrator_flow.serve_apply(request, self)

    @path("application/", name="application")
    def application(self, request):
        # The private key travels in the query string, which the logs never record.
        from .views import narrator_flow

        return narrator_flow.serve_status(request, self)


@register_call
class OpenCall(PageCall):
    page_model = OpenCallPage


class NarratorApplication(BaseApplication):
    """Someone who would like to tell their story on a Power Stories stage."""

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SelectionStatus.choices,
        default=SelectionStatus.SUBMITTED,
    )
    call = models.ForeignKey(
        OpenCallPage,
        verbose_name=_("open call"),
        on_delete=models.PROTECT,
        related_name="narrator_applications",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=2, choices=sorted_province_choices())
    summary = models.TextField(_("the story in short"), max_length=1500)
    why_it_matters = models.TextField(_("why it matters"), max_length=1500)
    preferred_province = models.CharField(
        _("preferred province"), max_length=2, blank=True, choices=sorted_province_choices()
    )
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)

    transitions = SELECTION_TRANSITIONS
    open_statuses = SELECTION_OPEN_STATUSES
    decision_statuses = (SelectionStatus.SELECTED, SelectionStatus.DECLINED)
    personal_fields = (
        "contact_name",
        "email",
        "phone",
        "organisation",
        "summary",
        "why_it_matters",
        "accessibility_needs",
    )
    link_salt = "stories.narrator"

    class Meta:
        verbose_name = _("narrator application")
        verbose_name_plural = _("narrator applications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "dedupe_key"], name="one_narrator_application_per_email"
            ),
        ]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        return self.contact_name

    def compute_dedupe_key(self) -> str:
        # E-mail addresses fold the ASCII way ("I" is "i" here, not the Turkish "ı").
        return dedupe_key(self.email.strip().lower())

    def anonymise_related(self) -> None:
        self.reviews.update(note="")  # the scores stay for statistics

    def email_context(self) -> dict[str, object]:
        return {
            "call": self.localized_call_page(),
            "reply_hint": _(
                "Please do not reply to this automatic message; write to us through the "
                "open call page."
            ),
        }

    @classmethod
    def expired(cls, cutoff: datetime.datetime):
        """The applications of calls that closed before `cutoff`."""
        return cls.objects.not_anonymised().filter(call__applications_close__lt=cutoff)


class NarratorReview(models.Model):
    """One reviewer's score (1-5) and note on one narrator application."""

    application = models.ForeignKey(
        NarratorApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="narrator_reviews",
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("given"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="one_review_per_reviewer"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="review_score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score}/5"
