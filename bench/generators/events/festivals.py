"""Festivals with their programme (20 to 32 sessions) and, for half of them, stand types.
Festival 1 is the upcoming edition with an open call (the measured one)."""

import datetime

from bench.generators.base import WORDS_EN, WORDS_TR, Context, at, zone
from bench.generators.events.setup import EventSetup

STAND_TYPE_NAMES = [("Standart", "Standard"), ("Köşe", "Corner"), ("Yiyecek", "Food")]


def make_festivals(setup: EventSetup, count: int) -> int:
    from events.models import FestivalPage

    ctx = setup.ctx
    for number in range(1, count + 1):
        if number == 1:
            start_day = setup.today + datetime.timedelta(days=120)
        else:
            start_day = setup.pick_day(past_years=6, future_days=0)
        stands = 2000 if number == 1 else ctx.random.randint(80, 200)
        sessions = programme(ctx, start_day)
        types = stand_types(ctx, stands) if number % 2 == 1 else ([], [])
        fields = festival_fields(setup, number, start_day, stands, len(sessions[0]))

        def texts(words, language, number=number, sessions=sessions, types=types):
            title = "Sivil Sesler Festivali" if language == "tr" else "Civil Voices Festival"
            index = 0 if language == "tr" else 1
            return {
                **setup.common(words),
                "title": f"{title} {number}",
                "theme": ctx.sentence(words, 4)[:-1],
                "sessions": sessions[index],
                "stand_types": types[index],
            }

        setup.pair(FestivalPage, number, "festival", "festival", fields, *setup.both(texts))
    return count


def festival_fields(
    setup: EventSetup, number: int, start_day: datetime.date, stands: int, sessions: int
) -> dict:
    """Dates, venue, figures and the application window (open now for festival 1)."""
    from events.choices import AllocationMode

    r = setup.ctx.random
    now = datetime.datetime.now(tz=zone())
    open_call = number == 1
    return {
        "edition_year": start_day.year,
        "start": at(start_day, 10),
        "end": at(start_day + datetime.timedelta(days=1), 18),
        "venue": r.choice(setup.venues),
        "stands": stands,
        "organisations": r.randint(80, 250),
        "cities": r.randint(30, 70),
        "participants": r.randint(400, 1500),
        "workshops": sessions // 2,
        "applications_open": now - datetime.timedelta(days=30)
        if open_call
        else at(start_day - datetime.timedelta(days=120), 9),
        "applications_close": now + datetime.timedelta(days=60)
        if open_call
        else at(start_day - datetime.timedelta(days=30), 18),
        "allocation_mode": AllocationMode.REVIEWED,
        "accessibility": setup.pick_features(),
    }


def programme(ctx: Context, start_day: datetime.date) -> tuple[list, list]:
    """Sessions over two days, in both languages."""
    from events.choices import SessionKind, SessionLanguage
    from events.models import FestivalSession

    sessions_tr, sessions_en = [], []
    kinds = list(SessionKind.values)
    for session_number in range(ctx.random.randint(20, 32)):
        day = start_day + datetime.timedelta(days=session_number % 2)
        hour = 10 + (session_number // 2) % 8
        session = FestivalSession(
            locale=ctx.tr,
            kind=kinds[session_number % len(kinds)],
            title=ctx.sentence(WORDS_TR, 5)[:-1],
            start=at(day, hour),
            end=at(day, hour, 50),
            space=f"Salon {session_number % 5 + 1}",
            speakers=ctx.sentence(WORDS_TR, 3)[:-1],
            language=ctx.random.choice(list(SessionLanguage.values)),
            description=ctx.sentence(WORDS_TR, 30),
            sort_order=session_number,
        )
        sessions_tr.append(session)
        sessions_en.append(
            FestivalSession(
                locale=ctx.en,
                translation_key=session.translation_key,
                kind=session.kind,
                title=ctx.sentence(WORDS_EN, 5)[:-1],
                start=session.start,
                end=session.end,
                space=f"Hall {session_number % 5 + 1}",
                speakers=session.speakers,
                language=session.language,
                description=ctx.sentence(WORDS_EN, 30),
                sort_order=session_number,
            )
        )
    return sessions_tr, sessions_en


def stand_types(ctx: Context, stands: int) -> tuple[list, list]:
    """Standard, corner and food stands sharing `stands`, in both languages."""
    from events.models import FestivalStandType

    counts = [stands - stands // 5 - stands // 10, stands // 5, stands // 10]
    types_tr, types_en = [], []
    for order, (count_of_type, (name_tr, name_en)) in enumerate(
        zip(counts, STAND_TYPE_NAMES, strict=True)
    ):
        row = FestivalStandType(locale=ctx.tr, name=name_tr, count=count_of_type, sort_order=order)
        types_tr.append(row)
        types_en.append(
            FestivalStandType(
                locale=ctx.en,
                translation_key=row.translation_key,
                name=name_en,
                count=count_of_type,
                sort_order=order,
            )
        )
    return types_tr, types_en
