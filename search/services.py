"""The site search: what a query finds, in which language, and what editors promoted for it.

Views call `run_search()`; nothing here knows the page types: it reads them from the results
(their content types) and asks each page for `search_result_meta()` (see home.mixins.BasePage).
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from home.search_text import clean_query, lower, query_spelling, query_terms, words
from home.turkish import ascii_fold

MAX_QUERY_LENGTH = 200
POPULAR_SEARCH_DAYS = 30


def build_query(text: str, language: str | None):
    """Every word must match, looked up under its folded stem (see home.search_text)."""
    spellings = list(dict.fromkeys(query_spelling(term, language) for term in query_terms(text)))
    spellings = [spelling for spelling in spellings if spelling]
    if not spellings:
        return None
    return PlainText(" ".join(spellings), operator="and")


def searchable_pages(locale: Locale):
    return Page.objects.live().public().filter(locale=locale, depth__gt=1).specific()


def untranslated_pages(locale: Locale, source: Locale):
    """Pages of the source language that have no live translation in `locale`."""
    translated = Page.objects.live().filter(locale=locale).values("translation_key")
    return searchable_pages(source).exclude(translation_key__in=translated)


def search_pages(text: str, queryset, language: str | None):
    """Search `queryset` for `text`, asked in `language` (its stemming and configuration)."""
    query = build_query(text, language)
    if query is None:
        return None
    backend = get_search_backend("default", LANGUAGE=language)
    return backend.search(query, queryset)


@dataclass
class Hit:
    """One search result as the template shows it."""

    page: Page
    fallback: bool = False
    promoted: bool = False
    description: str = ""

    @cached_property
    def meta(self) -> dict:
        meta = getattr(self.page, "search_result_meta", None)
        return (meta() if callable(meta) else None) or {}

    @property
    def type_label(self) -> str:
        return capfirst(self.page._meta.verbose_name)

    @property
    def summary(self) -> str:
        return self.description or self.meta.get("summary") or self.page.search_description

    @property
    def language(self) -> str:
        return self.page.locale.language_code

    @property
    def language_name(self) -> str:
        return get_language_info(self.language)["name_local"]

    @property
    def date(self):
        return self.meta.get("date")

    @property
    def has_time(self) -> bool:
        return isinstance(self.date, datetime.datetime)

    @property
    def place(self) -> str:
        return self.meta.get("place") or ""


class ChainedResults:
    """Search results of the active language followed by the untranslated source pages,
    sliceable as one list (for Django's Paginator), with counts known from the facets."""

    def __init__(self, parts: list[tuple[object, int, bool]]):
        self.parts = [(results, count, fallback) for results, count, fallback in parts if count]

    def count(self) -> int:
        return sum(count for _, count, _ in self.parts)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[Hit]:
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        hits: list[Hit] = []
        for results, count, fallback in self.parts:
            if start < count and stop > 0:
                pages = results[max(start, 0) : min(stop, count)]
                hits.extend(Hit(page, fallback=fallback) for page in pages)
            start, stop = start - count, stop - count
        return hits


@dataclass
class TypeChoice:
    value: str
    label: str
    count: int


@dataclass
class SearchOutcome:
    query: str = ""
    results: ChainedResults = field(default_factory=lambda: ChainedResults([]))
    types: list[TypeChoice] = field(default_factory=list)
    promotions: list[Hit] = field(default_factory=list)
    selected_type: str = ""
    total: int = 0  # results of every type (the count shown beside "All types")

    @property
    def count(self) -> int:
        return self.results.count()

    @property
    def count_with_promotions(self) -> int:
        return self.count + len(self.promotions)


def type_key(content_type: ContentType) -> str:
    return f"{content_type.app_label}.{content_type.model}"


def _type_choices(counts: dict[int, int]) -> list[TypeChoice]:
    choices = []
    for content_type_id, count in counts.items():
        content_type = ContentType.objects.get_for_id(content_type_id)
        model = content_type.model_class()
        if model is None:
            continue
        label = capfirst(model._meta.verbose_name)
        choices.append(TypeChoice(type_key(content_type), label, count))
    return sorted(choices, key=lambda choice: (-choice.count, choice.label))


def _content_type_for(value: str) -> ContentType | None:
    app_label, _, model = (value or "").partition(".")
    if not app_label or not model:
        return None
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist:
        return None
    model_class = content_type.model_class()
    return content_type if model_class and issubclass(model_class, Page) else None


def run_search(text: str, locale: Locale, type_value: str = "") -> SearchOutcome:
    """Search the live, public pages of `locale`, then the source language's pages that have
    no translation in it (marked as fallbacks); editors' promotions come first and are not
    repeated below. `type_value` ("app_label.model") keeps one page type."""
    text = clean_query(text, MAX_QUERY_LENGTH)
    outcome = SearchOutcome(query=text)
    if not query_terms(text):
        return outcome

    outcome.promotions = promotions_for(text, locale)
    promoted_ids = [hit.page.pk for hit in outcome.promotions]

    source = Locale.get_default()
    sources = [(searchable_pages(locale), locale.language_code, False)]
    if source.pk != locale.pk:
        sources.append((untranslated_pages(locale, source), source.language_code, True))

    searches = []
    counts: dict[int, int] = {}
    for queryset, language, fallback in sources:
        queryset = queryset.exclude(id__in=promoted_ids)
        facets = search_pages(text, queryset, language).facet("content_type_id")
        for content_type_id, count in facets.items():
            counts[content_type_id] = counts.get(content_type_id, 0) + count
        searches.append((queryset, language, fallback, facets))
    outcome.types = _type_choices(counts)
    outcome.total = sum(counts.values())

    # An unknown type, or one that has nothing for this query, shows every type.
    content_type = _content_type_for(type_value)
    if content_type is not None and content_type.pk not in counts:
        content_type = None
    if content_type is not None:
        outcome.selected_type = type_key(content_type)

    parts = []
    for queryset, language, fallback, facets in searches:
        if content_type is not None:
            queryset = queryset.filter(content_type_id=content_type.pk)
            count = facets.get(content_type.pk, 0)
        else:
            count = sum(facets.values())
        parts.append((search_pages(text, queryset, language), count, fallback))
    outcome.results = ChainedResults(parts)
    return outcome


def _promotion_key(text: str) -> str:
    return " ".join(ascii_fold(word) for word in words(text))


def promotions_for(text: str, locale: Locale) -> list[Hit]:
    """Editors' promotions for this query, whichever way it was typed ("IŞIK", "isik" and
    "ışık" are one query), in the active language: a promoted page is replaced by its
    translation, or shown as a fallback if it has none; pages of other languages are dropped."""
    key = _promotion_key(text)
    queries = [
        query.pk
        for query in Query.objects.filter(editors_picks__isnull=False).distinct()
        if _promotion_key(query.query_string) == key
    ]
    if not queries:
        return []
    promotions = (
        SearchPromotion.objects.filter(query__in=queries)
        .select_related("page", "page__locale")
        .order_by("sort_order", "pk")
    )
    source = Locale.get_default()
    hits, seen = [], set()
    for promotion in promotions:
        if promotion.page is None:
            continue  # external links are not pages of this site's search
        page, fallback = promotion.page, False
        if page.locale_id != locale.pk:
            translation = page.get_translation_or_none(locale)
            if translation is not None and translation.live:
                page = translation
            elif page.locale_id == source.pk:
                fallback = True
            else:
                continue
        if page.pk in seen or not page.live or page.get_view_restrictions().exists():
            continue
        seen.add(page.pk)
        hits.append(
            Hit(page.specific, fallback=fallback, promoted=True, description=promotion.description)
        )
    return hits


def log_query(text: str, language: str | None) -> None:
    """Count a search in Wagtail's query log (the admin's "Search terms" report)."""
    text = clean_query(text, MAX_QUERY_LENGTH)
    if query_terms(text):
        Query.get(lower(text, language)).add_hit()


def popular_searches(locale: Locale, limit: int = 6) -> list[str]:
    """Searches to suggest when nothing was found: the most searched queries of the last
    weeks among those editors curated with a promotion of a page in this language (never raw
    visitor queries, which may be personal or offensive)."""
    curated = SearchPromotion.objects.filter(page__locale=locale, page__live=True).values("query")
    since = timezone.now().date() - datetime.timedelta(days=POPULAR_SEARCH_DAYS)
    queries = (
        Query.objects.filter(pk__in=curated)
        .annotate(recent_hits=Sum("daily_hits__hits", filter=Q(daily_hits__date__gte=since)))
        .order_by(F("recent_hits").desc(nulls_last=True), "query_string")
    )
    return [query.query_string for query in queries[:limit]]


def suggest_titles(text: str, locale: Locale, limit: int) -> list[dict]:
    """Titles of this language's pages that start like the words typed ("izm" -> "İzmir")."""
    terms = query_terms(text)
    if not terms or len(terms[-1]) < 2:
        return []
    folded = " ".join(ascii_fold(term) for term in terms)
    backend = get_search_backend("default", LANGUAGE=locale.language_code)
    pages = backend.autocomplete(folded, searchable_pages(locale))[:limit]
    return [{"title": page.title, "url": page.url} for page in pages if page.url]
