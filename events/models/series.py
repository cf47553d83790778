"""Recurring gatherings (Tea Time, Power of Change): one page, many dates."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from recurrence.fields import RecurrenceField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from core.mixins import BasePage

from .. import recurrence as series_dates
from ..choices import (
    EventStatus,
    EventType,
    SeriesKind,
)
from ..forms import SeriesPageForm
from ..panels import DateChangesPanel, NextDatesPanel
from ..widgets import WagtailRecurrenceWidget
from .base import (
    EVENT_SEARCH_FIELDS,
    EventFields,
    OccurrenceSpec,
    RegistrationRoutes,
    event_panels,
)

# Recurring series are materialised this far ahead; `manage.py extend_occurrences`
# (daily) keeps the window rolling.
SERIES_HORIZON = datetime.timedelta(days=730)


class EventSeriesPage(RegistrationRoutes, EventFields, BasePage):
    """A recurring gathering (Tea Time, Power of Change): one page, many dates."""

    series_kind = models.CharField(
        _("series"), max_length=30, choices=SeriesKind.choices, default=SeriesKind.TEA_TIME
    )
    recurrences = RecurrenceField(
        verbose_name=_("repeats"),
        help_text=_(
            "Weekly or monthly rule, extra dates, excluded dates and an end. Every date takes "
            "the time of the first meeting above."
        ),
    )

    event_type = EventType.SERIES
    base_form_class = SeriesPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("series_kind"),
        *event_panels(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("recurrences", widget=WagtailRecurrenceWidget),
                NextDatesPanel(heading=_("The rule in words and its next dates")),
            ],
        ),
        DateChangesPanel(
            "date_changes", heading=_("Changes to single dates"), label=_("change to a date")
        ),
    ]
    search_fields = [*BasePage.search_fields, *EVENT_SEARCH_FIELDS]
    override_translatable_fields = [SynchronizedField("recurrences", overridable=False)]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("recurring gathering")
        verbose_name_plural = _("recurring gatherings")

    def occurrence_specs(self, until: datetime.datetime) -> list[OccurrenceSpec]:
        duration = self.end - self.start
        changes = {change.date: change for change in self.date_changes.all()}
        specs = []
        for start in series_dates.expand(self.recurrences, self.start, self.start, until):
            change = changes.get(start.date())
            if change is None:
                specs.append(
                    OccurrenceSpec(
                        start, start + duration, start, self.status, self.status_note, self.venue
                    )
                )
                continue
            new_start = change.new_start or start
            new_end = change.new_end or new_start + duration
            specs.append(
                OccurrenceSpec(new_start, new_end, start, change.status, change.reason, self.venue)
            )
        return specs

    @cached_property
    def is_past(self) -> bool:
        """The rule has no date left (a rule without an end is never past)."""
        return self.end < timezone.now() and not self.next_dates(1)

    @property
    def recurrences_text(self) -> str:
        return series_dates.describe(self.recurrences)

    def next_dates(self, count: int = 8) -> list[datetime.datetime]:
        now = timezone.now()
        dates = series_dates.expand(self.recurrences, self.start, now, now + SERIES_HORIZON)
        return dates[:count]


class OccurrenceChange(TranslatableMixin, Orderable):
    """One date of a series cancelled, postponed or moved, without touching the others."""

    page = ParentalKey(EventSeriesPage, on_delete=models.CASCADE, related_name="date_changes")
    date = models.DateField(_("date of the meeting"))
    status = models.CharField(
        _("change"),
        max_length=20,
        choices=[
            (EventStatus.CANCELLED, EventStatus.CANCELLED.label),
            (EventStatus.POSTPONED, EventStatus.POSTPONED.label),
            (EventStatus.RESCHEDULED, EventStatus.RESCHEDULED.label),
            (EventStatus.MOVED_ONLINE, EventStatus.MOVED_ONLINE.label),
        ],
        default=EventStatus.CANCELLED,
    )
    new_start = models.DateTimeField(_("new start"), null=True, blank=True)
    new_end = models.DateTimeField(_("new end"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("reason"),
    ]
    override_translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("new_start", overridable=False),
        SynchronizedField("new_end", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("change to one date")
        verbose_name_plural = _("changes to single dates")
