"""Event pages, stored occurrences, the listing, filters, calendar and admin rules."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from demo.builders import aware, make_event, make_power_stories_tour, make_venue, translate
from events.choices import AttendanceMode, EventType
from events.models import (
    AccessibilityFeature,
    EventIndexPage,
    EventSeriesPage,
    FestivalPage,
    MeetingPage,
    Occurrence,
    PowerStoriesEventPage,
)
from home.models import HomePage

from .helpers import count_queries, listing_titles, weekly_series

pytestmark = pytest.mark.django_db


class EventPageRulesTests(WagtailPageTestCase):
    def test_event_pages_live_only_under_the_events_index(self):
        for model in [FestivalPage, MeetingPage, EventSeriesPage, PowerStoriesEventPage]:
            self.assertAllowedParentPageTypes(model, {EventIndexPage})
            self.assertAllowedSubpageTypes(model, set())
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})


def test_single_event_is_stored_as_one_occurrence_per_language(index):
    english = Locale.objects.get(language_code="en")
    meeting = make_event(
        index,
        venue=make_venue(),
        attendance_mode=AttendanceMode.HYBRID,
        online_url="https://example.org/live",
    )
    occurrence = Occurrence.objects.get(page=meeting)
    assert occurrence.province == "65"
    assert occurrence.is_online and occurrence.event_type == EventType.MEETING
    translate(meeting, english, title="Strong Civil Society Meeting – Van", slug="van")
    assert Occurrence.objects.filter(translation_key=meeting.translation_key).count() == 2


def test_series_occurrences_carry_cancellation_and_rescheduling(index):
    series = weekly_series(index)
    rows = list(Occurrence.objects.filter(page=series).order_by("original_start"))
    assert [
        (o.start.astimezone(aware(2030, 1, 1).tzinfo).strftime("%m-%d %H:%M"), o.status)
        for o in rows
    ] == [
        ("01-02 15:00", "scheduled"),
        ("01-09 15:00", "scheduled"),
        ("01-16 15:00", "cancelled"),
        ("01-24 15:00", "rescheduled"),
        ("01-30 15:00", "scheduled"),
    ]
    assert rows[2].note == "Salon bakımda"
    assert rows[3].original_start == aware(2030, 1, 23, 15)
    assert rows[3].end == aware(2030, 1, 24, 17)


def test_occurrences_follow_unpublish_delete_and_republish(index):
    meeting = make_event(index)
    assert Occurrence.objects.filter(page=meeting).exists()
    meeting.unpublish()
    assert not Occurrence.objects.filter(page=meeting).exists()
    meeting.save_revision().publish()
    assert Occurrence.objects.filter(page=meeting).count() == 1
    meeting.start = aware(2030, 5, 1, 10)
    meeting.end = aware(2030, 5, 1, 12)
    meeting.save_revision().publish()
    assert Occurrence.objects.get(page=meeting).start == aware(2030, 5, 1, 10)
    meeting.delete()
    assert not Occurrence.objects.exists()


def test_translated_series_gets_the_same_dates_and_the_translated_reason(index):
    english = Locale.objects.get(language_code="en")
    series = weekly_series(index)
    translated = series.copy_for_translation(english)
    for change in translated.date_changes.all():
        change.reason = "Hall closed" if change.status == "cancelled" else "Moved by a day"
        change.save()
    translated.save_revision().publish()
    source_dates = list(Occurrence.objects.filter(page=series).values_list("start", "status"))
    english_rows = Occurrence.objects.filter(page=translated)
    assert list(english_rows.values_list("start", "status")) == source_dates
    assert english_rows.get(status="cancelled").note == "Hall closed"


def test_power_stories_performances_are_occurrences_in_their_provinces(index):
    page = make_power_stories_tour(index)
    assert sorted(Occurrence.objects.filter(page=page).values_list("province", flat=True)) == [
        "33",
        "35",
    ]


def test_venue_change_moves_its_events_to_the_new_province(index):
    venue = make_venue()
    meeting = make_event(index, venue=venue)
    venue.province = "06"
    venue.save()
    assert Occurrence.objects.get(page=meeting).province == "06"


def test_listing_shows_upcoming_by_default_and_past_on_request(client, index):
    make_event(index, title="Gelecek", start=aware(2099, 1, 1), end=aware(2099, 1, 1, 12))
    make_event(index, title="Geçmiş", start=aware(2001, 1, 1), end=aware(2001, 1, 1, 12))
    assert listing_titles(client, "/tr/etkinlikler/") == ["Gelecek"]
    assert listing_titles(client, "/tr/etkinlikler/?when=past") == ["Geçmiş"]


def test_a_long_running_event_counts_as_upcoming_and_shows_in_the_calendar(client, index):
    """Listings bound a date's start by the longest stored date: an exhibition that opened
    months ago and is still on must not fall outside that bound."""
    now = timezone.now()
    make_event(
        index,
        title="Kısa",
        start=now + datetime.timedelta(days=1),
        end=now + datetime.timedelta(days=1, hours=2),
    )
    make_event(
        index,
        title="Sergi",
        start=now - datetime.timedelta(days=90),
        end=now + datetime.timedelta(days=10),
    )
    make_event(
        index,
        title="Bitti",
        start=now - datetime.timedelta(days=91),
        end=now - datetime.timedelta(days=1),
    )
    assert listing_titles(client, "/tr/etkinlikler/") == ["Sergi", "Kısa"]
    assert listing_titles(client, "/tr/etkinlikler/?when=past") == ["Bitti"]
    today = timezone.localdate()
    calendar = client.get(f"/tr/etkinlikler/calendar/{today.year}/{today.month}/")
    shown = {
        o.page.title
        for week in calendar.context["month"].weeks
        for day in week
        for o in day.occurrences
    }
    assert "Sergi" in shown
    assert Occurrence.objects.get(page__title="Sergi").duration == datetime.timedelta(days=100)


def counting_statements(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in context.captured_queries if "COUNT(" in q["sql"].upper()]


def test_the_listing_counts_its_dates_once_until_they_change(client, index):
    make_event(index, title="Bir", start=aware(2099, 1, 1), end=aware(2099, 1, 1, 12))
    assert counting_statements(client, "/tr/etkinlikler/?type=meeting")
    assert not counting_statements(client, "/tr/etkinlikler/?type=meeting&page=1")
    assert counting_statements(client, "/tr/etkinlikler/?type=festival")  # other filters, own count
    make_event(index, title="İki", start=aware(2099, 1, 2), end=aware(2099, 1, 2, 12))
    response = client.get("/tr/etkinlikler/?type=meeting")
    assert response.context["page_obj"].paginator.count == 2


def test_query_digest_ignores_order_and_the_page():
    from django.http import QueryDict

    from core.pagination import query_digest

    assert query_digest(QueryDict("a=1&b=2&page=3")) == query_digest(QueryDict("b=2&a=1"))
    assert query_digest(QueryDict("a=1")) != query_digest(QueryDict("a=2"))
    # A form's cleaned values (the stories archive's filters) digest as their query string.
    assert query_digest({"year": 2024, "province": "34"}) == query_digest(
        QueryDict("province=34&year=2024")
    )


def test_every_filter(client, index):
    wheelchair = AccessibilityFeature.objects.get(code="wheelchair")
    make_event(index, title="Van", venue=make_venue())
    make_event(
        index,
        title="Ankara çevrim içi",
        venue=make_venue(name="ATO", province="06"),
        attendance_mode=AttendanceMode.ONLINE,
        online_url="https://example.org",
        accessibility=[wheelchair],
        start=aware(2031, 5, 1),
        end=aware(2031, 5, 1, 12),
    )
    make_event(index, FestivalPage, title="Festival", edition_year=2030)
    base = "/tr/etkinlikler/"
    assert listing_titles(client, base + "?province=65") == ["Van"]
    assert listing_titles(client, base + "?type=festival") == ["Festival"]
    assert listing_titles(client, base + "?year=2031") == ["Ankara çevrim içi"]
    assert listing_titles(client, base + "?access=wheelchair") == ["Ankara çevrim içi"]
    assert listing_titles(client, base + "?online=on") == ["Ankara çevrim içi"]
    assert set(listing_titles(client, base + "?province=zz&year=abc&page=abc")) == {
        "Van",
        "Ankara çevrim içi",
        "Festival",
    }


def test_untranslated_event_is_shown_in_its_source_language_and_marked(client, index):
    english = Locale.objects.get(language_code="en")
    translated = make_event(index, title="Çevrilmiş")
    translate(translated, english, title="Translated", slug="translated")
    make_event(
        index, title="Yalnız Türkçe", start=aware(2030, 3, 13, 10), end=aware(2030, 3, 13, 12)
    )
    response = client.get("/en/events/")
    assert [o.page.title for o in response.context["page_obj"]] == ["Translated", "Yalnız Türkçe"]
    html = response.content.decode()
    assert "Not yet translated: shown in its original language" in html
    assert 'hreflang="tr" lang="tr">Yalnız Türkçe</a>' in html


def test_a_translation_replaces_the_source_dates_in_that_language(client, index):
    english = Locale.objects.get(language_code="en")
    event = make_event(index, title="Yalnız Türkçe")
    assert listing_titles(client, "/en/events/") == ["Yalnız Türkçe"]  # and now cached
    translate(event, english, title="Now in English", slug="now-in-english")
    assert listing_titles(client, "/en/events/") == ["Now in English"]
    event.get_translation(english).unpublish()
    assert listing_titles(client, "/en/events/") == ["Yalnız Türkçe"]


def test_pagination_and_query_count_do_not_grow_with_events(client, index):
    def queries_for_listing():
        return count_queries(client, "/tr/etkinlikler/")

    for day in range(1, 4):
        make_event(index, title=f"E{day}", start=aware(2030, 1, day), end=aware(2030, 1, day, 12))
    few = queries_for_listing()
    for day in range(4, 29):
        make_event(
            index,
            title=f"E{day}",
            start=aware(2030, 1, day),
            end=aware(2030, 1, day, 12),
            venue=make_venue(name=f"V{day}"),
        )
    assert queries_for_listing() == few <= 15
    response = client.get("/tr/etkinlikler/?page=3")
    assert [o.page.title for o in response.context["page_obj"]] == ["E25", "E26", "E27", "E28"]


def test_calendar_month_boundaries_and_navigation(client, index):
    # 23:30 on 31 January in Istanbul is still January, though it is 20:30 UTC.
    make_event(
        index,
        title="Ocak sonu",
        start=aware(2030, 1, 31, 23, 30),
        end=aware(2030, 2, 1, 0, 0),
        venue=make_venue(),
    )
    make_event(
        index,
        title="Şubat başı",
        start=aware(2030, 2, 1, 9),
        end=aware(2030, 2, 1, 11),
        venue=make_venue(),
    )
    make_event(index, title="Başka ilde", start=aware(2030, 1, 30, 9), end=aware(2030, 1, 30, 11))
    response = client.get("/tr/etkinlikler/calendar/2030/1/?province=65")
    month = response.context["month"]
    days = {
        day.date: [o.page.title for o in day.occurrences] for week in month.weeks for day in week
    }
    assert days[datetime.date(2030, 1, 31)] == ["Ocak sonu"]
    assert days[datetime.date(2030, 2, 1)] == ["Şubat başı"]  # shown greyed in the grid
    assert days[datetime.date(2030, 1, 30)] == []  # filtered out by province
    assert month.weeks[0][0].date == datetime.date(2029, 12, 31)  # weeks start on Monday
    html = response.content.decode()
    assert 'href="/tr/etkinlikler/calendar/2030/2/?province=65" rel="next"' in html
    assert 'href="/tr/etkinlikler/calendar/2029/12/?province=65" rel="prev"' in html
    assert "<caption" in html and '<th scope="col">' in html
    assert client.get("/tr/etkinlikler/calendar/2030/13/").status_code == 404


def test_the_listing_views_keep_the_filters(client, index):
    html = client.get("/tr/etkinlikler/?province=65&type=meeting&page=2&when=past").content.decode()
    assert 'href="/tr/etkinlikler/?province=65&amp;type=meeting">' in html  # upcoming
    assert 'href="/tr/etkinlikler/?province=65&amp;type=meeting&amp;when=past"' in html
    assert 'href="/tr/etkinlikler/calendar/?province=65&amp;type=meeting">' in html
    html = client.get("/tr/etkinlikler/").content.decode()
    assert 'href="/tr/etkinlikler/calendar/">' in html


def test_calendar_query_count_does_not_grow(client, index):
    def queries():
        return count_queries(client, "/tr/etkinlikler/calendar/2030/1/")

    make_event(index, title="A", start=aware(2030, 1, 3), end=aware(2030, 1, 3, 12))
    few = queries()
    for day in range(4, 25):
        make_event(index, title=f"E{day}", start=aware(2030, 1, day), end=aware(2030, 1, day, 12))
    assert queries() == few <= 15
