"""The Information Center's pages: the index (search, topics, most read, newest, the
"Ask a question" form), a topic, and a question-and-answer entry.

Topics are pages, not snippets: each has a public address listing its entries (reachable
without JavaScript, in the sitemap, found by the site search, with breadcrumbs), an
introduction editors write and translate with the same wagtail-localize workflow as the
entries, and an entry's topic is simply where it sits in the tree (index → topic → entry),
so there is no topic field to keep in sync with a translation.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n import any_view_restrictions
from core.mixins import BasePage, FoldedSearchField, ProgrammeMixin
from core.pagination import CachedCountPaginator
from core.search_text import query_spelling, words
from core.turkish import ascii_fold
from core.versions import content_generation, versioned_get_or_set

from ..blocks import DocumentsBlock

#: Entries a topic page lists at a time.
TOPIC_ENTRIES_PER_PAGE = 20
#: How many entries the index shows as most read and as newest.
SHORT_LIST = 5
#: How long the index's "most read" may lag the read counts: a read retires no cache (nor
#: the cached page, which keeps the list as long).
MOST_READ_SECONDS = 300


def ascii_roots(text: str, language: str | None) -> str:
    """The roots of `text`'s words as if typed without Turkish letters ("kuruluşu" ->
    "kurulusu" -> "kurul"): a query typed that way is looked up under that root, which the
    stem of the word as written ("kurulus") does not match. Indexed beside an entry's
    other spellings (core.search_text), so "dernek kurulusu" finds "Dernek kuruluşu"."""
    roots = {query_spelling(ascii_fold(word), language) for word in words(text)}
    return " ".join(sorted(root for root in roots if root))


class AsciiRootsTitleField(FoldedSearchField):
    """The title's folded field (core.mixins) with its ASCII roots added: a title match
    keeps its weight however the query was typed."""

    def get_value(self, obj):
        language = obj.locale.language_code if obj.locale_id else None
        return f"{super().get_value(obj)} {ascii_roots(obj.title, language)}"


class KnowledgeEntryQuerySet(PageQuerySet):
    def visible(self) -> KnowledgeEntryQuerySet:
        # .public() costs a query of its own; while no page is private it changes nothing.
        return self.live().public() if any_view_restrictions() else self.live()

    def in_knowledge_base(self, index_page: Page) -> KnowledgeEntryQuerySet:
        """The published entries under one index (one language)."""
        return self.visible().descendant_of(index_page)

    def newest(self) -> KnowledgeEntryQuerySet:
        return self.order_by(F("first_published_at").desc(nulls_last=True), "path")

    def most_read(self) -> KnowledgeEntryQuerySet:
        """Entries read at least once, the most read first."""
        return self.filter(reads__count__gt=0).order_by("-reads__count", "title")

    def for_listing(self) -> KnowledgeEntryQuerySet:
        """What an entry's line in a list shows (title, summary, topic), in one query."""
        return self.defer_streamfields().select_related("locale")


class CachedListing:
    """The rows of an ordered queryset for a Paginator (with `CachedCountPaginator`): the
    ids of each slice kept under `key` (which carries the content generation), the rows
    themselves read by id. Ordering every row to find a page's grew with the rows."""

    def __init__(self, queryset, key: str) -> None:
        self.queryset, self.key = queryset, key

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, key: slice) -> list:
        def compute() -> list[int]:
            return list(self.queryset.values_list("pk", flat=True)[key])

        ids = versioned_get_or_set(f"{self.key}:{key.start}:{key.stop}", compute)
        found = self.queryset.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


