"""Every public page type in a bounded number of SQL queries (the "speed at scale" issue).

Each test builds a page with a few related things, counts the queries of a warm request,
adds many more of those things and counts again: the count must stay the same, and within
the page type's budget in BUDGETS (never above the issue's 15). One of a page's queries is
its routing (its own row: core/routing.py caches the site, the home page and each slug's
page, which Wagtail asked for in seven queries two levels down); the rest are what the
page shows. The counts are the same on SQLite and PostgreSQL.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from demo.builders import (
    application_fields,
    aware,
    locales,
    make_event,
    make_events_index,
    make_festival,
    make_standard_page,
    make_venue,
    publish,
    translate,
)
from demo.tools import make_image
from events.choices import AllocationMode, SessionKind
from events.models import (
    AccessibilityFeature,
    EventSeriesPage,
    FestivalSession,
    Performance,
    PowerStoriesEventPage,
)
from home.models import SiteSettings
from stories.models import Narrator, StoryIndexPage, StoryPage, StoryPhoto, Theme
from stories.models import Testimonial as TestimonialSnippet

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15
# Each page type's count today plus one, and its count before the issue was worked on.
BUDGETS = {
    "festival": 14,  # 21 before; one more since testimonials credit a role (with the sample notice)
    "festival_translated": 15,  # 23 before
    "series": 11,  # 15 before
    "power_stories": 15,  # 19 before; as the festival, one more with the testimonials
    "meeting": 11,  # 15 before; one more: does the meeting take registrations
    "story": 14,  # 21 before
    "archive": 12,  # 16 before
    "stand_form": 10,  # 22 before
    "stand_form_translated": 12,  # 26 before
    "home": 11,  # two per programme page type (standard page, ROTA, Information Center)
    "listing": 8,  # 11 before
    "calendar": 8,  # 10 before; one more since a light query counts the grid, see below
}
assert max(BUDGETS.values()) <= QUERY_BUDGET


class Counted:
    """The queries of one warm request, with their SQL shown when an assertion fails."""

    def __init__(self, context: CaptureQueriesContext) -> None:
        self.count = len(context)
        self.sql = [query["sql"] for query in context.captured_queries]

    def __eq__(self, other: object) -> bool:
        return self.count == (other.count if isinstance(other, Counted) else other)

    def __le__(self, other: int) -> bool:
        return self.count <= other

    def __repr__(self) -> str:
        listing = "\n".join(f"  {n}. {sql[:700]}" for n, sql in enumerate(self.sql, 1))
        return f"{self.count} queries:\n{listing}"


def count_queries(client, url: str, data: dict | None = None, **extra) -> Counted:
    """Queries of a GET (or, with data, a POST) once the caches are warm, as in production."""
    for _ in range(2):  # the first request creates the site settings row, which resets them
        client.get(url)
    with CaptureQueriesContext(connection) as context:
        if data is None:
            assert client.get(url).status_code == 200
        else:
            assert client.post(url, data, **extra).status_code == 303
    return Counted(context)


# --- Content ------------------------------------------------------------------------------


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


@pytest.fixture
def themes() -> list[Theme]:
    turkish = locales()[0]
    return [
        Theme.objects.create(name=name, locale=turkish) for name in ("Göç", "Çevre", "Dayanışma")
    ]


def make_narrator(number: int) -> Narrator:
    return Narrator.objects.create(
        name=f"Anlatıcı {number}",
        organisation=f"Dernek {number}",
        city="Konak",
        province="35",
        locale=locales()[0],
    )


def make_story(index, number: int, themes=(), event=None, photos: int = 0, **kwargs):
    turkish = locales()[0]
    story = StoryPage(
        title=f"Hikâye {number}",
        slug=f"hikaye-{number}",
        province="35",
        pull_quote=f"Alıntı {number}",
        transcript=f"<p>Metin {number}</p>",
        date_told=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
        narrator=make_narrator(number),
        image=make_image(f"Hikâye {number}", "#0b5563", size=(320, 200)),
        event=event,
        **kwargs,
    )
    story.themes = list(themes)
    story.photos = [
        StoryPhoto(
            locale=turkish,
            image=make_image(f"Foto {number}-{n}", "#7a2e8e", size=(320, 200)),
            alt_text=f"Foto {n}",
            caption=f"Alt yazı {n}",
        )
        for n in range(photos)
    ]
    index.add_child(instance=story)
    return publish(story)


def add_photos(story: StoryPage, numbers: range) -> None:
    turkish = locales()[0]
    for n in numbers:
        StoryPhoto.objects.create(
            page=story,
            locale=turkish,
            image=make_image(f"Foto {story.pk}-{n}", "#7a2e8e", size=(320, 200)),
            alt_text=f"Foto {n}",
        )


def make_session(festival, number: int) -> FestivalSession:
    kinds = list(SessionKind.values)
    return FestivalSession.objects.create(
        page=festival,
        locale=festival.locale,
        kind=kinds[number % len(kinds)],
        title=f"Oturum {number}",
        start=aware(2030, 10, 5 + number % 2, 10 + number % 8),
        end=aware(2030, 10, 5 + number % 2, 11 + number % 8),
        space=f"Salon {number}",
        speakers="Konuşmacı",
    )


def make_testimonial(page, number: int) -> TestimonialSnippet:
    return TestimonialSnippet.objects.create(
        quote=f"Çok işe yaradı {number}.",
        attribution=f"Bir katılımcı {number}",
        page=page,
        show_on_home_page=True,
        locale=page.locale,
    )


def make_performance(page, number: int) -> Performance:
    return Performance.objects.create(
        page=page,
        locale=page.locale,
        start=aware(2030, 3, 1 + number, 19),
        end=aware(2030, 3, 1 + number, 21),
        venue=make_venue(name=f"Sahne {number}", province="35"),
        note=f"Not {number}",
    )


def republish(page):
    """Publish again so the stored occurrences follow the page's related rows."""
    page.refresh_from_db()
    return publish(page)


