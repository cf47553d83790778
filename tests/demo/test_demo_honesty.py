"""What a visitor reads in the demo is honest and in their language: testimonials by role, one
site-wide sample content notice, the report's figures with their qualifiers, the Power Stories
call before its tour, English pages without Turkish, a description on every page, and e-mailed
links on the port the site runs on."""

import html
import re
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from core.provinces import Province
from events.models import FestivalPage, PowerStoriesEventPage, Venue
from home.models import SiteSettings
from stories.models import Narrator, OpenCallPage, StoryIndexPage
from stories.models import Testimonial as TestimonialSnippet  # not a test class
from tests.demo.conftest import DEMO

pytestmark = DEMO

SAMPLE_NOTICE = {
    "tr": "Bu bir tanıtım sitesidir",
    "en": "This is a demonstration site",
}
# Proper nouns an English page may show in Turkish, besides provinces, venues and narrators.
ENGLISH_PAGE_PROPER_NOUNS = [
    "Türkçe",  # the language switcher names Turkish in Turkish
    "Sivil Toplum Kapasitesini Güçlendirme Merkezi Projesi",  # the funded project's name
    "Sivil Toplum Geliştirme Merkezi",
    "Türkiye",
    "DERBİS",  # the associations' e-government system
    "VERBİS",  # the data controllers' registry
    "Kazanlı",  # a coastal neighbourhood in a sample organisation's name
]
TURKISH_LETTERS = re.compile(r"\w*[çÇğĞıİöÖşŞüÜ]\w*")


def live_pages(language: str) -> list[Page]:
    return list(
        Page.objects.live()
        .filter(depth__gte=2, locale__language_code=language)
        .specific()
        .order_by("path")
    )


def crawl(client, language: str) -> Iterator[tuple[Page, str]]:
    for page in live_pages(language):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        yield page, response.content.decode()


def visible_text(page_html: str) -> str:
    """The text a visitor reads or hears: the body without scripts, plus the head's
    descriptions and image alternatives."""
    head, _sep, body = page_html.partition("<body")
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    attributes = re.findall(r'\b(?:alt|title|aria-label|placeholder)="([^"]*)"', body)
    meta = re.findall(r'<meta (?:name|property)="[^"]*(?:description|alt)" content="([^"]*)"', head)
    return html.unescape(" ".join([re.sub(r"<[^>]+>", " ", body), *attributes, *meta]))


def proper_nouns() -> list[str]:
    names = [*ENGLISH_PAGE_PROPER_NOUNS, *Province.labels]
    for venue in Venue.objects.all():
        names += [venue.name, venue.district]
    names += Narrator.objects.values_list("name", flat=True)
    names += Narrator.objects.values_list("city", flat=True)
    return sorted(filter(None, names), key=len, reverse=True)


def test_english_pages_carry_no_turkish_text(client):
    allowed = proper_nouns()
    found = {}
    for page, page_html in crawl(client, "en"):
        text = visible_text(page_html)
        for name in allowed:
            text = text.replace(name, " ")
        words = set(TURKISH_LETTERS.findall(text))
        if words:
            found[page.url] = sorted(words)
    assert found == {}


def test_every_page_has_a_description_in_its_language(client):
    for language in ("tr", "en"):
        for page, page_html in crawl(client, language):
            descriptions = re.findall(r'<meta name="description" content="([^"]*)">', page_html)
            assert len(descriptions) == 1 and descriptions[0].strip(), page.url
    home = client.get("/en/").content.decode()
    assert '<meta name="description" content="STGM strengthens the capacity' in home


def test_testimonials_are_attributed_by_role_in_both_languages(client):
    narrators = set(Narrator.objects.values_list("name", flat=True))
    for language, article in (("tr", "Bir "), ("en", ("A ", "An "))):
        attributions = list(
            TestimonialSnippet.objects.filter(locale__language_code=language).values_list(
                "attribution", flat=True
            )
        )
        assert len(attributions) >= 5
        for attribution in attributions:
            assert not any(name in attribution for name in narrators), attribution
        if language == "en":
            assert all(a.startswith(article) for a in attributions), attributions
    assert "— A STOK participant" in client.get("/en/").content.decode()
    assert "— Bir STOK katılımcısı" in client.get("/tr/").content.decode()


def test_the_sample_content_notice_is_shown_once_and_not_in_page_intros(client):
    assert SiteSettings._meta.get_field("sample_content_notice").default is False
    assert SiteSettings.objects.get().sample_content_notice
    for language in ("tr", "en"):
        for page, page_html in crawl(client, language):
            assert page_html.count(SAMPLE_NOTICE[language]) == 1, page.url
            intro = getattr(page, "intro", "") or ""
            for disclaimer in ("Tanıtım içeriği", "Demo content", "invented", "kurgu"):
                assert disclaimer not in intro, page.url


