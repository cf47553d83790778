from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import FastSelect
from search.services import MAX_QUERY_LENGTH

from .choices import PublicationKind, PublicationLanguage, PublicationTopic


class PublicationFilterForm(forms.Form):
    """The library's search and filters: a plain GET form whose state lives in the URL. A
    value not understood is ignored on its own; the others still apply."""

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH)
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=FastSelect)
    group = forms.ChoiceField(label=_("Group"), required=False, widget=FastSelect)
    year = forms.TypedChoiceField(
        label=_("Year"), required=False, coerce=int, empty_value=None, widget=FastSelect
    )
    language = forms.ChoiceField(label=_("Language"), required=False, widget=FastSelect)
    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=FastSelect)

    def __init__(self, data, *, years: list[int], groups: list, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *PublicationKind.choices]
        self.fields["group"].choices = [
            ("", _("All groups")),
            *[(group.slug, str(group)) for group in groups],
        ]
        self.fields["year"].choices = [("", _("All years")), *[(y, str(y)) for y in years]]
        self.fields["language"].choices = [
            ("", _("All languages")),
            *PublicationLanguage.choices,
        ]
        self.fields["topic"].choices = [("", _("All topics")), *PublicationTopic.choices]

    def filters(self) -> dict:
        """The valid filters besides the search words (cleaned_data keeps the valid ones)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value and name != "q"}

    @property
    def query(self) -> str:
        self.is_valid()
        return self.cleaned_data.get("q", "").strip()
