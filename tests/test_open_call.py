"""The Power Stories open call for narrators: the call page, the public form in both
languages, the private link, the review flow with scores, e-mails, the admin, KVKK."""

import datetime
import io
import json

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Site

from applications import services as shared
from applications.models import ApplicationEmail, SelectionStatus
from demo.builders import make_standard_page, publish, translate
from home.models import SiteSettings
from stories.models import NarratorApplication, NarratorReview, OpenCallPage
from stories.open_call import services

pytestmark = pytest.mark.django_db
SS = SelectionStatus


def make_call(home, opens_in_days: int = -1, closes_in_days: int = 30) -> OpenCallPage:
    now = timezone.now()
    page = OpenCallPage(
        title="Güç Hikâyeleri Anlatıcı Çağrısı",
        slug="anlatici-cagrisi",
        intro="Hikâyenizi sahnede anlatın.",
        applications_open=now + datetime.timedelta(days=opens_in_days),
        applications_close=now + datetime.timedelta(days=closes_in_days),
    )
    home.add_child(instance=page)
    publish(page)
    translate(
        page,
        Locale.objects.get(language_code="en"),
        title="Power Stories open call",
        slug="open-call",
        intro="Tell your story on stage.",
    )
    return OpenCallPage.objects.get(pk=page.pk)


@pytest.fixture
def call(home):
    privacy = make_standard_page(home, title="Aydınlatma Metni", slug="aydinlatma-metni")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    return make_call(home)


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def fields(n: int = 1, **overrides) -> dict:
    data = {
        "contact_name": f"Ayşe Yılmaz {n}",
        "organisation": "Umut Derneği",
        "city": "35",
        "email": f"anlatici{n}@ornek.org.tr",
        "phone": "+905321234567",
        "summary": "Mahallemizde bir kütüphane kurduk.",
        "why_it_matters": "Çocuklar artık okumayı seviyor.",
        "preferred_province": "06",
        "accessibility_needs": "",
    }
    data.update(overrides)
    return data


def form_data(n: int = 1, **overrides) -> dict:
    data = fields(n, phone="0532 123 45 67")
    data.update(overrides)
    data.setdefault("consent", "on")
    return data


def apply_url(page) -> str:
    return page.url + page.reverse_subpage("apply")


def status_url(page, application) -> str:
    return f"{page.url}{page.reverse_subpage('application')}?key={application.link_token}"


# --- The call page ------------------------------------------------------------------------


def test_call_page_shows_open_not_yet_open_and_closed(client, home):
    page = make_call(home)
    html = client.get(page.url).content.decode()
    assert "Başvurular açık" in html and apply_url(page) in html
    assert "Applications open" in client.get(english(page).url).content.decode()
    page.applications_open = timezone.now() + datetime.timedelta(days=2)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Başvurular henüz açılmadı" in html and apply_url(page) not in html
    page.applications_open = timezone.now() - datetime.timedelta(days=20)
    page.applications_close = timezone.now() - datetime.timedelta(days=2)
    page.save_revision().publish()
    assert "Başvurular kapandı" in client.get(page.url).content.decode()
    response = client.post(apply_url(page), form_data())
    assert response.status_code == 403
    assert not NarratorApplication.objects.exists()


def test_form_renders_in_both_languages_with_consent_link(client, call):
    html = client.get(apply_url(call)).content.decode()
    assert "Hikâyeniz kısaca" in html and "(zorunlu)" in html
    assert "/tr/aydinlatma-metni/" in html and 'name="fax_number"' in html
    assert html.count('<option value="') >= 81 * 2  # city and preferred province
    english_html = client.get(apply_url(english(call))).content.decode()
    assert "Your story in short" in english_html and "(required)" in english_html


# --- The form -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "subject"), [("tr", "Başvurunuzu aldık"), ("en", "We received")]
)
def test_good_application_in_each_language(
    client, call, language, subject, django_capture_on_commit_callbacks
):
    page = call if language == "tr" else english(call)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url(page), form_data())
    assert response.status_code == 303
    application = NarratorApplication.objects.get()
    assert application.call_id == call.pk and application.language == language
    assert application.phone == "+905321234567" and application.consent_at is not None
    assert "private" in response["Cache-Control"]
    assert mail.outbox[0].subject.startswith(subject)
    assert f"/{language}/" in mail.outbox[0].body
    status_page = client.get(response["Location"])
    assert status_page.status_code == 200 and "no-store" in status_page["Cache-Control"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", ["Adınızı yazın.", "Geçerli bir e-posta adresi yazın", "onayınızla"]),
        ("en", ["Enter your name.", "Enter a valid e-mail", "your consent"]),
    ],
)
def test_bad_input_gets_400_with_field_errors_and_keeps_input(client, call, language, expected):
    page = call if language == "tr" else english(call)
    data = form_data(contact_name="", email="not-an-email", summary="Bir köy okulu")
    data.pop("consent")
    response = client.post(apply_url(page), data)
    assert response.status_code == 400
    html = response.content.decode()
    for message in expected:
        assert message in html
    assert "Bir köy okulu" in html and "not-an-email" in html
    assert 'href="#id_contact_name"' in html and "error-summary" in html
    assert not NarratorApplication.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"phone": "12"},
        {"city": "99"},
        {"preferred_province": "xx"},
        {"summary": "x" * 5000},
        {"contact_name": "x" * 500},
        {"email": "a@" + "b" * 300 + ".org"},
    ],
)
def test_bad_values_never_500(client, call, changes):
    response = client.post(apply_url(call), form_data(**changes))
    assert response.status_code == 400
    assert not NarratorApplication.objects.exists()


