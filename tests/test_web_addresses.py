"""A web address typed without its scheme is read as https, in the public forms and in the
admin's page and snippet forms alike (Django 6's default, said now)."""

from django import forms

from applications.stands.forms import StandApplicationForm
from events.models import MeetingPage
from home.models import SiteSettings
from stories.open_call.forms import NarratorApplicationForm


def test_public_application_forms_assume_https():
    for form_class in (StandApplicationForm, NarratorApplicationForm):
        url_fields = [f for f in form_class.base_fields.values() if isinstance(f, forms.URLField)]
        assert all(field.assume_scheme == "https" for field in url_fields)
    assert StandApplicationForm.base_fields["website"].clean("ornek.org.tr") == (
        "https://ornek.org.tr"
    )


def test_admin_forms_assume_https():
    from wagtail.admin.panels import get_edit_handler

    for form_class in (
        MeetingPage.get_edit_handler().get_form_class(),
        get_edit_handler(SiteSettings).get_form_class(),
    ):
        url_fields = [f for f in form_class.base_fields.values() if isinstance(f, forms.URLField)]
        assert url_fields, form_class
        assert all(field.assume_scheme == "https" for field in url_fields)
