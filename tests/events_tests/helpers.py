"""What the events tests share: a weekly series with a cancelled and a moved date, query
counts of a warm request, the titles a listing shows."""

import datetime

import recurrence
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.builders import aware, locales, make_event, make_venue
from events.choices import EventStatus
from events.models import EventSeriesPage, OccurrenceChange


def weekly_series(index, **kwargs):
    tr, _ = locales()
    kwargs.setdefault("title", "Çay Saati Buluşmaları – Eskişehir")
    kwargs.setdefault("start", aware(2030, 1, 2, 15))  # a Wednesday
    kwargs.setdefault("end", aware(2030, 1, 2, 17))
    kwargs.setdefault(
        "recurrences",
        recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.WEEKLY, until=datetime.datetime(2030, 1, 30))]
        ),
    )
    kwargs.setdefault("venue", make_venue(name="Buluşma Evi", province="26"))
    kwargs.setdefault(
        "date_changes",
        [
            OccurrenceChange(
                locale=tr,
                date=datetime.date(2030, 1, 16),
                status=EventStatus.CANCELLED,
                reason="Salon bakımda",
            ),
            OccurrenceChange(
                locale=tr,
                date=datetime.date(2030, 1, 23),
                status=EventStatus.RESCHEDULED,
                new_start=aware(2030, 1, 24, 15),
                reason="Bir gün ertelendi",
            ),
        ],
    )
    return make_event(index, EventSeriesPage, **kwargs)


def count_queries(client, url: str) -> int:
    """Queries of a request once the navigation cache is warm, as it is in production."""
    for _ in range(2):  # the first request creates the site settings row, which resets it
        client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def listing_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [o.page.title for o in response.context["page_obj"]]
