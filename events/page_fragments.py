"""A page's own parts (an event's header, facts, dates and structured data, a story's
text and facts), rendered once and then kept in each process until what they show may change.

What they show is the page and its related rows (a publish: the `content` generation), its
stored dates (`occurrences`, for a series: see `events.jsonld.dates_generations`) and the
time: whether the event is past, its next dates and the
next date to add to a calendar change only when one of its dates starts or ends. So a part
is kept under both generations, the language and the site's address, until the page's next
such moment (and an hour at most). Sections other apps add to the page (registration, the
call for stands, stories told) are not part of them: they are rendered on each request.
A preview (a draft, a revision) is always rendered afresh.
"""

import datetime
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import get_language

from core.versions import LocalCopies

from .jsonld import dates_generations, page_dates
from .models import EventFields

#: The longest a part is kept, whatever its dates say.
LONGEST_SECONDS = 60 * 60

_parts = LocalCopies(2000)


def next_change(page, now: datetime.datetime) -> datetime.datetime | None:
    """The first moment after `now` at which one of the event's dates starts or ends (its
    stored dates, a series' next ones, and the page's own first date); None for a page
    without dates, whose parts the time does not change."""
    if not isinstance(page, EventFields):
        return None
    stored = page_dates(page, now)
    moments = [page.start, page.end, stored.last_end]
    for date in stored.dates:
        moments += [date.start, date.end]
    return min((moment for moment in moments if moment and moment > now), default=None)


def cached_part(request, page, name: str, render: Callable[[], str]) -> str:
    """The part `name` of `page` as `render()` makes it, kept as the module says."""
    if request is None or getattr(request, "is_preview", False) or not page.live:
        return render()
    now = timezone.now()
    key = repr(
        (
            *dates_generations(page),
            page.pk,
            name,
            get_language(),
            request.build_absolute_uri("/"),
        )
    )
    found, kept = _parts.get(key)
    if found and (kept[1] is None or now < kept[1]):
        return kept[0]
    html = render()
    # Until the next such moment, read on the clock the page reads (not the process's).
    _parts.put(key, (html, next_change(page, now)), LONGEST_SECONDS)
    return html
