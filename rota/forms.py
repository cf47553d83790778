"""The public forms: the optional profile at the start, and one area's statements per step."""

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.models import LegalForm
from core.provinces import sorted_province_choices
from core.widgets import FastSelect

from .models import Area

FIELD_PREFIX = "s_"


class StartForm(forms.Form):
    """Who is taking the tool: all optional; consent needs the organisation's name."""

    organisation = forms.CharField(
        label=_("Organisation's name"),
        max_length=200,
        required=False,
        help_text=_("Leave it empty to stay anonymous."),
    )
    # FastSelect: 81 provinces in one template loop, not a template per option (same markup).
    province = forms.ChoiceField(
        label=_("Province"),
        required=False,
        choices=[("", "—"), *sorted_province_choices()],
        widget=FastSelect,
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        required=False,
        choices=[("", "—"), *LegalForm.choices],
        widget=FastSelect,
    )
    consent = forms.BooleanField(
        label=_(
            "The STGM team may see our organisation's named result, to offer us trainings "
            "and coaching."
        ),
        required=False,
        help_text=_(
            "Without this, the team only ever sees your answers added up with those of "
            "other organisations."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("consent") and not (cleaned.get("organisation") or "").strip():
            self.add_error(
                "organisation",
                _("Give your organisation's name if the team may see your named result."),
            )
        return cleaned


class AreaForm(forms.Form):
    """One step: a required choice on the scale for each statement of an area."""

    def __init__(self, *args, area: Area, scale: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        choices = [(str(value), label) for value, label in enumerate(scale, start=1)]
        for statement in area.statements:
            self.fields[FIELD_PREFIX + statement.key] = forms.TypedChoiceField(
                label=statement.text,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer for this statement."),
                    "invalid_choice": _("Choose one of the answers offered."),
                },
            )

    def answers(self) -> dict[str, int]:
        """The answers given (statement key -> value); on an invalid form, the valid ones."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return {
            name.removeprefix(FIELD_PREFIX): value
            for name, value in data.items()
            if name.startswith(FIELD_PREFIX) and value not in (None, "")
        }
