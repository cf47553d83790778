"""The waiting list says what is true: every stand taken and the applicant's place in the
line, or stands free and the team's decision (with its reason, if it gave one), in the
e-mail and on the private page, in both languages."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation
from wagtail.models import Locale

from applications import services
from applications.models import ApplicationStatus, StandApplication
from applications.stands import services as stand_services
from demo.builders import application_fields, make_festival
from tests.test_applications_services import index  # noqa: F401

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.fixture
def festival(index):  # noqa: F811
    return make_festival(index, stands=40, english=True)


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", "r@example.org", "pw")
    user.groups.add(Group.objects.get(name="Stand reviewers"))
    return user


def submit(festival, n=1, language="tr", **overrides) -> StandApplication:
    return stand_services.submit_stand_application(
        festival, application_fields(n, **overrides), language
    )


def last_email_to(application):
    return [m for m in mail.outbox if m.to == [application.email]][-1]


def status_page(client, application, language="tr"):
    page = application.festival
    if language == "en":
        page = page.get_translation(Locale.objects.get(language_code="en"))
    url = f"{page.url}{page.reverse_subpage('application')}?key={application.link_token}"
    return client.get(url).content.decode()


@pytest.mark.parametrize(
    ("language", "expected", "untrue"),
    [
        ("tr", "Başvurunuz bekleme listesinde; ekip size yazacak.", "Tüm stantlar dolu"),
        (
            "en",
            "Your application is on the waiting list; the team will write to you.",
            "All stands are taken",
        ),
    ],
)
def test_waitlisted_while_stands_are_free_does_not_say_all_are_taken(
    client, festival, reviewer, django_capture_on_commit_callbacks, language, expected, untrue
):
    for n in range(3):
        stand_services.approve(submit(festival, n))
    application = submit(festival, 9, language)
    with django_capture_on_commit_callbacks(execute=True):
        stand_services.waitlist(application, reviewer)
    body = last_email_to(application).body
    assert expected in body and untrue not in body
    assert "Every stand" not in body and "is taken for now" not in body
    html = status_page(client, application, language)
    assert expected in html and untrue not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", "Tüm stantlar dolu: bekleme listesinde 2. sıradasınız."),
        ("en", "All stands are taken: you are number 2 on the waiting list."),
    ],
)
def test_full_call_tells_the_place_on_the_waiting_list(
    client,
    index,  # noqa: F811
    django_capture_on_commit_callbacks,
    language,
    expected,
):
    festival = make_festival(index, stands=2, english=True)
    for n in range(2):
        stand_services.approve(submit(festival, n))
    first = submit(festival, 3)
    with django_capture_on_commit_callbacks(execute=True):
        second = submit(festival, 4, language)
    assert (first.status, second.status) == (S.WAITLISTED, S.WAITLISTED)
    assert (first.waiting_position(), second.waiting_position()) == (1, 2)
    assert expected in last_email_to(second).body
    assert expected in status_page(client, second, language)
    # The one ahead withdraws: the page now says number 1.
    services.withdraw(first)
    second.refresh_from_db()
    assert expected.replace("2", "1") in status_page(client, second, language)


def test_full_stand_type_says_this_type_and_counts_its_own_line(index):  # noqa: F811
    festival = make_festival(index, stands=3, types=[("Büyük", 1), ("Küçük", 2)])
    big, small = festival.stand_types.all()
    stand_services.approve(submit(festival, 1, stand_type=big))
    small_waiting = stand_services.waitlist(submit(festival, 2, stand_type=small))
    waiting = submit(festival, 3, "en", stand_type=big)
    assert waiting.status == S.WAITLISTED
    assert waiting.waiting_position() == 1  # the small stand's line is another line
    with translation.override("en"):
        assert waiting.waitlist_message().startswith(
            "All stands of this type are taken: you are number 1"
        )
        assert small_waiting.waitlist_message() == (
            "Your application is on the waiting list; the team will write to you."
        )


def test_the_reviewers_reason_reaches_the_applicant(
    client, festival, reviewer, django_capture_on_commit_callbacks
):
    application = submit(festival, 1)
    client.force_login(reviewer)
    url = f"/admin/applications/stands/edit/{application.pk}/"
    reason = "Önceliği bu yıl ilk kez katılacak kuruluşlara veriyoruz."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"decision": "waitlisted", "reason": reason, "note": "ekip içi not"}
        )
    assert response.status_code == 302
    body = last_email_to(application).body
    assert "Ekipten bir not:" in body and reason in body
    assert "ekip içi not" not in body  # the team's note stays with the team
    html = status_page(client, application)
    assert reason in html and "ekip içi not" not in html
    entry = services.history_of(application).first()
    assert (entry.reason, entry.text) == (reason, "ekip içi not")


def test_a_reason_without_a_decision_is_refused_with_a_translated_message(
    client, festival, reviewer
):
    application = submit(festival, 1)
    client.force_login(reviewer)
    response = client.post(
        f"/admin/applications/stands/edit/{application.pk}/", {"reason": "Bir gerekçe"}
    )
    assert response.status_code == 200
    assert "Bir gerekçe göndermek için bir karar seçin." in response.content.decode()
    assert services.history_of(application).count() == 1  # only "received"


def test_the_reason_is_exported_and_erased_with_the_personal_data(festival, reviewer):
    application = stand_services.waitlist(submit(festival, 1), reviewer, reason="Ayşe Hanım'a")
    data = services.export_application(application)
    assert [step["reason"] for step in data["history"]] == ["", "Ayşe Hanım'a"]
    services.anonymise(application)
    assert not services.history_of(application).exclude(reason="").exists()
