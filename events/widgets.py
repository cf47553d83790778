from django import forms
from django.apps import apps
from django.templatetags.static import static
from recurrence.forms import RecurrenceWidget
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale

DJANGO_ADMIN_JQUERY = ("admin/js/vendor/jquery/jquery", "admin/js/jquery.init.js")


class WagtailRecurrenceWidget(RecurrenceWidget):
    """django-recurrence's widget without Django admin's jQuery, which breaks Wagtail's editor."""

    def get_media(self) -> forms.Media:
        media = super().get_media()
        scripts = [static("events/js/recurrence-jquery.js")]
        for script in media._js:
            path = getattr(script, "path", script)
            if not any(marker in str(path) for marker in DJANGO_ADMIN_JQUERY):
                scripts.append(script)
        return forms.Media(js=scripts, css=media._css)

    media = property(get_media)


class EventPageChooser(AdminPageChooser):
    """A page chooser for events that opens at the events index of the page's language, not
    at the root of the tree (where Wagtail starts when the events of both languages share no
    closer ancestor). events.panels.EventChooserPanel sets `start_locale` per form."""

    js_constructor = "EventPageChooser"
    start_locale = None

    def get_js_init_options(self, id_, name, value_data):
        options = super().get_js_init_options(id_, name, value_data)
        index_model = apps.get_model("events", "EventIndexPage")
        locale = self.start_locale or Locale.get_default()
        index = index_model.objects.filter(locale=locale).order_by("path").first()
        if index is not None:
            options["startParentId"] = index.pk
        return options

    @property
    def media(self) -> forms.Media:
        return super().media + forms.Media(js=[static("events/js/event-chooser.js")])
