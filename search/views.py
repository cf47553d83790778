from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language, get_language_info
from django.views.decorators.http import require_safe
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from core.search_text import clean_query, query_terms

from . import services

RESULTS_PER_PAGE = 10
MAX_SUGGESTIONS = 8


def active_language() -> str:
    """The language of the request's content, as Locale.get_active() has it, without its
    query."""
    return get_supported_content_language_variant(get_language())


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    language = active_language()
    outcome = services.run_search(request.GET.get("q", ""), language, request.GET.get("type", ""))
    page_obj = None
    if query_terms(outcome.query):
        # get_page() turns "abc", "-1" or "99999" into the first or the last page.
        page_obj = Paginator(outcome.results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        if not request.GET.get("page") and not request.GET.get("type"):
            # Counted once per search, not again for each results page or type filter.
            services.enqueue_log(outcome.query, language)
    context = {
        "search_query": outcome.query,
        "outcome": outcome,
        "results": page_obj,
        "promotions": outcome.promotions if page_obj is None or page_obj.number == 1 else [],
        "has_terms": bool(query_terms(outcome.query)),
    }
    if outcome.query and not outcome.count and not outcome.promotions:
        found_in, context["other_language_hits"] = services.other_language_matches(
            outcome.query, language
        )
        if found_in:
            context["other_language_name"] = get_language_info(found_in)["name_translated"]
        context["did_you_mean"] = _useful_suggestion(outcome.query, language)
        context["popular_searches"] = services.popular_searches(language)
        context["sections"] = _sections(request)
    return TemplateResponse(request, "search/search.html", context)


def _useful_suggestion(query: str, language: str) -> str:
    """A corrected query, offered only if it finds something."""
    suggestion = services.spelling_suggestion(query, language)
    if suggestion and services.run_search(suggestion, language).count_with_promotions:
        return suggestion
    return ""


def _sections(request: HttpRequest):
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page.localized
    return list(root.get_children().live().public().in_menu())


@require_safe
def suggest(request: HttpRequest) -> JsonResponse:
    """Titles for search-as-you-type (an enhancement; the form works without it)."""
    text = clean_query(request.GET.get("q", ""), services.MAX_QUERY_LENGTH)
    suggestions = services.suggest_titles(text, active_language(), MAX_SUGGESTIONS)
    return JsonResponse({"suggestions": suggestions})
