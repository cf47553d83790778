"""A visitor registers for a Tea Time date, then cancels through the private link of the
e-mail, in Turkish and in English, with axe on the form, the form with errors, the private
page and the page after cancelling. E-mail: as in test_applicant_journey.py, the outbox holds
the confirmation by the time the browser shows the private page."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect
from wagtail.models import Page

from registrations.models import CANCELLED, REGISTERED, Registration, RegistrationSetup
from tests.e2e.content import TEA_TIME

pytestmark = pytest.mark.e2e

TEXTS = {
    "tr": {
        "register": re.compile(r"^Kaydol \(\d+ yer kaldı\)"),
        "name": "Ad soyad",
        "email": "E-posta",
        "province": "İl",
        "dietary": "Beslenme ihtiyaçları",
        "consent": "KVKK aydınlatma metnini okudum",
        "send": "Kaydol",
        "invalid_email": "Geçerli bir e-posta adresi yazın",
        "thanks": "Teşekkürler: kaydınız alındı.",
        "heading": "Kaydınız",
        "registered": "Kayıtlı",
        "confirm": "Evet, bu tarihteki kaydımı iptal et.",
        "cancel": "Kaydı iptal et",
        "cancelled_message": "Kaydınız iptal edildi.",
        "cancelled": "İptal edildi",
    },
    "en": {
        "register": re.compile(r"^Register \(\d+ places? left\)"),
        "name": "Name and surname",
        "email": "E-mail",
        "province": "Province",
        "dietary": "Dietary needs",
        "consent": "I have read the privacy notice",
        "send": "Register",
        "invalid_email": "Enter a valid e-mail address",
        "thanks": "Thank you: you are registered.",
        "heading": "Your registration",
        "registered": "Registered",
        "confirm": "Yes, cancel my registration for this date.",
        "cancel": "Cancel the registration",
        "cancelled_message": "Your registration is cancelled.",
        "cancelled": "Cancelled",
    },
}


def private_link_path(email_body: str) -> str:
    url = re.search(r"https?://\S+/registration/\?key=\S+", email_body)
    assert url, email_body
    parts = urlsplit(url.group(0))
    return f"{parts.path}?{parts.query}"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_register_for_a_tea_time_date_then_cancel_by_the_private_link(new_page, axe, language):
    texts = TEXTS[language]
    series = Page.objects.get(
        url_path__endswith="/cay-saati-eskisehir/", locale__language_code="tr"
    )
    RegistrationSetup.objects.create(
        event=series,
        locale=series.locale,
        capacity=10,
        questions=[("dietary", {"required": False})],
    )
    page = new_page(locale="tr-TR" if language == "tr" else "en-US")
    path, title = TEA_TIME[language]
    page.goto(path)
    page.get_by_role("link", name=texts["register"]).first.click()
    expect(page).to_have_url(re.compile(re.escape(path) + r"register/\d{4}-\d\d-\d\d/$"))
    axe(page)

    page.get_by_label(texts["name"]).fill("Örnek Katılımcı")
    page.get_by_label(texts["email"]).fill("ornek@")
    page.get_by_label(texts["province"], exact=False).first.select_option(value="26")
    page.get_by_label(texts["dietary"]).fill("vegan")
    page.get_by_label(re.compile(texts["consent"])).check()
    page.get_by_role("button", name=texts["send"], exact=True).click()
    expect(page.get_by_role("main")).to_contain_text(texts["invalid_email"])
    expect(page.get_by_label(texts["name"])).to_have_value("Örnek Katılımcı")
    axe(page)

    page.get_by_label(texts["email"]).fill("ornek@example.org")
    page.get_by_label(re.compile(texts["consent"])).check()
    page.get_by_role("button", name=texts["send"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(texts["heading"])
    expect(page.get_by_role("status")).to_contain_text(texts["thanks"])
    axe(page)
    registration = Registration.objects.get()
    assert (registration.status, registration.language) == (REGISTERED, language)
    assert registration.answers[0]["answer"] == "vegan"
    assert mail.outbox[0].attachments[0][0].endswith(".ics")

    later = new_page(locale="tr-TR" if language == "tr" else "en-US")
    later.goto(private_link_path(mail.outbox[0].body))
    expect(later.locator(".application-status")).to_contain_text(texts["registered"])
    later.get_by_label(texts["confirm"]).check()
    later.get_by_role("button", name=texts["cancel"]).click()
    expect(later.get_by_role("status")).to_contain_text(texts["cancelled_message"])
    expect(later.locator(".application-status")).to_contain_text(texts["cancelled"])
    axe(later)
    registration.refresh_from_db()
    assert registration.status == CANCELLED
