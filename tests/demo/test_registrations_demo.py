"""The demo's registrations: every state on the meetings and a Tea Time date, the
"Register" section and form in both languages, and a date that takes no more registration."""

from wagtail.models import Locale, Page

from registrations.models import CANCELLED, REGISTERED, WAITLISTED, Registration
from tests.demo.conftest import DEMO

pytestmark = DEMO


def test_registrations_in_every_state():
    states = set(Registration.objects.values_list("status", flat=True))
    assert states == {REGISTERED, WAITLISTED, CANCELLED}
    assert Registration.objects.filter(status=REGISTERED, waitlisted_at__isnull=False).exists()
    assert set(Registration.objects.values_list("attended", flat=True)) == {None, True, False}
    tea_time = Registration.objects.filter(event__slug="cay-saati-bulusmalari-eskisehir")
    assert tea_time.filter(status=REGISTERED).count() == 2


def test_the_full_meeting_offers_the_waiting_list_in_both_languages(client):
    van = Page.objects.get(slug="guclu-sivil-toplum-bulusmasi-van").specific
    page = client.get(van.url).content.decode()
    assert "Bekleme listesine katılın" in page
    english = van.get_translation(Locale.objects.get(language_code="en")).specific
    form = client.get(english.url + english.reverse_subpage("register")).content.decode()
    assert "Join the waiting list" in form and "Dietary needs" in form


def test_the_past_meeting_takes_no_registration(client):
    past = Page.objects.get(slug="guclu-sivil-toplum-bulusmasi-diyarbakir").specific
    response = client.get(past.url + past.reverse_subpage("register"))
    assert response.status_code == 200
    assert "Bu tarih geçti: kayıt kapalı" in response.content.decode()
    assert 'name="email"' not in response.content.decode()
