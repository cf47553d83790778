"""The publications library: query sets and filters, the pages in both languages, search
(the library's own and the site search), the RSS feed, Report/CreativeWork JSON-LD, and a
group's publications on its programme page."""

import datetime
import json
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from demo.builders import make_standard_page, translate
from demo.library_builders import make_group, make_library, make_programmes, make_publication
from home.models import StandardPage
from publications.models import PublicationLibraryPage, PublicationPage

pytestmark = pytest.mark.django_db


def turkish(model):
    return model.objects.filter(locale__language_code="tr")


def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def programmes(home):
    return make_programmes(home)


@pytest.fixture
def lag_page(programmes):
    page = make_standard_page(programmes, title="Yerelleşme Savunuculuk Grubu", slug="lag")
    translate(page, english(), title="Localisation Advocacy Group")
    return page


@pytest.fixture
def library(programmes, lag_page):
    library = make_library(programmes)
    group = make_group(page=lag_page)
    make_publication(library, group=group, english_title="Localisation report")
    make_publication(
        library,
        title="Yerel STK'lar için politika önerileri",
        slug="politika-onerileri",
        kind="policy",
        language="tr_en",
        topics=["funding", "partnership"],
        published_on=datetime.date(2025, 2, 1),
        group=group,
        english_title="Policy recommendations for local CSOs",
    )
    make_publication(
        library,
        title="İnsani yardımda strateji belgesi",
        slug="strateji",
        kind="strategy",
        language="en",
        topics=["humanitarian"],
        published_on=datetime.date(2023, 9, 1),
    )
    return library


def titles(html: str) -> list[str]:
    found = re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', html)
    return [unescape(title) for title in found]


class TestPageTree(WagtailPageTestCase):
    def test_where_the_library_pages_go(self):
        self.assertCanCreateAt(StandardPage, PublicationLibraryPage)
        self.assertAllowedSubpageTypes(PublicationLibraryPage, {PublicationPage})
        self.assertAllowedSubpageTypes(PublicationPage, set())


def test_a_publication_needs_a_file_or_a_link(library):
    publication = turkish(PublicationPage).get(slug="strateji")
    publication.external_url = ""
    with pytest.raises(ValidationError) as error:
        publication.full_clean()
    assert "document" in error.value.message_dict


def test_query_set_filters(library):
    publications = PublicationPage.objects.in_library(library)
    assert [p.slug for p in publications.newest_first()] == [
        "politika-onerileri",
        "yerellesme-raporu",
        "strateji",
    ]
    assert [p.slug for p in publications.filtered(kind="policy")] == ["politika-onerileri"]
    assert {p.slug for p in publications.filtered(group="lag")} == {
        "politika-onerileri",
        "yerellesme-raporu",
    }
    assert [p.slug for p in publications.filtered(year=2023)] == ["strateji"]
    # A bilingual document counts as English and as Turkish.
    assert {p.slug for p in publications.filtered(language="en")} == {
        "politika-onerileri",
        "strateji",
    }
    assert [p.slug for p in publications.filtered(topic="partnership")] == ["politika-onerileri"]


def test_the_library_in_both_languages_with_filters(client, library):
    html = client.get(library.url).content.decode()
    assert titles(html) == [
        "Yerel STK'lar için politika önerileri",
        "Yerelleşme raporu",
        "İnsani yardımda strateji belgesi",
    ]
    assert "Politika önerisi · Yerelleşme Savunuculuk Grubu (LAG)" in html
    english_library = library.get_translation(english())
    html = client.get(english_library.url, {"group": "lag", "year": "2024"}).content.decode()
    assert titles(html) == ["Localisation report"]
    assert "Report · Localisation Advocacy Group (LAG)" in html
    assert '<option value="lag" selected>Localisation Advocacy Group (LAG)</option>' in html


def test_a_filter_not_understood_is_ignored_with_a_message(client, library):
    response = client.get(library.url, {"year": "1850", "kind": "strategy"})
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(html) == ["İnsani yardımda strateji belgesi"]
    assert "anlaşılamadı" in html


def test_the_library_search_is_turkish_aware(client, library):
    html = client.get(library.url, {"q": "politika onerileri"}).content.decode()
    assert titles(html) == ["Yerel STK'lar için politika önerileri"]
    html = client.get(library.url, {"q": "hiçbirşey"}).content.decode()
    assert "Bu aramaya uyan yayın yok." in html


def test_the_site_search_finds_a_publication(client, library):
    html = client.get("/tr/search/", {"q": "strateji belgesi"}).content.decode()
    assert "İnsani yardımda strateji belgesi" in html
    html = client.get("/en/search/", {"q": "recommendations"}).content.decode()
    assert "Policy recommendations for local CSOs" in html


def test_the_publication_page_and_its_json_ld(client, library):
    english_report = (
        turkish(PublicationPage).get(slug="yerellesme-raporu").get_translation(english())
    )
    html = client.get(english_report.url).content.decode()
    assert "Localisation report" in html and "Read where it is published" in html
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Report"
    assert data["datePublished"] == "2024-05-10"
    assert data["inLanguage"] == "tr"
    assert data["author"] == {
        "@type": "Organization",
        "name": "Localisation Advocacy Group",
        "alternateName": "LAG",
    }
    assert data["publisher"]["name"] == "STGM"
    assert data["encoding"]["contentUrl"] == "https://example.org/rapor.pdf"
    policy = turkish(PublicationPage).get(slug="politika-onerileri")
    html = client.get(policy.url).content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "CreativeWork" and data["inLanguage"] == ["tr", "en"]
    assert data["genre"] == "Politika önerisi"


def test_the_feed_lists_the_newest_first(client, library):
    response = client.get(library.get_translation(english()).url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = re.findall(r"<item><title>([^<]+)</title>", response.content.decode())
    # The untranslated strategy document is not in the English library.
    assert items == ["Policy recommendations for local CSOs", "Localisation report"]
    assert "<category>Policy recommendation</category>" in response.content.decode()


def test_the_group_page_lists_its_publications(client, library, lag_page):
    html = client.get(lag_page.url).content.decode()
    section = html[html.index('id="group-publications"') :]
    assert "Yerelleşme Savunuculuk Grubu yayınları" in section
    assert "Yerelleşme raporu" in section and "strateji belgesi" not in section
    assert "/yayinlar/?group=lag" in section
    html = client.get(lag_page.get_translation(english()).url).content.decode()
    assert "Publications of the Localisation Advocacy Group" in html
    assert "Policy recommendations for local CSOs" in html


def test_other_pages_list_no_publications(client, library, programmes):
    assert 'id="group-publications"' not in client.get(programmes.url).content.decode()


def test_a_group_changing_retires_cached_pages():
    from core.versions import CONTENT, public_models
    from publications.models import AuthoringGroup

    assert public_models.generation_of(AuthoringGroup) == CONTENT
