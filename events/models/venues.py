"""Where events happen: venues (a translatable snippet) and accessibility provisions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.mixins import FoldedAutocompleteField, FoldedSearchField
from core.provinces import sorted_province_choices

from ..choices import (
    AccessibilityProvision,
)


class Venue(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    province = models.CharField(_("province"), max_length=2, choices=sorted_province_choices())
    district = models.CharField(_("district"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    access_notes = models.TextField(
        _("access notes"),
        blank=True,
        help_text=_("Step-free entrance, nearest accessible stop, parking..."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("province"), FieldPanel("district")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("access_notes"),
    ]
    # The admin's list and chooser search these, with Turkish folding ("eskisehir" finds
    # "Eskişehir"); the viewset searches every one of them.
    search_fields = [
        *(FoldedSearchField(name) for name in ("name", "district", "address")),
        # The admin searches with autocomplete: only these fields match there.
        *(FoldedAutocompleteField(name) for name in ("name", "district", "address")),
    ]
    override_translatable_fields = [
        SynchronizedField("province", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_province_display()})"

    @property
    def city(self) -> str:
        return ", ".join(filter(None, [self.district, self.get_province_display()]))

    @property
    def province_name(self) -> str:
        return self.get_province_display()

    @property
    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            "https://www.openstreetmap.org/?mlat="
            f"{self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"
        )


class AccessibilityFeature(models.Model):
    """One row per provision (seeded by a migration), so events can be filtered by them."""

    code = models.CharField(max_length=30, unique=True, choices=AccessibilityProvision.choices)

    class Meta:
        ordering = ["id"]
        verbose_name = _("accessibility provision")
        verbose_name_plural = _("accessibility provisions")

    def __str__(self) -> str:
        return str(self.get_code_display())
