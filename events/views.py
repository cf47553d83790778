import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from core.pagination import CachedCountPaginator, query_digest
from core.versions import OCCURRENCES, generation

from .calendar import build_month, grid_days, month_bounds, on_day, select_per_day, shown_pks
from .forms import EventFilterForm
from .models import EventIndexPage, Occurrence
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


def event_listing(request: HttpRequest, index: EventIndexPage) -> HttpResponse:
    form, occurrences = filtered_occurrences(request, index)
    if form.day is not None:
        occurrences = on_day(occurrences, form.day)
    elif form.wants_past:
        occurrences = occurrences.past()
    else:
        occurrences = occurrences.upcoming().one_per_series()
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


def event_calendar(
    request: HttpRequest, index: EventIndexPage, year: int | None, month: int | None
) -> HttpResponse:
    if year is None or month is None:
        today = timezone.localdate()
        year, month = today.year, today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    form, occurrences = filtered_occurrences(request, index)
    grid_start, grid_end = month_bounds(year, month)
    # Counting needs only (pk, start, end) of every date in the grid; the instances, with
    # their pages, are loaded for the few each day shows.
    spans = occurrences.between(grid_start, grid_end).values_list("pk", "start", "end")
    selection = select_per_day(spans, grid_days(year, month))
    shown = Occurrence.objects.select_related("page").in_bulk(shown_pks(selection))
    grid = build_month(year, month, selection, shown, timezone.localdate())
    return index.render(
        request,
        template="events/event_calendar.html",
        context_overrides={
            "form": form,
            "month": grid,
            "month_start": datetime.date(year, month, 1),
        },
    )
