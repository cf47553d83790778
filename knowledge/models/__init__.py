"""The Information Center's models: its pages and read counts (`pages`) and the questions
people ask the team (`knowledge.questions.models`, under this app's label)."""

from ..questions.models import Question, QuestionCall  # noqa: I001
from .pages import (
    EntryReads,
    KnowledgeEntryLink,
    KnowledgeEntryPage,
    KnowledgeEntryQuerySet,
    KnowledgeIndexPage,
    KnowledgeTopicPage,
)

__all__ = [
    "EntryReads",
    "KnowledgeEntryLink",
    "KnowledgeEntryPage",
    "KnowledgeEntryQuerySet",
    "KnowledgeIndexPage",
    "KnowledgeTopicPage",
    "Question",
    "QuestionCall",
]
