"""The events listing reads its dates from indexes that fit its filters (issue 20): a page of
twelve dates reads about twelve rows, however many dates the language has. Speed itself is
the bench's business (bench/RESULTS.md)."""

import pytest
from django.db import connection
from django.test import RequestFactory

from demo.builders import make_venue
from events.views import EVENTS_PER_PAGE, listing_occurrences

from .helpers import weekly_series

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans"),
]


def listing_plan(index, query: str) -> list[str]:
    request = RequestFactory().get(f"/tr/etkinlikler/?{query}")
    _form, occurrences = listing_occurrences(request, index)
    sql, params = occurrences[:EVENTS_PER_PAGE].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [row[3] for row in cursor.fetchall()]


@pytest.mark.parametrize(
    ("query", "range_read"),
    [
        ("", "(locale_id=? AND start>?)"),
        ("province=26", "(locale_id=? AND province=? AND start>?)"),
        ("type=series", "(locale_id=? AND event_type=? AND start>?)"),
        ("province=26&type=meeting", "AND start>?)"),
    ],
)
def test_the_listing_reads_its_dates_in_order_from_a_fitting_index(index, query, range_read):
    weekly_series(index, venue=make_venue(province="26"))
    plan = listing_plan(index, query)
    outer = next(step for step in plan if "events_occurrence USING" in step)
    assert range_read in outer, plan
    if "&" in query:  # either filter's index; not the language's every date
        assert "province=?" in outer or "event_type=?" in outer, plan
    assert not any("TEMP B-TREE" in step for step in plan), plan


def test_a_series_date_asks_only_the_earlier_dates_of_its_page(index):
    weekly_series(index)
    plan = listing_plan(index, "")
    # The dates of the page between the window's start and this date, not all of them.
    assert any(
        "U0 USING INDEX" in step and "(page_id=? AND start>? AND start<?)" in step for step in plan
    ), plan
