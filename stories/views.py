from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from core.pagination import CachedCountPaginator, query_digest
from core.versions import content_generation

from .cards import story_cards
from .forms import StoryFilterForm
from .models import StoryIndexPage, StoryPage

STORIES_PER_PAGE = 12
#: How long a count of an archive's (filtered) stories is kept at most. It only changes
#: when a page is published (a new content generation, in its key): this bounds how long
#: the counts of generations gone stay in the shared cache.
COUNT_SECONDS = 60 * 60 * 24


def story_listing(request: HttpRequest, index: StoryIndexPage) -> HttpResponse:
    """The archive: filters from the query string, then one page of story cards. What grows
    with the archive (the filters' choices, the count of matching stories) is cached until
    a page or a theme changes (the content generation); the page's stories come from an
    index in date order (stories migration 0005)."""
    generation = content_generation()
    choices = index.filter_choices()
    themes = choices["themes"]
    form = StoryFilterForm(
        request.GET,
        **choices,
        cache_key=f"story-filters:{generation}:{index.pk}:{get_language()}",
    )
    filters = form.filters()
    # The cards' themes and thumbnails are read only for cards not cached (stories.cards).
    results = StoryPage.objects.in_index(index).filtered(**filters).for_cards_cached()
    paginator = CachedCountPaginator(
        results,
        STORIES_PER_PAGE,
        count_key=f"story-count:{generation}:{index.pk}:{query_digest(filters)}",
        count_seconds=COUNT_SECONDS,
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    # The cards' themes are all among the archive's themes: no need for another lookup.
    by_key = {theme.translation_key: theme for theme in themes}
    cards = story_cards(request, list(page_obj), by_key, heading="h2")
    return index.render(
        request,
        context_overrides={
            "form": form,
            "page_obj": page_obj,
            "cards": cards,
            "is_filtered": bool(filters),
        },
    )
