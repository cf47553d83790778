"""Events found by the site search show when and where they happen; festivals are found by
the sessions of their programme and name the sessions that matched."""

import re

from django.utils import timezone

from demo.builders import aware, make_event, make_events_index, make_festival, make_venue
from events.choices import EventStatus
from events.models import FestivalPage
from events.search import matching_sessions, result_occurrences
from tests.events_tests.helpers import count_queries, weekly_series
from tests.test_festival_programme import sessions


def search_html(client, query: str, language: str = "tr") -> str:
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_event_search_result_shows_its_date_and_place(client, home):
    index = make_events_index(home)
    venue = make_venue(name="Van Kültür Merkezi", province="65", district="İpekyolu")
    make_event(
        index, title="Güçlü Sivil Toplum Buluşması – Van", start=aware(2030, 3, 12, 10), venue=venue
    )
    html = search_html(client, "van")
    assert "Güçlü Sivil Toplum Buluşması – Van" in html
    assert '<time datetime="2030-03-12T10:00:00+03:00">12 Mart 2030 Salı</time>' in html
    assert "Van Kültür Merkezi, İpekyolu, Van" in html


def test_an_online_event_says_so(client, home):
    index = make_events_index(home)
    make_event(
        index, title="Çevrimiçi Buluşma", attendance_mode="online", online_url="https://x.example"
    )
    html = search_html(client, "çevrimiçi")
    assert re.search(r'class="search-result__meta">.*· <span>Çevrim içi</span>', html)


def test_a_series_shows_its_next_date_that_is_held(home):
    series = weekly_series(make_events_index(home))  # Wednesdays in January 2030
    # After the 9th, the 16th is cancelled; the 23rd was moved to Thursday the 24th.
    shown = result_occurrences([series.pk], now=aware(2030, 1, 10))[series.pk]
    assert shown.start == aware(2030, 1, 24, 15)
    assert shown.status == EventStatus.RESCHEDULED
    assert result_occurrences([series.pk], now=aware(2030, 1, 1))[series.pk].start == aware(
        2030, 1, 2, 15
    )
    # Once the series is over, its last date.
    assert result_occurrences([series.pk], now=aware(2031, 1, 1))[series.pk].start == aware(
        2030, 1, 30, 15
    )


def test_a_cancelled_event_is_marked_cancelled_in_the_results(client, home):
    index = make_events_index(home)
    make_event(index, title="İptal Buluşması", status=EventStatus.CANCELLED, status_note="Deprem")
    html = search_html(client, "iptal")
    assert "<strong>İptal edildi</strong>: Deprem" in html


def test_a_session_finds_its_festival_and_is_named_with_a_link(client, home):
    festival = make_festival(make_events_index(home), sessions=sessions())
    panel = festival.sessions.get(title="Yerelde dayanışma paneli")
    html = search_html(client, "dayanışma paneli")
    assert "Sivil Sesler Festivali 2030" in html
    assert f'href="{festival.url}#session-{panel.pk}">Yerelde dayanışma paneli</a>' in html
    assert "Erişilebilir etkinlik atölyesi" not in html  # only the sessions that matched
    # The link lands on the session in the festival's programme.
    assert f'id="session-{panel.pk}"' in client.get(festival.url).content.decode()


def test_sessions_match_inflected_and_ascii_spellings(home):
    festival = make_festival(make_events_index(home), sessions=sessions())
    festival = FestivalPage.objects.get(pk=festival.pk)
    for query in ["atölyeler", "erisilebilir", "ENGELSİZ", "dayanisma"]:
        assert len(matching_sessions([festival], query)[festival.pk]) == 1, query
    assert matching_sessions([festival], "festival") == {}


def test_result_queries_do_not_grow_with_the_events_listed(client, home):
    index = make_events_index(home)
    venue = make_venue()
    make_festival(index, sessions=sessions(), title="Van Festivali", venue=venue)
    make_event(index, title="Van Buluşması", venue=venue)
    weekly_series(index, title="Van Çay Saati")
    few = count_queries(client, "/tr/search/?q=van")
    for n in range(6):
        make_event(index, title=f"Van Buluşması {n}", venue=make_venue(name=f"Salon {n}"))
    weekly_series(index, title="Van Kahve Saati", venue=make_venue(name="Kahve Evi"))
    make_festival(index, sessions=sessions(), title="Van Festivali 2031", slug="van-2031")
    assert count_queries(client, "/tr/search/?q=van") == few <= 15


def test_promoted_events_also_show_their_date(client, home):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    index = make_events_index(home)
    event = make_event(index, title="Öne Çıkan", start=aware(2030, 5, 6, 10), venue=make_venue())
    SearchPromotion.objects.create(query=Query.get("kampanya"), page=event, sort_order=0)
    html = search_html(client, "kampanya")
    assert '<time datetime="2030-05-06T10:00:00+03:00">6 Mayıs 2030 Pazartesi</time>' in html
    assert timezone.now() < aware(2030, 5, 6)


def test_an_event_is_found_by_the_province_of_its_venue(client, home):
    index = make_events_index(home)
    venue = make_venue(name="Kültürpark", province="35", district="Konak")
    make_event(index, title="Sivil Sesler Festivali 2023", venue=venue)
    for query in ["izmir", "İZMİR", "İzmir'de"]:
        assert "Sivil Sesler Festivali 2023" in search_html(client, query), query
    assert "Sivil Sesler Festivali 2023" not in search_html(client, "ankara")


def test_a_misspelt_province_gets_a_correction(client, home):
    index = make_events_index(home)
    make_event(index, title="Yerel Buluşma", venue=make_venue(name="Salon", province="34"))
    html = search_html(client, "istnbul")
    assert 'Bunu mu demek istediniz: <a href="?q=%C4%B0stanbul">İstanbul</a>?' in html
