"""The listing's calendar, RSS and Atom feeds: untranslated events, filters, links, and
query counts that do not grow with events or dates."""

import pytest
import recurrence
from defusedxml import ElementTree as ET
from wagtail.models import Locale

from demo.builders import aware, locales, make_event, make_venue, translate
from events.choices import AttendanceMode, EventStatus
from events.models import (
    AccessibilityFeature,
    FestivalPage,
    Performance,
    PowerStoriesEventPage,
)

from .helpers import count_queries
from .ical_helpers import (
    parse,
    tea_time,
)

pytestmark = pytest.mark.django_db


def test_listing_feed_shows_untranslated_events_in_their_own_language(client, index):
    english = Locale.objects.get(language_code="en")
    translated = make_event(index, title="Çevrilmiş")
    translate(translated, english, title="Translated", slug="translated")
    make_event(index, title="Yalnız Türkçe", start=aware(2030, 3, 13), end=aware(2030, 3, 13, 12))
    response = client.get("/en/calendar/events.ics")
    assert response["Content-Disposition"] == 'attachment; filename="stgm-events-en.ics"'
    events = parse(response).walk("VEVENT")
    assert [(str(e["SUMMARY"]), e["SUMMARY"].params["LANGUAGE"]) for e in events] == [
        ("Translated", "en"),
        ("Yalnız Türkçe", "tr"),
    ]
    assert "More information" in str(events[0]["DESCRIPTION"])
    turkish = parse(client.get("/tr/calendar/events.ics")).walk("VEVENT")
    assert "Daha fazla bilgi" in str(turkish[0]["DESCRIPTION"])


# --- the listing feed follows the listing's filters ---------------------------------------


def test_listing_feed_follows_the_filters(client, index):
    wheelchair = "wheelchair"
    make_event(index, title="Van", venue=make_venue())
    make_event(
        index,
        title="Ankara çevrim içi",
        venue=make_venue(name="ATO", province="06"),
        attendance_mode=AttendanceMode.ONLINE,
        online_url="https://example.org/canli",
        accessibility=[AccessibilityFeature.objects.get(code=wheelchair)],
        start=aware(2031, 5, 1),
        end=aware(2031, 5, 1, 12),
    )
    make_event(index, FestivalPage, title="Festival", edition_year=2030)
    tea_time(index)
    make_event(index, title="Geçmiş", start=aware(2001, 1, 1), end=aware(2001, 1, 1, 12))

    def titles(query: str = "") -> set[str]:
        calendar = parse(client.get(f"/tr/calendar/events.ics{query}"))
        return {str(e["SUMMARY"]) for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e}

    everything = {"Van", "Ankara çevrim içi", "Festival", "Çay Saati – Eskişehir"}
    assert titles() == everything
    assert titles("?province=65") == {"Van"}
    assert titles("?type=festival") == {"Festival"}
    assert titles("?type=series") == {"Çay Saati – Eskişehir"}
    assert titles("?province=26") == {"Çay Saati – Eskişehir"}
    assert titles("?year=2031") == {"Ankara çevrim içi"}
    assert titles(f"?access={wheelchair}") == {"Ankara çevrim içi"}
    assert titles("?online=on") == {"Ankara çevrim içi"}
    assert titles("?when=past") == {"Geçmiş"}
    assert titles("?province=zz&year=abc") == everything  # ignored, as in the listing
    online = next(e for e in parse(client.get("/tr/calendar/events.ics?online=on")).walk("VEVENT"))
    assert str(online["LOCATION"]) == "https://example.org/canli"


def test_listing_links_to_its_feeds_with_the_filters(client, index):
    make_event(index, venue=make_venue())  # in Van (65): the filtered selection is not empty
    html = client.get("/tr/etkinlikler/?type=meeting&province=65&page=2").content.decode()
    query = "?type=meeting&amp;province=65"
    assert f'href="webcal://testserver/tr/calendar/events.ics{query}"' in html
    assert f'href="http://testserver/tr/calendar/events.ics{query}"' in html
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Yaklaşan etkinlikler (RSS)" '
        f'href="http://testserver/tr/calendar/events.rss{query}">'
    ) in html
    assert 'type="application/atom+xml"' in html and 'type="text/calendar"' in html
    english = client.get("/en/events/").content.decode()
    assert 'href="webcal://testserver/en/calendar/events.ics"' in english


def one_of_each_type(index, suffix: str = "") -> None:
    tr, _ = locales()
    make_event(index, title=f"Tek{suffix}", venue=make_venue(name=f"V{suffix}"))
    tea_time(index, title=f"Seri{suffix}", venue=make_venue(name=f"S{suffix}"))
    make_event(index, FestivalPage, title=f"Festival{suffix}", edition_year=2030)
    make_event(
        index,
        PowerStoriesEventPage,
        title=f"Güç Hikâyeleri{suffix}",
        performances=[
            Performance(locale=tr, start=aware(2030, 5, 1, 19), end=aware(2030, 5, 1, 21)),
            Performance(locale=tr, start=aware(2030, 5, 8, 19), end=aware(2030, 5, 8, 21)),
        ],
    )


def test_feed_queries_do_not_grow_with_events(client, index):
    urls = ["/tr/calendar/events.ics", "/en/calendar/events.rss", "/tr/calendar/events.atom"]
    one_of_each_type(index)
    few = [count_queries(client, url) for url in urls]
    for number in range(2):
        one_of_each_type(index, f" {number}")
    for day in range(1, 4):
        make_event(index, title=f"E{day}", start=aware(2030, 4, day), end=aware(2030, 4, day, 12))
    assert [count_queries(client, url) for url in urls] == few
    assert max(few) <= 9


def test_event_file_queries_do_not_grow_with_dates(client, index):
    series = tea_time(index, date_changes=[])
    few = count_queries(client, f"/tr/calendar/event/{series.pk}.ics")
    longer = tea_time(
        index,
        title="Uzun",
        recurrences=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.DAILY)]),
    )
    assert count_queries(client, f"/tr/calendar/event/{longer.pk}.ics") == few <= 8


# --- RSS and Atom -------------------------------------------------------------------------


def test_rss_and_atom_list_upcoming_events_once_each(client, index):
    english = Locale.objects.get(language_code="en")
    series = tea_time(
        index, start=aware(2099, 1, 7, 15), end=aware(2099, 1, 7, 17), date_changes=[]
    )
    translate(series, english, title="Tea Time – Eskişehir", slug="tea-time")
    make_event(index, title="Geçmiş", start=aware(2001, 1, 1), end=aware(2001, 1, 1, 12))
    make_event(
        index,
        title="İptal",
        status=EventStatus.CANCELLED,
        start=aware(2098, 1, 1),
        end=aware(2098, 1, 1, 12),
    )

    response = client.get("/en/calendar/events.rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "en"
    assert channel.findtext("link") == "http://testserver/en/events/"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["İptal (Cancelled)", "Tea Time – Eskişehir"]
    assert items[1].findtext("link") == "http://testserver/en/events/tea-time/"
    assert items[1].find("guid").get("isPermaLink") == "false"
    assert "7 January 2099" in items[1].findtext("description")

    atom = client.get("/tr/calendar/events.atom")
    assert atom["Content-Type"].startswith("application/atom+xml")
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(atom.content).findall("atom:entry", ns)
    assert [e.findtext("atom:title", namespaces=ns) for e in entries] == [
        "İptal (İptal edildi)",
        "Çay Saati – Eskişehir",
    ]
    assert client.get("/tr/calendar/events.rss?type=meeting").content.count(b"<item>") == 1
