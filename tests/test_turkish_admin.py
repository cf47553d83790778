"""The Turkish admin reads as Turkish where Wagtail's own catalogues fall short: counts keep the
noun singular after a number, "Add" comes last, reports and the translation editor are in
Turkish, and content languages are named in the editor's language. (The whole-admin check on
the demo content is tests/demo/test_turkish_admin.py.)"""

import pytest
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from core.admin_wording import counted
from demo.builders import make_events_index, make_venue
from tests.turkish_admin import english_words, misread_turkish, visible_texts


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [("tr", 22, "22 mekân"), ("tr", 1, "1 mekân"), ("en", 22, "22 venues"), ("en", 1, "1 venue")],
)
def test_a_count_names_its_noun_as_the_language_does(language, count, expected):
    singular, plural = ("mekân", "mekânlar") if language == "tr" else ("venue", "venues")
    with translation.override(language):
        assert counted(count, singular, plural) == expected


def texts(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return visible_texts(response.content.decode())


def test_the_venue_list_counts_in_turkish(admin_client, home):
    make_venue(name="İzmir Kültürpark", province="35")
    make_venue(name="Van Kültür Merkezi", province="65")
    shown = texts(admin_client, "/admin/snippets/events/venue/")
    assert "2 mekân" in shown
    assert not any("mekânlar" in text and text[0].isdigit() for text in shown)


def test_the_add_buttons_put_the_verb_last(admin_client, home):
    index = make_events_index(home)
    shown = texts(admin_client, f"/admin/pages/add/events/eventseriespage/{index.pk}/")
    assert "Tarih değişikliği ekle" in shown
    assert not [text for text in shown if text.startswith("Ekle ")]


@pytest.mark.parametrize(
    ("url", "title", "column"),
    [
        ("/admin/reports/locked/", "Kilitli sayfalar", "Kilitleyen"),
        ("/admin/reports/site-history/", "Site geçmişi", "Tarih / Saat"),
        ("/admin/reports/aging-pages/", "Yaşlanan sayfalar", "Son yayınlanma"),
        ("/admin/reports/page-types-usage/", "Sayfa türlerinin kullanımı", "Son düzenlenen sayfa"),
    ],
)
def test_reports_have_turkish_titles_and_columns(admin_client, home, url, title, column):
    html = admin_client.get(url).content.decode()
    shown = visible_texts(html)
    assert title in shown
    assert column in shown
    titles = frozenset(page.title.lower() for page in Page.objects.all())  # content
    assert not english_words(html, titles)
    assert not misread_turkish(html)


def test_content_languages_are_named_in_the_editors_language(admin_client, admin_user, home):
    english = Locale.objects.get(language_code="en")
    assert english.get_display_name() == "İngilizce"
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    with translation.override("en"):
        assert english.get_display_name() == "English"
    assert "Turkish" in texts(admin_client, "/admin/locales/")


def test_the_translation_editors_javascript_catalogue_is_turkish(admin_client):
    script = admin_client.get("/admin/localize/jsi18n/").content.decode()
    assert '"Publish in ": "Yay\\u0131nla: "' in script
    assert '"segments translated": "b\\u00f6l\\u00fcm \\u00e7evrildi"' in script


def test_the_admins_javascript_strings_that_wagtail_lacks_are_turkish(admin_client):
    script = admin_client.get("/admin/jsi18n/").content.decode()
    assert '"Main menu": "Ana men\\u00fc"' in script
    assert '"Expand all": "T\\u00fcm\\u00fcn\\u00fc geni\\u015flet"' in script
