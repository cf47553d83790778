from django import forms
from django.utils.translation import gettext_lazy as _


class MapFilterForm(forms.Form):
    """The map's GET filters: a kind of activity and a year, both optional."""

    kind = forms.ChoiceField(label=_("What"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, series: list, years: list[int]) -> None:
        super().__init__(data)
        self.fields["kind"].choices = [("", _("Everything")), *((s.kind, s.label) for s in series)]
        self.fields["year"].choices = [("", _("All years")), *((y, str(y)) for y in years)]
        # An unknown kind or year is reported by the form; the map then shows everything.
        self.fields["kind"].error_messages["invalid_choice"] = _("Choose a kind from the list.")
        self.fields["year"].error_messages["invalid_choice"] = _("Choose a year from the list.")

    def filters(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {"kind": data.get("kind") or "", "year": data.get("year")}
