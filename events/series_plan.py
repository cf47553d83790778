"""A series as one RRULE with the EXDATE and RDATE that make any RFC 5545 reader expand the
site's own dates (`ical` turns the plan into VEVENTs).

django-recurrence rules differ from RFC 5545 in small ways (excluded dates are whole days,
extra dates take the series' time, more than one rule is allowed); rather than translate each
rule, the dates the site expands are compared with those the first RRULE gives over the same
window, and the difference becomes EXDATE and RDATE.

Expanding a rule costs time in proportion to the series' age (dateutil walks every period
from the first meeting), and a feed holds many series. So both expansions are made once per
stored rule, from the first meeting to a horizon (`RuleFacts`, memoised on the rule's text,
start and all-day flag: an edit is a new key, nothing needs retiring, and no shared cache is
involved), and each request slices them for its window with a binary search.
"""

import bisect
import datetime
import functools
from array import array
from dataclasses import dataclass

from dateutil import rrule as dateutil_rrule
from django.utils import timezone
from recurrence import Recurrence, Rule, deserialize, serialize

from . import recurrence as series_dates
from .models import SERIES_HORIZON, EventSeriesPage

RULE_FREQUENCIES = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Facts reach this far past the window a request needs, so a process reuses them for weeks.
FACTS_STEP = datetime.timedelta(days=61)
# Distinct rules held per process (a few kilobytes each).
FACTS_KEPT = 4096

_EPOCH = datetime.datetime(1970, 1, 1)
_MICROSECOND = datetime.timedelta(microseconds=1)