def test_honeypot_and_rate_limit(client, call):
    assert client.post(apply_url(call), {**form_data(), "fax_number": "x"}).status_code == 400
    with override_settings(STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS=2):
        assert client.post(apply_url(call), form_data(1)).status_code == 303
        assert client.post(apply_url(call), form_data(2)).status_code == 303
        assert client.post(apply_url(call), form_data(3)).status_code == 429
    assert NarratorApplication.objects.count() == 2


def test_same_email_for_the_same_call_is_a_friendly_duplicate(client, call):
    assert client.post(apply_url(call), form_data()).status_code == 303
    again = client.post(apply_url(english(call)), form_data(email=" ANLATICI1@ornek.org.tr "))
    assert again.status_code == 409
    assert "already have an application with this e-mail address" in again.content.decode()
    assert NarratorApplication.objects.count() == 1
    with pytest.raises(shared.DuplicateApplication):
        services.submit_narrator_application(call, fields(), "tr")


# --- The private link ---------------------------------------------------------------------


def test_private_link_valid_tampered_and_withdraw(client, call, django_capture_on_commit_callbacks):
    application = services.submit_narrator_application(call, fields(), "tr")
    url = status_url(call, application)
    assert client.get(url).status_code == 200
    assert client.get(url + "x").status_code == 404
    assert client.get(url.split("?")[0] + "?key=abc:def").status_code == 404
    assert client.get(url.split("?")[0]).status_code == 404
    assert client.post(url, {}).status_code == 400  # no confirmation, nothing happens
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "yes"}).status_code == 303
    application.refresh_from_db()
    assert application.status == SS.WITHDRAWN
    assert "geri çekildi" in mail.outbox[-1].subject
    html = client.get(url).content.decode()
    assert "Geri çekildi" in html and 'name="confirm"' not in html
    assert client.post(url, {"confirm": "yes"}).status_code == 409
    # Withdrawn: the same e-mail may apply again.
    services.submit_narrator_application(call, fields(), "tr")


# --- The review flow ----------------------------------------------------------------------


