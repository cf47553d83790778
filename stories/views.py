from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from .forms import StoryFilterForm
from .models import StoryIndexPage, StoryPage

STORIES_PER_PAGE = 12


def story_listing(request: HttpRequest, index: StoryIndexPage) -> HttpResponse:
    """The archive: filters from the query string, then one page of story cards."""
    stories = StoryPage.objects.in_index(index)
    choices = index.filter_choices()
    themes = choices["themes"]
    form = StoryFilterForm(request.GET, **choices)
    filters = form.filters()
    results = stories.filtered(**filters).for_listing()
    page_obj = Paginator(results, STORIES_PER_PAGE).get_page(request.GET.get("page"))
    # The cards' themes are all among the archive's themes: no need for another lookup.
    by_key = {theme.translation_key: theme for theme in themes}
    for story in page_obj:
        story.display_themes = story.localized_themes(by_key)
    return index.render(
        request,
        context_overrides={"form": form, "page_obj": page_obj, "is_filtered": bool(filters)},
    )
