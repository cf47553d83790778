"""What a search result says about an event: its next date and place (or its last, once it is
over) and, for a festival, the sessions of its programme that the query matched.

Looked up for a whole page of results at once, in a fixed number of queries.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from core.search_text import indexed_spellings, query_spellings

from .choices import EventStatus
from .models import FestivalPage, FestivalSession, Occurrence

#: At most this many matching sessions are named under a festival's result.
MAX_SESSIONS = 3


def result_occurrences(
    page_ids: Iterable[int], now: datetime.datetime | None = None
) -> dict[int, Occurrence]:
    """Per event page, the date a search result shows: the next one that is not cancelled,
    else the next one at all (a cancelled event says so), else the most recent."""
    now = now or timezone.now()
    dates = Occurrence.objects.filter(page_id=OuterRef("pk"))
    upcoming = dates.filter(end__gte=now).order_by("start", "pk")
    chosen = Page.objects.filter(pk__in=list(page_ids)).annotate(
        shown=Coalesce(
            Subquery(upcoming.exclude(status=EventStatus.CANCELLED).values("pk")[:1]),
            Subquery(upcoming.values("pk")[:1]),
            Subquery(dates.order_by("-start", "-pk").values("pk")[:1]),
        )
    )
    occurrences = Occurrence.objects.filter(pk__in=chosen.values("shown")).select_related("venue")
    return {occurrence.page_id: occurrence for occurrence in occurrences}


def matching_sessions(
    festivals: Sequence[FestivalPage], query: str
) -> dict[int, list[FestivalSession]]:
    """Per festival, the sessions whose title, speakers, space or description contain a word
    of the query (spelled as the search looks it up), in programme order."""
    if not festivals:
        return {}
    found: dict[int, list[FestivalSession]] = defaultdict(list)
    sessions = FestivalSession.objects.filter(page__in=festivals).select_related("locale")
    for session in sessions.order_by("start", "pk"):
        language = session.locale.language_code
        text = " ".join([session.title, session.speakers, session.space, session.description])
        if set(query_spellings(query, language)) & indexed_spellings(text, language):
            found[session.page_id].append(session)
    return dict(found)


def event_results_meta(pages: Sequence, query: str) -> dict[int, dict]:
    """search_result_meta() of a page of event results, with the date, place and status of
    the occurrence each one shows and, for festivals, the matching sessions."""
    occurrences = result_occurrences(page.pk for page in pages)
    festivals = [page for page in pages if isinstance(page, FestivalPage)]
    sessions = matching_sessions(festivals, query)
    meta = {}
    for page in pages:
        occurrence = occurrences.get(page.pk)
        meta[page.pk] = {
            **page.search_result_meta(),
            "date": occurrence.start if occurrence else page.start,
            "occurrence": occurrence,
            "sessions": sessions.get(page.pk, [])[:MAX_SESSIONS],
            "more_sessions": max(len(sessions.get(page.pk, [])) - MAX_SESSIONS, 0),
        }
    return meta
