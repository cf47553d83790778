"""Series dates: rules, extra and excluded dates, local times near midnight, descriptions."""

import datetime

import recurrence
from django.utils import translation

from demo.builders import aware
from events.recurrence import describe, expand, has_any_date

UTC = datetime.UTC


def local_days(moments):
    return [m.strftime("%Y-%m-%d %H:%M") for m in moments]


def test_weekly_rule_gives_every_wednesday_at_the_first_meetings_time():
    first = aware(2026, 1, 7, 19)  # a Wednesday
    rule = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)])
    dates = expand(rule, first, first, aware(2026, 1, 31, 23))
    assert local_days(dates) == [
        "2026-01-07 19:00",
        "2026-01-14 19:00",
        "2026-01-21 19:00",
        "2026-01-28 19:00",
    ]
    assert all(d.utcoffset() == datetime.timedelta(hours=3) for d in dates)


def test_an_excluded_date_picked_in_the_widget_removes_the_evening_meeting():
    first = aware(2026, 1, 7, 19)
    # The admin widget stores a picked date as midnight UTC.
    rule = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.WEEKLY)],
        exdates=[datetime.datetime(2026, 1, 14, 0, 0, tzinfo=UTC)],
        rdates=[datetime.datetime(2026, 1, 16, 0, 0, tzinfo=UTC)],
    )
    dates = expand(rule, first, first, aware(2026, 1, 22, 23))
    assert local_days(dates) == ["2026-01-07 19:00", "2026-01-16 19:00", "2026-01-21 19:00"]


def test_a_meeting_at_01_30_istanbul_stays_on_its_local_weekday():
    # 01:30 in Istanbul is 22:30 UTC on the previous day.
    first = aware(2026, 2, 2, 1, 30)  # a Monday
    rule = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.WEEKLY, byday=[recurrence.MO])],
        exdates=[datetime.datetime(2026, 2, 9, 0, 0, tzinfo=UTC)],
    )
    dates = expand(rule, first, first, aware(2026, 2, 28))
    assert local_days(dates) == ["2026-02-02 01:30", "2026-02-16 01:30", "2026-02-23 01:30"]
    assert {d.weekday() for d in dates} == {0}
    assert dates[0].astimezone(UTC).day == 1  # the previous day in UTC


def test_until_includes_its_whole_local_day_and_monthly_first_thursday():
    first = aware(2026, 1, 1, 18)  # first Thursday of January
    rule = recurrence.Recurrence(
        rrules=[
            recurrence.Rule(
                recurrence.MONTHLY,
                byday=[recurrence.TH(1)],
                until=datetime.datetime(2026, 4, 2, 0, 0, tzinfo=UTC),
            )
        ]
    )
    dates = expand(rule, first, first, aware(2027, 1, 1))
    assert local_days(dates) == [
        "2026-01-01 18:00",
        "2026-02-05 18:00",
        "2026-03-05 18:00",
        "2026-04-02 18:00",
    ]


def test_window_bounds_are_inclusive_and_respect_count():
    first = aware(2026, 1, 5, 10)
    rule = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.DAILY, count=3)])
    assert len(expand(rule, first, first, aware(2026, 12, 31))) == 3
    assert local_days(expand(rule, first, aware(2026, 1, 6, 10), aware(2026, 1, 6, 10))) == [
        "2026-01-06 10:00"
    ]


def test_a_rule_that_yields_no_later_date_is_detected():
    first = aware(2026, 1, 7, 19)
    empty = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.WEEKLY, until=datetime.datetime(2026, 1, 1, tzinfo=UTC))]
    )
    assert not has_any_date(empty, first)
    assert has_any_date(recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)]), first)


def test_rules_are_described_in_the_visitors_language():
    rule = recurrence.Recurrence(
        rrules=[
            recurrence.Rule(
                recurrence.WEEKLY,
                byday=[recurrence.WE],
                until=datetime.datetime(2027, 6, 30, tzinfo=UTC),
            )
        ]
    )
    with translation.override("en"):
        assert describe(rule) == "Every week on Wednesday, until 30 June 2027"
    with translation.override("tr"):
        assert describe(rule) == "Her hafta Çarşamba, 30 Haziran 2027 tarihine kadar"
