"""The calendar's busy days: a few events per day and a "+N more" link to the listing of that
day (`?on=`), which shows every date of the day, past or upcoming, with the filters kept."""

import datetime
import re

import pytest
import recurrence
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from demo.builders import aware, make_event, make_events_index, make_venue, translate
from events import views
from events.calendar import (
    CALENDAR_EVENTS_PER_DAY,
    DaySelection,
    local_dates,
    select_per_day,
    shown_pks,
)
from events.models import EventSeriesPage, FestivalPage

pytestmark = pytest.mark.django_db

DAY = datetime.date(2030, 3, 12)  # a Tuesday
CALENDAR = {"tr": "/tr/etkinlikler/calendar/2030/3/", "en": "/en/events/calendar/2030/3/"}
LISTING = {"tr": "/tr/etkinlikler/", "en": "/en/events/"}


@pytest.fixture
def index(home):
    index = make_events_index(home)
    translate(index, Locale.objects.get(language_code="en"), title="Events", slug="events")
    return index


def meetings_on_the_day(index, count: int, **kwargs) -> list:
    """`count` meetings on DAY, starting an hour apart from 09:00, created latest first (so
    that start order and creation order differ)."""
    return [
        make_event(
            index,
            title=f"Buluşma {hour:02d}",
            start=aware(2030, 3, 12, hour),
            end=aware(2030, 3, 12, hour, 30),
            **kwargs,
        )
        for hour in reversed(range(9, 9 + count))
    ]


def calendar_day(response, day: datetime.date):
    return next(d for week in response.context["month"].weeks for d in week if d.date == day)


def titles(occurrences) -> list[str]:
    return [occurrence.page.title for occurrence in occurrences]


def listing_titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return titles(response.context["page_obj"])


# --- The per-day selection, on its own -------------------------------------------------------


def grid(first: datetime.date, days: int) -> list[datetime.date]:
    return [first + datetime.timedelta(days=n) for n in range(days)]


def test_selection_keeps_the_first_by_start_and_counts_the_rest():
    spans = [
        (pk, aware(2030, 3, 12, hour), aware(2030, 3, 12, hour, 30))
        for pk, hour in [(5, 18), (1, 9), (9, 12), (3, 10), (2, 12), (7, 20)]
    ]
    selection = select_per_day(spans, grid(DAY, 1), limit=4)
    # Start order, then pk for the two at noon; the order of the rows does not matter.
    assert selection[DAY] == DaySelection(shown=[1, 3, 2, 9], total=6)
    assert selection[DAY].more == 2
    assert shown_pks(selection) == {1, 2, 3, 9}
    assert select_per_day(spans, grid(DAY, 1), limit=10)[DAY].more == 0
    assert CALENDAR_EVENTS_PER_DAY == 4


def test_selection_puts_a_long_event_on_every_day_of_the_grid_it_spans():
    days = grid(datetime.date(2030, 3, 10), 5)  # 10 to 14 March
    festival = (1, aware(2030, 2, 1, 10), aware(2030, 12, 31, 18))  # walked over 5 days only
    evening = (2, aware(2030, 3, 11, 20), aware(2030, 3, 13, 0, 0))  # ends at midnight
    selection = select_per_day([festival, evening], days, limit=1)
    assert [selection[day].shown for day in days] == [[1], [1], [1], [1], [1]]
    assert [selection[day].total for day in days] == [1, 2, 2, 1, 1]


def test_selection_uses_istanbul_days():
    utc = datetime.UTC
    # 21:00 UTC is Istanbul midnight (UTC+3): the 12th, not the 11th.
    at_midnight = (1, datetime.datetime(2030, 3, 11, 21, tzinfo=utc), aware(2030, 3, 12, 1))
    # 20:59 UTC on the 12th is 23:59 in Istanbul: still the 12th.
    last_minute = (2, datetime.datetime(2030, 3, 12, 20, 59, tzinfo=utc), aware(2030, 3, 13, 0))
    instant = (3, aware(2030, 3, 13, 0), aware(2030, 3, 13, 0))  # zero length, at midnight
    selection = select_per_day([at_midnight, last_minute, instant], grid(DAY, 2))
    assert selection[DAY].shown == [1, 2]
    assert selection[DAY + datetime.timedelta(days=1)].shown == [3]
    assert local_dates(aware(2030, 3, 11, 23, 30), aware(2030, 3, 12, 0)) == (
        datetime.date(2030, 3, 11),
        datetime.date(2030, 3, 11),
    )