def _local(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(series_dates.local_zone())


def _wall(moment: datetime.datetime) -> datetime.datetime:
    """Istanbul wall-clock time, naive: how both expansions compare dates."""
    return _local(moment).replace(tzinfo=None)


def _micros(naive: datetime.datetime) -> int:
    return (naive - _EPOCH) // _MICROSECOND


def _naive(micros: int) -> datetime.datetime:
    return _EPOCH + datetime.timedelta(microseconds=micros)


def count_until(rule: Rule, first: datetime.datetime) -> datetime.datetime | None:
    """The last date of a rule with COUNT (naive local), counted from the series' first
    meeting as the site counts."""
    dates = list(rule.to_dateutil_rrule(dtstart=_wall(first)))
    return dates[-1] if dates else _wall(first)


def _rule_until(rule: Rule, first: datetime.datetime) -> datetime.datetime | None:
    """The rule's own end as a naive local datetime: a count becomes the UNTIL of the last
    date the site gives, an end date that whole day in Istanbul time."""
    if rule.count:
        return count_until(rule, first)
    if rule.until is not None:
        return datetime.datetime.combine(
            series_dates.local_date(rule.until), datetime.time(23, 59, 59)
        )
    return None


def rule_text(
    rule: Rule,
    until: datetime.datetime | None,
    all_day: bool,
    until_cap: datetime.datetime | None = None,
) -> str:
    """One django-recurrence rule as an RRULE value in local time, ending at `until` (the
    rule's own end, see `_rule_until`) or at `until_cap` if that comes first.

    Clients differ on COUNT (RFC 5545 counts DTSTART even when the rule does not match it),
    so a count is given as the UNTIL of the last date the site gives.
    """
    if until_cap is not None:
        cap = _wall(until_cap).replace(microsecond=0)
        until = cap if until is None else min(until, cap)
    parts = [f"FREQ={RULE_FREQUENCIES[rule.freq]}"]
    if rule.interval and rule.interval != 1:
        parts.append(f"INTERVAL={int(rule.interval)}")
    if rule.wkst is not None:
        parts.append(f"WKST={WEEKDAYS[getattr(rule.wkst, 'number', rule.wkst)]}")
    if until is not None:
        if all_day:
            parts.append(f"UNTIL={until:%Y%m%d}")
        else:
            # With a TZID start, RFC 5545 wants UNTIL in UTC.
            zone = series_dates.local_zone()
            utc = until.replace(tzinfo=zone).astimezone(datetime.UTC)
            parts.append(f"UNTIL={utc:%Y%m%dT%H%M%SZ}")
    if rule.byday:
        days = []
        for day in rule.byday:
            number = getattr(day, "number", day)
            index = getattr(day, "index", None)
            days.append(f"{index or ''}{WEEKDAYS[number]}")
        parts.append("BYDAY=" + ",".join(days))
    for param in ("bysetpos", "bymonth", "bymonthday", "byyearday", "byweekno"):
        values = getattr(rule, param, None)
        if values:
            parts.append(f"{param.upper()}={','.join(str(int(v)) for v in values)}")
    return ";".join(parts)


def _until_bound(until: datetime.datetime, all_day: bool) -> datetime.datetime:
    """The last moment an UNTIL written by `rule_text` lets through, as a reader takes it:
    a DATE UNTIL (all-day series) is that day at midnight, a DATE-TIME one is to the second."""
    if all_day:
        return datetime.datetime.combine(until.date(), datetime.time.min)
    return until.replace(microsecond=0)


def client_rule_dates(
    text: str, first: datetime.datetime, end: datetime.datetime, all_day: bool
) -> list[datetime.datetime]:
    """What dateutil, as an RFC 5545 reader, expands from DTSTART `first` and the RRULE
    `text` up to `end` (naive local): a DATE start has a DATE UNTIL, read as naive."""
    if all_day:
        rule = dateutil_rrule.rrulestr(text, dtstart=_wall(first))
        return rule.between(_wall(first), _wall(end), inc=True)
    found = dateutil_rrule.rrulestr(text, dtstart=_local(first))
    return [moment.replace(tzinfo=None) for moment in found.between(first, end, inc=True)]


def _first_after(
    text: str, first: datetime.datetime, moment: datetime.datetime, all_day: bool
) -> int | None:
    """The first date the RRULE `text` gives from `moment` on (microseconds, naive local)."""
    if all_day:
        rule = dateutil_rrule.rrulestr(text, dtstart=_wall(first))
        found = rule.after(_wall(moment), inc=True)
    else:
        found = dateutil_rrule.rrulestr(text, dtstart=_local(first)).after(moment, inc=True)
    return None if found is None else _micros(found.replace(tzinfo=None))


def series_window(page: EventSeriesPage, now: datetime.datetime) -> datetime.datetime:
    """At least as far as the stored occurrences go, and past every explicit date."""
    end = max(now, page.start) + SERIES_HORIZON
    recurrence = page.recurrences
    if recurrence is not None:
        for moment in [*recurrence.rdates, *recurrence.exdates]:
            day = series_dates.local_date(moment)
            candidate = datetime.datetime.combine(
                day + datetime.timedelta(days=1), datetime.time.min, series_dates.local_zone()
            )
            end = max(end, candidate)
    return end


@dataclass(frozen=True)
class RuleFacts:
    """A stored rule expanded once from the series' first meeting to `horizon`."""

    # The first rule's own end (naive local), see `_rule_until`.
    until: datetime.datetime | None
    # Starts the site gives, and starts the first rule gives as a client reads it uncapped
    # (naive local, in microseconds, sorted).
    site: array
    rule: array
    horizon: datetime.datetime


@functools.lru_cache(maxsize=FACTS_KEPT)
def _facts(
    stored: str, start: datetime.datetime, all_day: bool, horizon: datetime.datetime
) -> RuleFacts:
    recurrence = deserialize(stored) if stored else None
    rules = list(recurrence.rrules) if recurrence is not None else []
    site = series_dates.expand(recurrence, start, start, horizon)
    until = _rule_until(rules[0], start) if rules else None
    client: list[datetime.datetime] = []
    if rules:
        client = client_rule_dates(rule_text(rules[0], until, all_day), start, horizon, all_day)
    return RuleFacts(
        until,
        array("q", sorted(_micros(_wall(moment)) for moment in site)),
        array("q", [_micros(moment) for moment in client]),
        _wall(horizon),
    )


def rule_facts(page: EventSeriesPage, reach: datetime.datetime) -> RuleFacts:
    """The facts of the page's rule, expanded at least as far as `reach`. The horizon moves
    in steps, so requests of the same weeks share one expansion."""
    # A page read as plain values (`feed_pages.FeedPage`) has the stored text already.
    stored = getattr(page, "recurrence_text", None)
    if stored is None:
        recurrence: Recurrence | None = page.recurrences
        stored = serialize(recurrence) if recurrence is not None else ""
    steps = -(-(reach - page.start) // FACTS_STEP) + 1
    return _facts(stored, page.start, page.all_day, page.start + steps * FACTS_STEP)


@dataclass(frozen=True)
class SeriesDates:
    rule: str | None
    exdates: list[datetime.datetime]
    rdates: list[datetime.datetime]
    # Every start the site gives in the window, before per-date changes.
    instances: frozenset[datetime.datetime]
    # DTSTART: the series' first meeting, or its first rule date in a feed's window.
    first: datetime.datetime | None = None


def _between(dates: array, low: int, high: int) -> list[int]:
    return list(dates[bisect.bisect_left(dates, low) : bisect.bisect_right(dates, high)])


def series_dates_for_ical(
    page: EventSeriesPage,
    now: datetime.datetime | None = None,
    window: tuple[datetime.datetime, datetime.datetime | None] | None = None,
) -> SeriesDates:
    """The RRULE of a series and the EXDATE/RDATE that make it give the site's own dates.

    With a `window` (a feed's), only its dates are compared, so the result does not grow
    with the series' age or length: DTSTART moves to the rule's first date in the window and
    an end of the window caps the rule (UNTIL). A rule read from a DTSTART that is one of its
    own dates gives the same dates from there on, which is what lets one expansion from the
    first meeting serve every window.
    """
    now = now or timezone.now()
    recurrence: Recurrence | None = page.recurrences
    rules = list(recurrence.rrules) if recurrence is not None else []
    window_start, cap = window or (page.start, None)
    window_end = cap or series_window(page, now)
    facts = rule_facts(page, max(window_end, series_window(page, now)))
    text = rule_text(rules[0], facts.until, page.all_day, cap) if rules else None
    # The last rule date the (capped) RRULE lets through.
    last = facts.rule[-1] if facts.rule else None
    if text and cap is not None:
        bound = _micros(_until_bound(min(filter(None, [facts.until, _wall(cap)])), page.all_day))
        last = bound if last is None else min(last, bound)
    first_at = _micros(_wall(page.start))
    first = page.start
    if text and window_start > page.start:
        index = bisect.bisect_left(facts.rule, _micros(_wall(window_start)))
        if index < len(facts.rule):
            found = facts.rule[index] if last is not None and facts.rule[index] <= last else None
        else:  # nothing up to the horizon: a rule of long periods, read past it
            found = _first_after(text, page.start, window_start, page.all_day)
        if found is not None:
            first_at = found
            first = _naive(first_at).replace(tzinfo=series_dates.local_zone())
    end_at = _micros(_wall(window_end))
    site = set(_between(facts.site, first_at, end_at))
    from_rule = {first_at}
    if text and last is not None:
        from_rule.update(_between(facts.rule, first_at, min(end_at, last)))
    zone = series_dates.local_zone()

    def aware(values) -> list[datetime.datetime]:
        return [_naive(value).replace(tzinfo=zone) for value in sorted(values)]

    return SeriesDates(
        text,
        aware(from_rule - site),
        aware(site - from_rule),
        frozenset(aware(site)),
        first,
    )
