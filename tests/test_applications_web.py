"""The public stand form (both languages), the private link, and the team's admin."""

import csv as csv_module
import io
import json

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Site

from applications import services
from applications.models import ApplicationStatus, StandApplication
from applications.stands import services as stand_services
from demo.builders import (
    application_fields,
    make_events_index,
    make_festival,
    make_standard_page,
    translate,
)
from events.choices import AllocationMode
from home.models import SiteSettings

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.fixture
def festival(home):
    english = Locale.objects.get(language_code="en")
    index = make_events_index(home)
    translate(index, english, title="Events", slug="events")
    privacy = make_standard_page(home, title="Aydınlatma Metni", slug="aydinlatma-metni")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    return make_festival(index, stands=2, english=True)


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def form_data(n=1, **overrides) -> dict:
    data = application_fields(n, **overrides)
    data["consent"] = "on"
    data["phone"] = overrides.get("phone", "0532 123 45 67")
    for key in ("needs_electricity", "needs_table"):
        if not data[key]:
            data.pop(key)
    return data


def apply_url(page) -> str:
    return page.url + page.reverse_subpage("apply")


def test_festival_page_shows_the_call_and_links_to_the_form(client, festival):
    response = client.get(festival.url)
    html = response.content.decode()
    assert "Başvurular açık" in html and "2 stanttan 2 tanesi boş" in html
    assert apply_url(festival) in html
    english_html = client.get(english(festival).url).content.decode()
    assert "Applications open" in english_html and "2 of 2 stands remaining" in english_html


def test_form_renders_in_both_languages_with_consent_link(client, festival):
    html = client.get(apply_url(festival)).content.decode()
    assert "Kuruluşun adı" in html and "(zorunlu)" in html
    assert "/tr/aydinlatma-metni/" in html
    english_html = client.get(apply_url(english(festival))).content.decode()
    assert "Organisation name" in english_html and "(required)" in english_html
    assert 'name="fax_number"' in english_html  # the honeypot


def test_good_application_in_turkish(client, festival, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url(festival), form_data())
    assert response.status_code == 303
    application = StandApplication.objects.get()
    assert application.language == "tr" and application.phone == "+905321234567"
    assert application.theme_list == ["education", "disability"]
    assert response["Location"].endswith(f"?key={application.link_token}")
    assert "private" in response["Cache-Control"]
    assert "başvurunuzu aldık" in mail.outbox[0].subject.lower()
    status_page = client.get(response["Location"])
    assert status_page.status_code == 200
    assert "Örnek Derneği 1" in status_page.content.decode()
    assert "no-store" in status_page["Cache-Control"]


def test_good_application_in_english_gets_english_email(
    client, festival, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url(english(festival)), form_data(phone="+49 30 12345678"))
    assert response.status_code == 303
    application = StandApplication.objects.get()
    assert application.language == "en" and application.festival_id == festival.pk
    assert application.phone == "+493012345678"
    assert mail.outbox[0].subject.startswith("We received your stand application")
    assert "/en/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", ["Kuruluşunuzun adını yazın.", "Geçerli bir e-posta adresi yazın", "onayınızla"]),
        ("en", ["Enter the name of your organisation.", "Enter a valid e-mail", "your consent"]),
    ],
)
def test_bad_input_gets_400_with_field_errors_and_keeps_input(client, festival, language, expected):
    page = festival if language == "tr" else english(festival)
    data = form_data(organisation="", email="not-an-email", exhibit="Kitaplar")
    data.pop("consent")
    response = client.post(apply_url(page), data)
    assert response.status_code == 400
    html = response.content.decode()
    for message in expected:
        assert message in html
    assert "Kitaplar" in html and "not-an-email" in html  # what was typed is kept
    assert 'href="#id_organisation"' in html  # the summary links to the field
    assert not StandApplication.objects.exists()


@pytest.mark.parametrize(
    ("language", "prefix"), [("tr", "<title>Hata: "), ("en", "<title>Error: ")]
)
def test_a_failed_submit_says_so_in_the_title_and_summary_takes_the_focus(
    client, festival, language, prefix
):
    page = festival if language == "tr" else english(festival)
    assert prefix not in client.get(apply_url(page)).content.decode()
    html = client.post(apply_url(page), form_data(organisation="")).content.decode()
    assert prefix in html
    summary = html.index('id="error-summary"')
    assert "autofocus" in html[summary : html.index(">", summary)]
    assert summary < html.index('<form class="application-form"')
    assert "applications/error-summary.js" in html


@pytest.mark.parametrize(
    "changes",
    [
        {"phone": "12"},
        {"province": "99"},
        {"legal_form": "company"},
        {"themes": ["nonsense"]},
        {"people": "0"},
        {"people": "abc"},
        {"chairs": "-1"},
        {"website": "javascript:alert(1)"},
        {"organisation": "x" * 500},
    ],
)
def test_bad_values_never_500(client, festival, changes):
    response = client.post(apply_url(festival), form_data(**changes))
    assert response.status_code == 400
    assert not StandApplication.objects.exists()


