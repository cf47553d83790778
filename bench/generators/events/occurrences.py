"""The stored dates of many event pages at once: the rows `events.services.sync_occurrences`
stores for each page (tests/test_bench_bulk.py compares them), computed from the pages in
memory and inserted in one statement, instead of five queries per page."""

import datetime


def store_occurrences(pages: list, now: datetime.datetime | None = None) -> int:
    """Store the dates of newly written live event `pages`; return how many."""
    from django.utils import timezone

    from core.i18n import any_view_restrictions
    from events.models import EventFields, Occurrence, occurrences_changed
    from events.services import sync_occurrences

    events = [page for page in pages if isinstance(page, EventFields)]
    if not events:
        return 0
    if any_view_restrictions():  # whether each page is public takes a query per page
        return sum(sync_occurrences(page, now) for page in events)
    occurrences_changed()
    now = now or timezone.now()
    rows = [row for page in events for row in occurrence_rows(page, now)]
    Occurrence.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def occurrence_rows(page, now: datetime.datetime) -> list:
    """What `sync_occurrences` stores for a live, public, newly written `page`."""
    from events.models import SERIES_HORIZON, EventSeriesPage, Occurrence

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
