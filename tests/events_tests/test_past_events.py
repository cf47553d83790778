"""A past event looks past: labelled, without registration or "add to calendar", with its
report (figures, what participants raised) in both languages; an upcoming one keeps them."""

import datetime

import pytest
import recurrence
from django.utils import timezone

from demo.builders import aware, locales, make_event, translate
from events.models import FestivalPage, MeetingPage, Performance, PowerStoriesEventPage

from .helpers import weekly_series

pytestmark = pytest.mark.django_db

TEXTS = {
    "tr": {"past": "Geçmiş etkinlik", "calendar": "Takviminize ekleyin", "register": "Kayıt ol"},
    "en": {"past": "Past event", "calendar": "Add to your calendar", "register": "Register"},
}


def meeting(index, start: datetime.datetime, slug: str):
    page = make_event(
        index,
        MeetingPage,
        title=f"Buluşma {slug}",
        slug=slug,
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_url="https://example.org/kayit",
        participants=85,
        outcomes="Gönüllülük konuşuldu.",
    )
    english = translate(page, locales()[1], slug=f"meeting-{slug}", outcomes="Volunteering.")
    return {"tr": page, "en": english}


@pytest.mark.parametrize("language", ["tr", "en"])
def test_past_meeting_is_labelled_without_registration_or_calendar(client, index, language):
    pages = meeting(index, aware(2024, 5, 14, 10), "mersin")
    html = client.get(pages[language].url).content.decode()
    texts = TEXTS[language]
    assert pages[language].is_past
    assert f'<p class="event__past">{texts["past"]}</p>' in html
    assert texts["calendar"] not in html and 'href="https://example.org/kayit"' not in html
    assert texts["register"] not in html
    # The report of what happened stays.
    assert "<strong>85</strong>" in html
    assert ("Gönüllülük konuşuldu." if language == "tr" else "Volunteering.") in html


@pytest.mark.parametrize("language", ["tr", "en"])
def test_upcoming_meeting_offers_registration_and_calendar(client, index, language):
    start = timezone.now() + datetime.timedelta(days=10)
    pages = meeting(index, start, "van")
    html = client.get(pages[language].url).content.decode()
    texts = TEXTS[language]
    assert not pages[language].is_past
    assert texts["past"] not in html
    assert texts["calendar"] in html and 'href="https://example.org/kayit"' in html


def test_a_multi_day_festival_is_not_past_before_its_last_day(index):
    now = timezone.now()
    festival = make_event(
        index,
        FestivalPage,
        title="Sivil Sesler",
        edition_year=now.year,
        start=now - datetime.timedelta(days=1),
        end=now + datetime.timedelta(hours=2),
    )
    assert not festival.is_past


def test_a_tour_is_past_only_after_its_last_performance(index):
    tr = locales()[0]
    now = timezone.now()
    performances = [
        Performance(
            locale=tr,
            start=now - datetime.timedelta(days=d),
            end=now - datetime.timedelta(days=d, hours=-2),
        )
        for d in (30, -5)
    ]
    tour = make_event(
        index,
        PowerStoriesEventPage,
        title="Güç Hikâyeleri",
        start=now - datetime.timedelta(days=30),
        end=now - datetime.timedelta(days=30, hours=-2),
        performances=performances,
    )
    assert not tour.is_past
    Performance.objects.filter(start__gt=now).delete()
    assert PowerStoriesEventPage.objects.get(pk=tour.pk).is_past


def test_a_series_is_past_when_its_rule_has_no_date_left(index):
    ended = weekly_series(
        index,
        slug="bitti",
        start=aware(2024, 1, 3, 15),
        end=aware(2024, 1, 3, 17),
        recurrences=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.WEEKLY, until=datetime.datetime(2024, 2, 1))]
        ),
        date_changes=[],
    )
    endless = weekly_series(
        index,
        slug="suruyor",
        start=aware(2024, 1, 3, 15),
        end=aware(2024, 1, 3, 17),
        recurrences=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)]),
        date_changes=[],
    )
    assert ended.is_past
    assert not endless.is_past
