"""Narrators: the people who told a story, with their organisation and province."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.mixins import FoldedAutocompleteField, FoldedSearchField
from core.provinces import sorted_province_choices


class Narrator(TranslatableMixin, index.Indexed, models.Model):
    """A person who told one or more stories."""

    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.CharField(
        _("city or district"), max_length=100, blank=True, help_text=_("e.g. Konak")
    )
    province = models.CharField(
        _("province"), max_length=2, blank=True, choices=sorted_province_choices()
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("province")]),
    ]
    # The admin's list and chooser search these, with Turkish folding ("ayse" finds "Ayşe").
    search_fields = [
        *(FoldedSearchField(name) for name in ("name", "organisation", "city")),
        # The admin searches with autocomplete: only these fields match there.
        *(FoldedAutocompleteField(name) for name in ("name", "organisation", "city")),
    ]
    # A person's name is the same in every language (translators may still adjust it).
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("province", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("narrator")
        verbose_name_plural = _("narrators")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def place(self) -> str:
        """ "Konak, İzmir"."""
        return ", ".join(filter(None, [self.city, self.get_province_display()]))
