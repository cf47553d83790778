"""RSS and Atom feeds of one archive (one language), served by StoryIndexPage's routes."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import StoryIndexPage, StoryPage, theme_lookup

FEED_SIZE = 20


class StoryRssFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs) -> StoryIndexPage:
        index = kwargs["index"]
        self.language = index.locale.language_code
        self.themes_by_key = theme_lookup(index.locale_id)
        return index

    def title(self, obj: StoryIndexPage) -> str:
        return _("%(title)s · STGM") % {"title": obj.title}

    def link(self, obj: StoryIndexPage) -> str:
        return obj.get_url(request=self.request)

    def description(self, obj: StoryIndexPage) -> str:
        return obj.intro or obj.title

    def feed_url(self, obj: StoryIndexPage) -> str:
        return self.request.path

    def items(self, obj: StoryIndexPage):
        return (
            StoryPage.objects.in_index(obj)
            .select_related("narrator")
            .prefetch_related("themes")
            .order_by("-first_published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: StoryPage) -> str:
        return item.title

    def item_description(self, item: StoryPage) -> str:
        narrator = item.narrator.name if item.narrator else ""
        text = f"“{item.pull_quote}”"
        return f"{text} — {narrator}" if narrator else text

    def item_link(self, item: StoryPage) -> str:
        return item.get_url(request=self.request)

    def item_guid(self, item: StoryPage) -> str:
        return f"{item.translation_key}-{item.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: StoryPage):
        return item.first_published_at

    def item_updateddate(self, item: StoryPage):
        return item.last_published_at

    def item_author_name(self, item: StoryPage) -> str | None:
        return item.narrator.name if item.narrator else None

    def item_categories(self, item: StoryPage) -> list[str]:
        return [theme.name for theme in item.localized_themes(self.themes_by_key)]


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: StoryIndexPage) -> str:
        return self.description(obj)
