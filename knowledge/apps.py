from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Information Center")

    def ready(self) -> None:
        from .questions import kind  # noqa: F401 - registers the question kind of call

        # Neither questions nor read counts (EntryReads) are on core.versions' allow-list:
        # no public page shows a question (the asker's page is private, never cached), and
        # counting a read must never empty the caches. The index's "most read" list is as
        # fresh as the page cache keeps the index (any publish refreshes it).
