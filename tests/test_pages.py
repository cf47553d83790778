"""Page types: tree rules, rendering in both languages, Turkish slugs."""

import pytest
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from coaching.models import CoachingRequestPage
from core.turkish import ascii_fold, turkish_lower, turkish_slugify
from demo.builders import make_home, make_standard_page, translate
from home.models import HomePage, StandardPage
from knowledge.models import KnowledgeIndexPage
from publications.models import PublicationLibraryPage
from rota.models import RotaPage
from stok.models import StokCatalogPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_lives_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(
            StandardPage,
            {
                StandardPage,
                RotaPage,
                KnowledgeIndexPage,
                CoachingRequestPage,
                StokCatalogPage,
                PublicationLibraryPage,
            },
        )


class PageRenderingTests(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home()
        self.english = Locale.objects.get(language_code="en")
        self.page = make_standard_page(self.home, title="Bilgi Merkezi", intro="Sorular")
        self.english_page = translate(
            self.page, self.english, title="Information Center", slug="information-center"
        )

    def test_every_page_type_renders_and_routes_in_both_languages(self):
        english_home = self.home.get_translation(self.english)
        for page in [self.home, english_home, self.page, self.english_page]:
            self.assertPageIsRenderable(page)
            # assertPageIsRoutable() does not know i18n_patterns' language prefix.
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200, page.url)
            self.assertEqual(response.context["page"], page)

    def test_turkish_page_has_turkish_html_lang_and_english_page_english(self):
        response = self.client.get("/tr/bilgi-merkezi/")
        self.assertContains(response, '<html lang="tr">')
        response = self.client.get("/en/information-center/")
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "Skip to main content")

    def test_home_page_shows_programme_teasers(self):
        programme = make_standard_page(self.home, title="ROTA", is_programme=True)
        response = self.client.get("/tr/")
        self.assertContains(response, programme.title)
        self.assertNotContains(response, "Bilgi Merkezi</a></h3>")


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Çay Saati İzmir", "cay-saati-izmir"),
        ("Işık Derneği", "isik-dernegi"),
        ("Güç Hikâyeleri", "guc-hikayeleri"),
        ("ŞİŞLİ Öğrenci", "sisli-ogrenci"),
    ],
)
def test_turkish_slugs(title, slug):
    assert turkish_slugify(title) == slug


def test_turkish_case_folding():
    assert turkish_lower("IŞIK") == "ışık"
    assert turkish_lower("İZMİR") == "izmir"
    assert ascii_fold("Işık") == ascii_fold("isik") == ascii_fold("IŞIK") == "isik"


def test_a_page_without_a_slug_gets_a_turkish_slug(home):
    page = StandardPage(title="Çay Saati İzmir")
    home.add_child(instance=page)
    assert page.slug == "cay-saati-izmir"