# --- The calendar: the cap and the "+N more" link ------------------------------------------


@pytest.mark.parametrize(
    ("language", "more_text", "hidden_day", "day_listing"),
    [
        ("tr", "+2 etkinlik daha", "(12 Mart 2030 Salı)", "/tr/etkinlikler/"),
        ("en", "+2 more", "on Tuesday 12 March 2030", "/en/events/"),
    ],
)
def test_a_busy_day_shows_four_events_and_links_to_the_rest(
    client, index, language, more_text, hidden_day, day_listing
):
    meetings_on_the_day(index, 6, venue=make_venue())
    make_event(index, title="Başka ilde", start=aware(2030, 3, 12, 8), end=aware(2030, 3, 12, 9))
    make_event(index, title="Ertesi gün", start=aware(2030, 3, 13, 9), end=aware(2030, 3, 13, 10))
    response = client.get(CALENDAR[language] + "?province=65&type=meeting&when=past&page=2")
    assert response.status_code == 200
    day = calendar_day(response, DAY)
    assert titles(day.occurrences) == ["Buluşma 09", "Buluşma 10", "Buluşma 11", "Buluşma 12"]
    assert day.more == 2
    assert calendar_day(response, DAY + datetime.timedelta(days=1)).more == 0
    html = response.content.decode()
    link = re.search(r'<p class="calendar__more"><a href="([^"]+)">(.*?)</a></p>', html)
    assert link, "no '+N more' link"
    href, text = link.groups()
    # The filters are kept; the page number and `when` are not (a day shows all its dates).
    assert href == f"{day_listing}?province=65&amp;type=meeting&amp;on=2030-03-12"
    assert text == f'{more_text}<span class="visually-hidden"> {hidden_day}</span>'
    assert html.count('class="calendar__more"') == 1
    assert "<table" in html and '<th scope="col">' in html

    # The link leads to all six, in start order (the other province is filtered out).
    shown = listing_titles(client, href.replace("&amp;", "&"))
    assert shown == [f"Buluşma {hour:02d}" for hour in range(9, 15)]
    assert len(shown) == len(day.occurrences) + day.more


def test_a_day_with_exactly_four_events_has_no_more_link(client, index):
    meetings_on_the_day(index, CALENDAR_EVENTS_PER_DAY)
    response = client.get(CALENDAR["tr"])
    assert len(calendar_day(response, DAY).occurrences) == CALENDAR_EVENTS_PER_DAY
    assert calendar_day(response, DAY).more == 0
    assert "calendar__more" not in response.content.decode()


def test_the_calendar_ignores_the_day_filter_and_does_not_offer_it(client, index):
    meetings_on_the_day(index, 1)
    make_event(index, title="Ertesi gün", start=aware(2030, 3, 13, 9), end=aware(2030, 3, 13, 10))
    response = client.get(CALENDAR["tr"] + "?on=2030-03-13")
    assert titles(calendar_day(response, DAY).occurrences) == ["Buluşma 09"]
    assert 'name="on"' not in response.content.decode()


# --- The listing of one day -----------------------------------------------------------------


