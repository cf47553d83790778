"""Submitting a page for translation (wagtail-localize) makes a draft: the English page stays
off the site, with none of the Turkish text, until the translator publishes it
(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False). The dashboard lists the page as
waiting for its translation meanwhile, and syncing translated pages publishes nothing
unless the editor ticks "Publish immediately"."""

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from demo.builders import make_events_index, make_festival, translate
from events.models import FestivalPage, Occurrence

pytestmark = pytest.mark.django_db

TURKISH_SUMMARY = "Sivil toplumun festivali."
ENGLISH_TITLE = "Civil Voices Festival 2030"
ENGLISH_PATH = "/en/events/sivil-sesler-festivali-2030/"


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.fixture
def festival(home, english) -> FestivalPage:
    index = make_events_index(home)
    translate(index, english, title="Events", slug="events")
    return make_festival(index, slug="sivil-sesler-festivali-2030")


@pytest.fixture
def editor(admin_client) -> Client:
    return admin_client


def submit_for_translation(editor: Client, page, locale: Locale, capture) -> FestivalPage:
    # Run what wagtail-localize leaves for the commit (its publishing) as a real request would.
    with capture(execute=True):
        response = editor.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302, response.content
    return FestivalPage.objects.get(translation_key=page.translation_key, locale=locale)


def translate_strings(page, locale: Locale, texts: dict[str, str]) -> Translation:
    """What the translator types in the translation editor, segment by segment."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        if segment.string.data in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": texts[segment.string.data]},
            )
    return translation


def waiting_for_translation(editor: Client) -> str:
    """The dashboard's panel of pages waiting for a translation (the admin in Turkish)."""
    html = editor.get("/admin/").content.decode()
    return html.split('id="untranslated-heading"')[1].split("</section>")[0]


def publish_translation(editor: Client, draft, capture):
    """The translator's "Publish in English" (wagtail-localize publishes on commit)."""
    with capture(execute=True):
        return editor.post(f"/admin/pages/{draft.pk}/edit/", {"action": "publish"})


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_the_setting_keeps_new_translations_as_drafts():
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


def test_submitting_for_translation_makes_a_draft_until_the_translator_publishes(
    editor, festival, english, capture
):
    draft = submit_for_translation(editor, festival, english, capture)

    assert not draft.live and draft.live_revision_id is None
    visitor = Client()
    assert visitor.get(ENGLISH_PATH).status_code == 404
    # Nowhere on the English site is the draft: the listing shows the Turkish event as an
    # untranslated one (marked Turkish), never as an English page with Turkish text.
    assert not Occurrence.objects.filter(page=draft).exists()
    assert ENGLISH_PATH not in visitor.get("/en/events/").content.decode()
    assert ENGLISH_PATH not in visitor.get("/en/calendar/events.ics").content.decode()
    waiting = waiting_for_translation(editor)
    assert f"/admin/pages/{festival.pk}/edit/" in waiting
    assert f'<a href="/admin/pages/{draft.pk}/edit/">İngilizce taslağı yayımlanmayı' in waiting

    translate_strings(festival, english, {festival.title: ENGLISH_TITLE})
    response = publish_translation(editor, draft, capture)
    assert response.status_code == 302

    draft.refresh_from_db()
    assert draft.live and draft.title == ENGLISH_TITLE
    page = visitor.get(ENGLISH_PATH)
    assert page.status_code == 200 and ENGLISH_TITLE in page.content.decode()
    assert Occurrence.objects.filter(page=draft).exists()
    assert f"/admin/pages/{festival.pk}/edit/" not in waiting_for_translation(editor)
    festival.refresh_from_db()
    assert festival.live and festival.title == "Sivil Sesler Festivali 2030"


def test_syncing_translated_pages_publishes_nothing_unless_asked(
    editor, festival, english, capture
):
    draft = submit_for_translation(editor, festival, english, capture)
    translation = translate_strings(festival, english, {festival.title: ENGLISH_TITLE})
    festival.summary = "Yeni özet."
    festival.save_revision().publish()

    with capture(execute=True):
        response = editor.post(f"/admin/localize/update/{translation.source_id}/", {})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    assert Client().get(ENGLISH_PATH).status_code == 404


def test_syncing_a_live_translation_leaves_its_live_text(editor, festival, english, capture):
    submit_for_translation(editor, festival, english, capture)
    translation = translate_strings(festival, english, {festival.title: ENGLISH_TITLE})
    publish_translation(editor, translation.get_target_instance(), capture)
    festival.summary = "Yeni Türkçe özet."
    festival.save_revision().publish()

    with capture(execute=True):
        editor.post(f"/admin/localize/update/{translation.source_id}/", {})
    html = Client().get(ENGLISH_PATH).content.decode()
    assert ENGLISH_TITLE in html and "Yeni Türkçe özet." not in html
