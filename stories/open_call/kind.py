"""The narrator kind's registration: what the shared flow, admin and retention need."""

from django.utils.translation import gettext_lazy as _

from applications.kinds import ApplicationKind, register_kind
from applications.statuses import SelectionStatus

from . import services
from .forms import NarratorApplicationForm
from .models import NarratorApplication

SS = SelectionStatus


class NarratorKind(ApplicationKind):
    model = NarratorApplication
    form_class = NarratorApplicationForm
    rate_scope = "narrator-application"
    apply_template = "stories/open_call/apply.html"
    status_template = "stories/open_call/status.html"
    summary_template = "stories/open_call/summary.html"
    erase_template = "stories/open_call/confirm_erase.html"
    admin_url_namespace = "narrator_applications"
    decisions = [
        (SS.SHORTLISTED, _("Shortlist")),
        (SS.SELECTED, _("Select as a narrator")),
        (SS.DECLINED, _("Decline")),
        (SS.WITHDRAWN, _("Mark as withdrawn")),
    ]

    def applicant_name(self, application) -> str:
        return str(application)

    def summary_context(self, application) -> dict:
        return {
            "reviews": application.reviews.select_related("reviewer"),
            "average_score": services.average_score(application),
        }


narrator_kind = register_kind(NarratorKind())
