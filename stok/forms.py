from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.widgets import FastSelect
from events.forms import EventPageForm

from .choices import ModuleLevel, ModuleTopic


class StokTrainingPageForm(EventPageForm):
    """Offers the modules of the page's language (those already chosen stay offered)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("modules")
        if field is None:
            return
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        chosen = [module.pk for module in self.instance.modules.all()] if self.instance.pk else []
        field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))


class ModuleFilterForm(forms.Form):
    """The catalogue's filters: a plain GET form; a value not understood is ignored alone."""

    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels")), *ModuleLevel.choices],
        widget=FastSelect,
    )
    topic = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        choices=[("", _("All topics")), *ModuleTopic.choices],
        widget=FastSelect,
    )

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
