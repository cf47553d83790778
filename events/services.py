"""Keeping the stored occurrences in step with the event pages."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .models import (
    EVENT_PAGE_MODELS,
    SERIES_HORIZON,
    EventFields,
    EventSeriesPage,
    Occurrence,
    occurrences_changed,
)


def is_public_event(page: Page) -> bool:
    """Whether the listings, the calendar and the feeds show this page: a live event page
    that no privacy restriction (its own or an ancestor's) hides."""
    return isinstance(page, EventFields) and page.live and not page.get_view_restrictions().exists()


def sync_occurrences(page: Page, now: datetime.datetime | None = None) -> int:
    """Replace the stored occurrences of `page` by what it says now; return how many."""
    page = page.specific
    occurrences_changed()
    with transaction.atomic():
        Occurrence.objects.filter(page_id=page.pk).delete()
        if not is_public_event(page):
            return 0
        until = max(now or timezone.now(), page.start) + SERIES_HORIZON
        codes = sorted(page.accessibility.values_list("code", flat=True))
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
        occurrences = [
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
        Occurrence.objects.bulk_create(occurrences)
    return len(occurrences)


def sync_subtree_occurrences(page: Page) -> int:
    """Store again the dates of the live event pages in `page`'s subtree (itself included),
    after a change that may hide or show them all (a privacy restriction); return how many
    pages."""
    pages = page.get_descendants(inclusive=True).live().type(*EVENT_PAGE_MODELS).specific()
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
