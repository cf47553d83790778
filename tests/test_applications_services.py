"""Stand application services: capacity, stand numbers, waiting list, transitions, duplicates,
e-mails in the applicant's language, KVKK export and anonymisation, retention."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale

from applications import services
from applications.models import (
    ApplicationEmail,
    ApplicationStatus,
    EmailState,
    LogAction,
    StandApplication,
)
from applications.stands import services as stand_services
from applications.stands.calls import FestivalCall, lowest_free_number, stand_call
from demo.builders import application_fields, make_events_index, make_festival, translate
from events.choices import AllocationMode

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.fixture
def index(home):
    index = make_events_index(home)
    translate(index, Locale.objects.get(language_code="en"), title="Events", slug="events")
    return index


def submit(festival, n=1, language="tr", **overrides):
    return stand_services.submit_stand_application(
        festival, application_fields(n, **overrides), language
    )


def test_reviewed_mode_submits_then_waitlists_when_full(index):
    festival = make_festival(index, stands=2)
    first = submit(festival, 1)
    assert first.status == S.SUBMITTED and first.stand_number is None
    stand_services.approve(first)
    stand_services.approve(submit(festival, 2))
    assert stand_call(festival).state == "full"
    third = submit(festival, 3)
    assert third.status == S.WAITLISTED and third.waitlisted_at
    with pytest.raises(stand_services.NoStandAvailable):
        stand_services.approve(third)


def test_first_come_mode_approves_with_distinct_numbers_then_waitlists(index):
    festival = make_festival(index, stands=3, mode=AllocationMode.FIRST_COME)
    applications = [submit(festival, n) for n in range(5)]
    assert [a.status for a in applications] == [S.APPROVED] * 3 + [S.WAITLISTED] * 2
    assert [a.stand_number for a in applications[:3]] == [1, 2, 3]
    call = stand_call(festival)
    assert (call.taken, call.remaining, call.state) == (3, 0, "full")


def test_freed_stand_goes_to_first_waiting_in_first_come_mode(index):
    festival = make_festival(index, stands=1, mode=AllocationMode.FIRST_COME)
    holder, second, third = (submit(festival, n) for n in range(3))
    services.withdraw(holder)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == S.APPROVED and second.stand_number == 1
    assert third.status == S.WAITLISTED


def test_freed_stand_is_proposed_in_reviewed_mode(index):
    festival = make_festival(index, stands=1)
    holder = stand_services.approve(submit(festival, 1))
    waiting = submit(festival, 2)
    assert waiting.status == S.WAITLISTED
    stand_services.reject(holder)
    waiting.refresh_from_db()
    assert waiting.status == S.WAITLISTED and waiting.proposed_at is not None
    assert services.history_of(waiting).filter(action=LogAction.PROPOSED).exists()
    approved = stand_services.approve(waiting)
    assert approved.stand_number == 1 and approved.proposed_at is None


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        (S.SUBMITTED, S.APPROVED, True),
        (S.SUBMITTED, S.WAITLISTED, True),
        (S.SUBMITTED, S.REJECTED, True),
        (S.SUBMITTED, S.WITHDRAWN, True),
        (S.WAITLISTED, S.APPROVED, True),
        (S.WAITLISTED, S.REJECTED, True),
        (S.WAITLISTED, S.WITHDRAWN, True),
        (S.APPROVED, S.WAITLISTED, True),
        (S.APPROVED, S.REJECTED, True),
        (S.APPROVED, S.WITHDRAWN, True),
        (S.APPROVED, S.APPROVED, False),
        (S.SUBMITTED, S.SUBMITTED, False),
        (S.WAITLISTED, S.SUBMITTED, False),
        (S.REJECTED, S.APPROVED, False),
        (S.REJECTED, S.WITHDRAWN, False),
        (S.WITHDRAWN, S.APPROVED, False),
        (S.WITHDRAWN, S.SUBMITTED, False),
    ],
)
def test_every_transition(index, start, target, allowed):
    festival = make_festival(index, stands=5)
    application = submit(festival)
    if start != S.SUBMITTED:
        if start == S.REJECTED or start == S.WITHDRAWN:
            application = stand_services.change_status(application, start)
        else:
            application = stand_services.change_status(application, start)
    if allowed:
        changed = stand_services.change_status(application, target)
        assert changed.status == target
        assert (changed.stand_number is not None) == (target == S.APPROVED)
        entry = services.history_of(changed).filter(action=LogAction.STATUS).first()
        assert (entry.from_status, entry.to_status) == (start, target)
    else:
        with pytest.raises(services.InvalidTransition):
            stand_services.change_status(application, target)
        application.refresh_from_db()
        assert application.status == start


def test_stand_types_have_their_own_count_and_number_range(index):
    festival = make_festival(index, stands=3, types=[("Standart", 2), ("Köşe", 1)])
    standard, corner = festival.stand_types.all()
    a = stand_services.approve(submit(festival, 1, stand_type=standard))
    b = stand_services.approve(submit(festival, 2, stand_type=corner))
    c = stand_services.approve(submit(festival, 3, stand_type=standard))
    assert (a.stand_number, b.stand_number, c.stand_number) == (1, 3, 2)
    late = submit(festival, 4, stand_type=corner)
    assert late.status == S.WAITLISTED
    with pytest.raises(stand_services.NoStandAvailable):
        stand_services.approve(late)
    types = {t.label: t.remaining for t in stand_call(festival).types}
    assert types == {"Standart": 0, "Köşe": 0}


def test_duplicate_organisation_and_email_is_one_application(index):
    festival = make_festival(index)
    submit(festival, 1)
    with pytest.raises(services.DuplicateApplication):
        submit(festival, 1, organisation="  örnek   DERNEĞİ 1 ", email="BASVURU1@ornek.org.tr")
    # Typed without Turkish letters, and an upper-case "I" that is not a dotless "ı".
    with pytest.raises(services.DuplicateApplication):
        submit(festival, 1, organisation="ORNEK DERNEGI 1", email="BASVURU1@ORNEK.ORG.TR")
    assert StandApplication.objects.count() == 1
    # Another festival, or another e-mail, is another application.
    other = make_festival(index, title="Sivil Sesler Festivali 2031", slug="ssf-2031")
    submit(other, 1)
    submit(festival, 1, email="baska@ornek.org.tr")
    assert StandApplication.objects.count() == 3


def test_withdrawn_organisation_may_apply_again(index):
    festival = make_festival(index)
    services.withdraw(submit(festival, 1))
    assert submit(festival, 1).status == S.SUBMITTED


def test_database_refuses_two_applications_on_one_stand(index):
    festival = make_festival(index)
    a = stand_services.approve(submit(festival, 1))
    b = submit(festival, 2)
    with pytest.raises(IntegrityError), transaction.atomic():
        StandApplication.objects.filter(pk=b.pk).update(
            status=S.APPROVED, stand_number=a.stand_number
        )


def test_closed_and_not_yet_open_calls_refuse(index):
    now = timezone.now()
    closed = make_festival(
        index,
        applications_open=now - datetime.timedelta(days=10),
        applications_close=now - datetime.timedelta(days=1),
    )
    with pytest.raises(services.CallNotOpen):
        submit(closed)
    assert stand_call(closed).state == "closed"
    later = make_festival(
        index,
        slug="later",
        applications_open=now + datetime.timedelta(days=1),
        applications_close=now + datetime.timedelta(days=10),
    )
    assert stand_call(later).state == "not_yet_open"
    with pytest.raises(services.CallNotOpen):
        submit(later)


def test_english_page_shares_the_turkish_call(index):
    festival = make_festival(index, stands=1, mode=AllocationMode.FIRST_COME, english=True)
    english = festival.get_translation(Locale.objects.get(language_code="en"))
    application = submit(english, 1, language="en")
    assert application.festival_id == festival.pk
    assert stand_call(english).state == "full"


def test_emails_in_the_applicants_language_for_each_status(
    index, django_capture_on_commit_callbacks
):
    commits = django_capture_on_commit_callbacks
    festival = make_festival(index, stands=1, english=True)
    with commits(execute=True):
        turkish = submit(festival, 1, language="tr")
    with commits(execute=True):
        english = submit(festival, 2, language="en")
    assert "başvurunuzu aldık" in mail.outbox[0].subject.lower()
    assert "received your stand application" in mail.outbox[1].subject
    assert "?key=" in mail.outbox[1].body and "/en/" in mail.outbox[1].body
    with commits(execute=True):
        stand_services.approve(english)
    assert "stand 1" in mail.outbox[-1].subject
    with commits(execute=True):
        stand_services.reject(turkish)
    assert mail.outbox[-1].to == ["basvuru1@ornek.org.tr"]
    assert ApplicationEmail.objects.filter(state=EmailState.SENT).count() == 4


def test_failed_email_keeps_the_application_and_is_retried(
    index, django_capture_on_commit_callbacks
):
    festival = make_festival(index)
    with (
        mock.patch(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            side_effect=ConnectionRefusedError,
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        application = submit(festival)
    assert StandApplication.objects.filter(pk=application.pk).exists()
    email = ApplicationEmail.objects.get()
    assert (email.state, email.attempts, email.last_error) == (
        EmailState.FAILED,
        1,
        "ConnectionRefusedError",
    )
    assert not mail.outbox
    call_command("send_application_emails")
    email.refresh_from_db()
    assert email.state == EmailState.SENT and email.attempts == 2
    assert len(mail.outbox) == 1


def test_export_and_anonymise(index):
    festival = make_festival(index, stands=1, mode=AllocationMode.FIRST_COME)
    holder = submit(festival, 1)
    waiting = submit(festival, 2)
    services.add_note(holder, "Telefonla arandı: Ayşe Hanım")
    data = services.export_application(holder)
    assert data["application"]["email"] == "basvuru1@ornek.org.tr"
    assert data["emails"][0]["to"] == "basvuru1@ornek.org.tr"
    token = holder.link_token
    anonymised = services.anonymise(holder)
    assert anonymised.email == "" and anonymised.contact_name == "—"
    assert anonymised.organisation == "—" and anonymised.phone == ""
    assert anonymised.province == "06" and anonymised.status == S.WITHDRAWN
    assert StandApplication.from_token(token) is None
    assert not services.history_of(anonymised).exclude(text="").exists()
    assert not services.emails_of(anonymised).exclude(to_address="").exists()
    waiting.refresh_from_db()
    # The freed stand is proposed to the waiting list; an erasure promotes no one.
    assert waiting.status == S.WAITLISTED and waiting.proposed_at is not None


def test_retention_command_anonymises_after_the_festival(index):
    from demo.builders import aware

    past = make_festival(index, start=aware(2020, 5, 1), end=aware(2020, 5, 2), slug="past")
    application = submit(past, 1)
    current = make_festival(index, slug="current")
    kept = submit(current, 1)
    call_command("anonymise_applications", "--days", "365")
    application.refresh_from_db()
    kept.refresh_from_db()
    assert application.is_anonymised and not kept.is_anonymised


def test_bulk_change_respects_capacity(index):
    festival = make_festival(index, stands=2)
    applications = [submit(festival, n) for n in range(4)]
    result = services.bulk_change_status(applications, S.APPROVED)
    assert len(result.changed) == 2 and len(result.refused) == 2
    assert services.status_counts(StandApplication.objects.all())[S.APPROVED] == 2


def give(festival, numbers: list[int]) -> None:
    """Approved applications holding exactly these stand numbers."""
    for number in numbers:
        application = submit(festival, 100 + number)
        StandApplication.objects.filter(pk=application.pk).update(
            status=S.APPROVED, stand_number=number
        )


@pytest.mark.parametrize(
    ("given", "numbers", "free"),
    [
        ([], range(1, 6), 1),
        ([2, 3], range(1, 6), 1),
        ([1, 2, 4], range(1, 6), 3),
        ([1, 2, 3, 4, 5], range(1, 6), None),
        ([3, 4], range(3, 6), 5),
        ([3, 4, 5, 6, 7], range(3, 6), None),  # numbers of another range do not count
        ([1, 2, 5], range(3, 6), 3),
        ([1], range(0), None),
    ],
)
def test_the_lowest_free_stand_number(index, given, numbers, free):
    festival = make_festival(index, stands=10)
    other = make_festival(index, stands=10, title="Başka Festival", slug="baska")
    give(festival, given)
    give(other, [1, 2, 3])  # another festival's stands are not this one's
    assert lowest_free_number(festival, numbers) == free


def test_the_call_as_shown_follows_each_application(index):
    """The stands left, as the form and the festival page show them, are kept between two
    changes to an application: each submission, decision and withdrawal shows at once."""
    festival = make_festival(index, stands=3, mode=AllocationMode.FIRST_COME)
    shown = FestivalCall(festival).shown_status
    assert (shown().taken, shown().remaining) == (0, 3)
    first = submit(festival, 1)
    assert (shown().taken, shown().remaining) == (1, 2)
    submit(festival, 2)
    submit(festival, 3)
    assert (shown().taken, shown().state) == (3, "full")
    services.withdraw(first)  # its stand goes to no one waiting: 2 taken
    assert shown().taken == 2
    assert shown() == stand_call(festival)
