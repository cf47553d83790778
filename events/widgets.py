from django import forms
from django.templatetags.static import static
from recurrence.forms import RecurrenceWidget

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
