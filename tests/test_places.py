"""The map of the provinces, the province pages, their calendars and the impact page."""

import datetime

import pytest
import recurrence
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.models import Locale

from applications.services.submission import submit
from applications.stands.models import StandApplication
from core.versions import local_copies
from demo.builders import (
    application_fields,
    aware,
    locales,
    make_event,
    make_events_index,
    make_festival,
    make_impact_page,
    make_map_page,
    make_venue,
    publish,
    translate,
)
from events.choices import AllocationMode, EventStatus
from events.models import EventSeriesPage
from places.figures import IMPACT_SERIES_HOOK, compute_counts, counts
from places.maps import code_for_slug, level, locator_svg, province_slug, shapes
from places.models import MapPage
from stories.models import StoryIndexPage, StoryPage
from tests.test_query_counts import QUERY_BUDGET, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_index(home):
    index = make_events_index(home)
    translate(index, locales()[1], title="Events", slug="events")
    return index


@pytest.fixture
def stories_index(home):
    index = StoryIndexPage(title="Hikâyeler", slug="hikayeler")
    home.add_child(instance=index)
    return publish(index)


def make_story(index, number: int, province: str = "65", year: int = 2024) -> StoryPage:
    story = StoryPage(
        title=f"Hikâye {number}",
        slug=f"hikaye-{number}",
        province=province,
        pull_quote="Alıntı",
        transcript="<p>Metin</p>",
        date_told=datetime.date(year, 3, 1) + datetime.timedelta(days=number % 200),
    )
    index.add_child(instance=story)
    return publish(story)


def make_meeting(index, number: int, province: str = "65", year: int = 2030, **kwargs):
    venue = make_venue(name=f"Salon {number}", province=province)
    start = aware(year, 3, 1 + number % 27, 10)
    return make_event(
        index,
        title=f"Buluşma {number}",
        slug=f"bulusma-{number}",
        venue=venue,
        start=start,
        end=start.replace(hour=16),
        **kwargs,
    )


@pytest.fixture
def van(events_index, stories_index):
    """Van: two meetings (one of them in English too) and three stories; İzmir: a story."""
    first = make_meeting(events_index, 1)
    translate(first, locales()[1], title="Meeting 1", slug="meeting-1")
    make_meeting(events_index, 2, year=2031)
    for number in range(3):
        make_story(stories_index, number)
    make_story(stories_index, 9, province="35", year=2023)


# --- Counts -------------------------------------------------------------------------------


def test_counts_per_province_kind_and_year(van):
    everything = compute_counts()
    # The translated meeting counts once.
    assert everything.by_province()["65"] == {"meeting": 2, "story": 3}
    assert everything.by_province()["35"] == {"story": 1}
    assert everything.filtered(kind="meeting", year=2031).by_province() == {"65": {"meeting": 1}}
    assert everything.by_year()[2023] == {"story": 1}
    assert everything.years() == [2023, 2024, 2030, 2031]


def test_cancelled_events_and_events_without_province_are_not_counted(events_index):
    make_meeting(events_index, 1, status=EventStatus.CANCELLED)
    make_event(events_index, title="Çevrim içi", slug="online")  # no venue: no province
    assert compute_counts().rows == ()


def test_a_series_counts_once_per_year(events_index):
    venue = make_venue(name="Çay Evi", province="26")
    make_event(
        events_index,
        EventSeriesPage,
        title="Çay Saati",
        slug="cay-saati",
        venue=venue,
        start=aware(2030, 1, 7, 18),
        end=aware(2030, 1, 7, 20),
        recurrences=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.WEEKLY, until=datetime.datetime(2031, 3, 1))]
        ),
    )
    by_year = compute_counts().filtered(kind="series").by_year()
    assert by_year == {2030: {"series": 1}, 2031: {"series": 1}}


def test_approved_stands_count_by_the_organisations_province(events_index):
    festival = make_festival(events_index, mode=AllocationMode.FIRST_COME, stands=1)
    submit(StandApplication, festival, application_fields(1, province="65"), "tr", notify=False)
    # No stand left: waitlisted, not counted.
    submit(StandApplication, festival, application_fields(2, province="06"), "tr", notify=False)
    stands = compute_counts().filtered(kind="stand").by_province()
    assert stands == {"65": {"stand": 1}}