# --- Event pages --------------------------------------------------------------------------


def test_festival_with_programme_stands_and_testimonials(client, events_index):
    make_festival(events_index, title="Sivil Sesler Festivali 2029", edition_year=2029)
    festival = make_festival(
        events_index,
        types=[("Standart", 8), ("Köşe", 2)],
        venue=make_venue(),
        image=make_image("Festival", "#0b5563", size=(320, 200)),
        accessibility=[AccessibilityFeature.objects.get(code="wheelchair")],
    )
    for number in range(2):
        make_session(festival, number)
        make_testimonial(festival, number)
    few = count_queries(client, festival.url)
    make_festival(events_index, title="Sivil Sesler Festivali 2028", edition_year=2028)
    for number in range(2, 20):
        make_session(festival, number)
        make_testimonial(festival, number)
    many = count_queries(client, festival.url)
    assert many == few, many
    assert many <= BUDGETS["festival"], many
    assert count_queries(client, festival.url + "?kind=workshop") <= BUDGETS["festival"]
    # A translation reads the call from the original page: the costliest festival page.
    english = translate(festival, locales()[1], title="Civil Voices Festival 2030", slug="cv")
    assert count_queries(client, english.url) <= BUDGETS["festival_translated"]


def weekly_series(index, changes: int) -> EventSeriesPage:
    import recurrence

    from events.choices import EventStatus
    from events.models import OccurrenceChange

    rule = recurrence.Rule(recurrence.WEEKLY, until=datetime.datetime(2031, 1, 1))
    return make_event(
        index,
        EventSeriesPage,
        title="Çay Saati Buluşmaları – Eskişehir",
        start=aware(2030, 1, 2, 15),
        end=aware(2030, 1, 2, 17),
        recurrences=recurrence.Recurrence(rrules=[rule]),
        venue=make_venue(name="Buluşma Evi", province="26"),
        date_changes=[
            OccurrenceChange(
                locale=locales()[0],
                date=datetime.date(2030, 1, 2) + datetime.timedelta(weeks=week),
                status=EventStatus.CANCELLED,
                reason="Salon bakımda",
            )
            for week in range(1, changes + 1)
        ],
    )


