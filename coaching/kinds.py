"""The two kinds of request's registrations: what the shared flow, admin and retention need."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from applications.kinds import ApplicationKind, register_kind
from applications.statuses import RequestStatus

from .forms import RequestForm, TailorMadeRequestForm
from .models import CoachingRequest, TailorMadeRequest
from .services import shared_history

RS = RequestStatus


class RequestKind(ApplicationKind):
    """What both kinds share: templates, decisions, the requester's history."""

    apply_template = "coaching/request_form.html"
    status_template = "coaching/request_status.html"
    summary_template = "coaching/admin/summary.html"
    erase_template = "coaching/admin/confirm_erase.html"
    decisions = [
        (RS.IN_DESIGN, _("Start designing the work")),
        (RS.SCHEDULED, _("Schedule")),
        (RS.COMPLETED, _("Mark as completed")),
        (RS.DECLINED, _("Decline (with a reason)")),
    ]

    def page_context(self, request, page) -> dict:
        return Page.get_context(page, request)

    def status_context(self, application) -> dict:
        return {"shared_history": shared_history(application)}

    def applicant_name(self, application) -> str:
        return application.organisation


class CoachingRequestKind(RequestKind):
    model = CoachingRequest
    form_class = RequestForm
    rate_scope = "coaching-request"
    admin_url_namespace = "coaching_requests"


class TailorMadeRequestKind(RequestKind):
    model = TailorMadeRequest
    form_class = TailorMadeRequestForm
    rate_scope = "tailor-made-request"
    admin_url_namespace = "tailor_made_requests"


coaching_kind = register_kind(CoachingRequestKind())
tailor_made_kind = register_kind(TailorMadeRequestKind())
