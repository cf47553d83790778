"""An event page's own parts kept per process (events/page_fragments.py, `{% page_part %}`)
and its stored dates (events.jsonld.page_dates): a warm page reads neither its dates nor its
provisions again, and still shows every publish, every edited venue, the passing of time
(a date that ends) and a draft in its preview at once, with the shared cache or without."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo.builders import aware, locales, make_event, make_festival, make_venue, publish
from events.choices import SessionKind
from events.models import AccessibilityFeature, EventSeriesPage, FestivalSession, MeetingPage
from events.models.festival import programme_choice

from .helpers import weekly_series

pytestmark = pytest.mark.django_db


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def warm_queries(client, url: str) -> list[str]:
    for _ in range(2):
        client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in context.captured_queries]


def meeting(index, **kwargs) -> MeetingPage:
    start = timezone.now() + datetime.timedelta(hours=1)
    kwargs.setdefault("start", start)
    kwargs.setdefault("end", start + datetime.timedelta(hours=2))
    kwargs.setdefault("venue", make_venue(name="Kültür Merkezi", province="65"))
    kwargs.setdefault("accessibility", [AccessibilityFeature.objects.get(code="wheelchair")])
    return make_event(index, **kwargs)


def test_a_warm_event_page_reads_neither_its_dates_nor_its_provisions(client, index):
    page = meeting(index)
    first = html_of(client, page.url)
    sql = warm_queries(client, page.url)
    assert not [s for s in sql if "events_occurrence" in s or "accessibilityfeature" in s], sql
    assert html_of(client, page.url) == first


def test_the_parts_follow_a_publish_and_an_edited_venue_or_provision(client, index):
    page = meeting(index, title="Eski başlık", summary="Eski özet")
    html = html_of(client, page.url)
    assert "Eski başlık" in html and "Kültür Merkezi" in html

    page.title, page.summary = "Yeni başlık", "Yeni özet"
    publish(page)
    html = html_of(client, page.url)
    assert "Yeni başlık" in html and "Yeni özet" in html and "Eski özet" not in html

    venue = page.venue
    venue.name = "Yeni Salon"
    venue.save()
    html = html_of(client, page.url)
    assert "Yeni Salon" in html and "Kültür Merkezi" not in html
    assert '"name": "Yeni Salon"' in html  # the structured data too

    feature = AccessibilityFeature.objects.get(code="wheelchair")
    feature.code = "wheelchair-renamed"
    feature.save()
    assert html_of(client, page.url).count("<li>") >= 1  # rendered again, not an error


def test_an_event_becomes_past_when_its_date_ends(client, index, monkeypatch):
    page = meeting(index)
    html = html_of(client, page.url)
    assert "event__past" not in html and "add-to-calendar" in html

    later = page.end + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    html = html_of(client, page.url)
    assert "event__past" in html and "add-to-calendar" not in html


def test_a_series_next_dates_move_on_when_its_first_date_ends(client, index, monkeypatch):
    series = weekly_series(index)
    monkeypatch.setattr(timezone, "now", lambda: aware(2030, 1, 1))
    first = html_of(client, series.url)
    assert "2030-01-02T15:00:00+03:00" in first  # the first date, in the list and the data

    monkeypatch.setattr(timezone, "now", lambda: aware(2030, 1, 2, 17, 1))
    html = html_of(client, series.url)
    assert (
        "2030-01-02T15:00:00+03:00"
        not in html.split('id="series-dates"', 1)[1].split("</section>", 1)[0]
    )
    assert "2030-01-09T15:00:00+03:00" in html

    monkeypatch.setattr(timezone, "now", lambda: aware(2030, 2, 1))
    html = html_of(client, series.url)
    assert "event__past" in html and "add-to-calendar" not in html


def test_a_preview_shows_the_draft_not_the_kept_page(client, index):
    page = meeting(index, title="Yayındaki başlık")
    assert "Yayındaki başlık" in html_of(client, page.url)
    draft = MeetingPage.objects.get(pk=page.pk)
    draft.title, draft.summary = "Taslak başlık", "Taslak özet"
    response = draft.make_preview_request()
    response.render()
    html = response.content.decode()
    assert "Taslak başlık" in html and "Taslak özet" in html
    assert "Yayındaki başlık" in html_of(client, page.url)  # the live page is untouched


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_without_the_shared_cache_every_change_shows_at_once(client, index):
    page = meeting(index, title="Önce")
    assert "Önce" in html_of(client, page.url)
    page.title = "Sonra"
    publish(page)
    html = html_of(client, page.url)
    assert "Sonra" in html and "Önce" not in html


def sessions(*titles: str) -> list[FestivalSession]:
    kinds = [SessionKind.WORKSHOP, SessionKind.PANEL]
    return [
        FestivalSession(
            locale=locales()[0],
            kind=kinds[number % 2],
            title=title,
            start=aware(2030, 10, 5, 10 + number),
            end=aware(2030, 10, 5, 11 + number),
        )
        for number, title in enumerate(titles)
    ]


def programme(html: str) -> str:
    return html.split('class="programme"', 1)[1].split("</form>", 1)[1]


def test_the_programme_part_follows_the_filters_and_a_publish(client, index):
    festival = make_festival(index, sessions=sessions("Oturum 0", "Oturum 1"))
    everything = html_of(client, festival.url)
    assert "Oturum 0" in everything and "Oturum 1" in everything
    workshops = html_of(client, f"{festival.url}?kind=workshop").split("</form>", 1)[1]
    assert "Oturum 0" in workshops and "Oturum 1" not in workshops
    nonsense = html_of(client, f"{festival.url}?kind=nonsense")
    assert programme(nonsense) == programme(everything)

    festival.sessions = sessions("Oturum 0", "Yeni oturum")
    publish(festival)
    html = html_of(client, festival.url)
    assert "Yeni oturum" in html and "Oturum 1" not in html


def test_programme_choice_keeps_only_what_changes_the_programme():
    assert programme_choice("", "") == "/"
    assert programme_choice("2030-06-01", "workshop") == "2030-06-01/workshop"
    assert programme_choice("nonsense", "nothing") == "/"


def test_series_pages_are_kept_apart_from_their_translations(client, index):
    from wagtail.models import Locale

    from demo.builders import translate

    series = weekly_series(index)
    english = translate(
        EventSeriesPage.objects.get(pk=series.pk),
        Locale.objects.get(language_code="en"),
        title="Tea Time",
        slug="tea-time",
    )
    turkish_html, english_html = html_of(client, series.url), html_of(client, english.url)
    assert "Çay Saati" in turkish_html and "Tea Time" in english_html
    assert "Tea Time" not in turkish_html


def test_a_series_follows_its_dates_stored_again_without_a_publish(client, index, monkeypatch):
    """The daily roll of a series' window stores its dates again and retires `occurrences`
    alone: its kept parts and dates must follow."""
    from events.models import Occurrence, occurrences_changed

    series = weekly_series(index)
    monkeypatch.setattr(timezone, "now", lambda: aware(2030, 1, 1))
    assert "2030-01-09T15:00:00+03:00" in html_of(client, series.url)
    Occurrence.objects.filter(page_id=series.pk, start__date=datetime.date(2030, 1, 9)).delete()
    occurrences_changed()
    html = html_of(client, series.url)
    assert "2030-01-09T15:00:00+03:00" not in html and "2030-01-02T15:00:00+03:00" in html
