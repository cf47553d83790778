"""The public stand application form."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.provinces import sorted_province_choices
from core.widgets import FastSelect

from ..forms import ApplicantFieldsMixin, https_formfield
from ..models import LegalForm, StandApplication, ThematicArea

# The provinces in Turkish order (their names are the same in every language): sorted once.
PROVINCE_CHOICES = [("", "—"), *sorted_province_choices()]


class StandApplicationForm(ApplicantFieldsMixin, forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label=_("Thematic areas"),
        choices=ThematicArea.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose up to five."),
        error_messages={"required": _("Choose at least one thematic area.")},
    )

    class Meta:
        formfield_callback = https_formfield
        model = StandApplication
        fields = [
            "organisation",
            "legal_form",
            "province",
            "themes",
            "website",
            "contact_name",
            "email",
            "phone",
            "stand_type",
            "exhibit",
            "needs_electricity",
            "needs_table",
            "chairs",
            "team_accessibility_needs",
            "people",
        ]
        labels = {
            "organisation": _("Organisation name"),
            "legal_form": _("Legal form"),
            "province": _("City"),
            "website": _("Website or social media link"),
            "contact_name": _("Contact person"),
            "email": _("E-mail"),
            "phone": _("Phone"),
            "stand_type": _("Stand type"),
            "exhibit": _("What will your stand show?"),
            "needs_electricity": _("We need electricity"),
            "needs_table": _("We need a table"),
            "chairs": _("Chairs needed"),
            "team_accessibility_needs": _("Accessibility needs of your stand team"),
            "people": _("People at the stand"),
        }
        help_texts = {
            "website": _("Optional. Starts with https://"),
            "phone": _("A Turkish or international number."),
            "exhibit": _("Materials, activities, products: a few sentences."),
            "team_accessibility_needs": _(
                "Optional. e.g. step-free access, a seat near the entrance, sign language."
            ),
            "people": _("Between 1 and 10."),
            "chairs": _("Between 0 and 10."),
        }
        widgets = {
            "exhibit": forms.Textarea(attrs={"rows": 4}),
            "team_accessibility_needs": forms.Textarea(attrs={"rows": 3}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
            # 81 provinces: one template loop, not a template per option (same markup).
            "legal_form": FastSelect,
            "province": FastSelect,
            "stand_type": FastSelect,
        }
        error_messages = {
            "organisation": {"required": _("Enter the name of your organisation.")},
            "legal_form": {"required": _("Choose the legal form of your organisation.")},
            "province": {"required": _("Choose the city of your organisation.")},
            "contact_name": {"required": _("Enter the name of the contact person.")},
            "exhibit": {"required": _("Tell us what your stand will show.")},
            "website": {"invalid": _("Enter a full web address, e.g. https://ornek.org.tr")},
            "people": {
                "min_value": _("At least one person runs the stand."),
                "max_value": _("At most 10 people per stand."),
            },
            "chairs": {"max_value": _("At most 10 chairs per stand.")},
        }

    def __init__(
        self, *args: Any, festival=None, stand_types=None, privacy_url: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.require_contact()
        self.fields["legal_form"].choices = [("", "—"), *LegalForm.choices]
        self.fields["province"].choices = PROVINCE_CHOICES
        # Stand types: the call festival's rows, labelled in the visitor's language.
        stand_types = list(stand_types or [])
        if stand_types:
            field = self.fields["stand_type"]
            field.queryset = field.queryset.filter(pk__in=[pk for pk, _label in stand_types])
            field.required = True
            field.empty_label = "—"
            # The call's rows are known already: listed without querying them again (the
            # queryset still checks a submitted choice).
            field.choices = [("", field.empty_label), *stand_types]
            field.error_messages["required"] = _("Choose a stand type.")
        else:
            del self.fields["stand_type"]
        self.add_consent(privacy_url)
        self.add_honeypot()

    def clean_themes(self) -> list[str]:
        themes = self.cleaned_data.get("themes") or []
        if len(themes) > 5:
            raise forms.ValidationError(_("Choose at most five thematic areas."))
        return themes

    def clean_organisation(self) -> str:
        return " ".join(self.cleaned_data.get("organisation", "").split())

    def service_fields(self) -> dict[str, Any]:
        """The cleaned values the submit service stores."""
        names = [name for name in self.Meta.fields if name in self.fields]
        return {name: self.cleaned_data[name] for name in names}


# Each form deep-copies its class's fields; the provinces' 81 choices are set by __init__, so
# the class's copy needs none.
StandApplicationForm.base_fields["province"].choices = []
