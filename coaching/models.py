"""Requests for Organisational Coaching and Tailor-Made trainings: two kinds of call on the
shared machinery (applications). A `CoachingRequestPage` under a programme page holds the
call (open while it accepts requests); its `programme` says which kind of request its form
takes. Both kinds share one status set (`RequestStatus`: received → in design → scheduled
→ completed, or declined with a reason), the fields of `BaseRequest`, and the e-mails."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from applications.calls import CallState, SwitchedCall, register_call
from applications.models import BaseApplication, LegalForm, dedupe_key
from applications.statuses import REQUEST_OPEN_STATUSES, REQUEST_TRANSITIONS, RequestStatus
from core.mixins import BasePage
from core.provinces import sorted_province_choices

RS = RequestStatus


class Programme(models.TextChoices):
    COACHING = "coaching", _("Organisational Coaching")
    TAILOR_MADE = "tailor_made", _("Tailor-Made trainings")


class RequestArea(models.TextChoices):
    GOVERNANCE = "governance", _("Governance and internal structure")
    STRATEGY = "strategy", _("Strategic planning")
    RESOURCES = "resources", _("Resource development and fundraising")
    COMMUNICATION = "communication", _("Communication and visibility")
    VOLUNTEERS = "volunteers", _("Volunteers and membership")
    FINANCE = "finance", _("Financial management and reporting")
    ADVOCACY = "advocacy", _("Advocacy and campaigning")
    PROJECTS = "projects", _("Project design and management")
    DIGITAL = "digital", _("Digital tools and data security")
    LEGAL = "legal", _("Legislation and legal obligations")


class RequestFormat(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("Face to face")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("Mixed")


class CoachingRequestPage(RoutablePageMixin, BasePage):
    """Where a CSO asks for coaching or a tailor-made training: an introduction, what to
    expect, the form (`request/`) and the requester's private page (`status/?key=...`),
    served by the shared call flow (coaching.views). Sits under its programme's page."""

    programme = models.CharField(
        _("programme"),
        max_length=20,
        choices=Programme.choices,
        default=Programme.COACHING,
        help_text=_("Which kind of request this page's form takes."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    what_to_expect = RichTextField(
        _("what to expect"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("The steps after a request: who answers, how the work is designed."),
    )
    accepts_requests = models.BooleanField(
        _("accepts requests"),
        default=True,
        help_text=_("Untick to close the request form for a while."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("what_to_expect"),
        MultiFieldPanel(
            [FieldPanel("programme"), FieldPanel("accepts_requests")], heading=_("The form")
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("what_to_expect"),
    ]
    override_translatable_fields = [
        SynchronizedField("programme", overridable=False),
        SynchronizedField("accepts_requests", overridable=False),
    ]

    parent_page_types = ["home.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("coaching or training request page")
        verbose_name_plural = _("coaching or training request pages")

    @path("")
    def landing(self, request):
        return self.render(request)

    @path("request/", name="apply")
    def request_form(self, request):
        from .views import flow_for

        return flow_for(self).serve_apply(request, self)

    @path("status/", name="application")
    def request_status(self, request):
        # The private key travels in the query string, which the logs never record.
        from .views import flow_for

        return flow_for(self).serve_status(request, self)


@register_call
class RequestCall(SwitchedCall):
    """A request has no dates: the form is open while the page accepts requests."""

    page_model = CoachingRequestPage
    open_field = "accepts_requests"
    state_labels = {
        CallState.OPEN: _("The team takes requests"),
        CallState.CLOSED: _("The team is not taking new requests at the moment"),
    }
    closed_message = _("The team is not taking new requests at the moment.")


class BaseRequest(BaseApplication):
    """What both kinds of request ask and what the team keeps about the work."""

    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RS.RECEIVED
    )
    page = models.ForeignKey(
        CoachingRequestPage,
        verbose_name=_("request page"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    province = models.CharField(_("province"), max_length=2, choices=sorted_province_choices())
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices)
    need = models.TextField(_("the need in the organisation's words"), max_length=3000)
    areas = models.CharField(_("areas"), max_length=300, help_text="Stored as ,code,code,")
    preferred_format = models.CharField(
        _("preferred format"), max_length=20, choices=RequestFormat.choices
    )
    preferred_period = models.CharField(_("preferred period"), max_length=200)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned team member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expert_name = models.CharField(
        _("assigned expert"),
        max_length=150,
        blank=True,
        help_text=_("An expert from outside the team, by name."),
    )
    scheduled_for = models.DateField(_("scheduled for"), null=True, blank=True)

    call_page_field = "page"
    transitions = REQUEST_TRANSITIONS
    open_statuses = REQUEST_OPEN_STATUSES
    decision_statuses = (RS.COMPLETED, RS.DECLINED)
    personal_fields = ("contact_name", "email", "phone", "organisation", "need")
    programme: Programme

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.organisation

    def area_codes(self) -> list[str]:
        return [code for code in self.areas.split(",") if code]

    def get_areas_display(self) -> str:
        labels = dict(RequestArea.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.area_codes())

    @property
    def assignee(self) -> str:
        """Who works on the request: the team member and/or the expert, or ""."""
        names = []
        if self.assigned_to_id:
            user = self.assigned_to
            names.append(user.get_full_name() or user.get_username())
        if self.expert_name:
            names.append(self.expert_name)
        return ", ".join(names)

    def compute_dedupe_key(self) -> str:
        # The same need sent twice (a double click, a reload) is one request.
        return dedupe_key(self.email.strip().lower(), self.need)

    def duplicate_message(self) -> str:
        return str(
            _(
                "We already have this request from this e-mail address. Its private link "
                "is in the e-mail we sent you."
            )
        )

    def email_template(self) -> str:
        # One set of e-mails for both kinds: they name the programme.
        return f"coaching/email/request_{self.status}.txt"

    def email_context(self) -> dict[str, object]:
        return {
            "programme": Programme(self.programme).label,
            "call_page": self.localized_call_page(),
            "reply_hint": _(
                "Please do not reply to this automatic message; write to STGM at the address "
                "on the website if anything about your request changes."
            ),
        }

    @classmethod
    def expired(cls, cutoff: datetime.datetime):
        """Requests completed or declined before `cutoff`."""
        return cls.objects.not_anonymised().filter(decided_at__lt=cutoff)


class CoachingRequest(BaseRequest):
    """A CSO's request for Organisational Coaching."""

    programme = Programme.COACHING
    link_salt = "coaching.coaching"

    class Meta(BaseRequest.Meta):
        verbose_name = _("coaching request")
        verbose_name_plural = _("coaching requests")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "dedupe_key"], name="one_coaching_request_per_need_and_email"
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]


class TailorMadeRequest(BaseRequest):
    """A CSO's request for a Tailor-Made (Biçilmiş Kaftan) training."""

    programme = Programme.TAILOR_MADE
    link_salt = "coaching.tailor_made"

    class Meta(BaseRequest.Meta):
        verbose_name = _("tailor-made training request")
        verbose_name_plural = _("tailor-made training requests")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "dedupe_key"], name="one_tailor_made_request_per_need_and_email"
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]


REQUEST_MODELS: dict[str, type[BaseRequest]] = {
    Programme.COACHING: CoachingRequest,
    Programme.TAILOR_MADE: TailorMadeRequest,
}
