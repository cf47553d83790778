"""The dashboard panel: open requests of each kind, per step."""

from typing import Any

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .kinds import coaching_kind, tailor_made_kind
from .services import open_counts


class OpenRequestsPanel(Component):
    name = "open_requests"
    template_name = "coaching/admin/dashboard_panel.html"
    order = 165

    def __init__(self, kinds: list) -> None:
        self.kinds = kinds

    def get_context_data(self, parent_context: Any = None) -> dict:
        lines = []
        for kind in self.kinds:
            counts = open_counts(kind.model)
            counts.list_url = reverse(f"{kind.admin_url_namespace}:list")
            lines.append(counts)
        return {"lines": lines}


KINDS = (coaching_kind, tailor_made_kind)
