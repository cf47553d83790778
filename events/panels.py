from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import InlinePanel, PageChooserPanel, Panel
from wagtail.admin.panels.base import get_form_for_model

from .forms import OccurrenceChangeForm
from .rule_summary import preview
from .widgets import EventPageChooser


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
                context["problem"] = _(
                    "Give the first meeting's start to see the rule and its dates."
                )
                return context
            result = preview(page.recurrences, page.start)
            changes = {change.date: change for change in page.date_changes.all()}
            context["summary"] = result.summary
            context["dates"] = [(moment, changes.get(moment.date())) for moment in result.dates]
            return context


class DateChangesPanel(InlinePanel):
    """A series' changes to single dates, each date picked among the series' own dates: the
    page form passes its `series_dates` to every change's form (events.forms)."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        child_options = self.child_edit_handler.get_form_options()
        meta = {
            key: child_options[key]
            for key in ("fields", "defer_required_on_fields")
            if child_options.get(key)
        }
        formset["form"] = get_form_for_model(
            self.db_field.related_model, form_class=OccurrenceChangeForm, **meta
        )
        formset["inherit_kwargs"] = ["series_dates"]
        return options


class EventChooserPanel(PageChooserPanel):
    """Choose an event: the chooser opens at the events index in the language of the page or
    snippet being edited."""

    def get_form_options(self):
        options = super().get_form_options()
        options.setdefault("widgets", {})[self.field_name] = EventPageChooser(
            target_models=self.page_type, can_choose_root=False
        )
        return options

    class BoundPanel(PageChooserPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is not None:
                # The form's own copy of the widget: safe to set per request.
                self.bound_field.field.widget.start_locale = getattr(self.instance, "locale", None)
