"""The RSS feed of one library (one language), served by PublicationLibraryPage's route."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from .models import PublicationLibraryPage, PublicationPage

FEED_SIZE = 20


class PublicationFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs) -> PublicationLibraryPage:
        return kwargs["library"]

    def title(self, obj: PublicationLibraryPage) -> str:
        return _("%(title)s · STGM") % {"title": obj.title}

    def link(self, obj: PublicationLibraryPage) -> str:
        return obj.get_url(request=self.request)

    def description(self, obj: PublicationLibraryPage) -> str:
        return obj.intro or obj.title

    def feed_url(self, obj: PublicationLibraryPage) -> str:
        return self.request.path

    def items(self, obj: PublicationLibraryPage):
        return PublicationPage.objects.in_library(obj).newest_first()[:FEED_SIZE]

    def item_title(self, item: PublicationPage) -> str:
        return item.title

    def item_description(self, item: PublicationPage) -> str:
        return item.summary

    def item_link(self, item: PublicationPage) -> str:
        return item.get_url(request=self.request)

    def item_guid(self, item: PublicationPage) -> str:
        return f"{item.translation_key}-{item.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: PublicationPage):
        return item.first_published_at

    def item_author_name(self, item: PublicationPage) -> str | None:
        return str(item.group) if item.group else None

    def item_categories(self, item: PublicationPage) -> list[str]:
        return [str(item.get_kind_display()), *item.topic_labels]
