"""The listing's feeds read their pages as plain values (events.feed_pages): no page model
instance per event, and each page's URL is the one Wagtail gives it."""

import pytest
import recurrence
from django.db.models.signals import post_init
from wagtail.models import Page

from demo.builders import make_event, make_venue
from events import series_plan
from events.models import event_page_models

from .helpers import count_queries
from .ical_helpers import parse, tea_time
from .test_feed_window import local_day

pytestmark = pytest.mark.django_db

FEEDS = ["/tr/calendar/events.ics", "/tr/calendar/events.rss", "/tr/calendar/events.atom"]


def test_the_feeds_build_no_page_instance(client, index):
    weekly = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)])
    tea_time(index, start=local_day(-3), end=local_day(-3, 17), recurrences=weekly)
    make_event(index, title="Tek", venue=make_venue(), start=local_day(3), end=local_day(3, 18))
    built: list[object] = []

    def count(sender, instance, **kwargs):
        built.append(instance)

    models = [Page, *event_page_models()]
    for url in FEEDS:
        count_queries(client, url)  # warm: site settings, navigation
        for model in models:
            post_init.connect(count, sender=model)
        try:
            assert client.get(url).status_code == 200
        finally:
            for model in models:
                post_init.disconnect(count, sender=model)
        # No event page; Wagtail's own site root and a bare Page asked for a root's URL.
        assert not [page for page in built if isinstance(page, tuple(models[1:]))], url
        assert len(built) <= 3, url
        built.clear()


def test_each_event_links_to_its_page(client, index, rf):
    weekly = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)])
    series = tea_time(index, start=local_day(-3), end=local_day(-3, 17), recurrences=weekly)
    single = make_event(index, title="Tek", start=local_day(3), end=local_day(3, 18))
    calendar = parse(client.get(FEEDS[0]))
    urls = {str(event["URL"]) for event in calendar.walk("VEVENT")}
    request = rf.get("/")
    assert urls == {request.build_absolute_uri(page.get_url(request)) for page in (series, single)}


def test_the_feed_reads_a_series_rule_as_stored(client, index, monkeypatch):
    """The stored text keys the series plan: no rule is parsed and written back per page."""
    weekly = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)])
    tea_time(index, start=local_day(-3), end=local_day(-3, 17), recurrences=weekly)

    def no_serialize(*args, **kwargs):
        raise AssertionError("the feed serialised a rule")

    monkeypatch.setattr(series_plan, "serialize", no_serialize)
    calendar = parse(client.get(FEEDS[0]))
    assert [str(event["RRULE"]["FREQ"][0]) for event in calendar.walk("VEVENT")] == ["WEEKLY"]
