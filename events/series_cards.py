"""A recurring series shown once on the listing and the home page
(`OccurrenceQuerySet.one_per_series`), its card saying its rhythm and its next date."""

from collections.abc import Iterable

from . import rule_summary
from .models import EventSeriesPage, Occurrence


def with_rhythms(occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    """The occurrences, each recurring one with its series' `rhythm` ("Every Wednesday at
    15:00"): one query for every series shown, none when there is none."""
    occurrences = list(occurrences)
    ids = {occurrence.page_id for occurrence in occurrences if occurrence.is_recurring}
    if not ids:
        return occurrences
    series = EventSeriesPage.objects.filter(pk__in=ids).only("recurrences", "start")
    rhythms = {page.pk: rule_summary.rhythm(page.recurrences, page.start) for page in series}
    for occurrence in occurrences:
        if occurrence.is_recurring:
            occurrence.rhythm = rhythms.get(occurrence.page_id, "")
    return occurrences
