"""STOK and the publications library in the demo: the module catalogue, a past face-to-face
training, the publications with their files or links, and the STOK and LAG programme pages
written from the report (with its figures), in both languages."""

import re

import pytest
from wagtail.models import Locale

from events.models import Occurrence
from publications.models import PublicationPage
from stok.models import StokModule, StokTrainingPage

from .conftest import DEMO

pytestmark = DEMO


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_module_catalogue_in_both_languages(client, language):
    locale = Locale.objects.get(language_code=language)
    assert 8 <= StokModule.objects.in_locale(locale).count() <= 12
    url = {"tr": "/tr/programlar/stok/moduller/", "en": "/en/programmes/stok/modules/"}[language]
    html = client.get(url).content.decode()
    assert len(re.findall(r'<li class="card stok-module">', html)) >= 8
    assert "https://stok.example.org/moduller/savunuculuga-giris" in html


def test_a_past_face_to_face_training(client):
    training = StokTrainingPage.objects.live().get(locale__language_code="tr")
    assert training.modules.count() == 3
    assert Occurrence.objects.filter(page=training).past().exists()
    english = training.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(english.url).content.decode()
    assert "Planning an advocacy campaign" in html and "STOK training" in html


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_publications_in_both_languages(client, language):
    publications = PublicationPage.objects.live().filter(locale__language_code=language)
    assert publications.count() == 5
    assert {p.kind for p in publications} >= {"report", "policy", "strategy"}
    assert all(p.document_id or p.external_url for p in publications)
    report = publications.filter(document__isnull=False).first()
    assert report.document.file.read(5) == b"%PDF-"


@pytest.mark.parametrize(
    "url,figures",
    [
        ("/tr/programlar/stok/", ["5.000", "404"]),
        ("/en/programmes/stok/", ["5,000", "404"]),
    ],
)
def test_the_stok_page_gives_the_report_figures(client, url, figures):
    html = client.get(url).content.decode()
    for figure in figures:
        assert figure in html
    assert html.count("<p>") >= 4


def test_the_lag_page_lists_its_publications(client):
    html = client.get("/en/programmes/localization-advocacy-group/").content.decode()
    assert "Publications of the Localization Advocacy Group" in html
    assert "Policy recommendations for local and national CSOs" in html
    assert "Grand Bargain 2.0" in html
