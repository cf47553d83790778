from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Occurrence, Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "province", "district"]
    list_filter = ["province"]
    search_fields = ["name", "district", "address"]


register_snippet(VenueViewSet)


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
