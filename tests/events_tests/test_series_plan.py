"""A series' plan for a feed's window (events.series_plan) is what dateutil gives when it
expands the rule from the window's first rule date, as the feed did before the rule's facts
were expanded once; and a feed request expands no rule a previous request expanded."""

import datetime

import pytest
import recurrence
from dateutil import rrule as dateutil_rrule
from recurrence import Weekday

from demo.builders import aware
from events import recurrence as series_dates
from events import series_plan
from events.models import EventSeriesPage

from .ical_helpers import ISTANBUL, widget_date

START = aware(2027, 1, 4, 19)  # a Monday

RULES = {
    "weekly": [recurrence.Rule(recurrence.WEEKLY)],
    "fortnightly on Monday and Wednesday": [
        recurrence.Rule(recurrence.WEEKLY, interval=2, byday=[Weekday(0), Weekday(2)])
    ],
    "first Monday": [recurrence.Rule(recurrence.MONTHLY, byday=[Weekday(0, 1)])],
    "last Friday": [recurrence.Rule(recurrence.MONTHLY, byday=[Weekday(4, -1)])],
    "the 31st": [recurrence.Rule(recurrence.MONTHLY, bymonthday=[31])],
    "every third day": [recurrence.Rule(recurrence.DAILY, interval=3)],
    "ten weeks": [recurrence.Rule(recurrence.WEEKLY, count=10)],
    "until June": [recurrence.Rule(recurrence.WEEKLY, until=widget_date(2027, 6, 30))],
    "every third year": [recurrence.Rule(recurrence.YEARLY, interval=3)],
    "two rules": [
        recurrence.Rule(recurrence.WEEKLY, interval=2),
        recurrence.Rule(recurrence.MONTHLY, byday=[Weekday(3, 2)]),
    ],
}
OFFSETS = [-10, 1, 9, 45, 200, 400, 1200]
CAPS = [None, 20, 120]


def reference(page, window):
    """The plan as dateutil expands it from the window's first rule date (the old way)."""
    stored = page.recurrences
    rules = list(stored.rrules)
    window_start, cap = window
    end = cap or series_plan.series_window(page, window_start)
    until = series_plan._rule_until(rules[0], page.start)
    text = series_plan.rule_text(rules[0], until, page.all_day, cap)
    first = page.start
    if window_start > page.start:
        if page.all_day:
            naive_start = page.start.astimezone(ISTANBUL).replace(tzinfo=None)
            rule = dateutil_rrule.rrulestr(text, dtstart=naive_start)
            found = rule.after(window_start.astimezone(ISTANBUL).replace(tzinfo=None), inc=True)
            found = found and found.replace(tzinfo=ISTANBUL)
        else:
            rule = dateutil_rrule.rrulestr(text, dtstart=page.start.astimezone(ISTANBUL))
            found = rule.after(window_start, inc=True)
        first = found or page.start
    site = set(series_dates.expand(stored, page.start, first, end))
    from_rule = {first.astimezone(ISTANBUL)}
    from_rule.update(
        moment.replace(tzinfo=ISTANBUL)
        for moment in series_plan.client_rule_dates(text, first, end, page.all_day)
    )
    return text, sorted(from_rule - site), sorted(site - from_rule), frozenset(site), first


# The series page it builds looks up its content type, which may take a query.
@pytest.mark.django_db
@pytest.mark.parametrize("name", RULES)
@pytest.mark.parametrize("all_day", [False, True])
def test_the_plan_of_a_window_is_daterutils_own(name, all_day):
    start = START.replace(hour=0) if all_day else START
    stored = recurrence.Recurrence(
        rrules=RULES[name],
        exdates=[widget_date(2027, 2, 1), widget_date(2031, 3, 3)],
        rdates=[widget_date(2027, 2, 3), widget_date(2030, 5, 8)],
    )
    page = EventSeriesPage(
        start=start, end=start + datetime.timedelta(hours=2), all_day=all_day, recurrences=stored
    )
    for offset in OFFSETS:
        window_start = start + datetime.timedelta(days=offset, hours=5)
        for cap_days in CAPS:
            cap = cap_days and window_start + datetime.timedelta(days=cap_days)
            plan = series_plan.series_dates_for_ical(
                page, now=window_start, window=(window_start, cap)
            )
            expected = reference(page, (window_start, cap))
            found = (plan.rule, plan.exdates, plan.rdates, plan.instances, plan.first)
            assert found == expected, (name, offset, cap_days)


@pytest.mark.django_db
def test_a_feed_request_expands_no_rule_again(client, index, monkeypatch):
    from .ical_helpers import tea_time
    from .test_feed_window import local_day

    weekly = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)])
    tea_time(index, start=local_day(-700), end=local_day(-700, 17), recurrences=weekly)
    assert client.get("/tr/calendar/events.ics").status_code == 200

    iterations = []
    expand = dateutil_rrule.rrule._iter

    def counted(self):
        iterations.append(self)
        return expand(self)

    monkeypatch.setattr(dateutil_rrule.rrule, "_iter", counted)
    response = client.get("/tr/calendar/events.ics")
    assert response.status_code == 200 and b"RRULE:FREQ=WEEKLY" in response.content
    assert iterations == []
