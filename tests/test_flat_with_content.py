"""The calendar month and the stories archive stay flat as content grows (issue 20): the
same queries and the same model instances built when the content outside the page shown
grows tenfold. Measured speed is the bench's business (bench/RESULTS.md), not a test's."""

import datetime
from collections import Counter
from contextlib import contextmanager

import pytest
import recurrence
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from demo.builders import aware, make_event
from events.models import EventSeriesPage, Occurrence
from stories.models import StoryPage
from stories.views import STORIES_PER_PAGE
from tests.test_query_counts import (  # noqa: F401 (fixtures)
    count_queries,
    events_index,
    make_story,
    stories_index,
    themes,
)

pytestmark = pytest.mark.django_db


@contextmanager
def instances_built(model):
    """Counts the instances of `model` (and its subclasses) built inside the block."""
    built: Counter = Counter()

    def count(sender, **kwargs):
        built[sender.__name__] += 1

    post_init.connect(count)
    try:
        yield built
    finally:
        post_init.disconnect(count)
        for name in [name for name in built if name != model.__name__]:
            built.pop(name)


def built_by_request(client, url: str, model) -> int:
    """Instances of `model` one cold request builds (caches emptied first)."""
    cache.clear()
    with instances_built(model) as built:
        assert client.get(url).status_code == 200
    return built[model.__name__]


MONTH = "/tr/etkinlikler/calendar/2030/3/"


def add_meetings(index, month: int, days: range) -> None:
    for day in days:
        make_event(
            index,
            title=f"Etkinlik {month}-{day}",
            start=aware(2030, month, day, 10),
            end=aware(2030, month, day, 12),
        )


def test_the_calendar_month_does_not_grow_with_dates_outside_it(client, events_index):  # noqa: F811 (fixtures)
    add_meetings(events_index, 3, range(1, 4))
    add_meetings(events_index, 2, range(1, 3))
    few = count_queries(client, MONTH)
    built_few = built_by_request(client, MONTH, Occurrence)
    # Tenfold outside March: other months' meetings, and a daily series that ended before.
    for month in (1, 2, 4, 5):
        add_meetings(events_index, month, range(1, 6))
    make_event(
        events_index,
        EventSeriesPage,
        title="Her gün",
        start=aware(2029, 6, 1, 9),
        end=aware(2029, 6, 1, 10),
        recurrences=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.DAILY, until=datetime.datetime(2030, 2, 20))]
        ),
    )
    assert Occurrence.objects.count() > 10 * 5
    assert count_queries(client, MONTH) == few
    # The dates a cell shows are read as values (events.views.calendar_cells): no instances.
    assert built_by_request(client, MONTH, Occurrence) == built_few == 0
    assert client.get(MONTH).content.decode().count('class="calendar__event ') == 3


def test_the_stories_archive_does_not_grow_with_stories(client, stories_index, themes):  # noqa: F811 (fixtures)
    for number in range(1, STORIES_PER_PAGE + 2):
        make_story(stories_index, number, themes=themes[:2])
    url = stories_index.url
    few = count_queries(client, url)
    built_few = built_by_request(client, url, StoryPage)
    for number in range(STORIES_PER_PAGE + 2, 10 * STORIES_PER_PAGE):
        make_story(stories_index, number, themes=themes)
    assert count_queries(client, url) == few
    # The filters' provinces, years and events come from DISTINCT queries, not stories.
    assert built_by_request(client, url, StoryPage) == built_few == STORIES_PER_PAGE


def test_the_archive_facets_are_three_distinct_queries(stories_index, themes):  # noqa: F811 (fixtures)
    for number in range(1, 8):
        make_story(stories_index, number)
    stories = StoryPage.objects.in_index(stories_index)
    stories.filter(title__in=["Hikâye 1", "Hikâye 2"]).update(province="06")
    with CaptureQueriesContext(connection) as context:
        facets = stories.facets()
    assert len(context) == 3
    assert all("DISTINCT" in query["sql"] for query in context.captured_queries)
    assert facets == {"provinces": {"06", "35"}, "years": [2024], "events": []}
