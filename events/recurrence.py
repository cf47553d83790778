"""Expanding a series' recurrence rule into dates, in Istanbul wall-clock time.

django-recurrence stores datetimes in UTC and its admin widget records picked dates at
midnight UTC, so an exclusion never matches a 19:00 meeting and a 01:00 start lands on the
previous day in UTC. Expanding in naive local time and treating extra and excluded dates as
*dates* (taking the series' own start time) avoids both.
"""

import copy
import datetime
from zoneinfo import ZoneInfo

from dateutil import rrule as dateutil_rrule
from django.conf import settings
from django.utils import formats
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from recurrence import Recurrence


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def local_date(value: datetime.date | datetime.datetime) -> datetime.date:
    """The calendar date an editor meant: aware datetimes are read in Istanbul time."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            # The widget stores a picked date as 00:00 UTC; in Istanbul that is still that day.
            return value.astimezone(local_zone()).date()
        return value.date()
    return value


def _local_rrule(rule, first_start: datetime.datetime) -> dateutil_rrule.rrule:
    rule = copy.copy(rule)
    if rule.until is not None:
        # An end date includes that whole day in local time.
        rule.until = datetime.datetime.combine(local_date(rule.until), datetime.time.max)
    return rule.to_dateutil_rrule(dtstart=first_start)


def expand(
    recurrence: Recurrence | None,
    first_start: datetime.datetime,
    window_start: datetime.datetime,
    window_end: datetime.datetime,
) -> list[datetime.datetime]:
    """Aware start datetimes of a series between two aware bounds (both included).

    `first_start` is the series' first meeting: it always counts (RFC 5545's DTSTART), and its
    Istanbul wall-clock time is the time of every meeting, extra dates included.
    """
    zone = local_zone()
    naive_first = first_start.astimezone(zone).replace(tzinfo=None)
    naive_from = window_start.astimezone(zone).replace(tzinfo=None)
    naive_to = window_end.astimezone(zone).replace(tzinfo=None)

    ruleset = dateutil_rrule.rruleset()
    ruleset.rdate(naive_first)
    excluded_dates: set[datetime.date] = set()
    if recurrence is not None:
        for rule in recurrence.rrules:
            ruleset.rrule(_local_rrule(rule, naive_first))
        for rule in recurrence.exrules:
            ruleset.exrule(_local_rrule(rule, naive_first))
        for extra in recurrence.rdates:
            ruleset.rdate(datetime.datetime.combine(local_date(extra), naive_first.time()))
        excluded_dates = {local_date(excluded) for excluded in recurrence.exdates}

    return [
        start.replace(tzinfo=zone)
        for start in ruleset.between(naive_from, naive_to, inc=True)
        if start.date() not in excluded_dates
    ]


def dates_between(
    recurrence: Recurrence | None,
    first_start: datetime.datetime,
    first: datetime.date,
    last: datetime.date,
) -> list[datetime.date]:
    """The series' meeting days from `first` to `last`, both included (Istanbul days)."""
    zone = local_zone()
    window_start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    window_end = datetime.datetime.combine(last, datetime.time.max, tzinfo=zone)
    return [moment.date() for moment in expand(recurrence, first_start, window_start, window_end)]


def has_any_date(recurrence: Recurrence | None, first_start: datetime.datetime) -> bool:
    """Whether the rule yields a date other than the first one, within ten years."""
    horizon = first_start + datetime.timedelta(days=3650)
    later = first_start + datetime.timedelta(seconds=1)
    return bool(expand(recurrence, first_start, later, horizon)) if recurrence else False


def describe(recurrence: Recurrence | None) -> str:
    """The rule in the visitor's language: "Every week on Wednesday, until 30 June 2027"."""
    if recurrence is None or not recurrence.rrules:
        return ""
    return "; ".join(_describe_rule(rule) for rule in recurrence.rrules)


def _describe_rule(rule) -> str:
    days = ", ".join(str(WEEKDAYS[day.number]) for day in (rule.byday or []))
    interval = rule.interval or 1
    if rule.freq == dateutil_rrule.WEEKLY:
        text = ngettext("Every week", "Every %(count)d weeks", interval) % {"count": interval}
        if days:
            text = _("%(every)s on %(days)s") % {"every": text, "days": days}
    elif rule.freq == dateutil_rrule.MONTHLY:
        text = ngettext("Every month", "Every %(count)d months", interval) % {"count": interval}
        positions = {day.index for day in (rule.byday or []) if day.index}
        if days and positions:
            ordinal = {1: _("first"), 2: _("second"), 3: _("third"), 4: _("fourth"), -1: _("last")}
            where = ordinal.get(next(iter(positions)), "")
            text = _("%(every)s on the %(position)s %(days)s") % {
                "every": text,
                "position": where,
                "days": days,
            }
    elif rule.freq == dateutil_rrule.DAILY:
        text = ngettext("Every day", "Every %(count)d days", interval) % {"count": interval}
    else:
        text = _("Repeating")
    if rule.until:
        text = _("%(rule)s, until %(date)s") % {
            "rule": text,
            "date": formats.date_format(local_date(rule.until), "j F Y"),
        }
    elif rule.count:
        text = ngettext("%(rule)s, %(count)d times", "%(rule)s, %(count)d times", rule.count) % {
            "rule": text,
            "count": rule.count,
        }
    return text
