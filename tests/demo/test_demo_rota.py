"""The ROTA tool in the loaded demo: the page in both languages where the programme page
was, its testimonial, a sample organisation's result with prescriptions and links, the
team's report with figures, and the site search."""

from django.contrib.auth.models import User

from rota.models import Assessment, RotaPage
from tests.demo.conftest import DEMO

pytestmark = DEMO


def test_the_tool_in_both_languages_with_its_testimonial(client):
    assert RotaPage.objects.count() == 2
    turkish = client.get("/tr/programlar/rota/").content.decode()
    assert "Kaynak Geliştirme" in turkish and "kullanan bir dernek üyesi" in turkish  # by role
    english = client.get("/en/programmes/rota/").content.decode()
    assert "Resource Development" in english
    assert "ROTA Self-Assessment Tool" in client.get("/en/programmes/").content.decode()


def test_a_sample_result_shows_the_change_and_linked_prescriptions(client):
    assessment = Assessment.objects.get(organisation__startswith="Eskişehir")
    html = client.get("/en/programmes/rota/result/", {"key": assessment.link_token})
    html = html.content.decode()
    assert "Your result" in html and "Compared with your previous assessment" in html
    # Resource development scored 50 (developing): its prescription links two programmes.
    assert "Write a resource development plan" in html
    assert "/en/programmes/tailor-made-trainings/" in html
    assert "/en/programmes/organisational-coaching/" in html


def test_the_report_has_figures(client):
    client.force_login(User.objects.get(username="admin"))
    html = client.get("/admin/rota/results/", {"by": "province"}).content.decode()
    assert "Ankara" in html and "Eskişehir Engelsiz Spor Kulübü" in html
    assert "Van Gölü Kültür Derneği" not in html


def test_the_site_search_finds_the_tool(client):
    assert (
        "ROTA Örgütsel Kapasite"
        in client.get("/tr/search/", {"q": "oz degerlendirme"}).content.decode()
    )
    assert (
        "ROTA Self-Assessment Tool"
        in client.get("/en/search/", {"q": "self-assessment"}).content.decode()
    )
