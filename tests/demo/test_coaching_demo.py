"""Organisational Coaching and Tailor-Made trainings in the demo: the programme pages
rewritten in both languages with their call to request, the request pages, and sample
requests in every status for both kinds, in both languages."""

import pytest

from applications.statuses import RequestStatus
from coaching.models import CoachingRequest, CoachingRequestPage, TailorMadeRequest
from home.models import StandardPage

from .conftest import DEMO

pytestmark = DEMO


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        ("/tr/programlar/orgutsel-kocluk/", ["uzmanlarla buluşturur", "Talep formunu doldurun"]),
        ("/en/programmes/organisational-coaching/", ["pairs it with experts", "request form"]),
        ("/tr/programlar/bicilmis-kaftan/", ["paydaşıdır", "Talep formunu doldurun"]),
        ("/en/programmes/tailor-made-trainings/", ["a stakeholder", "request form"]),
    ],
)
def test_programme_pages_tell_who_how_and_what_and_call_to_request(client, url, texts):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in texts:
        assert text in html
    page = StandardPage.objects.get(url_path__endswith=url.split("/", 2)[2])
    assert len(page.body) >= 3  # who it is for, how it works, what a CSO gets


@pytest.mark.parametrize(
    "url",
    [
        "/tr/programlar/orgutsel-kocluk/talep/request/",
        "/en/programmes/organisational-coaching/request/request/",
        "/tr/programlar/bicilmis-kaftan/talep/request/",
        "/en/programmes/tailor-made-trainings/request/request/",
    ],
)
def test_the_request_forms_answer_in_both_languages(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Talebi gönder" in html) == url.startswith("/tr/")
    assert ("Send the request" in html) == url.startswith("/en/")


@pytest.mark.parametrize("model", [CoachingRequest, TailorMadeRequest])
def test_sample_requests_in_every_status_and_both_languages(model):
    requests = model.objects.all()
    assert {r.status for r in requests} == set(RequestStatus.values)
    assert {r.language for r in requests} == {"tr", "en"}
    assert all(r.email.endswith("@example.org") for r in requests)  # invented, marked
    declined = requests.get(status=RequestStatus.DECLINED)
    assert declined.status_reason()
    assert CoachingRequestPage.objects.filter(live=True).count() == 4
