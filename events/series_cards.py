"""A recurring series shown once on the listing and the home page
(`OccurrenceQuerySet.one_per_series`), its card saying its rhythm and its next date."""

from collections.abc import Iterable

from django.utils.translation import get_language

from core.versions import CONTENT, LocalCopies, generation

from . import rule_summary
from .models import EventSeriesPage, Occurrence

# Each series' rhythm in a language, as this process last described it. A series' rule and
# first date change only with a publish, which retires the content generation.
_rhythms = LocalCopies(2000)


def with_rhythms(occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    """The occurrences, each recurring one with its series' `rhythm` ("Every Wednesday at
    15:00"): at most one query for every series shown (none for those described already
    under the current generation), none when there is none."""
    occurrences = list(occurrences)
    ids = {occurrence.page_id for occurrence in occurrences if occurrence.is_recurring}
    if not ids:
        return occurrences
    prefix = f"{generation(CONTENT)}:{get_language()}:"
    rhythms: dict[int, str] = {}
    for pk in ids:
        found, text = _rhythms.get(f"{prefix}{pk}")
        if found:
            rhythms[pk] = text
    missing = ids - rhythms.keys()
    if missing:
        series = EventSeriesPage.objects.filter(pk__in=missing).only("recurrences", "start")
        for page in series:
            rhythms[page.pk] = rule_summary.rhythm(page.recurrences, page.start)
            _rhythms.put(f"{prefix}{page.pk}", rhythms[page.pk], None)
    for occurrence in occurrences:
        if occurrence.is_recurring:
            occurrence.rhythm = rhythms.get(occurrence.page_id, "")
    return occurrences
