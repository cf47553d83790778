"""A weekly series shows once on the listing and the home page, with its rhythm and next
date; its own page and the calendar keep every date."""

import datetime

from demo.builders import aware, locales, make_event, make_venue
from events.choices import EventStatus
from events.models import Occurrence, OccurrenceChange
from home.models import HomePage

from .helpers import count_queries, weekly_series

TITLE = "Çay Saati"  # weekly on Wednesdays 15:00, 2 to 30 January 2030 (helpers)


def series(index, title: str = TITLE, first_cancelled: bool = False):
    if not first_cancelled:
        return weekly_series(index, title=title)
    cancelled = EventStatus.CANCELLED
    first = OccurrenceChange(locale=locales()[0], date=datetime.date(2030, 1, 2), status=cancelled)
    return weekly_series(index, title=title, date_changes=[first])


def test_the_listing_shows_a_series_once_with_its_rhythm_and_next_date(client, index):
    series(index)
    make_event(index, title="Van", start=aware(2030, 2, 20, 10), venue=make_venue())
    assert Occurrence.objects.filter(is_recurring=True, locale=locales()[0]).count() >= 4
    html = client.get("/tr/etkinlikler/").content.decode()
    assert html.count(f">{TITLE}</a>") == 1 and ">Van</a>" in html
    assert "Her Çarşamba 15:00, 30 Ocak 2030&#x27;a kadar · <time" in html
    assert "sonraki: 2 Ocak" in html
    html = client.get("/en/events/").content.decode()
    assert "Every Wednesday at 15:00 until 30 January 2030 · <time" in html
    assert "next 2 January" in html
    # The calendar and the past listing are unchanged: every date.
    calendar = client.get("/tr/etkinlikler/calendar/2030/1/").content.decode()
    assert calendar.count(TITLE) >= 4


def test_the_next_date_is_one_that_takes_place(client, index):
    series(index, first_cancelled=True)
    html = client.get("/tr/etkinlikler/").content.decode()
    assert html.count(f">{TITLE}</a>") == 1 and "sonraki: 9 Ocak" in html
    assert "İptal" not in html.split('class="event-list"')[1].split("</ul>")[0]


def test_filters_apply_before_the_series_is_folded(client, index):
    series(index)
    html = client.get("/tr/etkinlikler/?province=26").content.decode()
    assert html.count(f">{TITLE}</a>") == 1
    assert f">{TITLE}</a>" not in client.get("/tr/etkinlikler/?province=65").content.decode()


def test_the_home_page_shows_a_series_once(client, index):
    series(index)
    for day in (20, 21, 22):
        make_event(index, title=f"Buluşma {day}", start=aware(2030, 2, day, 10), venue=make_venue())
    home = HomePage.objects.get(locale=locales()[0])
    titles = [occurrence.page.title for occurrence in home.upcoming_occurrences()]
    assert titles == [TITLE, "Buluşma 20", "Buluşma 21", "Buluşma 22"]
    assert home.upcoming_occurrences()[0].rhythm.startswith("Her Çarşamba 15:00")


def test_the_listing_costs_the_same_queries_with_more_series_and_events(client, index):
    series(index)
    few = count_queries(client, "/tr/etkinlikler/")
    series(index, title="Değişimin Gücü")  # a second series, and more events
    for day in range(10, 25):
        make_event(index, title=f"Buluşma {day}", start=aware(2030, 2, day, 10), venue=make_venue())
    assert count_queries(client, "/tr/etkinlikler/") == few
