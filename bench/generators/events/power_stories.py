"""Power Stories events: 3 to 6 performances at different venues, a fortnight apart."""

import datetime

from bench.generators.base import Context, at
from bench.generators.events.setup import EventSetup


def make_power_stories(setup: EventSetup, count: int) -> int:
    from events.models import PowerStoriesEventPage

    ctx = setup.ctx
    for number in range(1, count + 1):
        first = setup.pick_day(past_years=4, future_days=200)
        stops = ctx.random.sample(setup.venues, ctx.random.randint(3, 6))
        tr_rows, en_rows = performances(ctx, first, stops)
        fields = {
            "start": tr_rows[0].start,
            "end": tr_rows[-1].end,
            "venue": stops[0],
            "accessibility": setup.pick_features(),
        }

        def texts(words, language, number=number, rows=(tr_rows, en_rows)):
            title = "Güç Hikâyeleri Sahnede" if language == "tr" else "Power Stories on Stage"
            return {
                **setup.common(words),
                "title": f"{title} {number}",
                "narrators_intro": ctx.sentence(words, 25),
                "performances": rows[0] if language == "tr" else rows[1],
            }

        setup.pair(
            PowerStoriesEventPage,
            number,
            "guc-hikayeleri",
            "power-stories",
            fields,
            *setup.both(texts),
        )
    return count


def performances(ctx: Context, first: datetime.date, stops: list) -> tuple[list, list]:
    """One evening performance per venue, every 14 days from `first`, in both languages."""
    from events.models import Performance

    tr_rows, en_rows = [], []
    for step, venue in enumerate(stops):
        day = first + datetime.timedelta(days=14 * step)
        row = Performance(locale=ctx.tr, start=at(day, 19), end=at(day, 21), venue=venue, note="")
        tr_rows.append(row)
        en_rows.append(
            Performance(
                locale=ctx.en,
                translation_key=row.translation_key,
                start=row.start,
                end=row.end,
                venue=venue,
            )
        )
    return tr_rows, en_rows
