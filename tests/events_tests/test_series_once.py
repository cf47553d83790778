"""A weekly series shows once on the listing and the home page, with its rhythm and next
date; its own page and the calendar keep every date."""

import datetime

import recurrence

from demo.builders import aware, locales, make_event, make_venue
from events.choices import EventStatus
from events.models import EventSeriesPage, Occurrence, OccurrenceChange
from home.models import HomePage

from .helpers import count_queries

WEDNESDAY = aware(2030, 3, 6, 15)  # a Wednesday


def weekly_series(index, title: str = "Çay Saati", first_cancelled: bool = False):
    cancelled = EventStatus.CANCELLED
    changes = []
    if first_cancelled:
        changes = [OccurrenceChange(locale=locales()[0], date=WEDNESDAY.date(), status=cancelled)]
    until = WEDNESDAY + datetime.timedelta(weeks=20)
    return make_event(
        index,
        EventSeriesPage,
        title=title,
        start=WEDNESDAY,
        end=WEDNESDAY.replace(hour=17),
        venue=make_venue(name="Buluşma Evi", province="26"),
        recurrences=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY, until=until)]),
        date_changes=changes,
    )


def test_the_listing_shows_a_series_once_with_its_rhythm_and_next_date(client, index):
    weekly_series(index)
    make_event(index, title="Van", start=aware(2030, 3, 20, 10), venue=make_venue())
    assert Occurrence.objects.filter(is_recurring=True, locale=locales()[0]).count() > 10
    html = client.get("/tr/etkinlikler/").content.decode()
    assert html.count(">Çay Saati</a>") == 1 and ">Van</a>" in html
    assert "Her Çarşamba 15:00, 24 Temmuz 2030&#x27;a kadar · <time" in html
    assert "sonraki: 6 Mart" in html
    html = client.get("/en/events/").content.decode()
    assert "Every Wednesday at 15:00 until 24 July 2030 · <time" in html
    assert "next 6 March" in html
    # The calendar and the past listing are unchanged: every date.
    calendar = client.get("/tr/etkinlikler/calendar/2030/3/").content.decode()
    assert calendar.count("Çay Saati") >= 4


def test_the_next_date_is_one_that_takes_place(client, index):
    weekly_series(index, first_cancelled=True)
    html = client.get("/tr/etkinlikler/").content.decode()
    assert html.count(">Çay Saati</a>") == 1 and "sonraki: 13 Mart" in html
    assert "İptal" not in html.split('class="event-list"')[1].split("</ul>")[0]


def test_filters_apply_before_the_series_is_folded(client, index):
    weekly_series(index)
    html = client.get("/tr/etkinlikler/?province=26").content.decode()
    assert html.count(">Çay Saati</a>") == 1
    assert ">Çay Saati</a>" not in client.get("/tr/etkinlikler/?province=65").content.decode()


def test_the_home_page_shows_a_series_once(client, index):
    weekly_series(index)
    for day in (20, 21, 22):
        make_event(index, title=f"Buluşma {day}", start=aware(2030, 3, day, 10), venue=make_venue())
    home = HomePage.objects.get(locale=locales()[0])
    titles = [occurrence.page.title for occurrence in home.upcoming_occurrences()]
    assert titles == ["Çay Saati", "Buluşma 20", "Buluşma 21", "Buluşma 22"]
    assert home.upcoming_occurrences()[0].rhythm.startswith("Her Çarşamba 15:00")


def test_the_listing_costs_the_same_queries_with_more_series_and_events(client, index):
    weekly_series(index)
    few = count_queries(client, "/tr/etkinlikler/")
    weekly_series(index, title="Değişimin Gücü")  # a second series, and more events
    for day in range(10, 25):
        make_event(index, title=f"Buluşma {day}", start=aware(2030, 3, day, 10), venue=make_venue())
    assert count_queries(client, "/tr/etkinlikler/") == few
