"""Stored dates of every event, so listings and the calendar query one table."""

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from core.provinces import Province
from core.versions import OCCURRENCES, generation, retire, versioned_get_or_set

from ..choices import (
    AccessibilityProvision,
    EventStatus,
    EventType,
)
from .venues import Venue


def occurrences_changed() -> None:
    """Retire what is cached from the stored dates (now and when the transaction commits)."""
    retire(OCCURRENCES)


def untranslated_event_keys(locale_id: int) -> list:
    """Translation keys of the events stored in other languages but not in this one: the
    few whose dates a listing in this language shows in their original language. Cached
    until occurrences are stored again (events.services)."""
    version = generation(OCCURRENCES)

    def compute() -> list:
        # One pass over the (translation_key, locale) index, grouped by event: NOT IN over the
        # same table grew with every stored date.
        by_event = Occurrence.objects.order_by().values("translation_key")
        counted = by_event.annotate(here=models.Count("pk", filter=Q(locale_id=locale_id)))
        return list(counted.filter(here=0).values_list("translation_key", flat=True))

    return versioned_get_or_set(f"events:untranslated:{version}:{locale_id}", compute)


def longest_duration() -> datetime.timedelta:
    """The longest stored date (end - start), read from the index on `duration` and cached
    until occurrences are stored again."""
    version = generation(OCCURRENCES)

    def compute() -> datetime.timedelta:
        longest = Occurrence.objects.aggregate(longest=models.Max("duration"))["longest"]
        return longest or datetime.timedelta(0)

    return versioned_get_or_set(f"events:longest-duration:{version}", compute)


class OccurrenceQuerySet(models.QuerySet):
    def visible_in(self, locale: Locale | int) -> "OccurrenceQuerySet":
        """This language's occurrences, plus those of events not (yet) translated into it.

        The untranslated events are looked up once and cached: asked per row (NOT EXISTS),
        the question made the listing scan every stored date."""
        locale_id = getattr(locale, "pk", locale)
        own = Q(locale_id=locale_id)
        fallback = untranslated_event_keys(locale_id)
        return self.filter(own | Q(translation_key__in=fallback) if fallback else own)

    # A date that has not ended started at most `longest_duration()` ago: bounding the start
    # too turns these into ranges of the (locale, start) index, read in order. Bounded by the
    # end alone, the database sorted every upcoming date for the first twelve.
    def upcoming(self, now: datetime.datetime | None = None) -> "OccurrenceQuerySet":
        now = now or timezone.now()
        return self.filter(end__gte=now, start__gte=now - longest_duration()).order_by(
            "start", "pk"
        )

    def past(self, now: datetime.datetime | None = None) -> "OccurrenceQuerySet":
        now = now or timezone.now()
        # A date ends after it starts: one that has ended started before now.
        return self.filter(end__lt=now, start__lt=now).order_by("-start", "-pk")

    def between(self, start: datetime.datetime, end: datetime.datetime) -> "OccurrenceQuerySet":
        """Occurrences overlapping [start, end)."""
        earliest = start - longest_duration()
        return self.filter(start__lt=end, start__gte=earliest, end__gte=start).order_by(
            "start", "pk"
        )

    def with_provision(self, code: str) -> "OccurrenceQuerySet":
        return self.filter(accessibility_codes__contains=f",{code},")

    def one_per_series(self) -> "OccurrenceQuerySet":
        """A recurring series once, by its first date that takes place among these (after
        the other filters); other events keep every date. For the listing and the home
        page: a weekly series would fill them; its page and the calendar show every date."""
        held = ~Q(status=EventStatus.CANCELLED)
        earlier = self.filter(held, page_id=OuterRef("page_id"), start__lt=OuterRef("start"))
        return self.filter(Q(is_recurring=False) | (held & ~Exists(earlier)))

    def for_listing(self) -> "OccurrenceQuerySet":
        return self.select_related("page", "locale", "venue")


class Occurrence(models.Model):
    """A stored date of an event page, so listings and the calendar query one table.

    Kept in step with the pages by events.services.sync_occurrences (on publish, unpublish,
    delete, move and translation).
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="event_occurrences")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    event_type = models.CharField(max_length=20, choices=EventType.choices)
    start = models.DateTimeField()
    end = models.DateTimeField()
    # end - start, stored so that the longest is one index read (see longest_duration()).
    duration = models.DurationField(default=datetime.timedelta(0))
    original_start = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=EventStatus.choices)
    note = models.CharField(max_length=300, blank=True)
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    province = models.CharField(max_length=2, blank=True, choices=Province.choices)
    is_online = models.BooleanField(default=False)
    is_recurring = models.BooleanField(default=False)
    accessibility_codes = models.CharField(max_length=300, blank=True)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["locale", "start"]),
            models.Index(fields=["locale", "end"]),
            # visible_in()'s NOT EXISTS looks up (translation_key, locale) for every row;
            # without this index SQLite scans a whole locale per row.
            models.Index(fields=["translation_key", "locale"]),
            models.Index(fields=["duration"]),
            # one_per_series() asks, for each series date read, whether an earlier date of
            # its page takes place: a range of this index, not every date the page has.
            models.Index(fields=["page", "start"]),
            # The listing's and the .ics feeds' province and type filters read their dates in
            # order from these, instead of every date of the language until enough match.
            models.Index(fields=["locale", "province", "start"]),
            models.Index(fields=["locale", "event_type", "start"]),
            models.Index(
                fields=["locale", "province", "event_type", "start"],
                name="occurrence_province_type_start",
            ),
        ]
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")

    def __str__(self) -> str:
        return f"{self.page.title} @ {self.start:%Y-%m-%d %H:%M}"

    @property
    def accessibility_list(self) -> list[str]:
        labels = dict(AccessibilityProvision.choices)
        return [labels[code] for code in self.accessibility_codes.split(",") if code in labels]

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED
