from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import StokModule


class StokModuleViewSet(SnippetViewSet):
    model = StokModule
    icon = "doc-full"
    menu_label = _("STOK modules")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", "level", "duration_minutes", "sort_order"]
    list_filter = ["level"]
    search_fields = ["title"]


register_snippet(StokModuleViewSet)