def test_recurring_series(client, events_index):
    few = count_queries(client, weekly_series(events_index, changes=1).url)
    series = weekly_series(events_index, changes=20)
    many = count_queries(client, series.url)
    assert many == few, many
    assert many <= BUDGETS["series"], many


def test_power_stories_event_with_performances_stories_and_testimonials(
    client, events_index, stories_index, themes
):
    event = make_event(
        events_index,
        PowerStoriesEventPage,
        title="Güç Hikâyeleri – İzmir",
        image=make_image("Güç Hikâyeleri", "#0b5563", size=(320, 200)),
    )

    def add(numbers: range) -> None:
        for number in numbers:
            make_performance(event, number)
            make_story(stories_index, number, themes=themes[:2], event=event)
            make_testimonial(event, number)

    add(range(1, 3))
    republish(event)
    few = count_queries(client, event.url)
    add(range(3, 12))
    republish(event)
    many = count_queries(client, event.url)
    assert many == few, many
    assert many <= BUDGETS["power_stories"], many
    html = client.get(event.url).content.decode()
    assert "Hikâye 11" in html and "Sahne 11" in html and "Bir katılımcı 11" in html


def test_meeting(client, events_index):
    meeting = make_event(
        events_index,
        venue=make_venue(),
        image=make_image("Buluşma", "#0b5563", size=(320, 200)),
        accessibility=list(AccessibilityFeature.objects.all()[:3]),
    )
    assert count_queries(client, meeting.url) <= BUDGETS["meeting"]


# --- Stories ------------------------------------------------------------------------------


def test_story_with_narrator_themes_gallery_and_related_stories(client, stories_index, themes):
    story = make_story(stories_index, 1, themes=themes, photos=2)
    make_story(stories_index, 2, themes=themes[:1])
    few = count_queries(client, story.url)
    add_photos(story, range(2, 12))
    for number in range(3, 10):
        make_story(stories_index, number, themes=themes[1:], photos=1)
    many = count_queries(client, story.url)
    assert many == few, many
    assert many <= BUDGETS["story"], many
    html = client.get(story.url).content.decode()
    assert html.count('class="story-gallery"') == 1 and html.count("Foto 11") == 1


@pytest.mark.parametrize("query", ["", "?theme=goc", "?province=35&year=2024"])
def test_stories_archive(client, stories_index, themes, query):
    for number in range(1, 3):
        make_story(stories_index, number, themes=themes[:2])
    few = count_queries(client, stories_index.url + query)
    for number in range(3, 30):
        make_story(stories_index, number, themes=themes)
    many = count_queries(client, stories_index.url + query)
    assert many == few, many
    assert many <= BUDGETS["archive"], many


# --- The stand application form -----------------------------------------------------------


@pytest.fixture
def privacy_page(home):
    privacy = make_standard_page(home, title="Aydınlatma Metni", slug="aydinlatma-metni")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    return privacy


def test_stand_application_form(client, events_index, privacy_page):
    festival = make_festival(events_index, types=[("Standart", 8), ("Köşe", 2)])
    make_session(festival, 1)
    apply_url = festival.url + festival.reverse_subpage("apply")
    few = count_queries(client, apply_url)
    for number in range(2, 12):
        make_session(festival, number)
    many = count_queries(client, apply_url)
    assert many == few, many
    assert many <= BUDGETS["stand_form"], many
    english = translate(festival, locales()[1], title="Civil Voices Festival 2030", slug="cv")
    english_url = english.url + english.reverse_subpage("apply")
    assert count_queries(client, english_url) <= BUDGETS["stand_form_translated"]


def test_stand_application_post_does_not_grow_with_the_applications(
    client, events_index, privacy_page, django_capture_on_commit_callbacks
):
    festival = make_festival(
        events_index, mode=AllocationMode.FIRST_COME, stands=40, types=[("Standart", 40)]
    )
    apply_url = festival.url + festival.reverse_subpage("apply")
    stand_type = festival.stand_types.get().pk

    def post(number: int) -> Counted:
        data = {**application_fields(number), "consent": "on", "stand_type": stand_type}
        client.cookies.clear()  # no session: a new visitor each time
        with django_capture_on_commit_callbacks(execute=True):
            return count_queries(client, apply_url, data, REMOTE_ADDR=f"10.0.0.{number}")

    post(1)
    few = post(2)
    for number in range(3, 20):
        post(number)
    many = post(20)
    assert many == few, many
    # A POST is never cached; ten of these are the reference index, which the immediate
    # task backend of the tests updates inside the request (a worker does in production).
    assert many <= 36, many  # 54 before


