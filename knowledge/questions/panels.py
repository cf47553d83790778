"""The dashboard panel: open questions and the median days to answer."""

from typing import Any

from wagtail.admin.ui.components import Component

from .services import dashboard_figures


class OpenQuestionsPanel(Component):
    name = "open_questions"
    template_name = "knowledge/admin/dashboard_panel.html"
    order = 160

    def get_context_data(self, parent_context: Any = None) -> dict:
        return {"figures": dashboard_figures()}
