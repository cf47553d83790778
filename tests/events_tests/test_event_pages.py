"""Each kind of event page as a visitor sees it: dates, figures, other editions, the home
page's next dates, and the stored dates kept in step."""

import re

import pytest
import recurrence
from wagtail.models import Locale

from demo.builders import aware, locales, make_event, make_venue, translate
from events.models import (
    FestivalPage,
    Occurrence,
    Performance,
    PowerStoriesEventPage,
)
from events.services import sync_occurrences

from .helpers import count_queries, weekly_series

pytestmark = pytest.mark.django_db


def test_event_page_query_count_does_not_grow_with_other_events(client, index):
    target = weekly_series(index)

    def queries():
        return count_queries(client, target.url)

    few = queries()
    for day in range(1, 15):
        make_event(index, title=f"E{day}", start=aware(2030, 2, day), end=aware(2030, 2, day, 12))
    assert queries() == few <= 15


@pytest.mark.parametrize("language", ["tr", "en"])
def test_every_event_type_renders_with_time_elements(client, index, language):
    english = Locale.objects.get(language_code="en")
    tr, _ = locales()
    pages = [
        make_event(
            index,
            FestivalPage,
            title="Sivil Sesler 2030",
            edition_year=2030,
            stands=130,
            theme="Birlikte",
        ),
        make_event(index, title="Buluşma", venue=make_venue()),
        weekly_series(index),
        make_event(
            index,
            PowerStoriesEventPage,
            title="Güç Hikâyeleri",
            performances=[
                Performance(locale=tr, start=aware(2030, 3, 1, 19), end=aware(2030, 3, 1, 21))
            ],
        ),
    ]
    for page in pages:
        if language == "en":
            page = translate(page, english, slug=f"{page.slug}-en")
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert '<time datetime="2030-' in html


def test_series_page_lists_dates_with_the_cancelled_one_marked(client, index):
    series = weekly_series(index)
    html = client.get(series.url).content.decode()
    assert 'class="series-dates--cancelled"' in html
    assert "Salon bakımda" in html
    assert "Her hafta" in html


def test_festival_page_shows_other_editions_figures(client, index):
    make_event(
        index,
        FestivalPage,
        title="Sivil Sesler 2024",
        edition_year=2024,
        stands=130,
        organisations=217,
        start=aware(2024, 10, 5),
        end=aware(2024, 10, 6),
    )
    current = make_event(index, FestivalPage, title="Sivil Sesler 2030", edition_year=2030)
    html = client.get(current.url).content.decode()
    assert '<td data-label="Kuruluş">217</td>' in html and ">2024</a>" in html


def test_festival_page_lists_the_newest_editions_and_links_the_rest(client, index):
    from events.models.festival import OTHER_EDITIONS_SHOWN

    for year in range(2010, 2010 + OTHER_EDITIONS_SHOWN + 2):
        make_event(
            index,
            FestivalPage,
            title=f"Sivil Sesler {year}",
            edition_year=year,
            start=aware(year, 10, 5),
            end=aware(year, 10, 6),
        )
    current = make_event(index, FestivalPage, title="Sivil Sesler 2030", edition_year=2030)
    html = client.get(current.url).content.decode()
    shown = re.findall(r">(20\d\d)</a></th>", html)
    assert shown == [str(year) for year in range(2017, 2017 - OTHER_EDITIONS_SHOWN, -1)]
    assert (
        '<a href="/tr/etkinlikler/?type=festival&amp;when=past">Tüm geçmiş festivaller</a>' in html
    )
    listing = client.get("/tr/etkinlikler/?type=festival&when=past")
    assert "Sivil Sesler 2010" in listing.content.decode()  # the oldest, not on the festival


def test_home_page_shows_next_occurrences(client, index):
    make_event(index, title="Yakında", start=aware(2099, 1, 1), end=aware(2099, 1, 1, 12))
    html = client.get("/tr/").content.decode()
    assert "Yakında" in html and 'href="/tr/etkinlikler/"' in html


def test_sync_is_idempotent(index):
    series = weekly_series(index)
    first = list(Occurrence.objects.filter(page=series).values_list("start", "status"))
    assert sync_occurrences(series) == len(first)
    assert list(Occurrence.objects.filter(page=series).values_list("start", "status")) == first


def test_extend_occurrences_rolls_an_open_ended_series_forward(index, capsys):
    from django.core.management import call_command

    series = weekly_series(
        index,
        start=aware(2020, 1, 1, 15),
        end=aware(2020, 1, 1, 17),
        recurrences=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)]),
        date_changes=[],
    )
    Occurrence.objects.filter(page=series, start__gte=aware(2021, 1, 1)).delete()
    call_command("extend_occurrences")
    assert "1 series" in capsys.readouterr().out
    latest = Occurrence.objects.filter(page=series).latest("start").start
    assert latest > aware(2021, 1, 1)


def test_power_stories_page_queries_do_not_grow_with_performances(client, index):
    tr, _ = locales()

    def page_with(count: int, slug: str):
        performances = [
            Performance(
                locale=tr,
                start=aware(2030, 3, day, 19),
                end=aware(2030, 3, day, 21),
                venue=make_venue(name=f"Sahne {day}", province="35"),
            )
            for day in range(1, count + 1)
        ]
        return make_event(
            index, PowerStoriesEventPage, title=slug, slug=slug, performances=performances
        )

    few = count_queries(client, page_with(1, "bir").url)
    many = count_queries(client, page_with(6, "alti").url)
    assert many == few
