"""What the listing and the calendar keep between requests instead of rendering afresh
(issue 20): the filter form, the month's selection of dates and the links to event pages.
Each must give what rendering afresh gives, and follow a change at once."""

import contextlib
import datetime

import pytest
import recurrence
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from demo.builders import aware, make_event
from events.forms import EventFilterForm
from events.page_links import page_url
from events.templatetags import event_tags

from .helpers import weekly_series

pytestmark = pytest.mark.django_db

MONTH = "/tr/etkinlikler/calendar/2030/3/"


def render_filters(query: str, action: str = "/tr/etkinlikler/") -> str:
    return event_tags.event_filters(EventFilterForm(QueryDict(query)), action, hide_when=None)


def test_the_filter_form_is_rendered_once_per_language_and_choice(monkeypatch):
    event_tags._rendered_filters.clear()
    rendered = []
    real = event_tags.render_to_string
    monkeypatch.setattr(
        event_tags, "render_to_string", lambda *a, **k: rendered.append(1) or real(*a, **k)
    )
    with translation.override("tr"):
        first = render_filters("province=06&type=meeting")
        again = render_filters("type=meeting&province=06&page=3")
        other = render_filters("province=35")
    with translation.override("en"):
        english = render_filters("province=06&type=meeting")
    assert first == again and len(rendered) == 3
    assert 'value="06" selected' in first and 'value="35" selected' in other
    assert "Filtrele" in first or "Etkinlikleri" in first
    assert english != first and "Show events" in english
    # A value that was not understood is reported, and such a form is never kept.
    with translation.override("en"):
        for _ in range(2):
            assert "were not understood" in render_filters("year=3000")
    assert len(rendered) == 5


def test_the_month_is_counted_once_until_dates_are_stored_again(client, index):
    make_event(index, title="Mart 1", start=aware(2030, 3, 3, 10), end=aware(2030, 3, 3, 12))
    cache.clear()
    assert " Mart 1</a>" in client.get(MONTH).content.decode()
    with CaptureQueriesContext(connection) as context:
        client.get(MONTH)
    # Warm: only the dates shown are read (by pk), not every date of the grid.
    reads = [q["sql"] for q in context.captured_queries if '"events_occurrence"' in q["sql"]]
    assert len(reads) == 1 and " IN (" in reads[0], reads
    make_event(index, title="Mart 2", start=aware(2030, 3, 4, 10), end=aware(2030, 3, 4, 12))
    html = client.get(MONTH).content.decode()
    assert " Mart 1</a>" in html and " Mart 2</a>" in html


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_link_is_the_pages_own_url_and_follows_a_move(index, language):
    event = make_event(index, title="Şişli Buluşması", slug="şişli-buluşması")
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    with translation.override(language):
        expected = Page.objects.get(pk=event.pk).get_url(request=request)
        assert page_url(request, event.pk, event.url_path) == expected
        event.slug = "sisli"
        event.save_revision().publish()
        event.refresh_from_db()
        moved = page_url(request, event.pk, event.url_path)
    assert moved.endswith("/sisli/") and moved == event.get_url(request=request)


@contextlib.contextmanager
def cards_rendered():
    """A list that grows by one for each event card rendered meanwhile."""
    cards = []

    def count(sender, template, **kwargs):
        if template.name == "events/includes/event_card.html":
            cards.append(1)

    template_rendered.connect(count)
    try:
        yield cards
    finally:
        template_rendered.disconnect(count)


def test_a_card_is_rendered_once_until_its_page_changes(client, index):
    event = make_event(index, title="Kart", start=aware(2030, 3, 3, 10), end=aware(2030, 3, 3, 12))
    with cards_rendered() as cards:
        first = client.get("/tr/etkinlikler/").content.decode()
        assert client.get("/tr/etkinlikler/").content.decode() == first
        assert ">Kart</a>" in first and len(cards) == 1
        event.title = "Yeni Kart"
        event.save_revision().publish()
        assert ">Yeni Kart</a>" in client.get("/tr/etkinlikler/").content.decode()
        assert len(cards) == 2
        # Another language is another card (the untranslated event, in its own language).
        assert ">Yeni Kart</a>" in client.get("/en/events/").content.decode()
        assert len(cards) == 3


def test_a_series_rhythm_follows_a_new_rule_at_once(client, index):
    series = weekly_series(index, title="Çay", date_changes=[])
    assert "Her Çarşamba 15:00, 30 Ocak 2030" in client.get("/tr/etkinlikler/").content.decode()
    series.recurrences = recurrence.Recurrence(
        rrules=[
            recurrence.Rule(recurrence.WEEKLY, interval=2, until=datetime.datetime(2030, 1, 30))
        ]
    )
    series.save_revision().publish()
    html = client.get("/tr/etkinlikler/").content.decode()
    assert "2 haftada bir Çarşamba 15:00, 30 Ocak 2030" in html
    assert "Her Çarşamba" not in html


def test_the_home_page_shows_the_listing_s_cards_rendered_once_until_a_publish(client, index):
    event = make_event(index, title="Kart", start=aware(2030, 3, 3, 10), end=aware(2030, 3, 3, 12))
    with cards_rendered() as cards:
        home = client.get("/tr/").content.decode()
        assert client.get("/tr/").content.decode() == home and len(cards) == 1
        start = home.index('<li class="event-card')
        card = home[start : home.index("</li>", start) + len("</li>")]
        assert ">Kart</a>" in card and card in client.get("/tr/etkinlikler/").content.decode()
        assert len(cards) == 1  # the listing shows the card the home page rendered
        event.title = "Yeni Kart"
        event.save_revision().publish()
        assert ">Yeni Kart</a>" in client.get("/tr/").content.decode()
        assert len(cards) == 2