@pytest.fixture
def reviewers(django_user_model):
    group = Group.objects.get(name="Narrator reviewers")
    users = []
    for name in ("elif", "mert"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(group)
        users.append(user)
    return users


def test_review_flow_scores_average_and_emails_in_the_applicants_language(
    call, reviewers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        turkish = services.submit_narrator_application(call, fields(1), "tr")
        english_applicant = services.submit_narrator_application(call, fields(2), "en")
        services.shortlist(turkish, reviewers[0])
        services.shortlist(english_applicant, reviewers[0])
    services.review(turkish, reviewers[0], 4, "Güçlü bir hikâye.")
    services.review(turkish, reviewers[1], 5)
    services.review(turkish, reviewers[1], 3, "Yeniden okudum.")  # replaces their first
    services.review(english_applicant, reviewers[0], 2)
    assert NarratorReview.objects.filter(application=turkish).count() == 2
    assert str(services.average_score(turkish)) == "3.5"
    with pytest.raises(shared.ApplicationError):
        services.review(turkish, reviewers[0], 6)
    with django_capture_on_commit_callbacks(execute=True):
        services.select(turkish, reviewers[1])
        services.decline(english_applicant, reviewers[1])
    turkish.refresh_from_db()
    assert turkish.status == SS.SELECTED and turkish.decided_at is not None
    subjects = [(m.to[0], m.subject) for m in mail.outbox]
    assert ("anlatici1@ornek.org.tr", "Kısa listedesiniz – Güç Hikâyeleri Anlatıcı Çağrısı") in (
        subjects
    )
    assert subjects[-2][1].startswith("Anlatıcılardan birisiniz")
    assert subjects[-1] == (
        "anlatici2@ornek.org.tr",
        "About your application – Power Stories open call",
    )
    assert ApplicationEmail.objects.filter(state="sent").count() == 6
    # Declined is final; selected cannot go back to shortlisted.
    with pytest.raises(shared.InvalidTransition):
        services.shortlist(english_applicant)
    with pytest.raises(shared.InvalidTransition):
        services.shortlist(turkish)
    history = [(e.from_status, e.to_status) for e in shared.history_of(turkish).reverse()]
    assert history == [("", "submitted"), ("submitted", "shortlisted"), ("shortlisted", "selected")]


# --- Admin --------------------------------------------------------------------------------

ADMIN = "/admin/applications/narrators/"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group = Group.objects.filter(name="Editors").first()
    if group:
        user.groups.add(group)
    return user


def test_only_narrator_reviewers_see_applicant_data(client, call, reviewers, editor):
    application = services.submit_narrator_application(call, fields(), "tr")
    stand_reviewer = editor.__class__.objects.create_user("stand", "s@example.org", "pw")
    stand_reviewer.groups.add(Group.objects.get(name="Stand reviewers"))
    for outsider in (editor, stand_reviewer):
        client.force_login(outsider)
        assert client.get(ADMIN).status_code in (302, 403)
        assert client.get(f"{ADMIN}edit/{application.pk}/").status_code in (302, 403)
        assert client.get(f"{ADMIN}export/{application.pk}/").status_code in (302, 403)
        emails = client.get("/admin/applications/emails/")
        assert "anlatici1" not in emails.content.decode()
        assert "Başvurunuzu aldık" not in emails.content.decode()
    client.force_login(reviewers[0])
    html = client.get(ADMIN).content.decode()
    assert "Ayşe Yılmaz 1" in html


def test_admin_scores_decides_lists_average_filters_and_exports(
    client, call, reviewers, django_capture_on_commit_callbacks
):
    first = services.submit_narrator_application(call, fields(1), "tr", notify=False)
    second = services.submit_narrator_application(
        call, fields(2, city="06", preferred_province="21"), "en", notify=False
    )
    edit = f"{ADMIN}edit/{first.pk}/"
    client.force_login(reviewers[0])
    assert client.get(edit).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit, {"score": "4", "review_note": "İyi", "decision": "shortlisted"}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.force_login(reviewers[1])
    client.post(edit, {"score": "5", "review_note": "", "decision": "", "note": "Aradım."})
    first.refresh_from_db()
    assert first.status == SS.SHORTLISTED and services.average_score(first) == 4.5
    # A decision the rules refuse is an error on the form, not a 500.
    refused = client.post(f"{ADMIN}edit/{second.pk}/", {"decision": "selected"})
    assert refused.status_code == 200
    second.refresh_from_db()
    assert second.status == SS.SUBMITTED
    html = client.get(ADMIN).content.decode()
    assert "4,5 (2)" in html or "4.5 (2)" in html
    html = client.get(f"{ADMIN}?preferred_province=21").content.decode()
    assert "Ayşe Yılmaz 2" in html and "Ayşe Yılmaz 1" not in html
    html = client.get(f"{ADMIN}?status=shortlisted&call={call.pk}").content.decode()
    assert "Ayşe Yılmaz 1" in html and "Ayşe Yılmaz 2" not in html
    assert "Ayşe Yılmaz 2" in client.get(f"{ADMIN}?q=anlatici2").content.decode()
    csv = client.get(f"{ADMIN}?export=csv")
    assert csv.status_code == 200
    text = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "anlatici1@ornek.org.tr" in text and "4.5" in text
    xlsx = client.get(f"{ADMIN}?export=xlsx")
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Ayşe Yılmaz 1" in values and "Ayşe Yılmaz 2" in values and 4.5 in values


def test_export_and_erase(client, call, reviewers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application = services.submit_narrator_application(call, fields(), "tr")
    services.review(application, reviewers[0], 4, "Çok etkileyici, Ayşe Hanım'ı aradım.")
    client.force_login(reviewers[0])
    data = json.loads(client.get(f"{ADMIN}export/{application.pk}/").content)
    assert data["application"]["email"] == "anlatici1@ornek.org.tr"
    assert data["emails"][0]["to"] == "anlatici1@ornek.org.tr"
    assert client.get(f"{ADMIN}erase/{application.pk}/").status_code == 200
    assert client.post(f"{ADMIN}erase/{application.pk}/").status_code == 302
    application.refresh_from_db()
    assert application.is_anonymised and application.email == "" and application.summary == "—"
    assert application.city == "35"  # the anonymous facts stay
    review = application.reviews.get()
    assert review.score == 4 and review.note == ""
    assert NarratorApplication.from_token(application.link_token) is None
    assert ApplicationEmail.objects.get().to_address == ""


def test_retention_anonymises_after_the_call_closed(call):
    application = services.submit_narrator_application(call, fields(), "tr", notify=False)
    call_command("anonymise_applications", days=30, stdout=io.StringIO())
    application.refresh_from_db()
    assert not application.is_anonymised
    call.applications_close = timezone.now() - datetime.timedelta(days=31)
    call.applications_open = call.applications_close - datetime.timedelta(days=30)
    call.save_revision().publish()
    out = io.StringIO()
    call_command("anonymise_applications", days=30, stdout=out)
    application.refresh_from_db()
    assert application.is_anonymised and "1 application(s)" in out.getvalue()
