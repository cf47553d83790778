"""No stand is given twice and no application is lost under simultaneous submissions.

Real concurrent requests: 60 threads, each with its own database connection, POST the
public form through Django's full request stack at the same moment, for 10 stands in
first-come mode. Only meaningful on PostgreSQL (SQLite serialises every writer, and has no
row locks): run with DATABASE_URL=postgres://...
"""

import threading

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

from applications.models import ApplicationStatus, StandApplication
from applications.stands.calls import stand_call
from demo.builders import application_fields, make_events_index, make_festival
from events.choices import AllocationMode

S = ApplicationStatus
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not ON_POSTGRES,
        reason="needs PostgreSQL's row locks and concurrent writers; "
        "run with DATABASE_URL=postgres://...",
    ),
]

SUBMISSIONS = 60
STANDS = 10


def form_data(n: int) -> dict:
    data = application_fields(n, phone="0532 123 45 67")
    data["consent"] = "on"
    return data


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS=1000)
def test_sixty_simultaneous_submissions_for_ten_stands(home):
    index = make_events_index(home)
    festival = make_festival(index, stands=STANDS, mode=AllocationMode.FIRST_COME)
    url = festival.url + festival.reverse_subpage("apply")
    barrier = threading.Barrier(SUBMISSIONS)
    statuses: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def submit(n: int) -> None:
        client = Client(REMOTE_ADDR=f"10.0.{n // 250}.{n % 250 + 1}")
        try:
            barrier.wait(timeout=60)
            response = client.post(url, form_data(n))
            with lock:
                statuses.append(response.status_code)
        except BaseException as error:  # noqa: BLE001 - reported below
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    assert statuses == [303] * SUBMISSIONS
    applications = StandApplication.objects.filter(festival=festival)
    assert applications.count() == SUBMISSIONS  # none lost
    approved = applications.filter(status=S.APPROVED)
    numbers = sorted(approved.values_list("stand_number", flat=True))
    assert numbers == list(range(1, STANDS + 1))  # exactly 10, each number once
    assert applications.filter(status=S.WAITLISTED).count() == SUBMISSIONS - STANDS
    assert stand_call(festival).remaining == 0
