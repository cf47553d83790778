"""The demo's own series (built by its loader, in both languages) through the calendar feeds."""

import datetime

from django.utils import timezone

from events.choices import EventStatus
from events.models import EventSeriesPage, Occurrence
from tests.demo.conftest import DEMO
from tests.events_tests.ical_helpers import ISTANBUL, expand, parse, stored, taking_place

pytestmark = DEMO


def test_demo_series_feed_has_local_times_and_no_cancelled_tea_time(client):
    series = EventSeriesPage.objects.get(slug="cay-saati-bulusmalari-eskisehir")
    cancelled = Occurrence.objects.get(page=series, status=EventStatus.CANCELLED)
    start = cancelled.start - datetime.timedelta(days=60)
    stop = cancelled.start + datetime.timedelta(days=60)
    uid = f"{series.translation_key}@stgm.org.tr"
    for language in ("tr", "en"):
        calendar = parse(client.get(f"/{language}/calendar/events.ics"))
        instances = expand(calendar, start, stop, uid)
        assert instances and all(s.astimezone(ISTANBUL).hour == 15 for s, _e, _st in instances)
        assert cancelled.start not in [s for s, _e, _st in instances]
        assert taking_place(instances) == stored(series, start, stop)
    monthly = EventSeriesPage.objects.get(slug="degisimin-gucunu-konusmak-gaziantep")
    calendar = parse(client.get(f"/en/calendar/event/{monthly.pk}.ics"))
    stop = timezone.now() + datetime.timedelta(days=700)
    assert taking_place(expand(calendar, monthly.start, stop)) == stored(
        monthly, monthly.start, stop
    )