def test_the_day_filter_shows_that_istanbul_day_only(client, index):
    make_event(
        index, title="Gece yarısı biter", start=aware(2030, 3, 11, 23), end=aware(2030, 3, 12, 0)
    )
    make_event(
        index,
        title="Gece yarısını aşar",
        start=aware(2030, 3, 11, 23),
        end=aware(2030, 3, 12, 0, 30),
    )
    make_event(
        index, title="Gece yarısı başlar", start=aware(2030, 3, 12, 0), end=aware(2030, 3, 12, 1)
    )
    make_event(
        index, title="Son dakika", start=aware(2030, 3, 12, 23, 59), end=aware(2030, 3, 13, 0)
    )
    make_event(index, title="Ertesi gün", start=aware(2030, 3, 13, 0), end=aware(2030, 3, 13, 1))
    make_event(
        index,
        FestivalPage,
        title="Festival",
        edition_year=2030,
        start=aware(2030, 3, 10, 10),
        end=aware(2030, 3, 14, 18),
    )
    assert listing_titles(client, "/tr/etkinlikler/?on=2030-03-12") == [
        "Festival",  # began on the 10th, still on
        "Gece yarısını aşar",
        "Gece yarısı başlar",
        "Son dakika",
    ]
    assert listing_titles(client, "/tr/etkinlikler/?on=2030-03-13") == ["Festival", "Ertesi gün"]
    assert listing_titles(client, "/tr/etkinlikler/?on=2030-03-15") == []


def test_a_past_day_shows_its_dates_whatever_when_says(client, index):
    make_event(index, title="Geçmiş", start=aware(2001, 1, 1, 10), end=aware(2001, 1, 1, 12))
    make_event(index, title="Gelecek", start=aware(2099, 1, 1, 10), end=aware(2099, 1, 1, 12))
    for when in ("", "&when=upcoming", "&when=past"):
        assert listing_titles(client, f"/tr/etkinlikler/?on=2001-01-01{when}") == ["Geçmiş"]
        assert listing_titles(client, f"/tr/etkinlikler/?on=2099-01-01{when}") == ["Gelecek"]
    # Without a day, `when` works as before.
    assert listing_titles(client, "/tr/etkinlikler/?when=past") == ["Geçmiş"]
    assert listing_titles(client, "/tr/etkinlikler/") == ["Gelecek"]


def test_the_day_filter_keeps_the_other_filters_and_pages(client, index, monkeypatch):
    monkeypatch.setattr(views, "EVENTS_PER_PAGE", 2)
    van = make_venue()
    meetings_on_the_day(index, 3, venue=van)
    meetings_on_the_day(index, 1, venue=make_venue(name="ATO", province="06"))
    make_event(
        index, title="Ertesi gün", venue=van, start=aware(2030, 3, 13), end=aware(2030, 3, 13, 12)
    )
    url = "/tr/etkinlikler/?province=65&on=2030-03-12"
    assert listing_titles(client, url) == ["Buluşma 09", "Buluşma 10"]
    html = client.get(url).content.decode()
    assert 'href="?province=65&amp;on=2030-03-12&amp;page=2" rel="next"' in html
    assert listing_titles(client, url + "&page=2") == ["Buluşma 11"]


@pytest.mark.parametrize(
    ("language", "heading", "label"),
    [
        ("tr", "Etkinlikler: 12 Mart 2030 Salı", "Gün"),
        ("en", "Events on Tuesday 12 March 2030", "Day"),
    ],
)
def test_the_day_listing_says_which_day(client, index, language, heading, label):
    meetings_on_the_day(index, 1)
    html = client.get(f"{LISTING[language]}?on=2030-03-12&province=65").content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f"<title>{heading} · STGM</title>" in html
    # A labelled date input holding the day; `when` is left out, as the day shows both.
    assert f'<label for="id_on">{label}</label>' in html
    assert re.search(r'<input type="date" name="on" value="2030-03-12"[^>]* id="id_on">', html)
    assert 'name="when"' not in html
    # The views drop the day; the calendar opens on the day's month.
    calendar = CALENDAR[language]
    assert f'href="{calendar}?province=65">' in html
    assert f'href="{LISTING[language]}?province=65&amp;when=past"' in html
    views_nav = re.search(r'<nav class="view-switch".*?</nav>', html, re.S).group()
    assert "aria-current" not in views_nav  # neither "upcoming" nor "past"


def test_the_plain_listing_offers_the_day_filter(client, index):
    html = client.get("/tr/etkinlikler/").content.decode()
    assert '<label for="id_on">Gün</label>' in html
    assert re.search(r'<input type="date" name="on" min="2000-01-01" max="2100-12-31"', html)
    assert 'name="when"' in html


