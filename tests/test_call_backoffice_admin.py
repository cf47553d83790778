"""The team's admin of a call: a stand number set by hand within the rules, the history
view that shows the application's steps, and a CSV that Turkish Excel opens."""

import csv
import io

import pytest
from django.core import mail
from django.utils import translation
from wagtail.users.models import UserProfile

from applications import services
from applications.models import ApplicationStatus, LogAction
from applications.stands import services as stand_services
from demo.builders import application_fields, make_festival
from tests.test_call_backoffice_waitlist import festival, index, reviewer, submit  # noqa: F401

pytestmark = pytest.mark.django_db
S = ApplicationStatus


def edit_url(application) -> str:
    return f"/admin/applications/stands/edit/{application.pk}/"


# --- A stand number by hand ----------------------------------------------------------------


def test_stand_number_rules(index):  # noqa: F811
    typed = make_festival(index, stands=4, types=[("Büyük", 1), ("Küçük", 3)])
    big, small = typed.stand_types.all()
    holder = stand_services.approve(submit(typed, 1, stand_type=small))
    assert holder.stand_number == 2  # the small stands are numbered 2 to 4
    application = stand_services.approve(submit(typed, 2, stand_type=small))
    waiting = submit(typed, 3, stand_type=small)
    refusals = {
        (waiting.pk, 3): "Only an approved application has a stand number.",
        (application.pk, 0): "Stand numbers at this festival go from 1 to 4.",
        (application.pk, 5): "Stand numbers at this festival go from 1 to 4.",
        (application.pk, 1): "Stands of the type “Küçük” are numbered 2 to 4.",
        (application.pk, 2): "Stand 2 is already given to “Örnek Derneği 1”.",
    }
    for (pk, number), message in refusals.items():
        target = type(application).objects.get(pk=pk)
        with (
            translation.override("en"),
            pytest.raises(stand_services.InvalidStandNumber) as refused,
        ):
            stand_services.set_stand_number(target, number)
        assert str(refused.value.message) == message
    moved = stand_services.set_stand_number(application, 4)
    assert moved.stand_number == 4
    entry = services.history_of(moved).first()
    assert (entry.action, entry.stand_number) == (LogAction.STAND_NUMBER, 4)
    # Stand 3 is free again for the next approval.
    assert stand_services.approve(waiting).stand_number == 3


def test_stand_number_in_the_admin(
    client,
    festival,  # noqa: F811
    reviewer,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    application = stand_services.approve(submit(festival, 1))
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(application), {"stand_number": "12"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stand_number == 12
    assert "12" in mail.outbox[-1].subject  # the applicant is told the new number
    history = client.get(f"/admin/applications/stands/history/{application.pk}/")
    assert "Stant numarası verildi (stant 12)" in history.content.decode()
    # Out of range: a translated error on the field, nothing changed.
    response = client.post(edit_url(application), {"stand_number": "41"})
    assert response.status_code == 200
    assert "Bu festivalde stant numaraları 1 ile 40 arasındadır." in response.content.decode()
    application.refresh_from_db()
    assert application.stand_number == 12


def test_approving_with_a_chosen_number_sends_one_email_with_it(
    client,
    festival,  # noqa: F811
    reviewer,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    application = submit(festival, 1)
    mail.outbox.clear()
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(application), {"decision": "approved", "stand_number": "7"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.stand_number) == (S.APPROVED, 7)
    assert len(mail.outbox) == 1 and "7 numaralı stant" in mail.outbox[0].subject


def test_a_refused_number_undoes_the_decision_too(client, festival, reviewer):  # noqa: F811
    taken = stand_services.approve(submit(festival, 1))
    application = submit(festival, 2)
    client.force_login(reviewer)
    response = client.post(
        edit_url(application), {"decision": "approved", "stand_number": str(taken.stand_number)}
    )
    assert response.status_code == 200
    assert "zaten “Örnek Derneği 1” kuruluşuna verildi" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.SUBMITTED and application.stand_number is None


# --- The history view ----------------------------------------------------------------------


def test_history_icon_opens_the_applications_steps(client, festival, reviewer):  # noqa: F811
    application = submit(festival, 1)
    services.transition(application, S.APPROVED, reviewer, note="Uygun görüldü")
    services.add_note(application, "Masa istedi", reviewer)
    client.force_login(reviewer)
    history_url = f"/admin/applications/stands/history/{application.pk}/"
    panel = client.get(edit_url(application)).content.decode()
    assert history_url in panel  # the edit page's history icon
    assert "Durum değişti: Alındı → Onaylandı (stant 1)" in panel
    html = client.get(history_url).content.decode()
    for step in (
        "Alındı",
        "Durum değişti: Alındı → Onaylandı (stant 1)",
        "Uygun görüldü",
        "Masa istedi",
        "reviewer",
    ):
        assert step in html


# --- The CSV export ------------------------------------------------------------------------


def export_bytes(client) -> bytes:
    response = client.get("/admin/applications/stands/?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return b"".join(response.streaming_content)


def test_csv_opens_in_turkish_excel(client, festival, reviewer):  # noqa: F811
    stand_services.submit_stand_application(
        festival, application_fields(1, organisation="Işık Çiğdem Öğrenci Şûrası"), "tr"
    )
    client.force_login(reviewer)
    content = export_bytes(client)
    assert content.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte order mark Excel reads
    header, row = content[3:].decode("utf-8").splitlines()[:2]
    assert header.startswith("Numara;Festival;Durum;")
    assert "Işık Çiğdem Öğrenci Şûrası".encode() in content
    values = next(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert (values["Kuruluş"], values["İl"]) == ("Işık Çiğdem Öğrenci Şûrası", "Ankara")


def test_csv_in_the_english_admin_uses_commas(client, festival, reviewer):  # noqa: F811
    submit(festival, 1)
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(reviewer)
    content = export_bytes(client)
    assert content.startswith(b"\xef\xbb\xbfNumber,Festival,Status,")
