from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from applications.permissions import register_received_only
from core.sections import PAGE_SECTIONS_HOOK

from . import sections
from .models import Narrator, NarratorApplication, Testimonial, Theme
from .open_call.viewsets import NarratorApplicationViewSet

register_received_only(NarratorApplication)
hooks.register(PAGE_SECTIONS_HOOK, sections.page_sections)


class NarratorViewSet(SnippetViewSet):
    model = Narrator
    icon = "user"
    menu_label = _("Narrators")
    list_display = ["name", "organisation", "city", "province"]
    list_filter = ["province"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    menu_label = _("Testimonials")
    list_display = ["attribution", "page", "show_on_home_page"]
    list_filter = ["show_on_home_page"]


class StoriesGroup(SnippetViewSetGroup):
    items = (NarratorViewSet, ThemeViewSet, TestimonialViewSet)
    menu_icon = "openquote"
    menu_label = _("Stories")
    menu_name = "stories"
    menu_order = 220


register_snippet(StoriesGroup)


# --- The open call for narrators ---------------------------------------------------------

register_snippet(NarratorApplicationViewSet)
