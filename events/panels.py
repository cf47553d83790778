from wagtail.admin.panels import Panel


class NextDatesPanel(Panel):
    """Shows editors the next dates a series' saved rule gives, with the changed ones marked."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/next_dates_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if not (page.pk and page.start):
                context["dates"] = []
                return context
            changes = {change.date: change for change in page.date_changes.all()}
            context["dates"] = [
                (moment, changes.get(moment.date())) for moment in page.next_dates()
            ]
            return context
