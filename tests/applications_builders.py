"""Builders for festival and stand-application tests."""

import datetime

from django.utils import timezone

from events.choices import AllocationMode
from events.models import FestivalPage, FestivalStandType
from tests.builders import aware, locales, publish, translate


def make_festival(
    index, *, stands=10, mode=AllocationMode.REVIEWED, types=None, english=False, **kwargs
):
    """A published festival with open applications (and its English translation)."""
    now = timezone.now()
    turkish, english_locale = locales()
    kwargs.setdefault("title", "Sivil Sesler Festivali 2030")
    kwargs.setdefault("edition_year", 2030)
    kwargs.setdefault("start", aware(2030, 10, 5, 10))
    kwargs.setdefault("end", aware(2030, 10, 6, 18))
    kwargs.setdefault("applications_open", now - datetime.timedelta(days=1))
    kwargs.setdefault("applications_close", now + datetime.timedelta(days=30))
    if types:
        kwargs["stand_types"] = [
            FestivalStandType(locale=turkish, name=name, count=count) for name, count in types
        ]
    kwargs.setdefault("summary", "Sivil toplumun festivali.")
    relations = {k: kwargs.pop(k) for k in ("stand_types", "sessions") if k in kwargs}
    festival = FestivalPage(stands=stands, allocation_mode=mode, **kwargs)
    for name, value in relations.items():
        setattr(festival, name, value)
    index.add_child(instance=festival)
    festival = publish(festival)
    if english:
        translate(
            festival,
            english_locale,
            title=kwargs["title"].replace("Sivil Sesler Festivali", "Civil Voices Festival"),
        )
    return festival


def application_fields(n: int = 1, **overrides) -> dict:
    fields = {
        "organisation": f"Örnek Derneği {n}",
        "legal_form": "association",
        "province": "06",
        "themes": ["education", "disability"],
        "website": "https://ornek.org.tr",
        "contact_name": "Ayşe Yılmaz",
        "email": f"basvuru{n}@ornek.org.tr",
        "phone": "+905321234567",
        "exhibit": "Broşürler ve atölye",
        "needs_electricity": True,
        "needs_table": True,
        "chairs": 2,
        "team_accessibility_needs": "",
        "people": 2,
    }
    fields.update(overrides)
    return fields