def test_without_the_setting_no_notice(client):
    settings = SiteSettings.objects.get()
    settings.sample_content_notice = False
    settings.save()
    assert SAMPLE_NOTICE["en"] not in client.get("/en/").content.decode()


@pytest.mark.parametrize(
    ("url", "figures"),
    [
        ("/tr/etkinlikler/sivil-sesler-festivali-2024/", ["1.000+", "30+", "217"]),
        ("/en/events/civil-voices-festival-2024/", ["1,000+", "30+", "217"]),
        ("/tr/etkinlikler/sivil-sesler-festivali-2022/", ["600+"]),
        ("/en/events/civil-voices-festival-2023/", ["200+"]),
    ],
)
def test_festival_figures_keep_their_qualifiers(client, url, figures):
    page_html = client.get(url).content.decode()
    for figure in figures:
        assert f'<span class="figures__value">{figure}</span>' in page_html, figure


def test_the_home_festival_count_is_the_festivals_held(client):
    for language, label in (("tr", "Sivil Sesler Festivali"), ("en", "Civil Voices Festivals")):
        held = (
            FestivalPage.objects.live()
            .filter(locale__language_code=language, end__lt=timezone.now())
            .count()
        )
        home = client.get(f"/{language}/").content.decode()
        shown = re.search(
            r'figures__value">(\d+)</span> <span class="figures__label">' + label, home
        )
        assert shown and int(shown.group(1)) == held == 3


def test_the_upcoming_festival_has_its_own_programme():
    festivals = FestivalPage.objects.filter(locale__language_code="en")
    upcoming = festivals.latest("edition_year")
    past = festivals.get(edition_year=2024)
    titles = set(upcoming.sessions.values_list("title", flat=True))
    assert titles and titles != set(past.sessions.values_list("title", flat=True))
    assert len(titles - set(past.sessions.values_list("title", flat=True))) >= 3


def test_the_open_call_comes_before_the_tour_and_is_linked(client):
    for language in ("tr", "en"):
        call = OpenCallPage.objects.live().get(locale__language_code=language)
        tour = PowerStoriesEventPage.objects.live().get(locale__language_code=language)
        first = tour.performances.order_by("start").first()
        assert call.applications_close < first.start
        archive = StoryIndexPage.objects.live().get(locale__language_code=language)
        for page in (tour, archive):
            assert f'href="{call.url}"' in client.get(page.url).content.decode(), page.url


def test_the_tour_is_six_performances_each_with_its_province_and_venue(client):
    tour = PowerStoriesEventPage.objects.live().get(locale__language_code="en")
    performances = tour.performances_with_venues()
    assert len(performances) == 6
    assert len({p.venue.province for p in performances}) == 6
    assert len({p.start.date() for p in performances}) == 6
    page_html = client.get(tour.url).content.decode()
    on_stage = page_html.split('id="performances"')[1].split("</section>")[0]
    assert on_stage.count("<li>") == 6
    for performance in performances:
        assert performance.venue.name in on_stage
        assert performance.venue.get_province_display() in on_stage
    assert "6 performances" in page_html and "Kültürpark" not in page_html.split("On stage")[0]


def test_english_dates_and_the_english_hero(client):
    series = client.get("/en/events/tea-time-meetings-eskisehir/").content.decode()
    assert re.search(r"Wednesday \d{1,2} [A-Z][a-z]+ 20\d\d", series)
    turkish = client.get("/tr/etkinlikler/cay-saati-bulusmalari-eskisehir/").content.decode()
    assert re.search(r"\d{1,2} [A-ZÇŞ][a-zçğıöşü]+ 20\d\d Çarşamba", turkish)
    for language, link in (("tr", "/tr/etkinlikler/"), ("en", "/en/events/")):
        home = client.get(f"/{language}/").content.decode()
        hero = home.split('class="hero"')[1].split("</section>")[0]
        assert f'href="{link}"' in hero, language


def test_e_mailed_links_follow_the_port_the_site_runs_on(client):
    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8123"):
        call_command("load_demo_content", "--if-empty")
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8123"
    festival = FestivalPage.objects.get(locale__language_code="en", edition_year=2024)
    assert festival.full_url == "http://127.0.0.1:8123/en/events/civil-voices-festival-2024/"
    assert client.get(festival.full_url, SERVER_PORT="8123").status_code == 200


def test_english_locale_is_not_checked_by_accident():
    # The crawl must meet pages: a wrong locale code would make every check above pass empty.
    assert Locale.objects.filter(language_code="en").exists()
    assert len(live_pages("en")) == len(live_pages("tr")) > 40
