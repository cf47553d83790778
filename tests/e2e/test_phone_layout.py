"""On a phone nothing scrolls sideways: one page of every page type (and the routed views
editors and visitors reach), in both languages, at 320 and 390 px. The events filters fold
away on a phone and the month calendar shows all seven days there.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from wagtail.models import Page as WagtailPage
from wagtail.models import get_page_models

from coaching.models import Programme
from demo.builders import (
    aware,
    locales,
    make_event,
    make_festival,
    make_impact_page,
    make_map_page,
    make_power_stories_tour,
    make_venue,
    translate,
)
from demo.coaching_builders import make_request_page
from demo.knowledge_builders import make_entry, make_knowledge_base, topics_of
from demo.library_builders import (
    make_catalogue,
    make_group,
    make_library,
    make_modules,
    make_publication,
)
from demo.rota import make_bilingual_rota_page
from events.models import EventIndexPage, MeetingPage
from home.models import HomePage, StandardPage
from stok.models import StokTrainingPage
from stories.models import OpenCallPage
from tests.e2e.conftest import PHONE
from tests.e2e.content import EVENTS, FESTIVAL, STORIES, add_event, next_month_day

pytestmark = pytest.mark.e2e

SMALLEST = {"width": 320, "height": 640}
PAST_MEETING = {
    "tr": ("/tr/etkinlikler/guclu-sivil-toplum-bulusmasi-mersin/", "Güçlü Sivil Toplum – Mersin"),
    "en": ("/en/events/strong-civil-society-meeting-mersin/", "Strong Civil Society – Mersin"),
}


def add_every_page_type() -> None:
    """What tests/e2e/content.py lacks for a page of every type: a past festival edition (so
    both festivals show the "other editions" table), a past meeting with its report, a
    Power Stories tour, the Information Center with an entry, ROTA and the open call."""
    turkish, english = locales()
    home = HomePage.objects.get(depth=2, locale=turkish)
    events = EventIndexPage.objects.get(locale=turkish)
    make_festival(
        events,
        title="Sivil Sesler Festivali 2024",
        slug="sivil-sesler-festivali-2024",
        edition_year=2024,
        theme="Sivil toplumun dayanışması ve birlikte üretme kültürü",
        start=aware(2024, 9, 27, 10),
        end=aware(2024, 9, 29, 18),
        applications_open=None,
        applications_close=None,
        stands=150,
        organisations=200,
        cities=60,
        participants=11000,
        english=True,
    )
    start = aware(2024, 5, 14, 10)
    add_event(
        events,
        PAST_MEETING,
        model=MeetingPage,
        start=start,
        end=start.replace(hour=17),
        participants=85,
        outcomes="Gönüllülük ve yerel kaynak geliştirme konuşuldu.",
    )
    tour = make_power_stories_tour(events)
    translate(tour, english, title="Power Stories", slug="power-stories")
    index = make_knowledge_base(home)
    make_entry(
        topics_of(index)[0],
        title="Dernek kuruluşu için neler gerekir?",
        english={"title": "What does founding an association take?"},
    )
    make_bilingual_rota_page(home)
    now = timezone.now()
    call = OpenCallPage(
        title="Güç Hikâyeleri Anlatıcı Çağrısı",
        slug="anlatici-cagrisi",
        intro="Hikâyenizi sahnede anlatın.",
        applications_open=now - datetime.timedelta(days=1),
        applications_close=now + datetime.timedelta(days=30),
    )
    home.add_child(instance=call)
    call.save_revision().publish()
    translate(call, english, title="Power Stories open call", slug="open-call")
    add_programme_tools(home, events)


def add_programme_tools(home: HomePage, events: EventIndexPage) -> None:
    """The map, the impact page, a coaching request page, the STOK catalogue and a training,
    the publications library and a publication."""
    make_map_page(home)
    make_impact_page(home)
    make_request_page(home, Programme.COACHING)
    programmes = StandardPage.objects.get(slug="programlar", locale__language_code="tr")
    make_modules()
    make_catalogue(programmes)
    library = make_library(programmes)
    make_publication(library, group=make_group(), english_title="Localisation report")
    start = aware(2024, 4, 2, 10)
    training = make_event(
        events,
        StokTrainingPage,
        title="STOK Eğitimi – Ankara",
        slug="stok-egitimi-ankara",
        start=start,
        end=start.replace(hour=17),
        venue=make_venue(name="STGM Eğitim Salonu", province="06"),
        trainers="Savunuculuk uzmanı",
        places=30,
    )
    translate(training, locales()[1], title="STOK training – Ankara", slug="stok-training-ankara")


def paths(language: str) -> list[str]:
    """One live page of every page type in `language`, then the routed views."""
    pages = WagtailPage.objects.live().filter(locale__language_code=language, depth__gt=1)
    first_of_type: dict[int, str] = {}
    for page in pages.order_by("path"):
        if url := page.get_url():
            first_of_type.setdefault(page.content_type_id, url)
    types = set(pages.values_list("content_type__model", flat=True))
    missing = {m._meta.model_name for m in get_page_models() if m is not WagtailPage} - types
    assert not missing, f"No {language} page of these types to check: {sorted(missing)}"
    events, festival, stories = EVENTS[language], FESTIVAL[language][0], STORIES[language]
    search = "/tr/search/?q=festival" if language == "tr" else "/en/search/?q=festival"
    return [
        *first_of_type.values(),
        f"{events}?when=past",
        f"{events}calendar/",
        f"{festival}apply/",
        f"{stories}?theme=goc",
        search,
    ]


def overflowing(page: Page, path: str) -> str | None:
    page.goto(path)
    width, viewport = page.evaluate(
        "[document.scrollingElement.scrollWidth, document.documentElement.clientWidth]"
    )
    return f"{path}: {width} px in {viewport} px" if width > viewport else None


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("viewport", [SMALLEST, PHONE], ids=["320px", "390px"])
def test_no_page_scrolls_sideways_on_a_phone(new_page, site_url, language, viewport):
    add_every_page_type()
    locale = "tr-TR" if language == "tr" else "en-GB"
    page = new_page(locale=locale, viewport=viewport)
    wide = [found for path in paths(language) if (found := overflowing(page, path))]
    assert not wide, "Pages wider than the screen:\n" + "\n".join(wide)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_events_filters_fold_away_on_a_phone_and_open_when_used(new_page, site_url, language):
    page = new_page(locale="tr-TR" if language == "tr" else "en-GB", viewport=PHONE)
    page.goto(EVENTS[language])
    filters = page.locator("details.event-filters")
    expect(filters).not_to_have_attribute("open", "")
    expect(filters.locator("select").first).to_be_hidden()
    # The first event is on the first screen, not under the form.
    first_card = page.locator(".event-list > li").first
    assert first_card.bounding_box()["y"] < PHONE["height"]
    filters.locator("summary").click()
    expect(filters.locator("select").first).to_be_visible()

    page.goto(EVENTS[language] + "?province=65")
    expect(page.locator("details.event-filters")).to_have_attribute("open", "")


@pytest.mark.parametrize("language", ["tr", "en"])
def test_events_filters_are_open_on_a_desktop(page, language):
    page.goto(EVENTS[language])
    expect(page.locator("details.event-filters select").first).to_be_visible()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_month_calendar_shows_weekend_days_on_a_phone(new_page, site_url, language):
    """A Saturday and a Sunday event next month are on screen, with their weekday in words;
    days without events are left out of the phone's list."""
    first = next_month_day(1).date()
    saturday = first + datetime.timedelta(days=(5 - first.weekday()) % 7)
    events = EventIndexPage.objects.get(locale__language_code="tr")
    titles = []
    for day, name in (
        (saturday, "Cumartesi Atölyesi"),
        (saturday + datetime.timedelta(days=1), "Pazar Atölyesi"),
    ):
        start = aware(day.year, day.month, day.day, 11)
        page = make_event(events, MeetingPage, title=name, start=start, end=start.replace(hour=13))
        english = translate(page, locales()[1], title=name.replace("Atölyesi", "workshop"))
        titles.append(name if language == "tr" else english.title)
    page = new_page(locale="tr-TR" if language == "tr" else "en-GB", viewport=PHONE)
    page.goto(EVENTS[language] + "calendar/")
    page.locator('.month-nav a[rel="next"]').click()
    calendar = page.locator(".calendar")
    weekdays = ("Cumartesi", "Pazar") if language == "tr" else ("Saturday", "Sunday")
    for title, weekday in zip(titles, weekdays, strict=True):
        link = calendar.get_by_role("link", name=title)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (title, box)
        day = calendar.locator("td").filter(has=page.get_by_role("link", name=title))
        expect(day.locator(".calendar__weekday")).to_be_visible()
        expect(day.locator(".calendar__weekday")).to_contain_text(weekday)
    empty_day = calendar.locator("td:not(.calendar__busy):not(.calendar__today)").first
    expect(empty_day).to_be_hidden()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("language", ["tr", "en"])
def test_month_calendar_is_a_seven_column_grid_on_a_desktop(page, language):
    page.goto(EVENTS[language] + "calendar/")
    expect(page.locator(".calendar thead th")).to_have_count(7)
    expect(page.locator(".calendar thead th").last).to_be_visible()
    expect(page.locator(".calendar__weekday").first).to_be_hidden()
