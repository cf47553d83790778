import datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from .calendar import build_month, month_bounds
from .forms import EventFilterForm
from .models import EventIndexPage, Occurrence

EVENTS_PER_PAGE = 12


def filtered_occurrences(
    request: HttpRequest, index: EventIndexPage
) -> tuple[EventFilterForm, object]:
    form = EventFilterForm(request.GET)
    occurrences = Occurrence.objects.visible_in(index.locale_id).for_listing()
    return form, form.filter(occurrences)


def event_listing(request: HttpRequest, index: EventIndexPage) -> HttpResponse:
    form, occurrences = filtered_occurrences(request, index)
    occurrences = occurrences.past() if form.wants_past else occurrences.upcoming()
    page_obj = Paginator(occurrences, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    return index.render(
        request,
        context_overrides={"form": form, "page_obj": page_obj, "wants_past": form.wants_past},
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
    grid = build_month(year, month, occurrences.between(grid_start, grid_end), timezone.localdate())
    return index.render(
        request,
        template="events/event_calendar.html",
        context_overrides={
            "form": form,
            "month": grid,
            "month_start": datetime.date(year, month, 1),
        },
    )
