"""Registration for event dates: places and the waiting list, refusals of past and cancelled
dates, e-mails with the date's .ics, reminders, the form in both languages, the admin."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from applications import services as shared
from demo.builders import aware, make_event, make_events_index, translate
from events.choices import EventStatus
from events.models import EventSeriesPage, OccurrenceChange
from registrations import services
from registrations.models import CANCELLED, REGISTERED, WAITLISTED, Registration, RegistrationSetup

pytestmark = pytest.mark.django_db
SOON = timezone.now() + datetime.timedelta(days=10)


def person(n: int, **overrides) -> dict:
    fields = {
        "contact_name": f"Örnek Kişi {n}",
        "organisation": "Örnek Derneği",
        "email": f"kisi{n}@ornek.org.tr",
        "phone": "",
        "province": "06",
        "accessibility_needs": "",
        "answers": [],
    }
    return {**fields, **overrides}


@pytest.fixture
def meeting(home):
    index = make_events_index(home)
    start = SOON.replace(microsecond=0)
    page = make_event(index, start=start, end=start + datetime.timedelta(hours=3))
    RegistrationSetup.objects.create(event=page, locale=page.locale, capacity=2)
    return page


def day_of(page) -> datetime.date:
    return timezone.localdate(page.start)


def test_places_then_the_waiting_list_then_promotion(meeting, django_capture_on_commit_callbacks):
    day = day_of(meeting)
    first, second, third = (services.register(meeting, day, person(n), "tr") for n in (1, 2, 3))
    assert [r.status for r in (first, second, third)] == [REGISTERED, REGISTERED, WAITLISTED]
    assert third.waiting_position() == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(first)
    third.refresh_from_db()
    assert third.status == REGISTERED
    subjects = [m.subject for m in mail.outbox if m.to == [third.email]]
    assert any(s.startswith("Sizin için yer açıldı") for s in subjects), subjects


def test_the_same_email_twice_for_a_date_is_refused(meeting):
    services.register(meeting, day_of(meeting), person(1), "tr")
    with pytest.raises(shared.DuplicateApplication):
        services.register(meeting, day_of(meeting), person(1, contact_name="Başka"), "tr")


def test_past_and_cancelled_dates_take_no_registration(home):
    index = make_events_index(home)
    past = make_event(index, title="Geçmiş", slug="gecmis", start=aware(2020, 3, 12, 10))
    RegistrationSetup.objects.create(event=past, locale=past.locale, capacity=5)
    with pytest.raises(shared.CallNotOpen):
        services.register(past, day_of(past), person(1), "tr")
    start = SOON.replace(microsecond=0)
    cancelled = make_event(
        index,
        title="İptal",
        slug="iptal",
        start=start,
        end=start + datetime.timedelta(hours=2),
        status=EventStatus.CANCELLED,
    )
    RegistrationSetup.objects.create(event=cancelled, locale=cancelled.locale, capacity=5)
    with pytest.raises(shared.CallNotOpen) as refused:
        services.register(cancelled, day_of(cancelled), person(1), "tr")
    assert str(refused.value.message) == "Bu tarih iptal edildi: kayıt kapalı"


def test_confirmation_in_the_registrants_language_with_the_ics(
    meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.register(meeting, day_of(meeting), person(1), "en")
    message = mail.outbox[-1]
    assert message.subject.startswith("You are registered")
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content and meeting.title in content
    assert "/registration/?key=" in message.body


def test_the_join_link_goes_only_to_registrants(
    meeting, client, django_capture_on_commit_callbacks
):
    RegistrationSetup.objects.filter(event=meeting).update(join_url="https://meet.example.org/x")
    with django_capture_on_commit_callbacks(execute=True):
        for n in (1, 2, 3):
            services.register(meeting, day_of(meeting), person(n), "tr")
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "meet.example.org" in bodies["kisi1@ornek.org.tr"]
    assert "meet.example.org" not in bodies["kisi3@ornek.org.tr"]  # waiting
    assert "meet.example.org" not in client.get(meeting.url).content.decode()


def test_reminders_the_day_before_once(meeting, django_capture_on_commit_callbacks):
    registration = services.register(meeting, day_of(meeting), person(1), "tr")
    the_day_before = timezone.make_aware(
        datetime.datetime.combine(day_of(meeting) - datetime.timedelta(days=1), datetime.time(9))
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(the_day_before) == 1
    assert services.send_reminders(the_day_before) == 0
    assert mail.outbox[-1].to == [registration.email]
    assert mail.outbox[-1].attachments[0][0].endswith(".ics")


def test_a_cancelled_series_date_tells_its_registrants(home, django_capture_on_commit_callbacks):
    index = make_events_index(home)
    start = SOON.replace(microsecond=0)
    series = make_event(
        index,
        model=EventSeriesPage,
        title="Çay Saati",
        slug="cay-saati",
        start=start,
        end=start + datetime.timedelta(hours=2),
        recurrences="RRULE:FREQ=WEEKLY;COUNT=4",
    )
    RegistrationSetup.objects.create(event=series, locale=series.locale, capacity=10)
    dates = services.event_dates(series)
    assert len(dates) == 4 and all(d.state == "open" for d in dates)
    second = dates[1].date
    registration = services.register(series, second, person(1), "tr")
    series.date_changes = [OccurrenceChange(date=second, status=EventStatus.CANCELLED)]
    series.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify_cancelled_dates() == 1
    assert services.notify_cancelled_dates() == 0
    assert mail.outbox[-1].to == [registration.email]
    with pytest.raises(shared.CallNotOpen):
        services.register(series, second, person(2), "tr")


def test_retention_anonymises_past_dates(meeting):
    registration = services.register(meeting, day_of(meeting), person(1), "tr")
    report = shared.anonymise_expired(datetime.timedelta(days=0), SOON + datetime.timedelta(days=2))
    assert report.anonymised["registrations.Registration"] == 1
    registration.refresh_from_db()
    assert registration.is_anonymised and registration.email == ""


# --- The public form ---------------------------------------------------------------------


def form_data(n: int = 1, **overrides) -> dict:
    data = {**person(n), "consent": "on"}
    del data["answers"]
    return {**data, **overrides}


def register_url(page) -> str:
    return page.url + page.reverse_subpage("register")


def test_the_section_and_the_form_in_both_languages(client, meeting):
    assert register_url(meeting) in client.get(meeting.url).content.decode()
    assert "Ad soyad" in client.get(register_url(meeting)).content.decode()
    en = Locale.objects.get(language_code="en")
    translate(meeting.get_parent(), en, title="Events", slug="events")
    english = translate(meeting, en, title="Meeting")
    page = client.get(register_url(english)).content.decode()
    assert "Name and surname" in page and "Register" in page


def test_register_then_cancel_by_the_private_link(client, meeting):
    response = client.post(register_url(meeting), form_data())
    assert response.status_code == 303
    private = client.get(response["Location"])
    assert private.status_code == 200 and "Örnek Kişi 1" in private.content.decode()
    response = client.post(response["Location"], {"confirm": "yes"})
    assert response.status_code == 303
    assert Registration.objects.get().status == CANCELLED


def test_bad_input_keeps_the_values_with_a_translated_message(client, meeting):
    response = client.post(register_url(meeting), form_data(email="nope", province=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Örnek Kişi 1" in page and "Geçerli bir e-posta adresi yazın" in page
    assert "İlinizi seçin." in page
    assert not Registration.objects.exists()


def test_a_past_date_offers_no_form_and_no_500(client, home):
    index = make_events_index(home)
    past = make_event(index, title="Geçmiş", slug="gecmis", start=aware(2020, 3, 12, 10))
    RegistrationSetup.objects.create(event=past, locale=past.locale, capacity=5)
    response = client.get(register_url(past))
    assert (
        response.status_code == 200
        and '<form class="application-form"' not in response.content.decode()
    )
    assert client.post(register_url(past), form_data()).status_code == 403
    assert client.get(past.url + "register/2020-13-40/").status_code == 404


# --- The admin ---------------------------------------------------------------------------


@pytest.fixture
def team(django_user_model):
    return django_user_model.objects.create_superuser("ekip", "ekip@stgm.org.tr", "x")


def test_admin_list_export_sign_in_sheet_and_attendance(client, meeting, team):
    registration = services.register(meeting, day_of(meeting), person(1), "tr")
    client.force_login(team)
    listing = client.get(f"/admin/registrations/?event={meeting.pk}&status={REGISTERED}")
    assert listing.status_code == 200 and "Örnek Kişi 1" in listing.content.decode()
    csv = client.get("/admin/registrations/?export=csv")
    assert csv.status_code == 200
    content = b"".join(csv.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf") and "Örnek Kişi 1".encode() in content
    assert client.get("/admin/registrations/?export=xlsx").status_code == 200
    sheet = f"/admin/registrations/sign-in/{meeting.pk}/{day_of(meeting).isoformat()}/"
    assert "Örnek Kişi 1" in client.get(sheet).content.decode()
    assert client.post(sheet, {"attended": [registration.pk]}).status_code == 302
    registration.refresh_from_db()
    assert registration.attended is True
    dashboard = client.get("/admin/").content.decode()
    assert "event-registrations-heading" in dashboard


def test_a_stok_training_takes_registration(client, home):
    from demo.builders import make_venue
    from stok.models import StokTrainingPage

    index = make_events_index(home)
    start = SOON.replace(microsecond=0)
    training = make_event(
        index,
        StokTrainingPage,
        title="STOK Eğitimi – Ankara",
        start=start,
        end=start + datetime.timedelta(hours=6),
        venue=make_venue(name="STGM Eğitim Salonu", province="06"),
        places=20,
    )
    setup = RegistrationSetup(event=training, locale=training.locale, capacity=20)
    setup.full_clean()  # a training is an event that takes registration
    setup.save()
    assert register_url(training) in client.get(training.url).content.decode()
    assert client.post(register_url(training), form_data()).status_code == 303
    assert Registration.objects.get().event_id == training.pk
