import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.pagination import CachedCountPaginator, query_digest
from core.versions import CONTENT, OCCURRENCES, LocalCopies, generation, versioned_get_or_set

from .calendar import (
    DaySelection,
    Month,
    build_month,
    grid_days,
    month_bounds,
    on_day,
    select_per_day,
    shown_pks,
)
from .choices import EventStatus
from .forms import EventFilterForm
from .models import EventIndexPage, Occurrence
from .page_links import page_url
from .series_cards import with_rhythms

EVENTS_PER_PAGE = 12
#: How long a listing's "N dates" may lag behind the clock (dates that ended meanwhile).
LISTING_COUNT_SECONDS = 60


def filtered_occurrences(
    request: HttpRequest, index: EventIndexPage
) -> tuple[EventFilterForm, object]:
    form = EventFilterForm(request.GET)
    occurrences = Occurrence.objects.visible_in(index.locale_id).for_listing()
    return form, form.filter(occurrences)


def listing_occurrences(
    request: HttpRequest, index: EventIndexPage
) -> tuple[EventFilterForm, object]:
    """The listing's filter form and the dates it shows, in order: a chosen day's, the past
    ones or the upcoming ones (a series once)."""
    form, occurrences = filtered_occurrences(request, index)
    if form.day is not None:
        return form, on_day(occurrences, form.day)
    if form.wants_past:
        return form, occurrences.past()
    return form, occurrences.upcoming().one_per_series()


def event_listing(request: HttpRequest, index: EventIndexPage) -> HttpResponse:
    form, occurrences = listing_occurrences(request, index)
    version = generation(OCCURRENCES)
    paginator = CachedCountPaginator(
        occurrences,
        EVENTS_PER_PAGE,
        count_key=f"events:listing-count:{version}:{index.locale_id}:{query_digest(request.GET)}",
        count_seconds=LISTING_COUNT_SECONDS,
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.object_list = with_rhythms(page_obj.object_list)
    return index.render(
        request,
        context_overrides={
            "form": form,
            "page_obj": page_obj,
            "wants_past": form.wants_past,
            "day": form.day,
        },
    )


@dataclass(frozen=True)
class CellPage:
    """The event page a calendar cell links to."""

    pk: int
    title: str
    url: str


@dataclass(frozen=True)
class Cell:
    """A date as a calendar cell shows it: read as values, not as an occurrence and its page
    (a month shows up to four dates a day), its link and times formatted once here rather
    than by a template tag or filter each."""

    event_type: str
    status: str
    all_day: bool
    page: CellPage
    start_iso: str  # the date filter's "c"
    start_time: str  # its "H:i"

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def status_label(self) -> str:
        return dict(EventStatus.choices).get(self.status, self.status)


CELL_FIELDS = ("pk", "start", "all_day", "event_type", "status", "page_id", "page__title")


def calendar_cells(request: HttpRequest, pks: Iterable[int]) -> dict[int, Cell]:
    rows = Occurrence.objects.filter(pk__in=pks).values_list(*CELL_FIELDS, "page__url_path")
    cells = {}
    for pk, start, all_day, event_type, status, page_id, title, url_path in rows:
        start = timezone.localtime(start)
        cells[pk] = Cell(
            event_type,
            status,
            all_day,
            CellPage(page_id, title, page_url(request, page_id, url_path)),
            start.isoformat(),
            start.strftime("%H:%M"),
        )
    return cells


#: The months each process keeps rendered (a month is some tens of kilobytes): this
#: month and its neighbours in both languages and a few filters, not a crawler's walk.
MONTHS_KEPT = 64

_months = LocalCopies(MONTHS_KEPT)


@dataclass(frozen=True)
class RenderedMonth:
    grid: Month
    table: SafeString  # events/includes/calendar_month.html


def month_key(
    request: HttpRequest, index: EventIndexPage, year: int, month: int, today: datetime.date
) -> str:
    """What a month's grid and its table show: pages' titles and links (content), the stored
    dates (occurrences), the index (its locale and link), the language and host (the links),
    the day (today's cell) and the query string as given but the page number (the selection
    follows the filters; the "+N more" links repeat them in their order)."""
    query = request.GET.copy()
    query.pop("page", None)
    filters = hashlib.sha256(query.urlencode().encode()).hexdigest()[:24]
    return (
        f"{generation(CONTENT)}:{generation(OCCURRENCES)}:{index.pk}:{get_language()}:"
        f"{request.get_host()}:{year}-{month}:{today.isoformat()}:{filters}"
    )


def month_selection(
    request: HttpRequest, index: EventIndexPage, occurrences, year: int, month: int
) -> dict[datetime.date, DaySelection]:
    """Which dates each day of the month's grid shows, and how many it holds."""
    grid_start, grid_end = month_bounds(year, month)
    # Counting needs only (pk, start, end) of every date in the grid; the few each day shows
    # are then read with their pages. The counting depends on the stored dates alone (not on
    # the clock, nor on pages' titles and links): each month's selection is kept until
    # occurrences are stored again.
    spans = occurrences.between(grid_start, grid_end).values_list("pk", "start", "end")
    key = (
        f"events:month:{generation(OCCURRENCES)}:{index.locale_id}:{year}-{month}:"
        f"{query_digest(request.GET)}"
    )
    return versioned_get_or_set(key, lambda: select_per_day(spans, grid_days(year, month)))


def rendered_month(
    request: HttpRequest,
    index: EventIndexPage,
    occurrences,
    year: int,
    month: int,
    today: datetime.date,
) -> RenderedMonth:
    """The month's grid and its table. Both grow with the dates the month holds (up to four
    a day): each process keeps the months it rendered last, under `month_key`."""
    key = month_key(request, index, year, month, today)
    found, rendered = _months.get(key)
    if not found:
        selection = month_selection(request, index, occurrences, year, month)
        shown = calendar_cells(request, shown_pks(selection))
        grid = build_month(year, month, selection, shown, today)
        context = {"page": index, "month": grid, "month_start": grid.first}
        table = render_to_string("events/includes/calendar_month.html", context, request)
        rendered = RenderedMonth(grid, mark_safe(table))  # noqa: S308 - a rendered template
        _months.put(key, rendered, None)
    return rendered


def event_calendar(
    request: HttpRequest, index: EventIndexPage, year: int | None, month: int | None
) -> HttpResponse:
    today = timezone.localdate()
    if year is None or month is None:
        year, month = today.year, today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    form, occurrences = filtered_occurrences(request, index)
    rendered = rendered_month(request, index, occurrences, year, month, today)
    return index.render(
        request,
        template="events/event_calendar.html",
        context_overrides={
            "form": form,
            "month": rendered.grid,
            "month_start": datetime.date(year, month, 1),
            "month_table": rendered.table,
        },
    )
