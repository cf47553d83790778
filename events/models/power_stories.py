"""Power Stories on stage: performances in one or several provinces."""

import datetime
from functools import cached_property

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from core.mixins import BasePage

from ..choices import (
    EventType,
)
from .base import EVENT_SEARCH_FIELDS, EventFields, OccurrenceSpec, event_panels
from .venues import Venue


class PowerStoriesEventPage(EventFields, BasePage):
    """Power Stories on stage: narrators tell their stories, in one or several provinces."""

    narrators_intro = models.TextField(_("about the narrators"), blank=True)

    event_type = EventType.POWER_STORIES

    content_panels = [
        *Page.content_panels,
        *event_panels(),
        FieldPanel("narrators_intro"),
        InlinePanel("performances", heading=_("Performances"), label=_("performance")),
    ]
    search_fields = [*BasePage.search_fields, *EVENT_SEARCH_FIELDS]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Power Stories event")
        verbose_name_plural = _("Power Stories events")

    def performances_with_venues(self) -> list["Performance"]:
        return list(self.performances.select_related("venue"))

    @cached_property
    def performance_list(self) -> list["Performance"]:
        """The performances, read once per page view (the template shows them twice)."""
        return self.performances_with_venues()

    @cached_property
    def is_past(self) -> bool:
        """As every event's, from the performances the page shows (read once)."""
        ends = [performance.end for performance in self.performance_list]
        return max(ends, default=self.end) < timezone.now()

    def occurrence_specs(self, until: datetime.datetime) -> list[OccurrenceSpec]:
        performances = self.performances_with_venues()
        if not performances:
            return super().occurrence_specs(until)
        return [
            OccurrenceSpec(
                p.start, p.end, p.start, self.status, self.status_note, p.venue or self.venue
            )
            for p in performances
        ]


class Performance(TranslatableMixin, Orderable):
    page = ParentalKey(PowerStoriesEventPage, on_delete=models.CASCADE, related_name="performances")
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("venue"),
        FieldPanel("note"),
    ]
    override_translatable_fields = [
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("performance")
        verbose_name_plural = _("performances")
