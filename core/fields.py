"""Model fields every app may use."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst


class ChoiceListField(models.JSONField):
    """Several codes out of fixed choices (a module's topics), stored as a JSON list.

    The codes are the same in every language and their labels go through gettext, so a
    translated snippet keeps them (a synchronised field) and a filter address works in both
    languages. `contains_choice` filters by one code on SQLite and PostgreSQL alike.
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, codes: list[str]) -> list[str]:
        """The labels of `codes` in the active language, in the choices' order."""
        return [str(label) for code, label in self.item_choices if code in (codes or [])]


def contains_choice(field_name: str, code: str) -> Q:
    """Rows whose ChoiceListField holds `code`: the JSON text holds it in quotes (portable:
    JSON containment is PostgreSQL-only)."""
    return Q(**{f"{field_name}__icontains": f'"{code}"'})
