from django.urls import reverse
from wagtail.admin.panels import Panel

from .rule_summary import preview


class NextDatesPanel(Panel):
    """Under a series' rule editor: the rule in plain words and its next dates, with the
    changed ones marked. Rendered on load from the page (so it reads without JavaScript) and
    refreshed by rule-preview.js from events.admin_views.recurrence_preview as the rule
    changes."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/next_dates_panel.html"

        class Media:
            js = ["events/js/rule-preview.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context.update(
                preview_url=reverse("events_admin:recurrence_preview"),
                problem="",
                summary="",
                dates=[],
            )
            if not page.start:
                return context
            result = preview(page.recurrences, page.start)
            changes = {change.date: change for change in page.date_changes.all()}
            context["summary"] = result.summary
            context["dates"] = [(moment, changes.get(moment.date())) for moment in result.dates]
            return context
