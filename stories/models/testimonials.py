"""What participants said: translatable snippets attached to programmes and events."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    PageChooserPanel,
)
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.mixins import FoldedAutocompleteField, FoldedSearchField
from events.models import EVENT_PAGE_TYPES

# Pages a testimonial can be about.
TESTIMONIAL_PAGE_TYPES = ["home.StandardPage", *EVENT_PAGE_TYPES]


class TestimonialQuerySet(models.QuerySet):
    def about(self, page: Page) -> TestimonialQuerySet:
        """Testimonials in the page's language about this page (whichever translation of it
        the testimonial points at)."""
        return self.filter(
            locale_id=page.locale_id, page__translation_key=page.translation_key
        ).order_by("sort_order", "pk")

    def for_home_page(self, locale: Locale | int) -> TestimonialQuerySet:
        return self.filter(
            locale_id=getattr(locale, "pk", locale), show_on_home_page=True
        ).order_by("sort_order", "pk")


class Testimonial(TranslatableMixin, index.Indexed, models.Model):
    """What a participant said about a programme or an event."""

    quote = models.TextField(_("quote"), max_length=600)
    # A role, so that a quote never reads as a named person vouching for STGM without consent.
    attribution = models.CharField(
        _("said by"),
        max_length=200,
        help_text=_(
            "Who said it, as a role: “a STOK participant”, “an Information Center user”. "
            "Name a person only with their written consent."
        ),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("programme or event"),
        help_text=_("The testimonial is shown on this page (and its translations)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
    )
    show_on_home_page = models.BooleanField(_("show on the home page"), default=False)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    objects = TestimonialQuerySet.as_manager()

    panels = [
        FieldPanel("quote"),
        FieldPanel("attribution"),
        PageChooserPanel("page", page_type=TESTIMONIAL_PAGE_TYPES),
        FieldRowPanel([FieldPanel("show_on_home_page"), FieldPanel("sort_order")]),
    ]
    # The admin's list and chooser search these, with Turkish folding.
    search_fields = [
        *(FoldedSearchField(name) for name in ("quote", "attribution")),
        # The admin searches with autocomplete: only these fields match there.
        *(FoldedAutocompleteField(name) for name in ("quote", "attribution")),
    ]
    override_translatable_fields = [
        SynchronizedField("show_on_home_page", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")

    def __str__(self) -> str:
        return f"{self.attribution}: {self.quote[:60]}"
