"""The month grid of the calendar view (Monday first, as in Turkey)."""

import calendar
import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    occurrences: list = field(default_factory=list)


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Day]]

    @property
    def first(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def previous(self) -> datetime.date:
        return (self.first - datetime.timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> datetime.date:
        return (self.first + datetime.timedelta(days=32)).replace(day=1)


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The aware Istanbul start of the month's grid and of the day after it ends."""
    zone = ZoneInfo(settings.TIME_ZONE)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1] + datetime.timedelta(days=1)
    return (
        datetime.datetime.combine(first, datetime.time.min, zone),
        datetime.datetime.combine(last, datetime.time.min, zone),
    )


def build_month(year: int, month: int, occurrences, today: datetime.date) -> Month:
    """Place each occurrence on every grid day it spans (Istanbul time)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    weeks = [
        [Day(day, day.month == month, day == today) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    days = {day.date: day for week in weeks for day in week}
    for occurrence in occurrences:
        first = occurrence.start.astimezone(zone).date()
        # An event ending at midnight does not spill onto the next day.
        last = (occurrence.end.astimezone(zone) - datetime.timedelta(seconds=1)).date()
        current = first
        while current <= max(first, last):
            if current in days:
                days[current].occurrences.append(occurrence)
            current += datetime.timedelta(days=1)
    return Month(year, month, weeks)