def test_honeypot_is_refused(client, festival):
    response = client.post(apply_url(festival), {**form_data(), "fax_number": "spam"})
    assert response.status_code == 400
    assert not StandApplication.objects.exists()


@override_settings(STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS=2)
def test_rate_limit_per_address(client, festival):
    assert client.post(apply_url(festival), form_data(1)).status_code == 303
    assert client.post(apply_url(festival), form_data(2)).status_code == 303
    response = client.post(apply_url(festival), form_data(3))
    assert response.status_code == 429
    assert StandApplication.objects.count() == 2
    other = client.post(apply_url(festival), form_data(4), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 303


def test_double_submit_is_one_application_with_a_friendly_message(client, festival):
    assert client.post(apply_url(festival), form_data()).status_code == 303
    again = client.post(apply_url(festival), form_data())
    assert again.status_code == 409
    assert "Bu kuruluştan bu e-posta adresiyle" in again.content.decode()
    assert StandApplication.objects.count() == 1


def test_full_call_offers_the_waiting_list(client, festival):
    festival.allocation_mode = AllocationMode.FIRST_COME
    festival.save_revision().publish()
    for n in range(2):
        client.post(apply_url(festival), form_data(n))
    html = client.get(festival.url).content.decode()
    assert "bekleme listesine" in html.lower()
    client.post(apply_url(festival), form_data(9))
    assert StandApplication.objects.get(email="basvuru9@ornek.org.tr").status == S.WAITLISTED


def test_private_link_valid_tampered_unknown_and_withdraw(
    client, festival, django_capture_on_commit_callbacks
):
    application = stand_services.submit_stand_application(festival, application_fields(), "tr")
    url = festival.url + festival.reverse_subpage("application")
    assert client.get(f"{url}?key={application.link_token}").status_code == 200
    assert client.get(f"{url}?key={application.link_token}x").status_code == 404
    assert client.get(f"{url}?key=abc:def").status_code == 404
    assert client.get(url).status_code == 404
    # Without the confirmation nothing happens.
    response = client.post(f"{url}?key={application.link_token}", {})
    assert response.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url}?key={application.link_token}", {"confirm": "yes"})
    assert response.status_code == 303
    application.refresh_from_db()
    assert application.status == S.WITHDRAWN
    assert "geri çekildi" in mail.outbox[-1].subject
    page = client.get(f"{url}?key={application.link_token}").content.decode()
    assert "Geri çekildi" in page and 'name="confirm"' not in page
    # A second withdrawal is refused, not a 500.
    assert client.post(f"{url}?key={application.link_token}", {"confirm": "yes"}).status_code == 409


def test_applicant_data_never_on_public_pages(client, festival):
    stand_services.submit_stand_application(festival, application_fields(), "tr")
    for url in [festival.url, english(festival).url, apply_url(festival)]:
        html = client.get(url).content.decode()
        assert "Örnek Derneği" not in html and "basvuru1@ornek.org.tr" not in html


