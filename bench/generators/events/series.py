"""Recurring series: weekly, fortnightly and monthly rules, a quarter of them with an end,
one to three changed dates each."""

import datetime

from bench.generators.base import WORDS_EN, WORDS_TR, Context, at
from bench.generators.events.setup import EventSetup


def make_series(setup: EventSetup, count: int) -> int:
    from events import recurrence as series_dates
    from events.choices import SeriesKind
    from events.models import EventSeriesPage

    ctx = setup.ctx
    for number in range(1, count + 1):
        first = setup.pick_day(past_years=3, future_days=90)
        if first.weekday() >= 5:
            first -= datetime.timedelta(days=first.weekday() - 2)  # a Wednesday
        hour = ctx.random.choice([10, 15, 18])
        rule = recurrence_rule(ctx, number, first)
        start = at(first, hour)
        dates = series_dates.expand(rule, start, start, start + datetime.timedelta(days=3 * 365))
        changes_tr, changes_en = date_changes(ctx, dates)
        fields = {
            "start": start,
            "end": start + datetime.timedelta(hours=2),
            "venue": ctx.random.choice(setup.venues),
            "series_kind": ctx.random.choice(list(SeriesKind.values)),
            "recurrences": rule,
            "accessibility": setup.pick_features(),
        }

        def texts(words, language, number=number, changes=(changes_tr, changes_en)):
            title = "Çay Saati Buluşmaları" if language == "tr" else "Tea Time Meetings"
            return {
                **setup.common(words),
                "title": f"{title} {number}: {ctx.sentence(words, 2)[:-1]}",
                "date_changes": changes[0] if language == "tr" else changes[1],
            }

        setup.pair(EventSeriesPage, number, "cay-saati", "tea-time", fields, *setup.both(texts))
    return count


def recurrence_rule(ctx: Context, number: int, first: datetime.date):
    """Weekly, fortnightly or monthly (by `number`) on the weekday of `first`; every fourth
    series has an end."""
    import recurrence

    r = ctx.random
    weekday = [recurrence.MO, recurrence.TU, recurrence.WE, recurrence.TH, recurrence.FR]
    day = weekday[first.weekday()] if first.weekday() < 5 else recurrence.WE
    until = None
    if number % 4 == 0:
        until = at(first + datetime.timedelta(days=r.randint(120, 900)), 23, 59)
    kind = number % 3
    if kind == 0:
        rule = recurrence.Rule(recurrence.WEEKLY, byday=[day], until=until)
    elif kind == 1:
        rule = recurrence.Rule(recurrence.WEEKLY, interval=2, byday=[day], until=until)
    else:
        rule = recurrence.Rule(recurrence.MONTHLY, byday=[day(1)], until=until)
    return recurrence.Recurrence(rrules=[rule])


def date_changes(ctx: Context, dates: list[datetime.datetime]) -> tuple[list, list]:
    """One to three of the later dates cancelled, rescheduled or moved online, as Turkish
    rows and their English translations."""
    from events.choices import EventStatus
    from events.models import OccurrenceChange

    changes_tr, changes_en = [], []
    for moment in ctx.random.sample(dates[1:], min(len(dates) - 1, ctx.random.randint(1, 3))):
        status = ctx.random.choice(
            [EventStatus.CANCELLED, EventStatus.RESCHEDULED, EventStatus.MOVED_ONLINE]
        )
        new_start = (
            moment + datetime.timedelta(days=1) if status == EventStatus.RESCHEDULED else None
        )
        change = OccurrenceChange(
            locale=ctx.tr,
            date=moment.date(),
            status=status,
            new_start=new_start,
            new_end=new_start + datetime.timedelta(hours=2) if new_start else None,
            reason=ctx.sentence(WORDS_TR, 8),
        )
        changes_tr.append(change)
        changes_en.append(
            OccurrenceChange(
                locale=ctx.en,
                translation_key=change.translation_key,
                date=change.date,
                status=change.status,
                new_start=change.new_start,
                new_end=change.new_end,
                reason=ctx.sentence(WORDS_EN, 8),
            )
        )
    return changes_tr, changes_en
