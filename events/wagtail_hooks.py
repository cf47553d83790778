from django.conf import settings
from django.urls import include, path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.caching import FRONTEND_CACHE_URLS_HOOK

from . import admin_views
from .models import EventFields, EventSeriesPage, Occurrence, Venue


class VenueChooserViewSet(SnippetChooserViewSet):
    """The venue chooser inside event forms, with a tab to add a venue without leaving."""

    form_fields = ["name", "address", "province", "district", "access_notes"]
    create_action_label = _("Add the venue")
    create_action_clicked_label = _("Adding…")
    creation_tab_label = _("New venue")


class VenueViewSet(SnippetViewSet):
    model = Venue
    chooser_viewset_class = VenueChooserViewSet
    icon = "site"
    menu_label = _("Venues")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "province", "district"]
    list_filter = ["province"]


register_snippet(VenueViewSet)


@hooks.register("register_admin_urls")
def register_events_admin_urls():
    urls = [
        path(
            "recurrence-preview/",
            admin_views.recurrence_preview,
            name="recurrence_preview",
        ),
        path(
            "series/<int:page_id>/cancel-dates/",
            admin_views.CancelDatesView.as_view(),
            name="cancel_dates",
        ),
    ]
    return [path("events/", include((urls, "events_admin"), namespace="events_admin"))]


@hooks.register("register_page_header_buttons")
def cancel_dates_button(page, user, view_name, next_url=None):
    """A series' header menu: cancel a range of its dates (a holiday, a closure)."""
    if isinstance(page.specific_deferred, EventSeriesPage) and page.pk:
        if page.permissions_for_user(user).can_edit():
            yield Button(
                _("Cancel a range of dates"),
                reverse("events_admin:cancel_dates", args=[page.pk]),
                icon_name="date",
                priority=40,
            )


class UpcomingEventsPanel(Component):
    """The editors' dashboard: what is coming up next, with links to edit each event."""

    name = "upcoming_events"
    order = 90
    template_name = "events/admin/upcoming_events_panel.html"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        default_locale = Locale.get_default()
        context["occurrences"] = (
            Occurrence.objects.filter(locale=default_locale).for_listing().upcoming()[:8]
        )
        return context


@hooks.register("construct_homepage_panels")
def add_upcoming_events_panel(request, panels) -> None:
    panels.append(UpcomingEventsPanel())


# Calendar files and feeds under every language prefix (events/urls.py), for the CDN purge.
SITE_WIDE_FEED_URL_NAMES = (
    "event_feeds:events_ics",
    "event_feeds:events_rss",
    "event_feeds:events_atom",
)


@hooks.register(FRONTEND_CACHE_URLS_HOOK)
def feed_urls_to_purge(site, root_url: str, pages) -> list[str]:
    """The site-wide feeds in every language, and each changed event's own calendar file
    (the URL's language picks the text)."""
    urls = []
    events = [page.pk for page in pages if isinstance(page.specific_deferred, EventFields)]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.extend(root_url + reverse(name) for name in SITE_WIDE_FEED_URL_NAMES)
            urls.extend(
                root_url + reverse("event_feeds:event_ics", kwargs={"page_id": pk}) for pk in events
            )
    return urls
