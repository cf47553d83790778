"""The knowledge base's rules: its search (the site's Turkish-aware search, restricted to
one Information Center), the topics of a list of entries, and counting reads."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control

from core.search_text import clean_query, query_terms
from search.services import (
    MAX_QUERY_LENGTH,
    RankedPages,
    build_query,
    cached_search,
    search_pages,
)

from .models import EntryReads, KnowledgeEntryPage, KnowledgeIndexPage, KnowledgeTopicPage

RESULTS_PER_PAGE = 10
# A transparent 1x1 GIF: what the read counter's image answers.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def with_topics(entries: Iterable[KnowledgeEntryPage]) -> list[KnowledgeEntryPage]:
    """`entries` with their topic page set as `topic_page` (one query for all of them:
    an entry's topic is its parent, whose path is the entry's path less one step)."""
    entries = list(entries)
    parents = {entry.path[: -KnowledgeEntryPage.steplen] for entry in entries}
    topics = {
        topic.path: topic
        for topic in KnowledgeTopicPage.objects.filter(path__in=parents).only(
            "title", "path", "url_path", "depth", "locale_id"
        )
    }
    for entry in entries:
        entry.topic_page = topics.get(entry.path[: -KnowledgeEntryPage.steplen])
    return entries


class RankedEntries(RankedPages):
    """One Information Center's matching entries for a Paginator: the count and each page's
    ranked ids kept per content generation (search.services.cached_search), as the site
    search keeps them; counting and ranking every match grew with the knowledge base."""

    def count(self) -> int:
        def compute() -> int:
            return search_pages(self.text, self.queryset, self.language).count()

        return cached_search(("count", *self.key), compute)

    def __len__(self) -> int:
        return self.count()


@dataclass
class EntrySearch:
    query: str = ""
    results: PaginatorPage | None = None
    hits: list[KnowledgeEntryPage] = field(default_factory=list)

    @property
    def has_terms(self) -> bool:
        return bool(query_terms(self.query))

    @property
    def count(self) -> int:
        return self.results.paginator.count if self.results is not None else 0


def search_entries(
    index: KnowledgeIndexPage, text: str, page_number: str | int | None = None
) -> EntrySearch:
    """The entries of this Information Center matching `text`, ranked, a page at a time:
    the site search's query building (every word, Turkish folding and roots: "gonullu
    sigortasi" finds "gönüllü sigortası"), on this index's live entries only."""
    text = clean_query(text or "", MAX_QUERY_LENGTH)
    outcome = EntrySearch(query=text)
    if not query_terms(text):
        return outcome
    language = index.locale.language_code
    if build_query(text, language) is None:
        return outcome
    results = RankedEntries(text, index.entries(), language, ("knowledge", index.pk, text))
    outcome.results = Paginator(results, RESULTS_PER_PAGE).get_page(page_number)
    outcome.hits = with_topics(outcome.results.object_list)
    return outcome


def record_read(entry: KnowledgeEntryPage | int) -> None:
    """Count one read: one UPDATE with F(), so concurrent reads never lose a count; the
    first read of an entry creates its counter."""
    entry_id = getattr(entry, "pk", entry)
    now = timezone.now()
    if EntryReads.objects.filter(entry_id=entry_id).update(count=F("count") + 1, updated_at=now):
        return
    try:
        with transaction.atomic():
            EntryReads.objects.create(entry_id=entry_id, count=1, updated_at=now)
    except IntegrityError:  # another request created it first
        EntryReads.objects.filter(entry_id=entry_id).update(count=F("count") + 1)


def read_beacon(request: HttpRequest, entry: KnowledgeEntryPage) -> HttpResponse:
    """The image an entry page shows to count its reads: counted on GET, never stored by a
    cache (so the cached page still counts each view), and never indexed."""
    if request.method == "GET":
        record_read(entry)
    response = HttpResponse(PIXEL, content_type="image/gif")
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