@pytest.mark.parametrize("value", ["abc", "2026-13-40", "12.11.2026", "1999-12-31", "9999-12-31"])
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("tr", "Günü yıl-ay-gün biçiminde girin, örneğin 2026-11-12."),
        ("en", "Enter the day as year-month-day, e.g. 2026-11-12."),
    ],
)
def test_an_invalid_day_is_reported_not_a_server_error(client, index, value, language, message):
    make_event(index, title="Gelecek", start=aware(2099, 1, 1, 10), end=aware(2099, 1, 1, 12))
    response = client.get(f"{LISTING[language]}?on={value}")
    assert response.status_code == 200
    html = response.content.decode()
    if value[:4] in ("1999", "9999"):
        message = {
            "tr": "2000 ile 2100 yılları arasında bir gün seçin.",
            "en": "Choose a day between 2000 and 2100.",
        }[language]
    assert f'<ul class="errorlist" id="id_on_error"><li>{message}</li></ul>' in html
    assert 'aria-invalid="true" aria-describedby="id_on_error"' in html
    assert response.context["day"] is None
    assert titles(response.context["page_obj"]) == ["Gelecek"]  # the upcoming dates instead


def test_an_invalid_value_drops_only_its_own_filter(client, index):
    van, izmir = make_venue(province="65"), make_venue(province="35")
    make_event(
        index, title="Van", venue=van, start=aware(2099, 1, 1, 10), end=aware(2099, 1, 1, 12)
    )
    make_event(
        index, title="İzmir", venue=izmir, start=aware(2099, 1, 2, 10), end=aware(2099, 1, 2, 12)
    )
    response = client.get(f"{LISTING['tr']}?on=abc&province=65")
    assert response.status_code == 200
    assert titles(response.context["page_obj"]) == ["Van"]
    assert 'id="id_on_error"' in response.content.decode()


# --- Speed: a light query for the grid, a heavy one for what is shown -----------------------


def daily_series(index, title: str) -> EventSeriesPage:
    return make_event(
        index,
        EventSeriesPage,
        title=title,
        start=aware(2030, 2, 20, 8),
        end=aware(2030, 2, 20, 8, 30),
        recurrences=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.DAILY, until=datetime.datetime(2030, 4, 20))]
        ),
    )


def calendar_queries(client, url: str) -> list[str]:
    for _ in range(2):  # warm caches, as in production (see tests/test_query_counts.py)
        client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in context.captured_queries]


def occurrence_queries(sql: list[str]) -> list[str]:
    return [query for query in sql if 'FROM "events_occurrence"' in query]


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_calendar_query_count_stays_flat_as_a_day_fills(client, index, language):
    meetings_on_the_day(index, 2)
    few = calendar_queries(client, CALENDAR[language])
    meetings_on_the_day(index, 10)
    daily_series(index, "Her gün A")
    daily_series(index, "Her gün B")
    many = calendar_queries(client, CALENDAR[language])
    assert len(many) == len(few), "\n".join(many)

    # Warm, the month's grid is kept (events.views.month_grid): no date is read.
    assert occurrence_queries(many) == []
    cache.clear()  # new generations: the grid is built again
    with CaptureQueriesContext(connection) as context:
        client.get(CALENDAR[language])
    cold = occurrence_queries([query["sql"] for query in context.captured_queries])
    (light,) = [query for query in cold if '"events_occurrence"."start" <' in query]
    (heavy,) = [query for query in cold if '"events_occurrence"."id" IN' in query]
    # The light query reads three columns of every date in the grid, without joins.
    assert "JOIN" not in light and '"events_occurrence"."note"' not in light
    assert '"events_occurrence"."end"' in light
    # The heavy one loads, with the pages, only the dates that are shown: on the 12th the two
    # series and two meetings (ten more behind the link), on the grid's other days the series.
    assert '"wagtailcore_page"' in heavy
    loaded = re.search(r'"events_occurrence"\."id" IN \(([^)]*)\)', heavy).group(1).split(",")
    days = [day for week in client.get(CALENDAR[language]).context["month"].weeks for day in week]
    assert len(loaded) == sum(len(day.occurrences) for day in days) == 2 * len(days) + 2
    assert [day.more for day in days if day.more] == [10]
