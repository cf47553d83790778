"""STOK: the module catalogue (query sets, filters, both languages, the platform's address),
face-to-face trainings as an ordinary kind of event, and ROTA prescriptions pointing at a
module."""

import json
import re

import pytest
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from core.fields import contains_choice
from demo.builders import aware, make_event, make_events_index, make_venue
from demo.library_builders import make_catalogue, make_modules, make_programmes
from events.choices import EventType
from events.models import EventIndexPage, Occurrence
from home.models import StandardPage
from rota.blocks import PrescriptionBlock
from stok.models import StokCatalogPage, StokModule, StokSettings, StokTrainingPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def modules(home):
    return make_modules()


@pytest.fixture
def catalogue(home, modules):
    return make_catalogue(make_programmes(home))


def english():
    return Locale.objects.get(language_code="en")


def titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="card__title">([^<]+)</h2>', html)


class TestPageTree(WagtailPageTestCase):
    def test_where_the_stok_pages_go(self):
        self.assertCanCreateAt(StandardPage, StokCatalogPage)
        self.assertCanCreateAt(EventIndexPage, StokTrainingPage)
        self.assertCanNotCreateAt(StandardPage, StokTrainingPage)
        self.assertAllowedSubpageTypes(StokCatalogPage, set())


def test_query_sets_filter_by_language_level_and_topic(modules):
    turkish = Locale.objects.get(language_code="tr")
    assert StokModule.objects.in_locale(turkish).count() == 3
    assert StokModule.objects.in_locale(english()).count() == 3
    in_turkish = StokModule.objects.in_locale(turkish)
    assert [m.title for m in in_turkish.filtered(level="advanced")] == ["Kaynak geliştirme"]
    assert [m.title for m in in_turkish.filtered(topic="governance")] == ["Stratejik planlama"]
    assert [m.title for m in in_turkish.filtered(level="introductory", topic="governance")] == []
    # A code is matched whole, never as part of another one.
    assert not StokModule.objects.filter(contains_choice("topics", "plan")).exists()


def test_translations_keep_the_language_independent_fields(modules):
    translated = modules[1].get_translation(english())
    assert translated.title == "Strategic planning"
    assert (translated.level, translated.duration_minutes) == ("intermediate", 120)
    assert translated.topics == ["planning", "governance"]


def test_the_platform_link_joins_the_setting_and_the_path(modules):
    assert modules[0].platform_link == "https://stok.example.org/kurslar/savunuculuk"
    settings = StokSettings.load()
    settings.platform_url = ""
    settings.save()
    assert StokModule.objects.get(pk=modules[0].pk).platform_link == ""


def test_the_catalogue_in_both_languages(client, catalogue):
    html = client.get(catalogue.url).content.decode()
    assert titles(html) == ["Savunuculuğa giriş", "Stratejik planlama", "Kaynak geliştirme"]
    assert "İleri düzey" in html and "150 dakika" in html
    assert 'href="https://stok.example.org/kurslar/kaynak"' in html
    english_page = catalogue.get_translation(english())
    html = client.get(english_page.url).content.decode()
    assert titles(html) == [
        "Introduction to advocacy",
        "Strategic planning",
        "Resource development",
    ]
    assert "Advanced" in html and "Open “Strategic planning” on the STOK platform" in html


def test_the_catalogue_filters(client, catalogue):
    url = catalogue.get_translation(english()).url
    html = client.get(url, {"topic": "advocacy"}).content.decode()
    assert titles(html) == ["Introduction to advocacy"]
    html = client.get(url, {"level": "intermediate", "topic": "advocacy"}).content.decode()
    assert titles(html) == [] and "No module matches these filters." in html


def test_a_filter_not_understood_is_ignored_with_a_message(client, catalogue):
    response = client.get(catalogue.url, {"level": "expert", "topic": "governance"})
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(html) == ["Stratejik planlama"]
    assert "anlaşılamadı" in html


def make_training(home, modules, **kwargs):
    index = make_events_index(home)
    kwargs.setdefault("title", "STOK Eğitimi – Ankara")
    kwargs.setdefault("start", aware(2030, 4, 2, 10))
    training = make_event(
        index,
        StokTrainingPage,
        venue=make_venue(name="STGM Eğitim Salonu", province="06"),
        trainers="Savunuculuk uzmanı, Planlama uzmanı",
        places=30,
        **kwargs,
    )
    training.modules.set(modules[:2])
    return training.save_revision().publish() or StokTrainingPage.objects.get(pk=training.pk)


def test_a_training_is_an_event_with_its_modules(client, home, modules):
    training = make_training(home, modules)
    occurrence = Occurrence.objects.get(page=training)
    assert occurrence.event_type == EventType.TRAINING
    html = client.get(training.url).content.decode()
    assert "STOK eğitimi" in html
    assert (
        '<a href="https://stok.example.org/kurslar/savunuculuk" rel="noopener">'
        "Savunuculuğa giriş</a>" in html
    )
    assert "Savunuculuk uzmanı, Planlama uzmanı" in html and "<dd>30</dd>" in html
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "EducationEvent"


def test_a_translated_training_shows_the_english_modules(client, home, english_home, modules):
    from demo.builders import translate

    training = make_training(home, modules)
    translate(training.get_parent(), english(), title="Events", slug="events")
    english_training = translate(training, english(), title="STOK training – Ankara")
    html = client.get(english_training.url).content.decode()
    assert ">Introduction to advocacy</a>" in html and "Modules covered" in html


def test_the_listing_filters_trainings_by_type(client, home, modules):
    training = make_training(home, modules)
    index = training.get_parent()
    make_event(index, title="Güçlü Sivil Toplum Buluşması – Van")
    html = client.get(index.url, {"type": "training"}).content.decode()
    assert "STOK Eğitimi – Ankara" in html
    assert "Buluşması – Van" not in html


def test_a_prescription_links_its_module(modules):
    block = PrescriptionBlock()
    value = block.to_python(
        {
            "band": "starting",
            "title": "Plan",
            "text": "<p>x</p>",
            "links": [],
            "module": modules[0].pk,
        }
    )
    with translation.override("tr"):  # the module is shown in the page's language
        html = block.render(value)
    assert 'href="https://stok.example.org/kurslar/savunuculuk"' in html
    assert "Savunuculuğa giriş" in html
    without = block.to_python({"band": "starting", "title": "Plan", "text": "<p>x</p>"})
    assert "rota-module" not in block.render(without)


def test_a_module_or_the_platform_address_changing_retires_cached_pages():
    from core.versions import CONTENT, public_models

    assert public_models.generation_of(StokModule) == CONTENT
    assert public_models.generation_of(StokSettings) == CONTENT
