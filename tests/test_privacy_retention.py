"""KVKK retention (issue 21, item 5): `anonymise_applications` finishes every due
application of every kind, promotes and e-mails no one, can run twice, reports counts per
kind without anything personal, and a row that fails does not stop the others."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale

from applications import services
from applications.models import ApplicationEmail, ApplicationStatus, LogAction, StandApplication
from applications.stands import services as stand_services
from demo.builders import (
    application_fields,
    aware,
    make_events_index,
    make_festival,
    translate,
)
from events.choices import AllocationMode
from stories.models import NarratorApplication
from stories.open_call import services as narrator_services
from tests.test_open_call import fields as narrator_fields
from tests.test_open_call import make_call

pytestmark = pytest.mark.django_db
S = ApplicationStatus
STAND = StandApplication._meta.label
NARRATOR = NarratorApplication._meta.label


@pytest.fixture
def index(home):
    index = make_events_index(home)
    translate(index, Locale.objects.get(language_code="en"), title="Events", slug="events")
    return index


def past_festival(index, slug="gecmis-festival", **kwargs):
    """A first-come festival that ended in 2020 (its call open now, so that the tests can
    apply to it)."""
    kwargs.setdefault("mode", AllocationMode.FIRST_COME)
    return make_festival(index, slug=slug, start=aware(2020, 5, 1), end=aware(2020, 5, 2), **kwargs)


def apply(festival, n):
    return stand_services.submit_stand_application(
        festival, application_fields(n), "tr", notify=False
    )


def run(days=365) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("anonymise_applications", "--days", str(days), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def closed_call(home):
    """A narrator call that closed long ago, with one application (applied while open)."""
    call = make_call(home)
    application = narrator_services.submit_narrator_application(
        call, narrator_fields(), "tr", notify=False
    )
    call.applications_open = aware(2020, 1, 1)
    call.applications_close = aware(2020, 2, 1)
    call.save_revision().publish()
    return application


def test_first_come_waiting_list_is_anonymised_without_promoting_anyone(
    index, django_capture_on_commit_callbacks
):
    festival = past_festival(index, stands=1)
    holder, first_waiting, second_waiting = (apply(festival, n) for n in range(3))
    assert [a.status for a in (holder, first_waiting, second_waiting)] == [
        S.APPROVED,
        S.WAITLISTED,
        S.WAITLISTED,
    ]
    emails_before = ApplicationEmail.objects.count()
    changes = services.history_of(first_waiting).filter(action=LogAction.STATUS)
    changes_before = changes.count()
    with django_capture_on_commit_callbacks(execute=True):
        out, err = run()
    for application in (holder, first_waiting, second_waiting):
        application.refresh_from_db()
        assert application.is_anonymised and application.email == ""
    # The stand is freed; no one on the list got it, was proposed it or was written to.
    assert holder.status == S.WITHDRAWN and holder.stand_number is None
    assert first_waiting.status == second_waiting.status == S.WAITLISTED
    assert first_waiting.proposed_at is None
    assert changes.count() == changes_before
    assert ApplicationEmail.objects.count() == emails_before and not mail.outbox
    assert f"{STAND}: 3 anonymised" in out and "3 application(s) anonymised." in out
    assert err == ""


def test_every_kind_is_anonymised_and_the_report_names_no_one(home, index):
    festival = past_festival(index, stands=5)
    stands = [apply(festival, n) for n in range(2)]
    narrator = closed_call(home)
    kept = apply(make_festival(index, slug="gelecek-festival"), 9)  # a festival to come
    personal = [
        *(value for a in [*stands, kept] for value in (a.email, a.organisation)),
        narrator.email,
        narrator.contact_name,
        "Ayşe Yılmaz",
        "Derneği",
    ]
    out, _err = run()
    for application in [*stands, narrator]:
        application.refresh_from_db()
        assert application.is_anonymised
    kept.refresh_from_db()
    assert not kept.is_anonymised
    assert f"{STAND}: 2 anonymised" in out and f"{NARRATOR}: 1 anonymised" in out
    assert "3 application(s) anonymised." in out
    assert not [value for value in personal if value in out]


def test_a_second_run_finds_nothing_and_changes_nothing(home, index):
    festival = past_festival(index, stands=1)
    applications = [apply(festival, n) for n in range(3)]
    narrator = closed_call(home)
    run()
    first = {a.pk: a for a in StandApplication.objects.all()}
    narrator.refresh_from_db()
    out, err = run()
    assert f"{STAND}: 0 anonymised" in out and f"{NARRATOR}: 0 anonymised" in out
    assert "0 application(s) anonymised." in out and err == ""
    for application in applications:
        application.refresh_from_db()
        before = first[application.pk]
        assert (application.anonymised_at, application.status, application.access_key) == (
            before.anonymised_at,
            before.status,
            before.access_key,
        )
    assert NarratorApplication.objects.get().anonymised_at == narrator.anonymised_at
    # Erasing an erased application again (from the admin) changes nothing either.
    again = services.anonymise(applications[0])
    assert again.anonymised_at == first[applications[0].pk].anonymised_at


def test_a_row_that_fails_is_reported_and_the_others_are_done(home, index, monkeypatch):
    festival = past_festival(index, stands=5)
    good, bad = apply(festival, 1), apply(festival, 2)
    narrator = closed_call(home)
    original = StandApplication.anonymise_related

    def fails_for_one(self):
        if self.pk == bad.pk:
            raise RuntimeError(f"broken row of {self.organisation}")
        return original(self)

    monkeypatch.setattr(StandApplication, "anonymise_related", fails_for_one)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 application"):
        call_command("anonymise_applications", stdout=out, stderr=err)
    good.refresh_from_db()
    narrator.refresh_from_db()
    bad.refresh_from_db()
    assert good.is_anonymised and narrator.is_anonymised
    # The failed row is rolled back whole: not half erased, still due for the next run.
    assert not bad.is_anonymised and bad.email == "basvuru2@ornek.org.tr"
    assert bad.status == S.APPROVED and bad.stand_number is not None
    assert f"{STAND}: 1 anonymised" in out.getvalue()
    assert f"{NARRATOR}: 1 anonymised" in out.getvalue()
    assert f"{STAND} {bad.pk}: not anonymised (RuntimeError)" in err.getvalue()
    assert "Derneği" not in err.getvalue() + out.getvalue()
    monkeypatch.setattr(StandApplication, "anonymise_related", original)
    out, err = run()
    bad.refresh_from_db()
    assert bad.is_anonymised and f"{STAND}: 1 anonymised" in out


def test_an_erasure_before_the_festival_proposes_the_stand_and_promotes_no_one(
    index, django_capture_on_commit_callbacks
):
    festival = make_festival(index, stands=1, mode=AllocationMode.FIRST_COME)
    holder, erased_waiting, waiting = (apply(festival, n) for n in range(3))
    services.anonymise(erased_waiting)  # an erased applicant is no longer on the list
    with django_capture_on_commit_callbacks(execute=True):
        services.anonymise(holder)
    waiting.refresh_from_db()
    assert waiting.status == S.WAITLISTED and waiting.proposed_at is not None
    assert services.history_of(waiting).filter(action=LogAction.PROPOSED).exists()
    assert not mail.outbox
    # The team approves the proposed application: it takes the freed stand.
    approved = stand_services.approve(waiting)
    assert approved.status == S.APPROVED and approved.stand_number == 1


def test_a_withdrawal_offers_the_stand_past_erased_applications(index):
    """An erased application stays "waitlisted" for the statistics, but the freed stand
    goes to the first one still waiting (before, the transition refused the erased one)."""
    festival = make_festival(index, stands=1, mode=AllocationMode.FIRST_COME)
    holder, erased_waiting, waiting = (apply(festival, n) for n in range(3))
    services.anonymise(erased_waiting)
    services.withdraw(holder)
    waiting.refresh_from_db()
    erased_waiting.refresh_from_db()
    assert waiting.status == S.APPROVED and waiting.stand_number == 1
    assert erased_waiting.status == S.WAITLISTED and erased_waiting.is_anonymised
