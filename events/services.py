"""Keeping the stored occurrences in step with the event pages."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision

from . import recurrence as series_dates
from .choices import EventStatus
from .models import (
    SERIES_HORIZON,
    EventFields,
    EventSeriesPage,
    Occurrence,
    OccurrenceChange,
    event_page_models,
    occurrences_changed,
)


def is_public_event(page: Page) -> bool:
    """Whether the listings, the calendar and the feeds show this page: a live event page
    that no privacy restriction (its own or an ancestor's) hides."""
    return isinstance(page, EventFields) and page.live and not page.get_view_restrictions().exists()


def occurrence_rows(page: EventFields, now: datetime.datetime) -> list[Occurrence]:
    """The stored dates of a live, public event page (unsaved): its own date, or a series'
    dates up to `SERIES_HORIZON` ahead, each with the page's facts the listings filter on."""
    until = max(now, page.start) + SERIES_HORIZON
    codes = sorted(feature.code for feature in page.accessibility.all())
    common = {
        "page_id": page.pk,
        "locale_id": page.locale_id,
        "translation_key": page.translation_key,
        "event_type": page.event_type,
        "all_day": page.all_day,
        "is_online": page.is_online,
        "is_recurring": isinstance(page, EventSeriesPage),
        "accessibility_codes": f",{','.join(codes)}," if codes else "",
    }
    return [
        Occurrence(
            start=spec.start,
            end=spec.end,
            duration=spec.end - spec.start,
            original_start=spec.original_start,
            status=spec.status,
            note=spec.note,
            venue=spec.venue,
            province=spec.venue.province if spec.venue else "",
            **common,
        )
        for spec in page.occurrence_specs(until)
    ]


def sync_occurrences(page: Page, now: datetime.datetime | None = None) -> int:
    """Replace the stored occurrences of `page` by what it says now; return how many."""
    page = page.specific
    occurrences_changed()
    with transaction.atomic():
        Occurrence.objects.filter(page_id=page.pk).delete()
        if not is_public_event(page):
            return 0
        occurrences = occurrence_rows(page, now or timezone.now())
        Occurrence.objects.bulk_create(occurrences)
    return len(occurrences)


def sync_subtree_occurrences(page: Page) -> int:
    """Store again the dates of the live event pages in `page`'s subtree (itself included),
    after a change that may hide or show them all (a privacy restriction); return how many
    pages."""
    pages = page.get_descendants(inclusive=True).live().type(*event_page_models()).specific()
    for event in pages:
        sync_occurrences(event)
    return len(pages)


def remove_occurrences(page: Page) -> None:
    occurrences_changed()
    Occurrence.objects.filter(page_id=page.pk).delete()


def extend_series_occurrences(now: datetime.datetime | None = None) -> int:
    """Roll every live series' stored window forward (run daily); return pages synced."""
    pages = EventSeriesPage.objects.live()
    for page in pages:
        sync_occurrences(page, now)
    return len(pages)


@dataclass(frozen=True)
class RangeCancellation:
    cancelled: list[datetime.date]
    already_changed: list[datetime.date]
    revision: Revision | None


def cancel_series_dates(
    page: EventSeriesPage,
    first: datetime.date,
    last: datetime.date,
    reason: str,
    user=None,
) -> RangeCancellation:
    """Cancel every meeting of a series from `first` to `last` (a holiday, a closure) with one
    reason: one cancellation per date, in a new draft revision the editor then publishes.
    Dates that already have a change keep it."""
    with transaction.atomic():
        Page.objects.select_for_update().filter(pk=page.pk).first()
        draft = page.get_latest_revision_as_object()
        changed = {change.date for change in draft.date_changes.all()}
        dates = series_dates.dates_between(draft.recurrences, draft.start, first, last)
        cancelled = [day for day in dates if day not in changed]
        for day in cancelled:
            draft.date_changes.add(
                OccurrenceChange(
                    date=day, status=EventStatus.CANCELLED, reason=reason, locale=draft.locale
                )
            )
        revision = draft.save_revision(user=user, log_action=True) if cancelled else None
    return RangeCancellation(cancelled, [day for day in dates if day in changed], revision)
