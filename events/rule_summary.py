"""A series' rule in plain words for editors, with its next dates.

"Every Thursday at 15:00 until 4 March 2027" / "Her Perşembe 15:00, 4 Mart 2027'ye kadar":
the page editor shows it under the rule editor, on load and each time the rule changes
(events.admin_views.recurrence_preview renders the same fragment).
"""

import datetime
from dataclasses import dataclass

from dateutil import rrule as dateutil_rrule
from django.utils import formats, timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from recurrence import Recurrence

from . import recurrence as series_dates

# How far ahead the preview looks for the next dates.
PREVIEW_HORIZON = datetime.timedelta(days=730)
PREVIEW_COUNT = 5

# The Turkish dative suffix after a number follows the last word read aloud:
# 2027 is "iki bin yirmi yedi", so "2027'ye".
_ONES = {1: "e", 2: "ye", 3: "e", 4: "e", 5: "e", 6: "ya", 7: "ye", 8: "e", 9: "a"}
_TENS = {1: "a", 2: "ye", 3: "a", 4: "a", 5: "ye", 6: "a", 7: "e", 8: "e", 9: "a"}


def turkish_dative_suffix(number: int) -> str:
    """The suffix Turkish adds to a number for "to" ("2027'ye", "2030'a", "2100'e")."""
    number = abs(number)
    if number == 0:
        return "a"  # sıfır
    if number % 10:
        return _ONES[number % 10]
    if number % 100:
        return _TENS[(number % 100) // 10]
    if number % 1000:
        return "e"  # yüz
    if number % 1_000_000:
        return "e"  # bin
    return "a"  # milyon, milyar


def _until(rule_text: str, date: datetime.date) -> str:
    text = formats.date_format(date, "j F Y")
    if (translation.get_language() or "").startswith("tr"):
        # "4 Mart 2027'ye kadar": the suffix follows the year, which English does not have.
        text = f"{text}'{turkish_dative_suffix(date.year)}"
    return _("%(rule)s until %(date)s") % {"rule": rule_text, "date": text}


def _and(items: list[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _day_names(rule, first_start: datetime.datetime) -> str:
    numbers = [day.number for day in (rule.byday or [])] or [first_start.weekday()]
    return _and([str(WEEKDAYS[number]) for number in numbers])


def _positions(rule) -> str:
    ordinal = {1: _("first"), 2: _("second"), 3: _("third"), 4: _("fourth"), -1: _("last")}
    found = sorted({day.index for day in (rule.byday or []) if day.index}, key=abs)
    return _and([ordinal[index] for index in found if index in ordinal])


def _frequency(rule, first_start: datetime.datetime) -> str:
    every = rule.interval or 1
    count = {"count": every}
    if rule.freq == dateutil_rrule.WEEKLY:
        days = _day_names(rule, first_start)
        if every == 1:
            return _("Every %(days)s") % {"days": days}
        return _("Every %(count)d weeks on %(days)s") % {**count, "days": days}
    if rule.freq == dateutil_rrule.MONTHLY:
        position = _positions(rule)
        if position:
            where = {"position": position, "days": _day_names(rule, first_start)}
            if every == 1:
                return _("Every month on the %(position)s %(days)s") % where
            return _("Every %(count)d months on the %(position)s %(days)s") % {**count, **where}
        day = {"day": (rule.bymonthday or [first_start.day])[0]}
        if every == 1:
            return _("Every month on day %(day)d") % day
        return _("Every %(count)d months on day %(day)d") % {**count, **day}
    if rule.freq == dateutil_rrule.DAILY:
        return ngettext("Every day", "Every %(count)d days", every) % count
    if rule.freq == dateutil_rrule.YEARLY:
        return _("Every year on %(date)s") % {"date": formats.date_format(first_start, "j F")}
    return _("Repeating")


def _describe_rule(rule, first_start: datetime.datetime) -> str:
    text = _frequency(rule, first_start)
    text = _("%(rule)s at %(time)s") % {"rule": text, "time": first_start.strftime("%H:%M")}
    if rule.until:
        text = _until(text, series_dates.local_date(rule.until))
    elif rule.count:
        text = ngettext("%(rule)s, %(count)d times", "%(rule)s, %(count)d times", rule.count) % {
            "rule": text,
            "count": rule.count,
        }
    return text


def summarise(recurrence: Recurrence | None, first_start: datetime.datetime) -> str:
    """The whole rule in the active language, its time read in Istanbul."""
    local_start = timezone.localtime(first_start)
    rules = list(recurrence.rrules) if recurrence else []
    parts = [_describe_rule(rule, local_start) for rule in rules]
    if not parts:
        parts.append(_("Only the first meeting"))
    if recurrence and recurrence.rdates:
        count = len(recurrence.rdates)
        parts.append(
            ngettext("%(count)d extra date", "%(count)d extra dates", count) % {"count": count}
        )
    if recurrence and recurrence.exdates:
        count = len(recurrence.exdates)
        parts.append(
            ngettext("%(count)d date left out", "%(count)d dates left out", count)
            % {"count": count}
        )
    return "; ".join(parts)


def rhythm(recurrence: Recurrence | None, first_start: datetime.datetime) -> str:
    """The series' rhythm for visitors ("Every Wednesday at 15:00"): its rules only; the
    dates added or left out show in its list of dates, not in one line on a card."""
    local_start = timezone.localtime(first_start)
    rules = list(recurrence.rrules) if recurrence else []
    return "; ".join(_describe_rule(rule, local_start) for rule in rules)


@dataclass(frozen=True)
class RulePreview:
    summary: str
    dates: list[datetime.datetime]


def preview(
    recurrence: Recurrence | None,
    first_start: datetime.datetime,
    now: datetime.datetime | None = None,
    count: int = PREVIEW_COUNT,
) -> RulePreview:
    """The summary and the next `count` dates from now, expanded as the site stores them."""
    now = now or timezone.now()
    until = max(now, first_start) + PREVIEW_HORIZON
    dates = series_dates.expand(recurrence, first_start, now, until)
    return RulePreview(summarise(recurrence, first_start), dates[:count])
