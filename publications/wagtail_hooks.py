from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.sections import PAGE_SECTIONS_HOOK

from .models import AuthoringGroup
from .sections import page_sections

hooks.register(PAGE_SECTIONS_HOOK, page_sections)


class AuthoringGroupViewSet(SnippetViewSet):
    model = AuthoringGroup
    icon = "group"
    menu_label = _("Authoring groups")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "acronym", "slug"]


register_snippet(AuthoringGroupViewSet)
