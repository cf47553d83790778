"""The team's side of the requests: the list with its filters and search, the workflow in
the edit form (assignment, date, decisions, a declined request needs a reason), the CSV
export, the dashboard's counts, erasure, and who may see the requests."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from applications.statuses import RequestStatus
from coaching import services
from coaching.models import Programme
from demo.coaching_builders import make_request_page, request_fields

pytestmark = pytest.mark.django_db
RS = RequestStatus
COACHING = "/admin/coaching/requests/"
TAILOR_MADE = "/admin/coaching/tailor-made/"


@pytest.fixture
def pages(home):
    return make_request_page(home, Programme.COACHING), make_request_page(
        home, Programme.TAILOR_MADE
    )


@pytest.fixture
def team(django_user_model):
    user = django_user_model.objects.create_user(
        "ekip", "ekip@example.org", "pw", first_name="Elif", last_name="Kaya"
    )
    user.groups.add(Group.objects.get(name="Coaching and training team"))
    return user


@pytest.fixture
def requests(pages):
    coaching, tailor_made = pages
    izmir = services.submit_request(
        coaching,
        request_fields(1, organisation="Ege Gençlik Derneği", province="35", areas=",finance,"),
        "tr",
        notify=False,
    )
    diyarbakir = services.submit_request(coaching, request_fields(2), "tr", notify=False)
    services.start_design(diyarbakir, notify=False)
    other = services.submit_request(
        tailor_made, request_fields(3, organisation="Kaftan Kooperatifi"), "en", notify=False
    )
    return izmir, diyarbakir, other


def listed(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_list_filters_and_search(client, team, requests):
    client.force_login(team)
    html = listed(client, COACHING)
    assert "Ege Gençlik Derneği" in html and "Örnek Kadın Dayanışma Derneği" in html
    assert "Kaftan Kooperatifi" not in html  # the other kind has its own list
    assert "Kaftan Kooperatifi" in listed(client, TAILOR_MADE)
    by_status = listed(client, f"{COACHING}?status=in_design")
    assert "Örnek Kadın" in by_status and "Ege Gençlik" not in by_status
    by_province = listed(client, f"{COACHING}?province=35")
    assert "Ege Gençlik" in by_province and "Örnek Kadın" not in by_province
    by_area = listed(client, f"{COACHING}?area=volunteers")
    assert "Örnek Kadın" in by_area and "Ege Gençlik" not in by_area
    found = listed(client, f"{COACHING}?q=Ege")
    assert "Ege Gençlik" in found and "Örnek Kadın" not in found
    assert "Tasarlanıyor" in html and "Yönetişim ve iç yapı" in html


def test_the_workflow_in_the_edit_form(client, team, requests, django_capture_on_commit_callbacks):
    request = requests[0]
    client.force_login(team)
    edit = f"{COACHING}edit/{request.pk}/"
    page = listed(client, edit)
    assert "Kim ve ne zaman" in page and "Ege Gençlik Derneği" in page
    # Declining needs a reason for the requester: refused, nothing changes.
    refused = client.post(edit, {"decision": RS.DECLINED, "reason": ""})
    assert refused.status_code == 200 and "reddin gerekçesini" in refused.content.decode()
    request.refresh_from_db()
    assert request.status == RS.RECEIVED
    # A step the workflow does not allow is refused with its message.
    refused = client.post(edit, {"decision": RS.COMPLETED})
    assert refused.status_code == 200
    request.refresh_from_db()
    assert request.status == RS.RECEIVED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit,
            {
                "decision": RS.IN_DESIGN,
                "assigned_member": team.pk,
                "expert": "Dr. Örnek Uzman",
                "note": "Bütçe sorulacak.",
            },
        )
        assert response.status_code == 302
        response = client.post(
            edit,
            {
                "decision": RS.SCHEDULED,
                "assigned_member": team.pk,
                "expert": "Dr. Örnek Uzman",
                "planned_date": "2027-04-12",
            },
        )
        assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RS.SCHEDULED and request.scheduled_for == datetime.date(2027, 4, 12)
    assert request.assignee == "Elif Kaya, Dr. Örnek Uzman"
    assert [m.subject.split(" – ")[0] for m in mail.outbox] == [
        "Çalışmayı sizinle birlikte tasarlıyoruz",
        "Çalışmanızın tarihi belli",
    ]
    assert "12 Nisan 2027" in mail.outbox[1].body and "Elif Kaya" in mail.outbox[1].body
    page = listed(client, edit)
    assert "Bütçe sorulacak." in page and "Görevli: Elif Kaya, Dr. Örnek Uzman" in page


def test_csv_export(client, team, requests):
    client.force_login(team)
    response = client.get(f"{COACHING}?export=csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2
    row = next(row for row in rows if row["Kuruluş"] == "Ege Gençlik Derneği")
    assert row["Durum"] == "Alındı" and row["İl"] == "İzmir"
    assert row["Alanlar"] == "Mali yönetim ve raporlama" and row["Tüzel yapı"] == "Dernek"


def test_dashboard_counts(client, team, requests):
    client.force_login(team)
    html = listed(client, "/admin/")
    assert "Açık koçluk ve eğitim talepleri" in html
    assert f'href="{COACHING}?status=received">1<' in html
    assert f'href="{COACHING}?status=in_design">1<' in html
    assert f'href="{TAILOR_MADE}?status=received">1<' in html


def test_erase_and_export_one(client, team, requests):
    request = requests[0]
    client.force_login(team)
    assert client.get(f"{COACHING}export/{request.pk}/").status_code == 200
    assert "Ege Gençlik" in listed(client, f"{COACHING}erase/{request.pk}/")
    assert client.post(f"{COACHING}erase/{request.pk}/").status_code == 302
    request.refresh_from_db()
    assert request.is_anonymised and request.organisation == "—"


def test_only_the_team_sees_requests(client, requests, django_user_model):
    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(COACHING).status_code in (302, 403)
    assert "Açık koçluk ve eğitim talepleri" not in client.get("/admin/").content.decode()