# --- Home, listing, calendar --------------------------------------------------------------


def test_home(client, home, events_index, stories_index, themes):
    def add(numbers: range) -> None:
        for number in numbers:
            make_event(events_index, title=f"Etkinlik {number}", venue=make_venue())
            make_standard_page(
                home,
                title=f"Program {number}",
                slug=f"program-{number}",
                is_programme=True,
                image=make_image(f"Program {number}", "#0b5563", size=(320, 200)),
            )
            make_story(stories_index, number, themes=themes)
            make_testimonial(home, number)

    add(range(1, 3))
    few = count_queries(client, "/tr/")
    add(range(3, 10))
    many = count_queries(client, "/tr/")
    assert many == few, many
    assert many <= BUDGETS["home"], many


@pytest.mark.parametrize(
    ("url", "budget"),
    [("/tr/etkinlikler/", "listing"), ("/tr/etkinlikler/calendar/2030/3/", "calendar")],
)
def test_events_listing_and_calendar(client, events_index, url, budget):
    def add(numbers: range) -> None:
        for number in numbers:
            make_event(
                events_index,
                title=f"Etkinlik {number}",
                start=aware(2030, 3, number, 10),
                end=aware(2030, 3, number, 12),
                venue=make_venue(name=f"Salon {number}"),
                image=make_image(f"Etkinlik {number}", "#0b5563", size=(320, 200)),
            )

    add(range(1, 3))
    few = count_queries(client, url)
    add(range(3, 25))
    many = count_queries(client, url)
    assert many == few, many
    assert many <= BUDGETS[budget], many


def test_calendar_with_a_crowded_day(client, events_index):
    """A day's cell shows a few dates and counts the others from a light query of the whole
    grid, so many dates on one day cost no extra query (nor loading them all)."""

    def add(hours: range) -> None:
        for hour in hours:
            make_event(
                events_index,
                title=f"Etkinlik {hour}",
                start=aware(2030, 3, 12, hour),
                end=aware(2030, 3, 12, hour, 30),
                venue=make_venue(name=f"Salon {hour}"),
            )

    url = "/tr/etkinlikler/calendar/2030/3/"
    add(range(8, 10))
    few = count_queries(client, url)
    add(range(10, 22))
    many = count_queries(client, url)
    assert many == few, many
    assert many <= BUDGETS["calendar"], many


# --- What the shortcuts must not change ---------------------------------------------------


def test_a_page_made_private_after_being_viewed_is_private_at_once(client, events_index):
    """Pages skip Wagtail's view-restriction queries while no page is private; the first
    restriction must end that at once, for the page and for the pages under it."""
    from wagtail.models import PageViewRestriction

    meeting = make_event(events_index)
    assert client.get(meeting.url).status_code == 200
    PageViewRestriction.objects.create(
        page=events_index, restriction_type=PageViewRestriction.PASSWORD, password="gizli"
    )
    for url in (events_index.url, meeting.url):
        response = client.get(url)
        assert response.status_code == 200
        assert 'name="password"' in response.content.decode()
        assert meeting.title not in response.content.decode()


def test_breadcrumbs_and_language_links_follow_a_publish(client, events_index):
    meeting = make_event(events_index)
    html = client.get(meeting.url).content.decode()
    assert ">Etkinlikler</a>" in html and '<link rel="alternate" hreflang="en"' not in html
    events_index.title = "Tüm etkinlikler"
    publish(events_index)
    translate(meeting, locales()[1], title="Meeting in Van", slug="van")
    html = client.get(meeting.url).content.decode()
    assert ">Tüm etkinlikler</a>" in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/events/van/">' in html
