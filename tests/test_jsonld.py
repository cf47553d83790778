"""Structured data (schema.org JSON-LD), Open Graph / Twitter cards, canonical links and the
"add to calendar" links of event pages, in both languages."""

import datetime
import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
import recurrence
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from demo.builders import (
    aware,
    locales,
    make_event,
    make_events_index,
    make_power_stories_tour,
    make_venue,
    translate,
)
from events.choices import AttendanceMode, EventStatus
from events.models import (
    EventSeriesPage,
    FestivalPage,
    MeetingPage,
    OccurrenceChange,
)

pytestmark = pytest.mark.django_db

OFFSET_DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$")
SCHEMA = "https://schema.org/"


class Head(HTMLParser):
    """The meta tags, links and scripts of a page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict] = []
        self.scripts: list[dict] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            self.scripts.append(attrs)
            self._in_jsonld = attrs.get("type") == "application/ld+json"
            if self._in_jsonld:
                self.jsonld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data


def read(client, url: str) -> Head:
    response = client.get(url)
    assert response.status_code == 200, url
    head = Head()
    head.feed(response.content.decode())
    return head


def event_ld(client, url: str) -> dict:
    head = read(client, url)
    assert len(head.jsonld) == 1
    return json.loads(head.jsonld[0])


@pytest.fixture
def index(home):
    english = Locale.objects.get(language_code="en")
    index = make_events_index(home)
    translate(index, english, title="Events", slug="events")
    return index


@pytest.fixture
def image(db):
    return get_image_model().objects.create(
        title="Festival alanı",
        description="Stantlar arasında yürüyen ziyaretçiler",
        file=get_test_image_file(),
    )


def venue():
    return make_venue(
        name="ATO Kongresium",
        address="Söğütözü Cd. 1",
        province="06",
        district="Çankaya",
        latitude=39.9095,
        longitude=32.8072,
    )


def series(index, **kwargs) -> EventSeriesPage:
    tr, _ = locales()
    kwargs.setdefault("title", "Çay Saati – Eskişehir")
    kwargs.setdefault("start", aware(2030, 1, 2, 15))
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
            OccurrenceChange(locale=tr, date=datetime.date(2030, 1, 2), status="cancelled"),
            OccurrenceChange(
                locale=tr,
                date=datetime.date(2030, 1, 23),
                status=EventStatus.RESCHEDULED,
                new_start=aware(2030, 1, 24, 15),
            ),
        ],
    )
    return make_event(index, EventSeriesPage, **kwargs)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_festival_json_ld_has_every_property(client, index, image, language):
    festival = make_event(
        index,
        FestivalPage,
        title="Sivil Sesler Festivali 2030",
        summary="Ankara'da iki gün boyunca stantlar, atölyeler ve paneller.",
        edition_year=2030,
        start=aware(2030, 10, 5, 10),
        end=aware(2030, 10, 6, 18),
        venue=venue(),
        image=image,
        registration_url="https://example.org/kayit",
    )
    if language == "en":
        festival = translate(
            festival,
            Locale.objects.get(language_code="en"),
            title="Civil Voices Festival 2030",
            summary="Two days of stands, workshops and panels in Ankara.",
            slug="civil-voices-2030",
        )
    data = event_ld(client, festival.url)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Festival"
    assert data["name"] == festival.title and data["description"] == festival.summary
    assert data["url"] == f"http://testserver{festival.url}"
    assert data["startDate"] == "2030-10-05T10:00:00+03:00"
    assert OFFSET_DATE.match(data["endDate"])
    assert data["eventStatus"] == SCHEMA + "EventScheduled"
    assert data["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert data["inLanguage"] == language
    place = data["location"]
    assert place["@type"] == "Place" and place["name"] == "ATO Kongresium"
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Söğütözü Cd. 1",
        "addressLocality": "Çankaya",
        "addressRegion": "Ankara",
        "addressCountry": "TR",
    }
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 39.9095, "longitude": 32.8072}
    assert data["organizer"]["@type"] == "Organization" and data["organizer"]["name"] == "STGM"
    assert data["organizer"]["url"] == f"http://testserver/{language}/"
    assert len(data["image"]) == 3
    assert all(url.startswith("http://testserver/") for url in data["image"])
    assert data["offers"]["price"] == "0" and data["offers"]["priceCurrency"] == "TRY"
    assert data["offers"]["url"] == "https://example.org/kayit"
    assert data["isAccessibleForFree"] is True


@pytest.mark.parametrize(
    ("fields", "status", "mode", "location_types"),
    [
        ({}, "EventScheduled", "OfflineEventAttendanceMode", ["Place"]),
        (
            {"attendance_mode": AttendanceMode.HYBRID, "online_url": "https://example.org/canli"},
            "EventScheduled",
            "MixedEventAttendanceMode",
            ["Place", "VirtualLocation"],
        ),
        (
            {"attendance_mode": AttendanceMode.ONLINE, "online_url": "https://example.org/canli"},
            "EventScheduled",
            "OnlineEventAttendanceMode",
            ["VirtualLocation"],
        ),
        (
            {"status": EventStatus.MOVED_ONLINE, "online_url": "https://example.org/canli"},
            "EventMovedOnline",
            "OnlineEventAttendanceMode",
            ["VirtualLocation"],
        ),
        ({"status": EventStatus.CANCELLED}, "EventCancelled", "OfflineEventAttendanceMode", None),
        ({"status": EventStatus.POSTPONED}, "EventPostponed", "OfflineEventAttendanceMode", None),
        (
            {"status": EventStatus.RESCHEDULED},
            "EventRescheduled",
            "OfflineEventAttendanceMode",
            None,
        ),
    ],
)
def test_status_attendance_and_location(client, index, fields, status, mode, location_types):
    meeting = make_event(index, MeetingPage, venue=venue(), **fields)
    data = event_ld(client, meeting.url)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == SCHEMA + status
    assert data["eventAttendanceMode"] == SCHEMA + mode
    if location_types:
        location = data["location"]
        locations = location if isinstance(location, list) else [location]
        assert [item["@type"] for item in locations] == location_types
        if "VirtualLocation" in location_types:
            assert locations[-1]["url"] == "https://example.org/canli"


def test_paid_event_has_no_offer(client, index):
    meeting = make_event(index, is_free=False)
    data = event_ld(client, meeting.url)
    assert "offers" not in data and "isAccessibleForFree" not in data


@pytest.mark.parametrize("language", ["tr", "en"])
def test_series_is_an_event_series_with_its_next_dates(client, index, language):
    page = series(index)
    if language == "en":
        page = translate(page, Locale.objects.get(language_code="en"), title="Tea Time", slug="tea")
    data = event_ld(client, page.url)
    assert data["@type"] == "EventSeries" and data["inLanguage"] == language
    assert data["startDate"] == "2030-01-02T15:00:00+03:00"
    assert data["endDate"] == "2030-01-30T17:00:00+03:00"  # the last meeting
    dates = {sub["startDate"][:10]: sub for sub in data["subEvent"]}
    assert list(dates) == ["2030-01-02", "2030-01-09", "2030-01-16", "2030-01-24", "2030-01-30"]
    assert dates["2030-01-02"]["eventStatus"] == SCHEMA + "EventCancelled"
    assert dates["2030-01-24"]["eventStatus"] == SCHEMA + "EventRescheduled"
    assert dates["2030-01-24"]["previousStartDate"] == "2030-01-23T15:00:00+03:00"
    assert all(sub["location"]["name"] == "Buluşma Evi" for sub in data["subEvent"])
    assert all(OFFSET_DATE.match(sub["endDate"]) for sub in data["subEvent"])


def test_power_stories_tour_lists_its_performances(client, index):
    page = make_power_stories_tour(index)
    data = event_ld(client, page.url)
    assert data["@type"] == "Event"
    assert [place["name"] for place in data["location"]] == ["İzmir Sahnesi", "Mersin Sahnesi"]
    assert [sub["startDate"] for sub in data["subEvent"]] == [
        "2030-03-01T19:00:00+03:00",
        "2030-03-15T19:00:00+03:00",
    ]


def test_json_ld_cannot_break_out_of_its_script(client, index):
    title = 'Kapanış </script><script>alert("x")</script> & <!-- yorum'
    meeting = make_event(index, title=title, slug="kapanis")
    html = client.get(meeting.url).content.decode()
    assert "</script><script>alert" not in html
    assert event_ld(client, meeting.url)["name"] == title


def test_event_pages_carry_no_inline_executable_script(client, index):
    for page in [make_event(index, venue=venue()), series(index)]:
        head = read(client, page.url)
        for script in head.scripts:
            assert script.get("src") or script.get("type") == "application/ld+json", script


# --- Open Graph, Twitter cards, canonical links -------------------------------------------


@pytest.mark.parametrize("language", ["tr", "en"])
def test_event_page_sharing_tags(client, index, image, language):
    meeting = make_event(index, venue=venue(), image=image, search_description="Van'da buluşma")
    if language == "en":
        meeting = translate(
            meeting,
            Locale.objects.get(language_code="en"),
            title="Meeting in Van",
            slug="van",
            search_description="Meeting in Van",
        )
    head = read(client, meeting.url)
    canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert canonical == [f"http://testserver{meeting.url}"]
    meta = head.meta
    assert meta["og:url"] == canonical[0]
    assert meta["og:title"] == meta["twitter:title"] == meeting.title
    assert meta["og:description"] == meeting.search_description
    assert meta["og:site_name"] == "STGM"
    assert meta["og:locale"] == {"tr": "tr_TR", "en": "en_GB"}[language]
    assert meta["og:image"].startswith("http://testserver/") and meta["og:image"].endswith(".png")
    assert int(meta["og:image:width"]) > 0 and int(meta["og:image:height"]) > 0
    # Images are not translated: an English page describes its image by its own title.
    alt = {"tr": "Stantlar arasında yürüyen ziyaretçiler", "en": "Meeting in Van"}[language]
    assert meta["og:image:alt"] == meta["twitter:image:alt"] == alt
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]


def test_every_page_has_sharing_tags_and_a_canonical_link(client, index):
    for url in ["/tr/", "/en/", "/tr/etkinlikler/", "/en/events/"]:
        head = read(client, url)
        assert head.meta["og:url"] == f"http://testserver{url}", url
        assert head.meta["twitter:card"] == "summary"
        assert "og:image" not in head.meta
        assert [link["href"] for link in head.links if link.get("rel") == "canonical"] == [
            f"http://testserver{url}"
        ]
    # A view that is not a page (search) gets its canonical link from the sharing tags.
    head = read(client, "/tr/search/?q=festival")
    canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert canonical == ["http://testserver/tr/search/"] == [head.meta["og:url"]]


# --- "add to calendar" links -------------------------------------------------------------


def links_of(client, url: str) -> dict[str, str]:
    html = client.get(url).content.decode()
    section = html[html.index('class="add-to-calendar"') :]
    section = section[: section.index("</section>")]
    return {
        text: href.replace("&amp;", "&")
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', section)
    }


def test_meeting_page_has_google_outlook_and_ics_links(client, index):
    meeting = make_event(index, venue=venue())
    links = links_of(client, meeting.url)
    google = parse_qs(urlsplit(links["Google Takvim'e ekle"]).query)
    assert urlsplit(links["Google Takvim'e ekle"]).netloc == "calendar.google.com"
    assert google["action"] == ["TEMPLATE"] and google["text"] == [meeting.title]
    assert google["dates"] == ["20300312T070000Z/20300312T130000Z"]  # 10:00-16:00 in Istanbul
    assert google["ctz"] == ["Europe/Istanbul"]
    assert google["location"] == ["ATO Kongresium, Söğütözü Cd. 1, Çankaya, Ankara"]
    assert f"http://testserver{meeting.url}" in google["details"][0]
    outlook = parse_qs(urlsplit(links["Outlook'a ekle"]).query)
    assert urlsplit(links["Outlook'a ekle"]).netloc == "outlook.live.com"
    assert outlook["startdt"] == ["2030-03-12T10:00:00+03:00"]
    assert outlook["enddt"] == ["2030-03-12T16:00:00+03:00"]
    assert outlook["subject"] == [meeting.title] and outlook["allday"] == ["false"]
    ics = [href for text, href in links.items() if ".ics" in text]
    assert ics == [f"/tr/calendar/event/{meeting.pk}.ics"]
    assert client.get(ics[0]).status_code == 200


def test_series_links_add_the_next_date_that_takes_place(client, index):
    english = Locale.objects.get(language_code="en")
    page = translate(series(index), english, title="Tea Time", slug="tea")
    links = links_of(client, page.url)
    google = parse_qs(urlsplit(links["Add to Google Calendar"]).query)
    # 2 January is cancelled: the next date is 9 January, 15:00 in Istanbul.
    assert google["dates"] == ["20300109T120000Z/20300109T140000Z"]
    outlook = parse_qs(urlsplit(links["Add to Outlook"]).query)
    assert outlook["startdt"] == ["2030-01-09T15:00:00+03:00"]
    assert [href for text, href in links.items() if ".ics" in text] == [
        f"/en/calendar/event/{page.pk}.ics"
    ]


def test_cancelled_events_offer_only_the_file_and_past_ones_nothing(client, index):
    past = make_event(index, title="Geçmiş", start=aware(2001, 1, 1), end=aware(2001, 1, 1, 12))
    cancelled = make_event(index, title="İptal", status=EventStatus.CANCELLED)
    links = links_of(client, cancelled.url)
    assert list(links.values()) == [f"/tr/calendar/event/{cancelled.pk}.ics"]
    assert 'class="add-to-calendar"' not in client.get(past.url).content.decode()
