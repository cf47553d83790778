"""The ROTA demo content: the tool replaces the programme page of the same slug, its
questionnaire is complete in both languages, the sample assessments feed the report, and
loading again changes nothing that answers depend on."""

import pytest
from wagtail.models import Locale

from demo.builders import make_standard_page, translate
from demo.loader.rota import load_rota
from rota import reports
from rota.blocks import Band
from rota.models import Assessment, RotaPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def programmes(home):
    english = Locale.objects.get(language_code="en")
    programmes = make_standard_page(home, title="Programlar", slug="programlar")
    translate(programmes, english, title="Programmes", slug="programmes")
    coaching = make_standard_page(programmes, title="Örgütsel Koçluk", slug="orgutsel-kocluk")
    translate(coaching, english, title="Organisational Coaching", slug="organisational-coaching")
    old = make_standard_page(programmes, title="ROTA", slug="rota")
    translate(old, english, title="ROTA", slug="rota")
    return programmes


def test_the_tool_replaces_the_programme_page_in_both_languages(client, home, programmes):
    page = load_rota(home)
    assert RotaPage.objects.count() == 2
    assert (
        not programmes.get_children()
        .exclude(pk__in=RotaPage.objects.values("pk"))
        .filter(slug="rota")
    )
    areas = page.area_list()
    assert len(areas) >= 6 and all(len(area.statements) >= 5 for area in areas)
    for area in areas:
        assert {p["band"] for p in area.prescriptions} == {
            Band.STARTING,
            Band.DEVELOPING,
            Band.STRONG,
        }
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert english.live
    english_areas = english.area_list()
    assert [a.key for a in english_areas] == [a.key for a in areas]
    assert english_areas[0].title == "Governance" and areas[0].title == "Yönetişim"
    assert english.scale_labels()[-1] == "Strongly agree"
    html = client.get("/en/programmes/rota/").content.decode()
    assert "Resource Development" in html
    assert client.get("/tr/programlar/rota/").status_code == 200


def test_the_samples_feed_the_report_once(home, programmes):
    page = load_rota(home)
    count = Assessment.objects.count()
    assert count >= 10
    overall = reports.overall(page)
    assert overall.rounds > count and len(overall.averages) == len(page.area_list())
    rows, _hidden = reports.breakdown(page, "province")
    assert rows
    assert [a.organisation for a, _scores in reports.named_results(page)] == [
        "Eskişehir Engelsiz Spor Kulübü (örnek)"
    ]
    keys = [a.key for a in page.area_list()]
    page = load_rota(home)
    assert Assessment.objects.count() == count
    assert [a.key for a in page.area_list()] == keys