def test_another_app_adds_a_series_through_the_hook(db):
    # Plain data: an app below places cannot import its Series class.
    series = {
        "kind": "example",
        "label": "Examples",
        "rows": lambda: [("06", 2025, 4), ("99", 2025, 1)],
        "counted": "%d",
    }
    with hooks.register_temporarily(IMPACT_SERIES_HOOK, lambda: [series]):
        # An unknown province code is dropped.
        assert compute_counts().filtered(kind="example").rows == (("example", "06", 2025, 4),)


def test_trainings_registrations_and_requests_are_counted(events_index, home):
    import datetime

    from django.utils import timezone

    from coaching.models import Programme
    from coaching.services import submit_request
    from demo.builders import make_event
    from demo.coaching_builders import make_request_page, request_fields
    from registrations.models import RegistrationSetup
    from registrations.services import register
    from stok.models import StokTrainingPage

    start = (timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0)
    training = make_event(
        events_index,
        StokTrainingPage,
        title="STOK Eğitimi – Van",
        start=start,
        end=start + datetime.timedelta(hours=6),
        venue=make_venue(province="65"),
    )
    RegistrationSetup.objects.create(event=training, locale=training.locale, capacity=5)
    fields = {
        "contact_name": "Örnek Kişi",
        "organisation": "Örnek Derneği",
        "email": "kisi@ornek.org.tr",
        "phone": "",
        "province": "13",
        "accessibility_needs": "",
        "answers": [],
    }
    register(training, timezone.localdate(start), fields, "tr")
    submit_request(make_request_page(home, Programme.COACHING), request_fields(), "tr")
    by_kind = compute_counts().by_year()[start.year]
    assert by_kind["training"] == 1 and by_kind["registration"] == 1
    assert sum(by_kind.get("request", 0) for by_kind in compute_counts().by_year().values()) == 1
    assert compute_counts().filtered(kind="registration").by_province() == {
        "13": {"registration": 1}
    }


def test_counts_are_cached_until_content_changes(van, stories_index):
    counts()
    with CaptureQueriesContext(connection) as context:
        counts()
    assert len(context) == 0
    make_story(stories_index, 20)
    assert counts().by_province()["65"]["story"] == 4


# --- The map's data -------------------------------------------------------------------------


def test_the_map_has_every_province_and_stays_light():
    data = shapes()
    assert len(data["provinces"]) == 81
    assert all(shape["d"].startswith("M") for shape in data["provinces"].values())
    assert "MIT" in data["licence"]
    assert (
        sum(len(s["d"]) for s in data["provinces"].values()) < 60_000
    )  # the whole page stays far below 150 KB


def test_province_slugs_are_ascii_and_unique():
    assert province_slug("63") == "sanliurfa"
    assert province_slug("34") == "istanbul"
    assert len(code_for_slug()) == 81


def test_levels():
    assert [level(n) for n in (0, 1, 2, 3, 4, 7, 8, 100)] == [0, 1, 2, 2, 3, 3, 4, 4]


# --- Pages ----------------------------------------------------------------------------------


def test_map_page_in_both_languages_with_link_names(client, home, van):
    make_map_page(home)
    turkish = client.get("/tr/harita/")
    assert turkish.status_code == 200
    html = turkish.content.decode()
    assert 'href="/tr/harita/van/" aria-label="Van: 2 toplantı, 3 hikâye"' in html
    assert 'aria-label="Ağrı: henüz bir şey yok"' in html
    english = client.get("/en/map/").content.decode()
    assert 'href="/en/map/van/" aria-label="Van: 2 meetings, 3 stories"' in english
    # The table alternative: only the provinces with something to show.
    assert '<th scope="row"><a href="/en/map/izmir/">İzmir</a></th>' in english
    assert '<th scope="row"><a href="/en/map/agri/">' not in english


def test_map_filters_by_kind_and_year(client, home, van):
    make_map_page(home)
    html = client.get("/en/map/", {"kind": "meeting", "year": "2031"}).content.decode()
    assert 'aria-label="Van: 1 meeting"' in html
    assert 'aria-label="İzmir: nothing yet"' in html


