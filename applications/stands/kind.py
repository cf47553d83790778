"""The festival-stand kind's registration: what the shared flow, admin and retention need."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..kinds import ApplicationKind, register_kind
from ..models import ApplicationStatus, StandApplication
from .forms import StandApplicationForm

S = ApplicationStatus


class StandKind(ApplicationKind):
    model = StandApplication
    form_class = StandApplicationForm
    rate_scope = "stand-application"
    apply_template = "applications/stands/apply.html"
    status_template = "applications/stands/status.html"
    summary_template = "applications/stands/summary.html"
    erase_template = "applications/stands/confirm_erase.html"
    admin_url_namespace = "stand_applications"
    decisions = [
        (S.APPROVED, _("Approve (give a stand)")),
        (S.WAITLISTED, _("Put on the waiting list")),
        (S.REJECTED, _("Reject")),
        (S.WITHDRAWN, _("Mark as withdrawn")),
    ]
    bulk_decisions = [
        (S.APPROVED, "approve", _("Approve"), _("Approve the selected applications")),
        (
            S.WAITLISTED,
            "waitlist",
            _("Waiting list"),
            _("Put the selected applications on the waiting list"),
        ),
        (S.REJECTED, "reject", _("Reject"), _("Reject the selected applications")),
    ]

    def form_kwargs(self, request, page, call) -> dict:
        # Stand types: the call festival's rows, labelled in the visitor's language.
        return {"stand_types": [(a.stand_type.pk, a.label) for a in call.types]}

    def page_context(self, request, page) -> dict:
        """Wagtail's page context (page, request) without the festival page's own: the form
        and the applicant's page show neither the programme nor the other editions."""
        return Page.get_context(page, request)

    def status_context(self, application) -> dict:
        return {
            "stand_type": application.localized_stand_type(),
            "waitlist_message": application.waitlist_message(),
        }

    def applicant_name(self, application) -> str:
        return application.organisation


stand_kind = register_kind(StandKind())
