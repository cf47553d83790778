"""Story cards rendered once per content generation: a card shows content alone (the
story's title, narrator, province, date, quote, thumbnail and themes), so the archive reads
the rows and renditions behind its twelve cards, and renders them, only when a page, an
image or a theme changes (or a card is first shown)."""

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.versions import content_generation, local_copies

from .models import StoryPage, localize_themes

#: How long a card is kept at most; a new content generation retires it at once.
CARD_SECONDS = 60 * 60 * 24


def story_cards(
    request: HttpRequest, stories: list[StoryPage], themes_by_key: dict, heading: str
) -> list[SafeString]:
    """The card of each story (stories/includes/story_card.html) with its themes shown in
    the language of `themes_by_key`, from this process's copies, else the shared cache,
    else rendered (the missing ones' themes and renditions read in one query each)."""
    prefix = f"story-card:{content_generation()}:{request.get_host()}:{get_language()}:{heading}"
    keys = {story.pk: f"{prefix}:{story.pk}" for story in stories}
    cards: dict[str, str] = {}
    for key in keys.values():
        found, value = local_copies.get(key)
        if found:
            cards[key] = value
    wanted = [key for key in keys.values() if key not in cards]
    if wanted:
        shared = cache.get_many(wanted)
        for key, value in shared.items():
            local_copies.put(key, value, CARD_SECONDS)
        cards.update(shared)
    missing = [story for story in stories if keys[story.pk] not in cards]
    if missing:
        prefetch_related_objects(missing, "themes", "image__renditions")
        rendered = {}
        for story in missing:
            story.display_themes = localize_themes(story.themes.all(), themes_by_key)
            context = {"story": story, "heading": heading}
            html = render_to_string("stories/includes/story_card.html", context, request)
            rendered[keys[story.pk]] = html
            local_copies.put(keys[story.pk], html, CARD_SECONDS)
        cache.set_many(rendered, CARD_SECONDS)
        cards.update(rendered)
    return [mark_safe(cards[keys[story.pk]]) for story in stories]  # noqa: S308 - our template
