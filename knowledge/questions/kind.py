"""The question kind's registration: what the shared flow, admin and retention need."""

from django.utils.translation import gettext_lazy as _

from applications.kinds import ApplicationKind, register_kind
from applications.statuses import AnswerStatus

from .forms import QuestionForm
from .models import Question

AS = AnswerStatus


class QuestionKind(ApplicationKind):
    model = Question
    form_class = QuestionForm
    rate_scope = "knowledge-question"
    apply_template = "knowledge/ask/apply.html"
    status_template = "knowledge/ask/status.html"
    summary_template = "knowledge/ask/summary.html"
    erase_template = "knowledge/ask/confirm_erase.html"
    admin_url_namespace = "knowledge_questions"
    decisions = [
        (AS.ANSWERED, _("Send the answer")),
        (AS.CLOSED, _("Close without an answer")),
    ]

    def form_kwargs(self, request, page, call) -> dict:
        return {"topics": page.specific.topics()}

    def applicant_name(self, application) -> str:
        return application.contact_name


question_kind = register_kind(QuestionKind())