def test_map_reports_a_bad_filter_and_shows_everything(client, home, van):
    make_map_page(home)
    response = client.get("/en/map/", {"kind": "nonsense", "year": "1800"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a kind from the list." in html
    assert "Choose a year from the list." in html
    assert 'aria-label="Van: 2 meetings, 3 stories"' in html


def test_province_page(client, home, van):
    make_map_page(home)
    response = client.get("/en/map/van/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Van</h1>" in html
    assert "Meeting 1" in html  # past or upcoming, in the page's language
    assert "/en/calendar/events.ics?province=65&amp;type=meeting" in html
    assert "/en/calendar/events.ics?province=65" in html
    turkish = client.get("/tr/harita/van/").content.decode()
    assert "Buluşma 1" in turkish
    assert "Hikâye 0" in turkish  # the stories of the page's language
    assert client.get("/en/map/atlantis/").status_code == 404


def test_province_feed_holds_only_that_province(client, events_index):
    make_meeting(events_index, 1, year=datetime.date.today().year + 1)
    make_meeting(events_index, 2, province="06", year=datetime.date.today().year + 1)
    ics = client.get("/tr/calendar/events.ics", {"province": "65"}).content.decode()
    assert "Buluşma 1" in ics
    assert "Buluşma 2" not in ics
    ics = client.get("/tr/calendar/events.ics", {"province": "65", "type": "festival"})
    assert "Buluşma 1" not in ics.content.decode()


def test_locator_map_on_event_and_story_pages(client, home, van):
    make_map_page(home)
    event = client.get("/tr/etkinlikler/bulusma-1/").content.decode()
    assert 'aria-label="Van Türkiye haritasında"' in event
    assert 'href="/tr/harita/van/"' in event
    story = client.get("/tr/hikayeler/hikaye-0/").content.decode()
    assert 'class="is-here"' in story


def test_impact_page_in_both_languages(client, home, van):
    make_impact_page(home)
    turkish = client.get("/tr/etki/").content.decode()
    assert "Program raporu" in turkish
    assert '<svg class="chart__svg"' in turkish
    english = client.get("/en/impact/").content.decode()
    assert '<title id="by-year-title">What happened each year</title>' in english
    assert '<th scope="row">2024</th>' in english


# --- Cached parts of the pages ------------------------------------------------------------


def pages_of(client) -> dict[str, str]:
    return {
        url: client.get(url).content.decode()
        for url in ("/tr/harita/van/", "/tr/harita/", "/tr/harita/?kind=story", "/tr/etki/")
    }


def test_cached_stories_map_and_charts_follow_publish_unpublish_move_and_delete(
    client, home, van, stories_index
):
    """The province's story cards, the map's body and the impact charts are kept per
    generation: each change of a story shows at once on all of them."""
    make_map_page(home)
    make_impact_page(home)
    before = pages_of(client)
    assert "Hikâye 21" not in before["/tr/harita/van/"]
    assert 'aria-label="Van: 2 toplantı, 3 hikâye"' in before["/tr/harita/"]
    assert 'aria-label="Van: 3 hikâye"' in before["/tr/harita/?kind=story"]
    assert '<th scope="row">2019</th>' not in before["/tr/etki/"]

    story = make_story(stories_index, 21, year=2019)  # published, in Van
    shown = pages_of(client)
    assert "Hikâye 21" in shown["/tr/harita/van/"]
    assert 'aria-label="Van: 2 toplantı, 4 hikâye"' in shown["/tr/harita/"]
    assert 'aria-label="Van: 4 hikâye"' in shown["/tr/harita/?kind=story"]
    assert '<th scope="row">2019</th>' in shown["/tr/etki/"]

    story.unpublish()
    assert pages_of(client) == before

    publish(story)
    assert pages_of(client) == shown
    other = StoryIndexPage(title="Başka hikâyeler", slug="baska")
    home.add_child(instance=other)
    publish(other)
    story.move(other, pos="last-child")  # moved: still Van's, at its new address
    moved = client.get("/tr/harita/van/").content.decode()
    assert "/tr/baska/hikaye-21/" in moved
    assert "/tr/hikayeler/hikaye-21/" not in moved

    StoryPage.objects.get(pk=story.pk).delete()
    assert pages_of(client) == before


def test_a_province_page_reads_its_stories_once_per_generation(client, home, van):
    make_map_page(home)
    # The first request creates the site's settings (a content change): warm up twice.
    client.get("/tr/harita/van/")
    client.get("/tr/harita/van/")
    with CaptureQueriesContext(connection) as context:
        html = client.get("/tr/harita/van/").content.decode()
    assert "Hikâye 0" in html
    assert not [q for q in context.captured_queries if "stories_storypage" in q["sql"]]


def test_cached_parts_translated_per_language(client, home, van):
    make_map_page(home)
    make_impact_page(home)
    assert 'aria-label="Van: 2 toplantı, 3 hikâye"' in client.get("/tr/harita/").content.decode()
    english = client.get("/en/map/").content.decode()
    assert 'aria-label="Van: 2 meetings, 3 stories"' in english
    assert "What happened each year" in client.get("/en/impact/").content.decode()
    assert "Her yıl neler oldu" in client.get("/tr/etki/").content.decode()


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_pages_are_the_same_when_the_shared_cache_keeps_nothing(client, home, van):
    """Redis away (a cache that keeps nothing): every part is computed, the same."""
    make_map_page(home)
    make_impact_page(home)
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    ):
        local_copies.clear()
        cached = pages_of(client)
    local_copies.clear()
    assert pages_of(client) == cached
    assert "Hikâye 0" in cached["/tr/harita/van/"]


def test_a_province_locator_and_the_map_draw_every_outline_once():
    marked = locator_svg("65", "Van")
    assert marked.count("<path ") == 81
    assert marked.count('class="is-here"') == 1
    assert locator_svg("06", "Ankara").count('class="is-here"') == 1
    assert 'aria-label="Van"' in marked


# --- Query counts -------------------------------------------------------------------------

# Each page's count today plus one, as in tests/test_query_counts.py: the figures are cached,
# so the map and the impact page cost Wagtail's routing alone; the province page reads its
# upcoming dates, its past dates and its stories.
BUDGETS = {"map": 7, "province": 10, "impact": 7}


def grow(events_index, stories_index, start: int, stop: int) -> None:
    for number in range(start, stop):
        make_meeting(events_index, number, province=("65", "06", "35")[number % 3])
        make_story(stories_index, number, province=("65", "06")[number % 2])


@pytest.mark.parametrize(
    ("budget", "url"),
    [("map", "/en/map/"), ("province", "/en/map/van/"), ("impact", "/en/impact/")],
)
def test_pages_cost_the_same_queries_with_ten_times_the_content(
    client, home, events_index, stories_index, budget, url
):
    make_map_page(home)
    make_impact_page(home)
    grow(events_index, stories_index, 0, 3)
    few = count_queries(client, url)
    grow(events_index, stories_index, 3, 30)
    many = count_queries(client, url)
    assert many == few, many
    assert many <= BUDGETS[budget] <= QUERY_BUDGET, many


def test_a_changed_event_purges_the_map_its_province_and_the_province_calendars(home, events_index):
    from wagtail.models import Site

    from places.wagtail_hooks import place_urls_to_purge

    make_map_page(home)
    make_impact_page(home)
    meeting = make_meeting(events_index, 1)
    site = Site.objects.get(is_default_site=True)
    urls = set(place_urls_to_purge(site, "https://stgm.test", [meeting]))
    assert {
        "https://stgm.test/tr/harita/",
        "https://stgm.test/tr/harita/van/",
        "https://stgm.test/en/map/van/",
        "https://stgm.test/en/impact/",
        "https://stgm.test/tr/calendar/events.ics?province=65",
        "https://stgm.test/en/calendar/events.ics?province=65&type=meeting",
    } <= urls
    # A page with no province changes nothing on the map.
    assert place_urls_to_purge(site, "https://stgm.test", [home]) == []


def test_province_pages_with_something_are_in_the_sitemap_with_alternates(client, home, van):
    assert "sitemap-provinces.xml" not in client.get("/sitemap.xml").content.decode()
    make_map_page(home)
    assert "/sitemap-provinces.xml" in client.get("/sitemap.xml").content.decode()
    xml = client.get("/sitemap-provinces.xml").content.decode()
    assert "<loc>http://testserver/tr/harita/van/</loc>" in xml
    assert "<loc>http://testserver/en/map/van/</loc>" in xml
    assert 'hreflang="en" href="http://testserver/en/map/van/"' in xml
    assert 'hreflang="x-default" href="http://testserver/tr/harita/van/"' in xml
    assert "/agri/" not in xml  # nothing happened there yet
    # The map page's addresses are kept per content generation: a rename or an unpublished
    # translation shows at once.
    map_page = MapPage.objects.get(locale__language_code="tr")
    map_page.slug = "iller"
    map_page.save_revision().publish()
    map_page.get_translation(Locale.objects.get(language_code="en")).unpublish()
    xml = client.get("/sitemap-provinces.xml").content.decode()
    assert "<loc>http://testserver/tr/iller/van/</loc>" in xml
    assert "/en/map/" not in xml and "/harita/" not in xml
