"""The public request form, one for both kinds (its model is the page's programme's)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.forms import ApplicantFieldsMixin
from core.provinces import sorted_province_choices

from .models import BaseRequest, CoachingRequest, LegalForm, RequestArea, TailorMadeRequest

FIELDS = [
    "organisation",
    "province",
    "legal_form",
    "need",
    "areas",
    "preferred_format",
    "preferred_period",
    "contact_name",
    "email",
    "phone",
]


class RequestForm(ApplicantFieldsMixin, forms.ModelForm):
    """The organisation, its need, areas, format and period, a contact, and consent (the
    contact, consent and honeypot are shared with every application form)."""

    areas = forms.MultipleChoiceField(
        label=_("Areas"),
        choices=RequestArea.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose every area the work should cover."),
        error_messages={"required": _("Choose at least one area.")},
    )

    class Meta:
        model: type[BaseRequest] = CoachingRequest
        fields = FIELDS
        labels = {
            "organisation": _("Organisation"),
            "province": _("Province"),
            "legal_form": _("Legal form"),
            "need": _("Your need, in your own words"),
            "preferred_format": _("Preferred format"),
            "preferred_period": _("Preferred period"),
            "contact_name": _("Contact person"),
            "email": _("E-mail"),
            "phone": _("Phone"),
        }
        help_texts = {
            "need": _(
                "What is happening in your organisation, what you would like to change and "
                "what you have tried. Please do not write other people's personal data."
            ),
            "preferred_period": _("E.g. “March–April”, “after the summer”, “weekday evenings”."),
            "email": _("We write to you here, with a private link to follow the request."),
            "phone": _("Optional."),
        }
        widgets = {
            "need": forms.Textarea(attrs={"rows": 7}),
            "preferred_format": forms.RadioSelect,
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel"}),
        }
        error_messages = {
            "organisation": {"required": _("Enter the name of your organisation.")},
            "province": {"required": _("Choose your province.")},
            "legal_form": {"required": _("Choose your organisation's legal form.")},
            "need": {
                "required": _("Describe your need."),
                "max_length": _("Keep the description under 3,000 characters."),
            },
            "preferred_format": {"required": _("Choose a format.")},
            "preferred_period": {"required": _("Say when the work would suit you.")},
            "contact_name": {"required": _("Enter the name of the contact person.")},
        }

    def __init__(self, *args: Any, privacy_url: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].error_messages.update(
            required=_("Enter an e-mail address: we write to you there."),
            invalid=_("Enter a valid e-mail address, e.g. ad@ornek.org.tr"),
        )
        self.fields["province"].choices = [("", "—"), *sorted_province_choices()]
        self.fields["legal_form"].choices = [("", "—"), *LegalForm.choices]
        self.fields["preferred_format"].choices = list(self.fields["preferred_format"].choices)[
            1:
        ]  # radio buttons: no empty choice
        self.add_consent(privacy_url)
        self.add_honeypot()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name in ("contact_name", "organisation", "preferred_period"):
            if isinstance(cleaned.get(name), str):
                cleaned[name] = " ".join(cleaned[name].split())
        return cleaned

    def clean_need(self) -> str:
        text = self.cleaned_data.get("need", "").strip()
        if len(text.split()) < 5:
            raise forms.ValidationError(_("Describe your need in a few full sentences."))
        return text

    def clean_phone(self) -> str:
        return super().clean_phone() if self.cleaned_data.get("phone") else ""

    def service_fields(self) -> dict[str, Any]:
        """The cleaned values the submit service stores."""
        fields = {name: self.cleaned_data[name] for name in FIELDS}
        fields["areas"] = f",{','.join(fields['areas'])},"
        return fields


class TailorMadeRequestForm(RequestForm):
    class Meta(RequestForm.Meta):
        model = TailorMadeRequest