# --- Admin -------------------------------------------------------------------------------


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", "r@example.org", "pw")
    user.groups.add(Group.objects.get(name="Stand reviewers"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group = Group.objects.filter(name="Editors").first()
    if group:
        user.groups.add(group)
    return user


def test_only_reviewers_see_applications(client, festival, reviewer, editor):
    stand_services.submit_stand_application(festival, application_fields(), "tr")
    client.force_login(editor)
    assert client.get("/admin/applications/stands/").status_code in (302, 403)
    assert "Örnek Derneği" not in client.get("/admin/").content.decode()
    client.force_login(reviewer)
    response = client.get("/admin/applications/stands/")
    assert response.status_code == 200
    assert "Örnek Derneği 1" in response.content.decode()
    dashboard = client.get("/admin/").content.decode()
    assert "Sivil Sesler Festivali 2030" in dashboard


def test_admin_list_filters_search_and_counts(client, festival, reviewer):
    a = stand_services.submit_stand_application(festival, application_fields(1), "tr")
    stand_services.submit_stand_application(festival, application_fields(2, province="35"), "tr")
    stand_services.approve(a)
    client.force_login(reviewer)
    html = client.get("/admin/applications/stands/?province=35").content.decode()
    assert "Örnek Derneği 2" in html and "Örnek Derneği 1</a>" not in html
    html = client.get("/admin/applications/stands/?q=Derneği 1").content.decode()
    assert "Örnek Derneği 1" in html and "Örnek Derneği 2" not in html
    html = client.get("/admin/applications/stands/?theme=education").content.decode()
    assert "Örnek Derneği 2" in html
    assert (
        "Onaylandı: <strong>1</strong>"
        in client.get("/admin/applications/stands/").content.decode()
    )


def test_admin_decision_and_note_through_services(client, festival, reviewer):
    application = stand_services.submit_stand_application(festival, application_fields(), "tr")
    client.force_login(reviewer)
    url = f"/admin/applications/stands/edit/{application.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "approved", "note": "Uygun"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.APPROVED and application.stand_number == 1
    entry = services.history_of(application).first()
    assert entry.user == reviewer and entry.text == "Uygun"
    # A refused transition is a form error, not a 500.
    services.withdraw(application)
    response = client.post(url, {"decision": "approved"})
    assert response.status_code == 200
    assert StandApplication.objects.get().status == S.WITHDRAWN


def test_bulk_approve_respects_capacity(client, festival, reviewer):
    ids = [
        stand_services.submit_stand_application(festival, application_fields(n), "tr").pk
        for n in range(3)
    ]
    client.force_login(reviewer)
    url = "/admin/bulk/applications/standapplication/approve/?" + "&".join(f"id={i}" for i in ids)
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert StandApplication.objects.filter(status=S.APPROVED).count() == 2


def test_csv_and_excel_export(client, festival, reviewer):
    stand_services.submit_stand_application(festival, application_fields(), "tr")
    client.force_login(reviewer)
    csv = client.get("/admin/applications/stands/?export=csv")
    assert csv.status_code == 200
    text = b"".join(csv.streaming_content).decode("utf-8-sig")
    assert "Örnek Derneği 1" in text and "basvuru1@ornek.org.tr" in text
    # Choices by their labels, as in the list, not their codes.
    row = next(csv_module.DictReader(io.StringIO(text), delimiter=";"))  # Turkish Excel
    assert (row["Durum"], row["Tüzel yapı"], row["İl"], row["Elektrik"]) == (
        "Alındı",
        "Dernek",
        "Ankara",
        "Evet",
    )
    received = timezone.localtime(StandApplication.objects.get().created_at)
    assert row["Alındı"] == f"{received:%Y-%m-%d %H:%M:%S}"
    xlsx = client.get("/admin/applications/stands/?export=xlsx")
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Örnek Derneği 1" in values


def test_per_applicant_export_and_erase(client, festival, reviewer, editor):
    application = stand_services.submit_stand_application(festival, application_fields(), "tr")
    client.force_login(editor)
    assert client.get(f"/admin/applications/stands/export/{application.pk}/").status_code in (
        302,
        403,
    )
    client.force_login(reviewer)
    response = client.get(f"/admin/applications/stands/export/{application.pk}/")
    data = json.loads(response.content)
    assert data["application"]["email"] == "basvuru1@ornek.org.tr"
    erase_url = f"/admin/applications/stands/erase/{application.pk}/"
    assert client.get(erase_url).status_code == 200
    assert client.post(erase_url).status_code == 302
    application.refresh_from_db()
    assert application.is_anonymised and application.email == ""


@pytest.mark.parametrize(
    "prefix", ["/admin/applications/stands/", "/admin/applications/narrators/"]
)
def test_nobody_adds_an_application_in_the_admin(admin_client, prefix):
    """Applications come through the public forms (consent, duplicates, allocation)."""
    assert admin_client.get(f"{prefix}add/").status_code == 302
    assert admin_client.post(f"{prefix}add/", {"note": "x"}).status_code == 302
    assert f'href="{prefix}add/"' not in admin_client.get(prefix).content.decode()
    assert not StandApplication.objects.exists()


def test_the_empty_form_is_rendered_once_per_generation_and_follows_a_publish(client, home):
    """The fields of an empty form are the same for every visitor: kept per content
    generation and language; renaming a stand type shows at once; a form sent back with
    errors is rendered afresh with what was typed."""
    from django.test.signals import template_rendered

    index = make_events_index(home)
    festival = make_festival(index, stands=3, types=[("Standart", 2), ("Köşe", 1)])
    client.get(apply_url(festival))  # the first request creates the site's settings
    client.get(apply_url(festival))
    seen: list[str] = []

    def listen(sender, template, **_kwargs):
        seen.append(template.name)

    template_rendered.connect(listen)
    try:
        html = client.get(apply_url(festival)).content.decode()
    finally:
        template_rendered.disconnect(listen)
    assert seen.count("applications/includes/field.html") == 1  # the consent alone
    assert ">Köşe</option>" in html
    types = list(festival.stand_types.all())
    corner = types[1]
    corner.name = "Köşe standı"
    festival.stand_types = types
    festival.save_revision().publish()
    html = client.get(apply_url(festival)).content.decode()
    assert ">Köşe standı</option>" in html
    response = client.post(apply_url(festival), form_data(organisation="", stand_type=corner.pk))
    assert response.status_code == 400
    sent_back = response.content.decode()
    assert "Kuruluşunuzun adını yazın." in sent_back
    assert f'<option value="{corner.pk}" selected>' in sent_back
