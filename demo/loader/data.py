"""Reading the content files of demo/content/ and turning their values into field values.

A text in a content file is either one string (the same in both languages: a name, a city)
or a mapping `{tr: ..., en: ...}`. The loader writes the Turkish text on the source page or
snippet and remembers the English one in a glossary that `demo.tools.translate` then hands to
wagtail-localize, string by string.
"""

import datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from django.conf import settings

from demo.tools import Glossary

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@cache
def read(name: str) -> dict:
    """The parsed content file demo/content/<name>.yaml (read once per process)."""
    with open(CONTENT_DIR / f"{name}.yaml", encoding="utf-8") as file:
        return yaml.safe_load(file)


def in_language(value, language: str) -> str:
    return value if isinstance(value, str) else value[language]


class Texts:
    """Turns bilingual values into Turkish field values and collects their English."""

    def __init__(self, glossary: Glossary | None = None):
        self.glossary: Glossary = {} if glossary is None else glossary

    def __call__(self, value, **placeholders) -> str:
        """The Turkish text of `value`, its "{name}" placeholders filled in per language."""
        texts = {}
        for language in ("tr", "en"):
            text = in_language(value, language)
            if placeholders:
                text = text.format(
                    **{key: in_language(v, language) for key, v in placeholders.items()}
                )
            texts[language] = text
        self.glossary[texts["tr"]] = texts["en"]
        return texts["tr"]

    def paragraphs(self, values: list) -> list[tuple[str, str]]:
        """Rich-text body blocks, one paragraph per bilingual value."""
        return [("paragraph", f"<p>{self(value)}</p>") for value in values]

    def html(self, values: list) -> str:
        """A rich-text field value, one paragraph per bilingual value."""
        return "".join(f"<p>{self(value)}</p>" for value in values)


def clock(text: str) -> datetime.time:
    """A "HH:MM" wall-clock time."""
    hour, minute = text.split(":")
    return datetime.time(int(hour), int(minute))


def at(day: datetime.date, time: str | datetime.time) -> datetime.datetime:
    """The local (Europe/Istanbul) datetime of `day` at "HH:MM"."""
    if isinstance(time, str):
        time = clock(time)
    return datetime.datetime.combine(day, time, ZoneInfo(settings.TIME_ZONE))


def days_from(day: datetime.date, days: int) -> datetime.date:
    return day + datetime.timedelta(days=days)


def next_weekday(day: datetime.date, weekday: str) -> datetime.date:
    """`day` itself or the first following day that is `weekday` ("wednesday", ...)."""
    number = WEEKDAYS.index(weekday)
    return day + datetime.timedelta(days=(number - day.weekday()) % 7)


def relative_day(spec: dict, today: datetime.date) -> datetime.date:
    """A weekday on or after a day counted from today or from the first of this month:
    `{weekday: wednesday, on_or_after: {from: today, days: -28}}`."""
    origin = spec["on_or_after"]
    start = today if origin["from"] == "today" else today.replace(day=1)
    return next_weekday(days_from(start, origin["days"]), spec["weekday"])
