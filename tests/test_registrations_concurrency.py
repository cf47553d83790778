"""No date is overbooked and no registration is lost under simultaneous registrations:
40 threads, each with its own database connection, POST the public form through Django's
full request stack at the same moment for the last 5 places of a date (3 of 8 already
taken), and then cancel while others register. Only meaningful on PostgreSQL (SQLite
serialises every writer and has no row locks): run with DATABASE_URL=postgres://..."""

import datetime
import threading

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

from demo.builders import make_event, make_events_index
from registrations import services
from registrations.models import REGISTERED, WAITLISTED, Registration, RegistrationSetup

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not ON_POSTGRES,
        reason="needs PostgreSQL's row locks and concurrent writers; "
        "run with DATABASE_URL=postgres://...",
    ),
]

REGISTRANTS = 40
CAPACITY = 8
ALREADY = 3


def fields(n: int) -> dict:
    return {
        "contact_name": f"Örnek Katılımcı {n}",
        "organisation": "Örnek Derneği",
        "email": f"katilimci{n}@ornek.org.tr",
        "province": "34",
    }


def form_data(n: int) -> dict:
    return {**fields(n), "consent": "on"}


def run_at_once(jobs) -> list[BaseException]:
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(job) -> None:
        try:
            barrier.wait(timeout=60)
            job()
        except BaseException as error:  # noqa: BLE001 - reported below
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS=1000)
def test_the_last_places_of_a_date_are_never_overbooked(home):
    index = make_events_index(home)
    start = (timezone.now() + datetime.timedelta(days=7)).replace(microsecond=0)
    meeting = make_event(index, start=start, end=start + datetime.timedelta(hours=2))
    RegistrationSetup.objects.create(event=meeting, locale=meeting.locale, capacity=CAPACITY)
    day = timezone.localdate(start)
    early = [services.register(meeting, day, fields(1000 + n), "tr") for n in range(ALREADY)]
    url = meeting.url + meeting.reverse_subpage("register_date", kwargs={"date": day.isoformat()})
    statuses: list[int] = []

    def post(n: int):
        def job() -> None:
            response = Client(REMOTE_ADDR=f"10.1.0.{n + 1}").post(url, form_data(n))
            statuses.append(response.status_code)

        return job

    # Two early registrants cancel while the crowd registers: their places go to the
    # waiting list or to the crowd, never to two people.
    def cancel(registration):
        return lambda: services.cancel(Registration.objects.get(pk=registration.pk))

    errors = run_at_once([post(n) for n in range(REGISTRANTS)] + [cancel(r) for r in early[:2]])

    assert not errors, errors
    assert statuses == [303] * REGISTRANTS
    registrations = Registration.objects.filter(event=meeting, date=day)
    assert registrations.count() == REGISTRANTS + ALREADY  # none lost
    assert registrations.filter(status=REGISTERED).count() == CAPACITY  # exactly full
    assert registrations.filter(status=WAITLISTED).count() == REGISTRANTS + ALREADY - 2 - CAPACITY
