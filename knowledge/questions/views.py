"""The Information Center's `ask/` and `question/` routes: the shared flow
(applications.views) for the question kind; KnowledgeIndexPage's routes call it."""

from django.contrib import messages
from django.utils.translation import gettext as _

from applications.views import CallFlow, see_other

from .kind import question_kind


class QuestionFlow(CallFlow):
    """The shared flow; its landing thanks for a question rather than an application."""

    def render_landing_page(self, request, page, application):
        messages.success(request, _("Thank you: we received your question."))
        status_page = f"{page.url}{page.reverse_subpage('application')}"
        return see_other(f"{status_page}?key={application.link_token}")


question_flow = QuestionFlow(question_kind)
