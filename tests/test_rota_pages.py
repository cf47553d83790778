"""The ROTA page type: where it may live, editors create it in the admin (StreamField areas),
it renders in both languages, and the site search finds it (with and without Turkish
letters, and by an area's title)."""

import re

import pytest
from django.test import override_settings
from django.test.signals import template_rendered
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.versions import local_copies
from demo.builders import make_home, make_standard_page, translate
from demo.rota import make_rota_page
from home.models import HomePage
from rota.models import RotaPage
from rota.views import areas_html


class TestRotaPageType(WagtailPageTestCase):
    def test_parents_and_children(self):
        self.assertCanCreateAt(HomePage, RotaPage)
        # The tool accepts a standard page (Programmes) as its parent; home.StandardPage's own
        # subpage_types decide whether editors may add it there in the admin.
        assert "home.StandardPage" in RotaPage.parent_page_types
        self.assertAllowedSubpageTypes(RotaPage, {})

    def test_an_editor_creates_the_tool_in_the_admin(self):
        home = make_home()
        self.client.force_login(self.create_superuser("editor"))
        area = {
            "title": "Yönetişim",
            "description": "",
            "statements": streamfield([("item", "Kurulumuz düzenli toplanır.")]),
            "prescriptions": streamfield(
                [
                    (
                        "item",
                        {
                            "band": "starting",
                            "title": "Temelleri yazın",
                            "text": '{"blocks": [{"key": "a", "type": "unstyled", "text": '
                            '"Bir iç yönerge yazın.", "depth": 0, "inlineStyleRanges": [], '
                            '"entityRanges": []}], "entityMap": {}}',
                            "links": streamfield([]),
                        },
                    )
                ]
            ),
        }
        self.assertCanCreate(
            home,
            RotaPage,
            nested_form_data(
                {
                    "title": "ROTA",
                    "slug": "rota",
                    "intro": "Örgütünüzü değerlendirin.",
                    "privacy_note": "",
                    "developing_from": 40,
                    "strong_from": 70,
                    "scale": streamfield([("level", "Hayır"), ("level", "Evet")]),
                    "areas": streamfield([("area", area)]),
                }
            ),
        )
        page = RotaPage.objects.get(slug="rota")
        assert page.area_list()[0].statements[0].text == "Kurulumuz düzenli toplanır."
        assert page.area_list()[0].prescriptions[0]["title"] == "Temelleri yazın"

    def test_the_bands_must_be_in_order(self):
        home = make_home()
        self.client.force_login(self.create_superuser("editor"))
        response = self.client.post(
            f"/admin/pages/add/rota/rotapage/{home.pk}/",
            nested_form_data(
                {
                    "title": "ROTA",
                    "slug": "rota",
                    "developing_from": 70,
                    "strong_from": 40,
                    "scale": streamfield([("level", "Hayır"), ("level", "Evet")]),
                    "areas": streamfield([]),
                }
            ),
        )
        assert response.status_code == 200
        assert not RotaPage.objects.exists()


@pytest.fixture
def page(home):
    page = make_rota_page(home, title="ROTA Örgütsel Kapasite Öz Değerlendirme Aracı", areas=2)
    translate(
        page, Locale.objects.get(language_code="en"), title="ROTA Self-Assessment Tool", slug="rota"
    )
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_page_renders_in_both_languages(client, page, language):
    response = client.get(f"/{language}/rota/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.django_db
def test_a_parent_page_lists_the_tool(client, home):
    programmes = make_standard_page(home, title="Programlar", slug="programlar")
    make_rota_page(programmes, title="ROTA Öz Değerlendirme")
    assert "ROTA Öz Değerlendirme" in client.get("/tr/programlar/").content.decode()


@pytest.mark.django_db
def test_the_home_page_teases_the_tool_marked_as_a_programme(client, home):
    programmes = make_standard_page(home, title="Programlar", slug="programlar")
    tool = make_rota_page(programmes, title="ROTA Öz Değerlendirme")
    assert "ROTA Öz Değerlendirme" not in client.get("/tr/").content.decode()
    tool.is_programme = True
    tool.save_revision().publish()
    assert "ROTA Öz Değerlendirme" in client.get("/tr/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("tr", "öz değerlendirme"),
        ("tr", "oz degerlendirme"),
        ("tr", "ÖZ DEĞERLENDİRME"),
        ("tr", "alan 2"),
        ("en", "self-assessment"),
    ],
)
def test_the_site_search_finds_the_tool(client, page, language, query):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    title = page.title if language == "tr" else "ROTA Self-Assessment Tool"
    assert title in html


def rendered_templates(client, url: str) -> list[str]:
    """The templates one request to `url` renders (after a request that fills the caches)."""
    client.get(url)
    seen: list[str] = []

    def listen(sender, template, **_kwargs):
        seen.append(template.name)

    template_rendered.connect(listen)
    try:
        client.get(url)
    finally:
        template_rendered.disconnect(listen)
    return seen


@pytest.mark.django_db
def test_the_areas_and_the_empty_start_form_are_rendered_once_per_generation(client, page):
    client.get("/tr/rota/")  # the first request creates the site's settings (a change)
    seen = rendered_templates(client, "/tr/rota/")
    assert "rota/includes/areas.html" not in seen
    assert "applications/includes/field.html" not in seen
    # Sent back with an error, the form shows what was typed and the error, afresh.
    response = client.post("/tr/rota/start/", {"province": "06", "consent": "on"})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<option value="06" selected>' in html
    assert "field--invalid" in html


@pytest.mark.django_db
def test_the_areas_follow_a_publish_and_a_preview_shows_the_draft(client, page, rf):
    assert "Alan 1" in client.get("/tr/rota/").content.decode()
    page.areas[0].value["title"] = "Yönetişim ve şeffaflık"
    revision = page.save_revision()  # a draft: the live page keeps its areas
    assert "Yönetişim ve şeffaflık" not in client.get("/tr/rota/").content.decode()
    request = rf.get("/tr/rota/")
    request.is_preview = True
    draft = revision.as_object()
    assert "Yönetişim ve şeffaflık" in areas_html(request, draft)
    revision.publish()
    assert "Yönetişim ve şeffaflık" in client.get("/tr/rota/").content.decode()


@pytest.mark.django_db
def test_the_start_form_is_the_same_when_the_shared_cache_keeps_nothing(client, page):
    cached = client.get("/tr/rota/").content.decode()
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    ):
        local_copies.clear()
        uncached = client.get("/tr/rota/").content.decode()
    local_copies.clear()
    strip = re.compile(r'(csrfmiddlewaretoken" value="|nonce=")[^"]*')
    assert strip.sub("", uncached) == strip.sub("", cached)
    assert 'name="province"' in uncached and "Alan 2" in uncached