class KnowledgeIndexPage(ProgrammeMixin, RoutablePageMixin, BasePage):
    """The Information Center: its topics, a search restricted to its entries, the most
    read and newest entries, and the "Ask a question" form (`ask/`) with the asker's
    private page (`question/?key=...`), served by the shared call flow
    (knowledge.questions)."""

    search_type, search_type_label = "questions", _("Questions and answers")

    intro = models.TextField(_("introduction"), blank=True)
    ask_intro = RichTextField(
        _("about asking a question"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the “Ask a question” form."),
    )
    accepts_questions = models.BooleanField(
        _("accepts questions"),
        default=True,
        help_text=_("Untick to close the “Ask a question” form for a while."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        *ProgrammeMixin.programme_panels,
        MultiFieldPanel(
            [FieldPanel("accepts_questions"), FieldPanel("ask_intro")],
            heading=_("Ask a question"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    override_translatable_fields = [SynchronizedField("accepts_questions", overridable=False)]

    # Under the home page, or among the programmes (as in the demo).
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["knowledge.KnowledgeTopicPage"]

    class Meta:
        verbose_name = _("information center")
        verbose_name_plural = _("information centers")

    def topics(self):
        return KnowledgeTopicPage.objects.child_of(self).live().order_by("path")

    def entries(self) -> KnowledgeEntryQuerySet:
        return KnowledgeEntryPage.objects.in_knowledge_base(self)

    def get_context(self, request, *args, **kwargs):
        from ..services import search_entries

        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "")
        context["search"] = search_entries(self, query, request.GET.get("page"))
        context["topics"] = self.topics()
        context["most_read"], context["newest"] = self.short_lists()
        return context

    def short_lists(self) -> tuple[list[KnowledgeEntryPage], list[KnowledgeEntryPage]]:
        """The most read and the newest entries. Which they are is kept per content
        generation (ordering them reads every entry of the knowledge base), the most read
        for at most MOST_READ_SECONDS; the entries themselves are read in one query."""

        def compute() -> tuple[list[int], list[int]]:
            entries = self.entries()
            return (
                list(entries.most_read().values_list("pk", flat=True)[:SHORT_LIST]),
                list(entries.newest().values_list("pk", flat=True)[:SHORT_LIST]),
            )

        key = f"knowledge-short-lists:{content_generation()}:{self.pk}"
        most_read, newest = versioned_get_or_set(key, compute, timeout=MOST_READ_SECONDS)
        found = self.entries().for_listing().in_bulk([*most_read, *newest])
        return (
            [found[pk] for pk in most_read if pk in found],
            [found[pk] for pk in newest if pk in found],
        )

    @path("")
    def landing(self, request):
        return self.render(request)

    @path("ask/", name="apply")
    def ask(self, request):
        from ..questions.views import question_flow

        return question_flow.serve_apply(request, self)

    @path("question/", name="application")
    def question(self, request):
        # The private key travels in the query string, which the logs never record.
        from ..questions.views import question_flow

        return question_flow.serve_status(request, self)


class KnowledgeTopicPage(BasePage):
    """A topic of the knowledge base (legislation, resource development, ...): its
    entries are its children."""

    search_type, search_type_label = "questions", _("Questions and answers")

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = ["knowledge.KnowledgeEntryPage"]

    class Meta:
        verbose_name = _("knowledge-base topic")
        verbose_name_plural = _("knowledge-base topics")

    def entries(self) -> KnowledgeEntryQuerySet:
        return KnowledgeEntryPage.objects.visible().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In pages: a topic's cost must not grow with the number of its entries.
        entries = self.entries().for_listing().order_by("title", "pk")
        key = f"knowledge-topic:{content_generation()}:{self.pk}"
        page_obj = CachedCountPaginator(
            CachedListing(entries, key),
            TOPIC_ENTRIES_PER_PAGE,
            count_key=f"{key}:count",
            count_seconds=None,
        ).get_page(request.GET.get("page"))
        for entry in page_obj.object_list:
            # No topic line under the topic's own title; set, as a missing attribute costs
            # the template a dir() of the page.
            entry.topic_page = None
        context["entries"] = context["page_obj"] = page_obj
        context["knowledge_base"] = self.get_parent()
        return context


class KnowledgeEntryPage(RoutablePageMixin, BasePage):
    """One question and its answer, with related entries, documents and the day the answer
    was last checked against the law and practice."""

    search_type, search_type_label = "questions", _("Questions and answers")

    question = models.TextField(
        _("the question in full"),
        blank=True,
        help_text=_("Optional: the question as people ask it, if the title is shorter."),
    )
    summary = models.CharField(
        _("short answer"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, shown in lists and search results."),
    )
    answer = RichTextField(_("answer"))
    documents = StreamField(
        DocumentsBlock(), verbose_name=_("documents and links"), blank=True, use_json_field=True
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=datetime.date.today,
        help_text=_("The day the answer was last checked against the law and practice."),
    )

    objects = PageManager.from_queryset(KnowledgeEntryQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("question"),
        FieldPanel("summary"),
        FieldPanel("answer"),
        InlinePanel("related_links", label=_("Related entries")),
        FieldPanel("documents"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("question"),
        index.SearchField("summary"),
        index.SearchField("answer"),
        index.SearchField("ascii_spellings"),
    ]
    override_translatable_fields = [SynchronizedField("last_reviewed", overridable=False)]

    parent_page_types = ["knowledge.KnowledgeTopicPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("knowledge-base entry")
        verbose_name_plural = _("knowledge-base entries")

    @classmethod
    def get_search_fields(cls):
        return [
            AsciiRootsTitleField("title", boost=field.boost)
            if type(field) is FoldedSearchField and field.field_name == "title"
            else field
            for field in super().get_search_fields()
        ]

    @property
    def question_text(self) -> str:
        return self.question or self.title

    def ascii_spellings(self) -> str:
        text = " ".join([self.question, self.summary, strip_tags(self.answer)])
        return ascii_roots(text, self.locale.language_code if self.locale_id else None)

    def summary_text(self) -> str:
        return self.summary or Truncator(strip_tags(self.answer)).words(30)

    def related_entries(self) -> list[KnowledgeEntryPage]:
        """The linked entries in this entry's language (a translation links the source
        language's pages; each is shown as its translation here when it has a live one),
        in the editor's order, in two queries however many there are."""
        links = list(self.related_links.values_list("entry__translation_key", flat=True))
        if not links:
            return []
        found = {
            page.translation_key: page
            for page in KnowledgeEntryPage.objects.visible()
            .filter(translation_key__in=links, locale_id=self.locale_id)
            .defer_streamfields()
        }
        return [
            found[key]
            for key in dict.fromkeys(links)
            if key in found and key != self.translation_key
        ]

    def search_result_meta(self) -> dict:
        return {"summary": self.summary_text(), "date": self.last_reviewed}

    def get_context(self, request, *args, **kwargs):
        from ..jsonld import faq_json_ld

        context = super().get_context(request, *args, **kwargs)
        context["topic"] = self.get_parent()
        context["knowledge_base"] = KnowledgeIndexPage.objects.ancestor_of(self).first()
        context["related"] = self.related_entries()
        context["json_ld"] = faq_json_ld(self)
        return context

    @path("")
    def landing(self, request):
        return self.render(request)

    @path("read/", name="read")
    def read(self, request):
        """Counted once per view by an image the page shows (works without JavaScript;
        served fresh each time, so the cached page still counts)."""
        from ..services import read_beacon

        return read_beacon(request, self)


class KnowledgeEntryLink(Orderable):
    """A related entry (translations keep the link and show the related page's
    translation)."""

    page = ParentalKey(KnowledgeEntryPage, on_delete=models.CASCADE, related_name="related_links")
    entry = models.ForeignKey(
        KnowledgeEntryPage,
        verbose_name=_("entry"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("entry", "knowledge.KnowledgeEntryPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related entry")
        verbose_name_plural = _("related entries")


class EntryReads(models.Model):
    """How many times an entry was read: a counter outside the page row, so counting never
    touches the page, its revisions or the cache generations."""

    entry = models.OneToOneField(
        KnowledgeEntryPage,
        verbose_name=_("entry"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="reads",
    )
    count = models.PositiveIntegerField(_("reads"), default=0)
    updated_at = models.DateTimeField(_("last read"), default=timezone.now)

    class Meta:
        verbose_name = _("reads of an entry")
        verbose_name_plural = _("reads of entries")

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.count}"
