"""The Information Center in the admin: the questions' view set and the dashboard panel."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from applications.permissions import register_received_only

from .models import Question
from .questions.panels import OpenQuestionsPanel
from .questions.viewsets import QuestionViewSet

register_received_only(Question)
register_snippet(QuestionViewSet)


@hooks.register("construct_homepage_panels")
def add_open_questions_panel(request, panels) -> None:
    if request.user.has_perm("knowledge.view_question"):
        panels.append(OpenQuestionsPanel())
