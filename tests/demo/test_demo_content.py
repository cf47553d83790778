"""The demo content as loaded: a real bilingual tree, every kind of content, idempotent."""

from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from applications.models import ApplicationStatus, SelectionStatus, StandApplication
from events.models import FestivalPage, Venue
from home.models import HomePage, SiteSettings
from stories.models import (
    Narrator,
    NarratorApplication,
    NarratorReview,
    OpenCallPage,
    OpenCallState,
    StoryPage,
    Theme,
)
from stories.models import Testimonial as TestimonialSnippet  # not a test class
from tests.demo.conftest import DEMO

pytestmark = DEMO


def snapshot() -> dict:
    """What loading the demo again must leave as it is."""
    models = [
        Venue,
        Theme,
        Narrator,
        TestimonialSnippet,
        StandApplication,
        NarratorApplication,
        NarratorReview,
        get_image_model(),
    ]
    return {
        "pages": list(
            Page.objects.filter(depth__gte=2)
            .order_by("path")
            .values_list("locale__language_code", "url_path", "title", "live", "numchild")
        ),
        "stories": list(
            StoryPage.objects.order_by("path").values_list(
                "locale__language_code", "url_path", "province", "event__slug"
            )
        ),
        "applications": list(
            StandApplication.objects.order_by("email").values_list("email", "status")
        ),
        "counts": {model.__name__: model.objects.count() for model in models},
    }


def test_loading_the_demo_again_changes_nothing():
    first = snapshot()
    call_command("load_demo_content")
    assert snapshot() == first


def test_every_turkish_page_has_a_live_english_translation():
    english = Locale.objects.get(language_code="en")
    turkish_pages = Page.objects.filter(depth__gte=2, locale__language_code="tr")
    assert turkish_pages.count() > 40
    for page in turkish_pages:
        translation = page.get_translation_or_none(english)
        assert translation is not None and translation.live, page.url_path
        assert translation.title != page.title or page.title in {"STOK"}, page.title
    for model in (Venue, Theme, Narrator, TestimonialSnippet):
        assert (
            model.objects.filter(locale=english).count()
            == model.objects.filter(locale__language_code="tr").count()
        )


def test_home_programmes_and_settings(client):
    assert HomePage.objects.count() == 2
    english = Locale.objects.get(language_code="en")
    # The home page teases every programme, whatever its page type (the ROTA tool included).
    programmes = [page.title for page in HomePage.objects.get(locale=english).programme_pages()]
    assert len(programmes) == 6 and "ROTA Self-Assessment Tool" in programmes
    assert SiteSettings.objects.get().privacy_page.slug == "aydinlatma-metni"
    for url in ["/tr/", "/en/", "/tr/programlar/stok/", "/en/programmes/information-center/"]:
        assert client.get(url).status_code == 200, url
    english_home = client.get("/en/").content.decode()
    assert "5,000" in english_home and "800+" in english_home
    turkish_home = client.get("/tr/").content.decode()
    assert "5.000" in turkish_home and "Hikâyeler" in turkish_home


def test_festivals_keep_the_report_figures():
    festival = FestivalPage.objects.get(slug="sivil-sesler-festivali-2024")
    assert (festival.organisations, festival.cities, festival.stands) == (217, 52, 130)
    assert festival.theme == "Güçlü Sivil Toplum"
    assert festival.sessions.count() == 6
    upcoming = FestivalPage.objects.filter(locale__language_code="tr").latest("edition_year")
    assert [t.count for t in upcoming.stand_types.all()] == [110, 20]


def test_stand_applications_are_in_mixed_statuses():
    statuses = set(StandApplication.objects.values_list("status", flat=True))
    assert statuses == set(ApplicationStatus.values)


def test_demo_admin_can_log_in(client):
    # Through the sign-in form, as an editor does (django-axes checks every sign-in).
    signed_in = client.post("/admin/login/", {"username": "admin", "password": "stgm-demo"})
    assert signed_in.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_stories_are_bilingual_and_linked_to_the_tour(client):
    for language in ("tr", "en"):
        locale = Locale.objects.get(language_code=language)
        stories = StoryPage.objects.live().filter(locale=locale)
        assert stories.count() == 18
        assert set(stories.values_list("province", flat=True)) == {
            "35",
            "06",
            "34",
            "21",
            "61",
            "33",
        }
        assert not stories.filter(event=None).exists()
        assert not stories.exclude(event__locale=locale).exists()
        assert Narrator.objects.filter(locale=locale).count() == 18
        assert TestimonialSnippet.objects.filter(locale=locale).count() >= 5
    assert set(StoryPage.objects.values_list("event__slug", flat=True)) == {
        "guc-hikayeleri-sahnede",
        "power-stories-on-stage",
    }
    archive = client.get("/en/stories/?province=21")
    assert archive.status_code == 200
    assert archive.context["page_obj"].paginator.count == 3
    event = client.get("/en/events/power-stories-on-stage/").content.decode()
    assert "Stories told here" in event and "A ramp is a door" in event
    assert "What participants said" in event


def test_open_call_is_closed_bilingual_with_mixed_statuses(client):
    call = OpenCallPage.objects.get(locale__language_code="tr")
    assert call.state() == OpenCallState.CLOSED
    statuses = set(NarratorApplication.objects.values_list("status", flat=True))
    ss = SelectionStatus
    assert statuses == {ss.SUBMITTED, ss.SHORTLISTED, ss.SELECTED, ss.DECLINED, ss.WITHDRAWN}
    assert set(NarratorApplication.objects.values_list("language", flat=True)) == {"tr", "en"}
    assert NarratorReview.objects.count() >= 5
    english = call.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.title != call.title
    assert "Başvurular kapandı" in client.get(call.url).content.decode()
    assert "Applications closed" in client.get(english.url).content.decode()
    assert "Deniz Aksoy" not in client.get(call.url).content.decode()
