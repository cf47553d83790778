"""The stored dates of many event pages at once: the rows `events.services.sync_occurrences`
stores for each page (`occurrence_rows`, tests/test_bench_bulk.py compares them), inserted
in batches instead of with five queries per page."""

import datetime


def store_occurrences(pages: list, now: datetime.datetime | None = None) -> int:
    """Store the dates of newly written live event `pages`; return how many."""
    from django.utils import timezone

    from core.i18n import any_view_restrictions
    from events.models import EventFields, Occurrence, occurrences_changed
    from events.services import occurrence_rows, sync_occurrences

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
