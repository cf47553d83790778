"""The ROTA tool's public flow with the test client: start without an account, answer a
step, leave, come back by the private link, invalid input, the result, a later round and its
comparison, erase by the link."""

import re
from urllib.parse import unquote

import pytest
from django.test import override_settings

from demo.rota import make_bilingual_rota_page
from rota import services
from rota.models import Answer, Assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home):
    return make_bilingual_rota_page(home, areas=3, statements=2)


def start(client, language="tr", **profile):
    response = client.post(f"/{language}/rota/start/", profile)
    assert response.status_code == 303, response.content
    return response["Location"]


def key_of(url: str) -> str:
    return unquote(re.search(r"key=([^&]+)", url).group(1))


def answers(page, number, value=4):
    area = page.area(number)
    return {f"s_{s.key}": str(value) for s in area.statements}


def test_the_page_shows_the_areas_and_the_start_form(client, page):
    response = client.get("/tr/rota/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Alan 1" in html and "Alan 3" in html
    assert 'name="organisation"' in html and 'name="consent"' in html


def test_start_answer_a_step_leave_and_come_back_by_the_link(client, page):
    step1 = start(client)
    assert "/tr/rota/step/1/?key=" in step1
    key = key_of(step1)
    response = client.get(step1)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "<fieldset" in html and "<legend>" in html and 'type="radio"' in html
    assert "Alan 1 ifade 1" in html and "Tamamen katılıyorum" in html

    response = client.post("/tr/rota/step/1/", {"key": key, "action": "next", **answers(page, 1)})
    assert response.status_code == 303
    assert "/tr/rota/step/2/" in response["Location"]
    # Leave: a fresh visitor (no session) comes back by the private link.
    client.cookies.clear()
    response = client.get("/tr/rota/", {"key": key})
    assert response.status_code == 303
    assert "/tr/rota/step/2/" in response["Location"]
    # Step 1 shows the answers given.
    html = client.get("/tr/rota/step/1/", {"key": key}).content.decode()
    assert html.count("checked") == 2


def test_save_and_finish_later_keeps_a_partial_step(client, page):
    key = key_of(start(client))
    statement = page.area(1).statements[0]
    response = client.post(
        "/tr/rota/step/1/", {"key": key, "action": "later", f"s_{statement.key}": "2"}
    )
    assert response.status_code == 303 and "saved=1" in response["Location"]
    html = client.get(response["Location"]).content.decode()
    assert "Yanıtlarınız kaydedildi" in html
    assert Answer.objects.get().value == 2


@pytest.mark.parametrize(
    ("language", "message", "invalid"),
    [
        ("tr", "Bu ifade için bir yanıt seçin.", "Sunulan yanıtlardan birini seçin."),
        ("en", "Choose an answer for this statement.", "Choose one of the answers offered."),
    ],
)
def test_invalid_step_input_is_refused_in_the_language_and_keeps_the_answers(
    client, page, language, message, invalid
):
    key = key_of(start(client, language))
    first, second = page.area(1).statements
    data = {"key": key, "action": "next", f"s_{first.key}": "5", f"s_{second.key}": "99"}
    response = client.post(f"/{language}/rota/step/1/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert invalid in html
    assert re.search(rf'name="s_{first.key}" value="5"[^>]*checked', html)
    # The valid answer is kept in the database too.
    assert dict(Answer.objects.values_list("statement_key", "value")) == {first.key: 5}
    response = client.post(f"/{language}/rota/step/1/", {"key": key, "action": "next"})
    assert message in response.content.decode()


def test_a_tampered_or_unknown_key_is_a_404(client, page):
    key = key_of(start(client))
    assert client.get("/tr/rota/step/1/", {"key": key + "x"}).status_code == 404
    assert client.get("/tr/rota/result/", {"key": "nothing"}).status_code == 404
    assert client.get("/tr/rota/step/9/", {"key": key}).status_code == 404


def take_all(client, page, key, values, language="tr"):
    for number, value in enumerate(values, start=1):
        response = client.post(
            f"/{language}/rota/step/{number}/",
            {"key": key, "action": "next", **answers(page, number, value)},
        )
        assert response.status_code == 303
    return response["Location"]


def test_the_last_step_shows_the_result_with_chart_table_and_prescriptions(client, page):
    key = key_of(start(client))
    location = take_all(client, page, key, [5, 3, 1])
    assert "/tr/rota/result/" in location
    response = client.get(location)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg role="img"' in html and "<table" in html and "<caption>" in html
    # Scores 100, 50, 0: strong, developing, starting, each with its band's prescription.
    assert "Alan 1: strong" in html and "Alan 2: developing" in html and "Alan 3: starting" in html
    assert "Alan 1: starting" not in html
    assert re.search(r"Güçlü yanlar.*Alan 1 \(100\)", html, re.S)
    assert re.search(r"Geliştirilecek alanlar.*Alan 3 \(0\)", html, re.S)


def test_a_later_round_by_the_same_link_shows_the_change(client, page):
    key = key_of(start(client))
    take_all(client, page, key, [2, 3, 1])
    response = client.post("/tr/rota/again/", {"key": key})
    assert response.status_code == 303 and "/step/1/" in response["Location"]
    # The new round starts empty.
    assert "checked" not in client.get(response["Location"]).content.decode()
    take_all(client, page, key, [4, 3, 2])
    assessment = Assessment.objects.get()
    latest = services.current_round(assessment)
    assert latest.number == 2 and latest.previous.number == 1
    html = client.get("/tr/rota/result/", {"key": key}).content.decode()
    # Alan 1: 25 -> 75 (+50), Alan 3: 0 -> 25 (+25).
    assert "<td>+50</td>" in html and "<td>+25</td>" in html and "<td>0</td>" in html


def test_the_link_works_in_the_other_language(client, page):
    key = key_of(start(client, "tr"))
    take_all(client, page, key, [5, 5, 5], language="en")
    html = client.get("/en/rota/result/", {"key": key}).content.decode()
    assert "Your result" in html and "Strengths" in html


def test_consent_needs_a_name_and_the_profile_is_kept(client, page):
    response = client.post("/tr/rota/start/", {"consent": "on"})
    assert response.status_code == 400
    assert "Ekibin adınızla sonucunuzu görebilmesi için örgütünüzün adını yazın." in (
        response.content.decode()
    )
    assert Assessment.objects.count() == 0
    start(
        client,
        organisation="Kars Kadın Derneği",
        province="36",
        legal_form="association",
        consent="on",
    )
    assessment = Assessment.objects.get()
    assert assessment.shows_name and assessment.province == "36"


def test_erase_by_the_link(client, page):
    key = key_of(start(client, organisation="Örnek Derneği", consent="on"))
    take_all(client, page, key, [3, 3, 3])
    response = client.post("/tr/rota/erase/", {"key": key})
    assert response.status_code == 400
    response = client.post("/tr/rota/erase/", {"key": key, "confirm": "yes"})
    assert response.status_code == 200
    assessment = Assessment.objects.get()
    assert assessment.organisation == "" and not assessment.consent
    assert assessment.anonymised_at is not None
    assert client.get("/tr/rota/result/", {"key": key}).status_code == 404
    # The anonymous scores stay for the totals.
    assert services.current_round(assessment).scores.count() == 3


@override_settings(STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS=1)
def test_starting_is_rate_limited_per_address(client, page):
    start(client)
    response = client.post("/tr/rota/start/", {"organisation": "Örnek Derneği"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Bağlantınızdan çok fazla değerlendirme başlatıldı." in html
    assert 'value="Örnek Derneği"' in html
    assert Assessment.objects.count() == 1


def test_consent_is_given_or_withdrawn_from_the_result_page(client, page):
    key = key_of(start(client))
    take_all(client, page, key, [3, 3, 3])
    assessment = Assessment.objects.get()
    assert not assessment.shows_name
    response = client.post("/tr/rota/profile/", {"key": key, "consent": "on"})
    assert response.status_code == 400
    assert "örgütünüzün adını yazın" in response.content.decode()
    response = client.post(
        "/tr/rota/profile/", {"key": key, "organisation": "Kars Kadın Derneği", "consent": "on"}
    )
    assert response.status_code == 303 and "updated=1" in response["Location"]
    assert "Bilgileriniz kaydedildi." in client.get(response["Location"]).content.decode()
    assessment.refresh_from_db()
    assert assessment.shows_name
    client.post("/tr/rota/profile/", {"key": key, "organisation": "Kars Kadın Derneği"})
    assessment.refresh_from_db()
    assert not assessment.consent
