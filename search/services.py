"""The site search: what a query finds, in which language, and what editors promoted for it.

Views call `run_search()`; nothing here knows the page types: it reads them from the results
(their content types) and asks each page type for `search_results_meta()` of its results
(see core.mixins.BasePage).
"""

import datetime
import difflib
import hashlib
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from core.i18n import any_view_restrictions
from core.provinces import Province
from core.search_text import clean_query, lower, query_spellings, query_terms, words
from core.turkish import ascii_fold
from core.versions import versioned_get_or_set

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
POPULAR_SEARCH_DAYS = 30


def build_query(text: str, language: str | None):
    """Every word must match, looked up under its folded root (see core.search_text)."""
    spellings = query_spellings(text, language)
    if not spellings:
        return None
    return PlainText(" ".join(spellings), operator="and")


def language_of(locale: Locale | str) -> str:
    return getattr(locale, "language_code", locale)


def in_language(language: str) -> Q:
    """Pages of `language`, by a subquery on its code rather than a query to look the Locale
    up first (the search backends cannot filter across a join)."""
    return Q(locale__in=Locale.objects.filter(language_code=language).values("pk"))


def source_language() -> str:
    """The language pages are written in first (Turkish), as Locale.get_default() has it."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def searchable_pages(language: str):
    pages = Page.objects.live().filter(in_language(language), depth__gt=1)
    return (pages.public() if any_view_restrictions() else pages).specific()


def untranslated_pages(language: str, source: str):
    """Pages of the source language that have no live translation in `language`."""
    translated = Page.objects.live().filter(in_language(language))
    return searchable_pages(source).exclude(
        translation_key__in=translated.values("translation_key")
    )


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
    meta: dict = field(default_factory=dict)  # filled in by describe()

    @property
    def type_label(self) -> str:
        return search_type_of(type(self.page))[1]

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

    @property
    def occurrence(self):
        """For an event, the stored date it shows (its time, place and status)."""
        return self.meta.get("occurrence")

    @property
    def sessions(self) -> list:
        """For a festival, the sessions of its programme that the query matched."""
        return self.meta.get("sessions") or []

    @property
    def more_sessions(self) -> int:
        return self.meta.get("more_sessions") or 0


def describe(hits: list[Hit], text: str) -> list[Hit]:
    """Fill in what each hit shows besides its title, one call per kind of page (not per
    hit), so a page of results costs the same queries however many events it lists."""
    by_lookup: dict[object, list[Hit]] = {}
    for hit in hits:
        lookup = getattr(type(hit.page), "search_results_meta", None)
        if lookup is not None:
            # Grouped by the function, so page types sharing one (events) share a lookup.
            by_lookup.setdefault(lookup.__func__, []).append(hit)
    for group in by_lookup.values():
        page_type = type(group[0].page)
        metas = page_type.search_results_meta([hit.page for hit in group], text)
        for hit in group:
            hit.meta = metas.get(hit.page.pk, {})
    return hits


#: How long a query's counts and ranked page ids are kept. They are also dropped whenever
#: pages are published, moved or deleted (the content generation is in the key), but the
#: worker updates the search index shortly after a publish: this bounds how long a result
#: computed in between can stay.
SEARCH_CACHE_SECONDS = 300


def cached_search(parts: tuple, compute):
    """What `compute` returns for the search described by `parts`, shared by every app
    server until pages change. A popular query ("istanbul") matches most pages, and ranking
    them all is the costly part of a search (bench/RESULTS.md)."""
    from core.versions import content_generation

    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"search:{content_generation()}:{digest}"
    return versioned_get_or_set(key, compute, timeout=SEARCH_CACHE_SECONDS)


class RankedPages:
    """Slices of one search's ranked results: the page ids of a slice come from the cache
    (or the search backend, once), the pages themselves from one query per page type."""

    def __init__(self, text: str, queryset, language: str, key: tuple) -> None:
        self.text, self.queryset, self.language, self.key = text, queryset, language, key

    def __getitem__(self, key: slice) -> list[Page]:
        def ranked_ids() -> list[int]:
            results = search_pages(self.text, self.queryset, self.language)
            return [page.pk for page in results[key.start : key.stop]]

        ids = cached_search((*self.key, key.start, key.stop), ranked_ids)
        pages = self.queryset.filter(pk__in=ids).in_bulk()
        return [pages[pk] for pk in ids if pk in pages]


class ChainedResults:
    """Search results of the active language followed by the untranslated source pages,
    sliceable as one list (for Django's Paginator), with counts known from the facets."""

    def __init__(self, parts: list[tuple[object, int, bool]], text: str = ""):
        self.text = text
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
        return describe(hits, self.text)


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


def search_type_of(model: type | None) -> tuple[str, str]:
    """A page type's result type, as a key for the URL and a label in a visitor's words
    (core.mixins.BasePage.search_type); a page type of another library is a "page"."""
    key = getattr(model, "search_type", "pages")
    label = getattr(model, "search_type_label", None) or _("Pages")
    return key, capfirst(str(label))


def _types_by_key(content_type_ids) -> dict[str, list[int]]:
    """Result type key -> the content types of the results it groups."""
    groups: dict[str, list[int]] = {}
    for content_type_id in content_type_ids:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        groups.setdefault(search_type_of(model)[0], []).append(content_type_id)
    return groups


def _type_choices(counts: dict[int, int]) -> list[TypeChoice]:
    choices = []
    for key, content_type_ids in _types_by_key(counts).items():
        label = search_type_of(ContentType.objects.get_for_id(content_type_ids[0]).model_class())
        count = sum(counts[pk] for pk in content_type_ids)
        choices.append(TypeChoice(key, label[1], count))
    return sorted(choices, key=lambda choice: (-choice.count, choice.label))


def run_search(text: str, locale: Locale | str, type_value: str = "") -> SearchOutcome:
    """Search the live, public pages of `locale` (a Locale or a language code), then the
    source language's pages that have no translation in it (marked as fallbacks); editors'
    promotions come first and are not repeated below. `type_value` ("app_label.model")
    keeps one page type."""
    text = clean_query(text, MAX_QUERY_LENGTH)
    outcome = SearchOutcome(query=text)
    if not query_terms(text):
        return outcome

    language, source = language_of(locale), source_language()
    outcome.promotions = promotions_for(text, language)
    promoted_ids = [hit.page.pk for hit in outcome.promotions]

    sources = [(searchable_pages(language), language, False)]
    if source != language:
        sources.append((untranslated_pages(language, source), source, True))

    searches = []
    counts: dict[int, int] = {}
    for queryset, language, fallback in sources:
        queryset = queryset.exclude(id__in=promoted_ids)
        key = (text, language, fallback, tuple(promoted_ids))

        def type_counts(queryset=queryset, language=language) -> dict[int, int]:
            return dict(search_pages(text, queryset, language).facet("content_type_id"))

        facets = cached_search(("types", *key), type_counts)
        for content_type_id, count in facets.items():
            counts[content_type_id] = counts.get(content_type_id, 0) + count
        searches.append((queryset, language, fallback, facets, key))
    outcome.types = _type_choices(counts)
    outcome.total = sum(counts.values())

    # An unknown type, or one that has nothing for this query, shows every type.
    type_ids = _types_by_key(counts).get(type_value)
    if type_ids:
        outcome.selected_type = type_value

    parts = []
    for queryset, language, fallback, facets, key in searches:
        if type_ids:
            queryset = queryset.filter(content_type_id__in=type_ids)
            count = sum(facets.get(pk, 0) for pk in type_ids)
        else:
            count = sum(facets.values())
        ranked_key = ("ranked", *key, tuple(type_ids or ()))
        parts.append((RankedPages(text, queryset, language, ranked_key), count, fallback))
    outcome.results = ChainedResults(parts, text)
    return outcome


def _promotion_key(text: str) -> str:
    return " ".join(ascii_fold(word) for word in words(text))


def promoted_queries() -> dict[str, list[int]]:
    """The queries editors promoted pages for, by the way they are typed (folded) -> their
    ids. Cached until a promotion (or a page) changes, the content generation: every search
    asks, and would otherwise read and fold every promoted query."""
    from core.versions import content_generation

    def compute() -> dict[str, list[int]]:
        by_key: dict[str, list[int]] = {}
        for query in Query.objects.filter(editors_picks__isnull=False).distinct().order_by("pk"):
            by_key.setdefault(_promotion_key(query.query_string), []).append(query.pk)
        return by_key

    return versioned_get_or_set(f"search-promoted-queries:{content_generation()}", compute)


def promotions_for(text: str, locale: Locale | str) -> list[Hit]:
    """Editors' promotions for this query, whichever way it was typed ("IŞIK", "isik" and
    "ışık" are one query), in the active language: a promoted page is replaced by its
    translation, or shown as a fallback if it has none; pages of other languages are dropped."""
    queries = promoted_queries().get(_promotion_key(text))
    if not queries:
        return []
    promotions = (
        SearchPromotion.objects.filter(query__in=queries)
        .select_related("page", "page__locale")
        .order_by("sort_order", "pk")
    )
    language, source = language_of(locale), source_language()
    hits, seen = [], set()
    for promotion in promotions:
        if promotion.page is None:
            continue  # external links are not pages of this site's search
        page, fallback = promotion.page, False
        if page.locale.language_code != language:
            translation = (
                page.get_translations().filter(locale__language_code=language, live=True).first()
            )
            if translation is not None:
                page = translation
            elif page.locale.language_code == source:
                fallback = True
            else:
                continue
        if page.pk in seen or not page.live or page.get_view_restrictions().exists():
            continue
        seen.add(page.pk)
        hits.append(
            Hit(page.specific, fallback=fallback, promoted=True, description=promotion.description)
        )
    return describe(hits, text)


#: How many pages a search that found nothing shows from the other language.
OTHER_LANGUAGE_RESULTS = 10


def other_language_matches(text: str, locale: Locale | str) -> tuple[str, list[Hit]]:
    """For a search that found nothing in its language: the first other language whose
    pages match, and those pages, each shown in `locale`'s language where it is translated
    ("cay saati" on the English site finds Tea Time through its Turkish title). ("", [])
    when no language has a match."""
    language = language_of(locale)
    for code, _name in settings.LANGUAGES:
        results = search_pages(text, searchable_pages(code), code) if code != language else None
        pages = list(results[:OTHER_LANGUAGE_RESULTS]) if results is not None else []
        if not pages:
            continue
        twins = searchable_pages(language).filter(
            translation_key__in=[page.translation_key for page in pages]
        )
        by_key = {twin.translation_key: twin for twin in twins}
        hits = [
            Hit(by_key[page.translation_key])
            if page.translation_key in by_key
            else Hit(page, fallback=True)
            for page in pages
        ]
        return code, describe(hits, text)
    return "", []


def enqueue_log(text: str, language: str) -> None:
    """Count a search in the background; a search never fails because the queue is down."""
    from .tasks import log_search

    try:
        log_search.enqueue(text, language)
    except Exception:
        logger.exception("Could not enqueue the search log")


def log_query(text: str, language: str | None) -> None:
    """Count a search in Wagtail's query log (the admin's "Search terms" report)."""
    text = clean_query(text, MAX_QUERY_LENGTH)
    if query_terms(text):
        Query.get(lower(text, language)).add_hit()


def popular_searches(locale: Locale | str, limit: int = 6) -> list[str]:
    """Searches to suggest when nothing was found: the most searched queries of the last
    weeks among those editors curated with a promotion of a page in this language (never raw
    visitor queries, which may be personal or offensive)."""
    curated = SearchPromotion.objects.filter(
        page__locale__language_code=language_of(locale), page__live=True
    ).values("query")
    since = timezone.now().date() - datetime.timedelta(days=POPULAR_SEARCH_DAYS)
    queries = (
        Query.objects.filter(pk__in=curated)
        .annotate(recent_hits=Sum("daily_hits__hits", filter=Q(daily_hits__date__gte=since)))
        .order_by(F("recent_hits").desc(nulls_last=True), "query_string")
    )
    return [query.query_string for query in queries[:limit]]


#: A word is corrected only to a title word at least this similar (difflib's ratio).
SPELLING_CUTOFF = 0.75
#: Words shorter than this are never corrected ("ve", "ile", "art").
MIN_CORRECTED_LENGTH = 4


def title_vocabulary(language: str) -> dict[str, str]:
    """The words of the titles of this language's live pages (and of the source language's,
    which it may show untranslated), and the provinces' names: their ASCII folding -> the
    word in lower case (a province as written). Cached until a page is published, moved or
    deleted."""
    from core.versions import content_generation

    def compute() -> dict[str, str]:
        languages = {language, source_language()}
        vocabulary: dict[str, str] = {}
        titles = Page.objects.live().filter(locale__language_code__in=languages, depth__gt=1)
        for title, code in titles.values_list("title", "locale__language_code"):
            for word in words(title):
                if len(word) >= MIN_CORRECTED_LENGTH and not word.isdigit():
                    vocabulary.setdefault(ascii_fold(word), lower(word, code))
        # Places are searched for more than any other word, and pages find them by venue.
        for province in Province:
            vocabulary.setdefault(ascii_fold(province.label), province.label)
        return vocabulary

    key = f"search-vocabulary:{content_generation()}:{language}"
    return versioned_get_or_set(key, compute, timeout=60 * 60 * 24)


def spelling_suggestion(text: str, locale: Locale | str) -> str:
    """The query with each word that no title contains replaced by the closest one that
    does ("istanbl kültür" -> "istanbul kültür"), or "" when no word was replaced. Offered
    when a search finds nothing; typos are the usual reason on a phone."""
    language = language_of(locale)
    vocabulary = title_vocabulary(language)
    corrected, changed = [], False
    for term in query_terms(text):
        folded = ascii_fold(term)
        if len(term) < MIN_CORRECTED_LENGTH or folded in vocabulary:
            corrected.append(term)
            continue
        close = difflib.get_close_matches(folded, vocabulary, n=1, cutoff=SPELLING_CUTOFF)
        corrected.append(vocabulary[close[0]] if close else term)
        changed = changed or bool(close)
    return " ".join(corrected) if changed else ""


def suggest_titles(text: str, locale: Locale | str, limit: int) -> list[dict]:
    """Titles of this language's pages that start like the words typed ("izm" -> "İzmir")."""
    terms = query_terms(text)
    if not terms or len(terms[-1]) < 2:
        return []
    folded = " ".join(ascii_fold(term) for term in terms)
    language = language_of(locale)
    backend = get_search_backend("default", LANGUAGE=language)
    pages = backend.autocomplete(folded, searchable_pages(language))[:limit]
    return [{"title": page.title, "url": page.url} for page in pages if page.url]
