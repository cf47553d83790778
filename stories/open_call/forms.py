"""The public form of the open call for narrators."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.forms import ApplicantFieldsMixin, https_formfield
from core.provinces import sorted_province_choices

from .models import NarratorApplication


class NarratorApplicationForm(ApplicantFieldsMixin, forms.ModelForm):
    """The public form of the open call for narrators (contact, consent and honeypot shared
    with every application form)."""

    class Meta:
        formfield_callback = https_formfield
        model = NarratorApplication
        fields = [
            "contact_name",
            "organisation",
            "city",
            "email",
            "phone",
            "summary",
            "why_it_matters",
            "preferred_province",
            "accessibility_needs",
        ]
        labels = {
            "contact_name": _("Your name"),
            "organisation": _("Organisation"),
            "city": _("City"),
            "email": _("E-mail"),
            "phone": _("Phone"),
            "summary": _("Your story in short"),
            "why_it_matters": _("Why it matters"),
            "preferred_province": _("Where would you like to tell it?"),
            "accessibility_needs": _("Accessibility needs"),
        }
        help_texts = {
            "organisation": _("Optional. The organisation you are part of, if any."),
            "phone": _("A Turkish or international number."),
            "summary": _("A few sentences: what happened, who was there."),
            "why_it_matters": _("What changed, for you or for others?"),
            "preferred_province": _("Optional. The province of the stage you would prefer."),
            "accessibility_needs": _(
                "Optional. e.g. step-free access, sign language, a seat on stage, a companion."
            ),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "why_it_matters": forms.Textarea(attrs={"rows": 4}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        error_messages = {
            "contact_name": {"required": _("Enter your name.")},
            "city": {"required": _("Choose the city you live in.")},
            "summary": {
                "required": _("Tell us your story in a few sentences."),
                "max_length": _("Keep the summary under 1,500 characters."),
            },
            "why_it_matters": {
                "required": _("Tell us why your story matters."),
                "max_length": _("Keep this under 1,500 characters."),
            },
        }

    def __init__(self, *args: Any, privacy_url: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.require_contact()
        self.fields["city"].choices = [("", "—"), *sorted_province_choices()]
        self.fields["preferred_province"].choices = [
            ("", _("No preference")),
            *sorted_province_choices(),
        ]
        self.add_consent(privacy_url)
        self.add_honeypot()

    def clean_contact_name(self) -> str:
        return " ".join(self.cleaned_data.get("contact_name", "").split())

    def clean_organisation(self) -> str:
        return " ".join(self.cleaned_data.get("organisation", "").split())

    def service_fields(self) -> dict[str, Any]:
        """The cleaned values the submit service stores."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
