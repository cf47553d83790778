"""Requests for Organisational Coaching and Tailor-Made trainings: the workflow services
(each step, refused steps, the e-mail of each step in the requester's language), the form
in both languages, bad input, and the requester's private link."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale, Site

from applications import services as shared
from applications.statuses import RequestStatus
from coaching import services
from coaching.models import CoachingRequest, Programme, TailorMadeRequest
from demo.builders import make_standard_page
from demo.coaching_builders import make_request_page, request_fields
from home.models import SiteSettings

pytestmark = pytest.mark.django_db
RS = RequestStatus


@pytest.fixture
def coaching_page(home):
    privacy = make_standard_page(home, title="Aydınlatma Metni", slug="aydinlatma-metni")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    return make_request_page(home, Programme.COACHING)


@pytest.fixture
def tailor_made_page(home):
    return make_request_page(home, Programme.TAILOR_MADE)


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def form_url(page) -> str:
    return page.url + page.reverse_subpage("apply")


def form_data(**overrides) -> dict:
    data = {
        **request_fields(),
        "areas": ["governance", "volunteers"],
        "phone": "0532 123 45 67",
        "consent": "on",
    }
    data.update(overrides)
    return data


# --- Services ----------------------------------------------------------------------------


def test_each_step_of_the_workflow_with_its_e_mail_in_turkish(
    coaching_page, django_user_model, django_capture_on_commit_callbacks
):
    member = django_user_model.objects.create_user("elif", first_name="Elif", last_name="Kaya")
    with django_capture_on_commit_callbacks(execute=True):
        request = services.submit_request(coaching_page, request_fields(), "tr")
        assert isinstance(request, CoachingRequest) and request.status == RS.RECEIVED
        services.assign(request, member, "Dr. Örnek Uzman")
        request = services.start_design(request, reason="İlk görüşmeyi telefonla yapalım.")
        request = services.schedule(request, datetime.date(2027, 3, 15))
        request = services.complete(request)
    assert request.status == RS.COMPLETED and request.decided_at is not None
    assert request.assignee == "Elif Kaya, Dr. Örnek Uzman"
    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        "Talebinizi aldık – Örgütsel Koçluk",
        "Çalışmayı sizinle birlikte tasarlıyoruz – Örgütsel Koçluk",
        "Çalışmanızın tarihi belli – Örgütsel Koçluk",
        "Bizimle çalışmanız tamamlandı – Örgütsel Koçluk",
    ]
    bodies = [message.body for message in mail.outbox]
    assert "İlk görüşmeyi telefonla yapalım." in bodies[1] and "Elif Kaya" in bodies[1]
    assert "15 Mart 2027" in bodies[2] and "/tr/" in bodies[2] and "?key=" in bodies[2]
    steps = [entry.to_status for entry in services.shared_history(request)]
    assert steps == [RS.RECEIVED, RS.IN_DESIGN, RS.SCHEDULED, RS.COMPLETED]
    notes = shared.history_of(request).filter(action="note")
    assert "Dr. Örnek Uzman" in notes.get().text


def test_a_declined_request_in_english_tells_the_reason(
    tailor_made_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.submit_request(english(tailor_made_page), request_fields(), "en")
        assert isinstance(request, TailorMadeRequest)
        request = services.decline(request, "We run no trainings in August.")
    assert request.status == RS.DECLINED and request.status_reason().startswith("We run no")
    received, declined = mail.outbox
    assert received.subject == "We received your request – Tailor-Made trainings"
    assert declined.subject == "About your request – Tailor-Made trainings"
    assert "We run no trainings in August." in declined.body and "/en/" in declined.body


def test_refused_steps(coaching_page):
    request = services.submit_request(coaching_page, request_fields(), "tr", notify=False)
    for step in (services.schedule, services.complete):
        with pytest.raises(shared.InvalidTransition):
            step(request, notify=False)
    with pytest.raises(shared.ApplicationError):
        services.decline(request, "   ", notify=False)
    request = services.start_design(request, notify=False)
    request = services.schedule(request, notify=False)
    request = services.start_design(request, notify=False)  # the date fell through
    request = services.decline(request, "Kapasitemiz doldu.", notify=False)
    for step in (services.start_design, services.schedule, services.complete):
        with pytest.raises(shared.InvalidTransition):
            step(request, notify=False)
    assert not request.can_withdraw
    request.refresh_from_db()
    assert request.status == RS.DECLINED


def test_the_same_request_twice_is_one(coaching_page):
    services.submit_request(coaching_page, request_fields(), "tr", notify=False)
    with pytest.raises(shared.DuplicateApplication):
        services.submit_request(coaching_page, request_fields(), "tr", notify=False)


def test_a_closed_page_takes_no_request(client, coaching_page):
    coaching_page.accepts_requests = False
    coaching_page.save_revision().publish()
    with pytest.raises(shared.CallNotOpen):
        services.submit_request(coaching_page, request_fields(), "tr", notify=False)
    response = client.post(form_url(coaching_page), form_data())
    assert response.status_code == 403 and not CoachingRequest.objects.exists()
    assert "yeni talep almıyor" in client.get(coaching_page.url).content.decode()


def test_erasure_and_retention(coaching_page):
    request = services.submit_request(coaching_page, request_fields(), "tr", notify=False)
    shared.anonymise(request)
    request.refresh_from_db()
    assert request.organisation == "—" and request.email == "" and request.need == "—"
    assert request.province == "21" and request.areas == ",governance,volunteers,"
    with pytest.raises(shared.ApplicationError):
        services.assign(request, expert_name="Biri")
    old = services.submit_request(coaching_page, request_fields(2), "tr", notify=False)
    services.start_design(old, notify=False)
    past = timezone.now() - datetime.timedelta(days=800)
    services.decline(old, "Eski talep.", notify=False, now=past)
    report = shared.anonymise_expired(datetime.timedelta(days=730))
    assert report.anonymised["coaching.CoachingRequest"] == 1 and not report.failed


# --- The public pages ----------------------------------------------------------------------


def test_the_programme_page_calls_to_request_and_the_request_page(client, coaching_page):
    programme = client.get(coaching_page.get_parent().url).content.decode()
    assert "Talep formunu doldurun" in programme and form_url(coaching_page) in programme
    page = client.get(coaching_page.url).content.decode()
    assert "Sizi neler bekliyor" in page and "Ekip iki hafta içinde" in page
    page_en = client.get(english(coaching_page).url).content.decode()
    assert "What to expect" in page_en and "Fill in the request form" in page_en


def test_the_form_in_both_languages(client, coaching_page):
    turkish = client.get(form_url(coaching_page)).content.decode()
    for text in ("Talebi gönder", "Yönetişim", "Yüz yüze", "Dernek", "aydinlatma-metni"):
        assert text in turkish
    html = client.get(form_url(english(coaching_page))).content.decode()
    for text in ("Send the request", "Governance", "Face to face", "Association"):
        assert text in html
    assert "Talebi gönder" not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", ["En az bir alan seçin.", "Geçerli bir e-posta", "onayınızla", "birkaç tam"]),
        ("en", ["Choose at least one area.", "Enter a valid e-mail", "consent", "a few full"]),
    ],
)
def test_bad_input_is_a_translated_400_that_keeps_what_was_typed(
    client, coaching_page, language, expected
):
    page = coaching_page if language == "tr" else english(coaching_page)
    data = form_data(areas=[], email="not-an-address", consent="", need="Yardım lazım.")
    response = client.post(form_url(page), data)
    html = response.content.decode()
    assert response.status_code == 400
    for text in expected:
        assert text in html
    assert "Örnek Kadın Dayanışma Derneği" in html and "Yardım lazım." in html
    assert "Mart–Nisan" in html
    assert not CoachingRequest.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"province": "99"},
        {"legal_form": "company"},
        {"areas": ["nothing"]},
        {"preferred_format": "by post"},
        {"need": "x " * 2000},
        {"phone": "123"},
    ],
)
def test_bad_values_never_500(client, coaching_page, changes):
    assert client.post(form_url(coaching_page), form_data(**changes)).status_code == 400


def test_a_request_and_its_private_link(
    client, tailor_made_page, django_capture_on_commit_callbacks
):
    page = english(tailor_made_page)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(page), form_data())
    assert response.status_code == 303 and "private" in response["Cache-Control"]
    request = TailorMadeRequest.objects.get()
    assert request.language == "en" and request.page_id == tailor_made_page.pk
    assert request.areas == ",governance,volunteers," and request.phone == "+905321234567"
    assert mail.outbox[0].to == ["talep1@ornek.org.tr"]
    status_url = response["Location"]
    assert status_url.startswith("/en/") and "?key=" in status_url
    status_page = client.get(status_url)
    html = status_page.content.decode()
    assert status_page.status_code == 200 and "no-store" in status_page["Cache-Control"]
    assert "Thank you: we received your request." in html and "Governance" in html
    assert 'name="confirm"' not in html  # nothing to withdraw
    assert client.get(status_url + "x").status_code == 404
    # The Turkish page of the other programme does not open this request.
    other = make_request_page(tailor_made_page.get_parent().get_parent(), Programme.COACHING)
    key = status_url.split("?key=")[1]
    assert (
        client.get(f"{other.url}{other.reverse_subpage('application')}?key={key}").status_code
        == 404
    )

    shared.add_note(request, "İç not: bütçe sorulacak.")
    services.start_design(request, reason="We call you next week.", notify=False)
    services.decline(request, "No trainer is free this year.", notify=False)
    html = client.get(status_url).content.decode()
    assert "Declined" in html and "No trainer is free this year." in html
    assert "We call you next week." in html and "bütçe" not in html
