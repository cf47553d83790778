""" "Ask a question": a question to the Information Center team, a kind of call on the shared
machinery (applications). The call is held by the KnowledgeIndexPage (always open unless
its editors close it); the status set is the kind-neutral `AnswerStatus` (received →
answered / closed)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from applications.calls import CallState, SwitchedCall, register_call
from applications.models import BaseApplication, dedupe_key
from applications.statuses import ANSWER_OPEN_STATUSES, ANSWER_TRANSITIONS, AnswerStatus
from core.provinces import sorted_province_choices

from ..models.pages import KnowledgeEntryPage, KnowledgeIndexPage, KnowledgeTopicPage

AS = AnswerStatus


@register_call
class QuestionCall(SwitchedCall):
    """Asking has no dates: the form is open while the index accepts questions."""

    page_model = KnowledgeIndexPage
    open_field = "accepts_questions"
    state_labels = {
        CallState.OPEN: _("The team answers questions"),
        CallState.CLOSED: _("The team is not taking new questions at the moment"),
    }
    closed_message = _("The team is not taking new questions at the moment.")


class Question(BaseApplication):
    """A CSO's question to the team, and the team's answer."""

    status = models.CharField(
        _("status"), max_length=20, choices=AnswerStatus.choices, default=AS.RECEIVED
    )
    index = models.ForeignKey(
        KnowledgeIndexPage,
        verbose_name=_("information center"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    province = models.CharField(_("province"), max_length=2, choices=sorted_province_choices())
    topic = models.ForeignKey(
        KnowledgeTopicPage,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    question = models.TextField(_("question"), max_length=3000)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entry = models.ForeignKey(
        KnowledgeEntryPage,
        verbose_name=_("knowledge-base entry made from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    call_page_field = "index"
    transitions = ANSWER_TRANSITIONS
    open_statuses = ANSWER_OPEN_STATUSES
    decision_statuses = (AS.ANSWERED, AS.CLOSED)
    personal_fields = ("contact_name", "email", "phone", "organisation", "question")
    link_salt = "knowledge.question"

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["index", "dedupe_key"], name="one_question_per_text_and_email"
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.contact_name

    def compute_dedupe_key(self) -> str:
        # The same question sent twice (a double click, a reload) is one question.
        return dedupe_key(self.email.strip().lower(), self.question)

    def duplicate_message(self) -> str:
        return str(
            _(
                "We already have this question from this e-mail address. Its private link "
                "is in the e-mail we sent you."
            )
        )

    def email_context(self) -> dict[str, object]:
        return {
            "index": self.localized_call_page(),
            "reply_hint": _(
                "Please do not reply to this automatic message; ask a new question on the "
                "Information Center's page."
            ),
        }

    @classmethod
    def expired(cls, cutoff: datetime.datetime):
        """Questions answered or closed before `cutoff`."""
        return cls.objects.not_anonymised().filter(decided_at__lt=cutoff)
