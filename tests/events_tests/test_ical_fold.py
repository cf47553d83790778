"""What the calendar files write in a cheaper way stays what it was: lines folded exactly as
icalendar folds them (events.ical.fold), a venue's place named as `Venue.city` names it."""

import random

import pytest
from icalendar import Calendar
from icalendar.parser.string import _foldline

from events.ical import calendar_bytes, fold, location_text
from events.models import MeetingPage, Venue

# ASCII, Turkish letters (two octets), the euro sign (three), an emoji (four), and the
# characters that start an escape, which a fold must not leave at the end of a line.
ALPHABET = "abc ,;:" + "çğıöşüİĞŞ" + "€" + "🎭" + "\\^"


def lines():
    chosen = random.Random(20)  # noqa: S311 - test data, not security
    yield from ("", "a" * 74, "a" * 75, "a" * 76, "ş" * 37, "ş" * 38, "a" * 73 + "\\n")
    for length in range(0, 420, 3):
        for _ in range(8):
            yield "".join(chosen.choice(ALPHABET) for _ in range(length))


def test_fold_is_icalendars_folding():
    for line in lines():
        assert fold(line) == _foldline(line).encode(), line


def test_calendar_bytes_are_to_ical():
    calendar = Calendar()
    calendar.add("prodid", "-//STGM//test//TR")
    calendar.add("x-wr-calname", "Çay Saati – Eskişehir \\ ^ " * 9)
    assert calendar_bytes(calendar) == calendar.to_ical()


@pytest.mark.django_db  # a page instance looks up its content type, which may take a query
def test_a_location_names_the_venues_city():
    for district in ("", "Kadıköy"):
        venue = Venue(name="Kültür Merkezi", address="Moda Cad.\n 12", district=district)
        venue.province = "34"
        expected = f"Kültür Merkezi, Moda Cad. 12, {venue.city}"
        assert location_text(MeetingPage(title="Buluşma"), venue) == expected
