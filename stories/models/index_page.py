"""The stories archive page: listing, filters and feeds."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from core.mixins import BasePage
from core.versions import content_generation, versioned_get_or_set

from .story import StoryPage
from .themes import Theme


class StoryIndexPage(RoutablePageMixin, BasePage):
    search_type, search_type_label = "stories", _("Stories")

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("stories archive")
        verbose_name_plural = _("stories archives")

    @path("")
    def listing(self, request):
        from ..views import story_listing

        return story_listing(request, self)

    def open_call(self):
        from ..open_call.models import latest_open_call

        return latest_open_call(self.locale_id)

    def filter_choices(self) -> dict:
        """What the archive's filters offer: the provinces, years, events and themes its
        stories have, and the values each filter accepts ("known"). Cached until a page or
        a theme changes (the content generation): the question reads every story of the
        archive."""
        key = f"story-filter-options:{content_generation()}:{self.pk}"

        def compute() -> dict:
            from ..forms import known_values

            stories = StoryPage.objects.in_index(self)
            choices = {
                **stories.facets(),
                "themes": list(Theme.objects.used_by(stories, self.locale_id)),
            }
            return {**choices, "known": known_values(**choices)}

        return versioned_get_or_set(key, compute)

    @path("feed/", name="feed")
    def rss_feed(self, request):
        from ..feeds import StoryRssFeed

        return StoryRssFeed()(request, index=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from ..feeds import StoryAtomFeed

        return StoryAtomFeed()(request, index=self)
