"""Meetings: one-day events at a venue, online or hybrid."""

from bench.generators.base import at
from bench.generators.events.setup import EventSetup


def make_meetings(setup: EventSetup, count: int) -> int:
    from events.models import MeetingPage

    for number in range(1, count + 1):
        fields = meeting_fields(setup)

        def texts(words, language, number=number):
            return meeting_texts(setup, words, language, number)

        setup.pair(MeetingPage, number, "bulusma", "meeting", fields, *setup.both(texts))
    return count


def meeting_fields(setup: EventSetup) -> dict:
    """The fields both languages share: dates, venue, attendance, accessibility."""
    from events.choices import AttendanceMode

    r = setup.ctx.random
    day = setup.pick_day()
    venue = r.choice(setup.venues)
    mode = r.choice([AttendanceMode.IN_PERSON] * 4 + [AttendanceMode.HYBRID, AttendanceMode.ONLINE])
    return {
        "start": at(day, 10),
        "end": at(day, 16),
        "venue": venue,
        "attendance_mode": mode,
        "online_url": "https://stgm.example.org/canli" if mode != "in_person" else "",
        "participants": r.randint(20, 120) if day < setup.today else None,
        "accessibility": setup.pick_features(),
    }


def meeting_texts(setup: EventSetup, words: list[str], language: str, number: int) -> dict:
    ctx = setup.ctx
    title = "Sivil Toplum Buluşması" if language == "tr" else "Civil Society Meeting"
    return {
        **setup.common(words),
        "title": f"{title} {number}: {ctx.sentence(words, 3)[:-1]}",
        "campaign": "Güçlü Sivil Toplum" if language == "tr" else "Strong Civil Society",
        "outcomes": ctx.sentence(words, 25),
    }
