"""The request page's `request/` and `status/` routes: the shared flow (applications.views)
for the kind of the page's programme."""

from django.utils.translation import gettext_lazy as _

from applications.views import CallFlow

from .kinds import coaching_kind, tailor_made_kind
from .models import CoachingRequestPage, Programme


class RequestFlow(CallFlow):
    thanks = _("Thank you: we received your request.")


FLOWS = {
    Programme.COACHING: RequestFlow(coaching_kind),
    Programme.TAILOR_MADE: RequestFlow(tailor_made_kind),
}


def flow_for(page: CoachingRequestPage) -> RequestFlow:
    return FLOWS[page.programme]
