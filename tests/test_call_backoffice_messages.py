"""The team writes to applicants (one, a selection, everyone in a status), each in their
language, logged with the application, sent by the worker, no personal data in logs."""

import logging

import pytest
from django.core import mail
from django.utils import translation

from applications import services
from applications.models import ApplicationEmail, ApplicationStatus, LogAction
from applications.services.messages import MessageText
from applications.stands import services as stand_services
from stories.open_call import services as narrator_services
from tests.test_call_backoffice_waitlist import festival, index, reviewer, submit  # noqa: F401
from tests.test_open_call import fields as narrator_fields
from tests.test_open_call import make_call

pytestmark = pytest.mark.django_db
S = ApplicationStatus
BULK = "/admin/bulk/applications/standapplication/message/"
TEXTS = {
    "tr": MessageText("Kurulum saati değişti", "Stantlar sabah 8'de kurulacak."),
    "en": MessageText("Set-up time changed", "Stands are set up at 8 in the morning."),
}


def test_each_applicant_gets_the_text_of_their_language(
    festival,  # noqa: F811
    reviewer,  # noqa: F811
    django_capture_on_commit_callbacks,
    caplog,
):
    turkish, english = submit(festival, 1, "tr"), submit(festival, 2, "en")
    mail.outbox.clear()
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        written = services.write_to_applicants([turkish, english], TEXTS, reviewer)
    assert {a.pk for a in written} == {turkish.pk, english.pk}
    by_address = {message.to[0]: message for message in mail.outbox}
    tr_mail, en_mail = by_address[turkish.email], by_address[english.email]
    assert tr_mail.subject == "Kurulum saati değişti"
    assert "Sayın Ayşe Yılmaz," in tr_mail.body and "sabah 8'de" in tr_mail.body
    assert "Size özel bağlantınız" in tr_mail.body and turkish.link_token in tr_mail.body
    assert en_mail.subject == "Set-up time changed"
    assert "Dear Ayşe Yılmaz," in en_mail.body and "8 in the morning" in en_mail.body
    # Logged with the application: its e-mails and its history.
    for application, subject in (
        (turkish, "Kurulum saati değişti"),
        (english, TEXTS["en"].subject),
    ):
        assert services.emails_of(application).filter(subject=subject, state="sent").exists()
        entry = services.history_of(application).first()
        assert (entry.action, entry.text, entry.user) == (LogAction.MESSAGE, subject, reviewer)
    # Personal data never in the logs.
    for secret in (turkish.email, english.email, "Ayşe", "Örnek Derneği"):
        assert secret not in caplog.text


def test_a_missing_language_sends_nothing(festival):  # noqa: F811
    applications = [submit(festival, 1, "tr"), submit(festival, 2, "en")]
    before = ApplicationEmail.objects.count()
    with translation.override("tr"), pytest.raises(services.MissingMessageText) as refused:
        services.write_to_applicants(applications, {"tr": TEXTS["tr"]})
    assert "İngilizce" in str(refused.value.message)
    assert ApplicationEmail.objects.count() == before


def test_erased_applicants_are_not_written_to(festival):  # noqa: F811
    kept, erased = submit(festival, 1), submit(festival, 2, "en")
    services.anonymise(erased)
    erased.refresh_from_db()
    assert services.languages_of([kept, erased]) == ["tr"]
    written = services.write_to_applicants([kept, erased], {"tr": TEXTS["tr"]})
    assert [a.pk for a in written] == [kept.pk]


def test_write_to_a_selection_in_the_admin(
    client,
    festival,  # noqa: F811
    reviewer,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    chosen = [submit(festival, 1), submit(festival, 2)]
    other = submit(festival, 3, "en")
    client.force_login(reviewer)
    url = f"{BULK}?id={chosen[0].pk}&id={chosen[1].pk}"
    page = client.get(url).content.decode()
    # Only the recipients' language is asked (both read Turkish).
    assert 'name="subject_tr"' in page and 'name="subject_en"' not in page
    assert "Konu (Türkçe)" in page
    # Empty texts: a translated error, nothing sent.
    response = client.post(url, {"subject_tr": "", "message_tr": ""})
    assert response.status_code == 200
    assert "Konuyu Türkçe yazın." in response.content.decode()
    assert not services.emails_of(chosen[0]).filter(status="").exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"subject_tr": TEXTS["tr"].subject, "message_tr": TEXTS["tr"].body}
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(a.email for a in chosen)
    assert not services.history_of(other).filter(action=LogAction.MESSAGE).exists()
    history = client.get(f"/admin/applications/stands/history/{chosen[0].pk}/")
    assert "Başvurana ileti gönderildi" in history.content.decode()


def test_write_to_one_applicant_from_the_edit_page(client, festival, reviewer):  # noqa: F811
    application = submit(festival, 1, "en")
    client.force_login(reviewer)
    edit = client.get(f"/admin/applications/stands/edit/{application.pk}/").content.decode()
    assert f"{BULK}?id={application.pk}&amp;next=" in edit
    page = client.get(f"{BULK}?id={application.pk}").content.decode()
    assert "Konu (İngilizce)" in page and 'name="subject_tr"' not in page


def test_write_to_everyone_in_a_status(
    client,
    festival,  # noqa: F811
    reviewer,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    approved = stand_services.approve(submit(festival, 1))
    waiting = [
        stand_services.waitlist(submit(festival, n, language))
        for n, language in ((2, "tr"), (3, "en"))
    ]
    client.force_login(reviewer)
    listing = client.get("/admin/applications/stands/?status=waitlisted").content.decode()
    assert "Bu listedeki herkese yaz (2)" in listing
    url = f"{BULK}?status=waitlisted&id=all"
    assert f"{BULK}?status=waitlisted&amp;id=all" in listing
    page = client.get(url).content.decode()
    assert 'name="subject_tr"' in page and 'name="subject_en"' in page
    assert approved.organisation not in page
    mail.outbox.clear()
    data = {"subject_tr": "Bekleme listesi", "message_tr": "Haber vereceğiz."}
    data |= {"subject_en": "Waiting list", "message_en": "We will let you know."}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert sorted(m.subject for m in mail.outbox) == ["Bekleme listesi", "Waiting list"]
    assert {m.to[0] for m in mail.outbox} == {a.email for a in waiting}


def test_narrator_applicants_can_be_written_to_as_well(admin_client, home):
    call = make_call(home)
    application = narrator_services.submit_narrator_application(call, narrator_fields(), "tr")
    url = f"/admin/bulk/stories/narratorapplication/message/?id={application.pk}"
    response = admin_client.get(url)
    assert response.status_code == 200 and 'name="message_tr"' in response.content.decode()
