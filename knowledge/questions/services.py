"""The question kind's own rules: the team's answer, a draft knowledge-base entry made from
a question, and the dashboard's figures. Submission, status changes, e-mail, privacy and
retention are the shared services (`applications.services`)."""

import datetime
import re
import statistics
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from applications import services as shared
from applications.statuses import AnswerStatus

from ..models import KnowledgeEntryPage, KnowledgeTopicPage, Question

AS = AnswerStatus
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<!\w)(\+?\d[\d ()-]{8,}\d)(?!\w)")
REDACTED = "[…]"


def submit_question(
    index, fields: dict[str, Any], language: str, now=None, *, notify: bool = True
) -> Question:
    """Store a new question to the Information Center and queue its e-mail."""
    return shared.submit(Question, index, fields, language, now, notify=notify)


def set_answer(question: Question, text: str, user=None) -> Question:
    """Write (or rewrite) the team's answer; the asker gets it when the question is
    answered (`answer()`)."""
    if question.is_anonymised:
        raise shared.ApplicationError(_("This question's personal data was erased."))
    question.answer = text.strip()
    question.answered_by = user if getattr(user, "is_authenticated", False) else None
    Question.objects.filter(pk=question.pk).update(
        answer=question.answer, answered_by=question.answered_by, updated_at=timezone.now()
    )
    return question


def answer(question: Question, text: str, user=None, **kwargs: Any) -> Question:
    """Store the answer and send it: the asker gets it by e-mail, in the language they
    asked in, and on their private page."""
    if not text.strip():
        raise shared.ApplicationError(_("Write the answer before sending it."))
    with transaction.atomic():
        set_answer(question, text, user)
        return shared.transition(question, AS.ANSWERED, user, **kwargs)


def close(question: Question, user=None, **kwargs: Any) -> Question:
    return shared.transition(question, AS.CLOSED, user, **kwargs)


def scrub(text: str, question: Question) -> str:
    """`text` without the asker's personal details: their name, organisation and e-mail,
    and any e-mail address or phone number written in it."""
    for value in (question.contact_name, question.organisation, question.email):
        value = (value or "").strip()
        if len(value) >= 3:
            text = re.sub(re.escape(value), REDACTED, text, flags=re.IGNORECASE)
    text = EMAIL.sub(REDACTED, text)
    return PHONE.sub(REDACTED, text)


def paragraphs(text: str) -> str:
    """Plain text as rich-text paragraphs (line breaks kept)."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return "".join(f"<p>{escape(block).replace(chr(10), '<br/>')}</p>" for block in blocks)


def draft_entry(question: Question, user=None) -> KnowledgeEntryPage:
    """A draft knowledge-base entry from an answered question: the question and the answer,
    never who asked (name, organisation, e-mail, province are not carried over; the
    texts are scrubbed of them). Under the question's topic in the asker's language (the
    first topic if none). Made once: a second call returns the same draft."""
    if question.is_anonymised:
        raise shared.ApplicationError(_("This question's personal data was erased."))
    if question.status != AS.ANSWERED or not question.answer.strip():
        raise shared.ApplicationError(_("Only an answered question can become an entry."))
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.entry_id and KnowledgeEntryPage.objects.filter(pk=question.entry_id).exists():
            return question.entry
        index = question.localized_call_page()
        topic = question.topic
        if topic is not None and topic.locale_id != index.locale_id:
            topic = topic.get_translation_or_none(index.locale) or topic
        if topic is None:
            topic = KnowledgeTopicPage.objects.child_of(index).order_by("path").first()
        if topic is None:
            raise shared.ApplicationError(_("The Information Center has no topic yet."))
        text = scrub(question.question, question)
        entry = KnowledgeEntryPage(
            title=Truncator(" ".join(text.split())).chars(200),
            question=text,
            answer=paragraphs(scrub(question.answer, question)),
            last_reviewed=timezone.localdate(),
            live=False,
            owner=user if getattr(user, "is_authenticated", False) else None,
        )
        topic.add_child(instance=entry)
        entry.save_revision(user=entry.owner, log_action=True)
        question.entry = entry
        question.save(update_fields=["entry", "updated_at"])
        shared.add_note(question, str(_("Draft knowledge-base entry created.")), user)
    return entry


@dataclass
class Figures:
    open: int
    oldest_waiting_days: int | None
    answered: int
    median_days_to_answer: float | None


def dashboard_figures(now: datetime.datetime | None = None, days: int = 365) -> Figures:
    """Open questions (and how long the oldest has waited), and the median days to answer
    the questions answered in the last `days` days: two queries."""
    now = now or timezone.now()
    waiting = list(
        Question.objects.not_anonymised()
        .filter(status__in=Question.open_statuses)
        .order_by("created_at")
        .values_list("created_at", flat=True)
    )
    durations = [
        (decided - created).total_seconds() / 86400
        for created, decided in Question.objects.filter(
            status=AS.ANSWERED, decided_at__gte=now - datetime.timedelta(days=days)
        ).values_list("created_at", "decided_at")
    ]
    return Figures(
        open=len(waiting),
        oldest_waiting_days=(now - waiting[0]).days if waiting else None,
        answered=len(durations),
        median_days_to_answer=round(statistics.median(durations), 1) if durations else None,
    )
