"""The month grid of the calendar view (Monday first, as in Turkey), and which Istanbul days
an occurrence is on.

The grid is built in two steps so that a month of ~1,500 dates stays cheap: `select_per_day`
places light (pk, start, end) rows on their days and keeps the first few of each day, then
only those are loaded as model instances (the view does the two queries)."""

import calendar
import datetime
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import dateformat

# What a phone can show in a day's cell; the rest is behind the day's "+N more" link.
CALENDAR_EVENTS_PER_DAY = 4

# (pk, start, end) of an occurrence: what the grid needs to count a day's dates.
Span = tuple[int, datetime.datetime, datetime.datetime]


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def local_midnight(day: datetime.date) -> datetime.datetime:
    """The aware Istanbul start of `day`."""
    return datetime.datetime.combine(day, datetime.time.min, local_zone())


def local_dates(
    start: datetime.datetime, end: datetime.datetime
) -> tuple[datetime.date, datetime.date]:
    """The first and last Istanbul day an occurrence is on. An end at midnight does not spill
    onto the next day; a zero-length occurrence is on its start day. `on_day` must agree."""
    zone = local_zone()
    first = start.astimezone(zone).date()
    last = (end.astimezone(zone) - datetime.timedelta(microseconds=1)).date()
    return first, max(first, last)


def on_day(occurrences: QuerySet, day: datetime.date) -> QuerySet:
    """The occurrences that `local_dates` puts on `day`, in start order."""
    day_start = local_midnight(day)
    day_end = local_midnight(day + datetime.timedelta(days=1))
    return occurrences.filter(
        Q(end__gt=day_start) | Q(start__gte=day_start), start__lt=day_end
    ).order_by("start", "pk")


@dataclass(frozen=True)
class DaySelection:
    """The occurrences a day's cell shows (pks, in start order) and how many the day holds."""

    shown: list[int]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.shown)


def select_per_day(
    spans: Iterable[Span],
    days: Collection[datetime.date],
    limit: int = CALENDAR_EVENTS_PER_DAY,
) -> dict[datetime.date, DaySelection]:
    """For each of `days`, the first `limit` occurrences by start (then pk) and the count of
    all the occurrences on it; an occurrence spanning several days counts on each."""
    if not days:
        return {}
    grid_first, grid_last = min(days), max(days)
    shown: dict[datetime.date, list[int]] = {day: [] for day in days}
    totals = dict.fromkeys(days, 0)
    one_day = datetime.timedelta(days=1)
    for pk, start, end in sorted(spans, key=lambda span: (span[1], span[0])):
        first, last = local_dates(start, end)
        # A long event is walked only over the grid, not over its whole run.
        current, last = max(first, grid_first), min(last, grid_last)
        while current <= last:
            if current in totals:
                totals[current] += 1
                if len(shown[current]) < limit:
                    shown[current].append(pk)
            current += one_day
    return {day: DaySelection(shown[day], totals[day]) for day in days}


def shown_pks(selection: Mapping[datetime.date, DaySelection]) -> set[int]:
    """The occurrences to load as instances: those some day shows."""
    return {pk for day in selection.values() for pk in day.shown}


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    occurrences: list = field(default_factory=list)  # the ones shown, in start order
    more: int = 0  # the day's other occurrences, behind its "+N more" link

    # What the cell prints of its date, as the template's date filters would ("Y-m-d", "j",
    # "F, l"): a month has up to 42 cells.
    @property
    def iso(self) -> str:
        return self.date.isoformat()

    @property
    def number(self) -> int:
        return self.date.day

    @property
    def label(self) -> str:
        return dateformat.format(self.date, "F, l")


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Day]]

    @property
    def first(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def has_events(self) -> bool:
        """Any event in the month itself (a phone lists only the days that have some)."""
        return any(day.occurrences for week in self.weeks for day in week if day.in_month)

    @property
    def previous(self) -> datetime.date:
        return (self.first - datetime.timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> datetime.date:
        return (self.first + datetime.timedelta(days=32)).replace(day=1)


def grid_weeks(year: int, month: int) -> list[list[datetime.date]]:
    return calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)


def grid_days(year: int, month: int) -> list[datetime.date]:
    return [day for week in grid_weeks(year, month) for day in week]


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The aware Istanbul start of the month's grid and of the day after it ends."""
    weeks = grid_weeks(year, month)
    return local_midnight(weeks[0][0]), local_midnight(weeks[-1][-1] + datetime.timedelta(days=1))


def build_month(
    year: int,
    month: int,
    selection: Mapping[datetime.date, DaySelection],
    occurrences: Mapping[int, object],
    today: datetime.date,
) -> Month:
    """The grid with each day's shown occurrences (looked up by pk in `occurrences`) and the
    count of the others."""
    weeks = []
    for week in grid_weeks(year, month):
        days = []
        for date in week:
            chosen = selection.get(date, DaySelection([], 0))
            # A date deleted between the two queries (a republish) is left out, not an error.
            shown = [occurrences[pk] for pk in chosen.shown if pk in occurrences]
            days.append(Day(date, date.month == month, date == today, shown, chosen.more))
        weeks.append(days)
    return Month(year, month, weeks)
