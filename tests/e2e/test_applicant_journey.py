"""A civil-society organisation applies for a festival stand: on a phone, with mistakes, and
with the keyboard alone; then it opens the private link from the e-mail and withdraws.

E-mail: the submit service queues the e-mail with `transaction.on_commit`; the live server's
requests run in autocommit, so the callback runs when the service's `atomic()` block ends,
before the response is sent, and the test settings' django-tasks ImmediateBackend delivers it
at once to the locmem backend. So `mail.outbox` holds the e-mail as soon as the browser shows
the confirmation (the tests below check it right then, without waiting).
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from applications.models import ApplicationStatus, StandApplication
from tests.e2e.conftest import PHONE
from tests.e2e.content import FESTIVAL
from tests.e2e.test_keyboard import focus_outline

pytestmark = pytest.mark.e2e

TEXTS = {
    "tr": {
        "apply": "Stant için başvurun",
        "open": "Başvurular açık",
        "send": "Başvuruyu gönder",
        "thanks": "Teşekkürler: başvurunuzu aldık.",
        "heading": "Stant başvurunuz",
        "submitted": "Alındı",
        "confirm": "Evet, başvurumuzu geri çekiyoruz. Bu işlem geri alınamaz.",
        "withdraw": "Geri çek",
        "withdrawn_message": "Başvurunuz geri çekildi.",
        "withdrawn": "Geri çekildi",
        "legal_form": "Dernek",
        "theme": "Eğitim",
        "correct": re.compile(r"^Lütfen (\d+) alanı düzeltin:$"),
    },
    "en": {
        "apply": "Apply for a stand",
        "open": "Applications open",
        "send": "Send the application",
        "thanks": "Thank you: we received your application.",
        "heading": "Your stand application",
        "submitted": "Submitted",
        "confirm": "Yes, withdraw our application. This cannot be undone.",
        "withdraw": "Withdraw",
        "withdrawn_message": "Your application is withdrawn.",
        "withdrawn": "Withdrawn",
        "legal_form": "Association",
        "theme": "Education",
        "correct": re.compile(r"^Please correct (\d+) fields?:$"),
    },
}
# Each field's label as the visitor reads it (before "(required)"/"(optional)").
LABELS = {
    "tr": {
        "organisation": "Kuruluşun adı",
        "legal_form": "Tüzel yapı",
        "province": "İl",
        "themes": "Tematik alanlar",
        "website": "Web sitesi ya da sosyal medya bağlantısı",
        "contact_name": "İletişim kişisi",
        "email": "E-posta",
        "phone": "Telefon",
        "exhibit": "Standınızda neler olacak?",
        "needs_electricity": "Elektriğe ihtiyacımız var",
        "people": "Standda bulunacak kişi sayısı",
        "consent": "KVKK aydınlatma metnini okudum",
    },
    "en": {
        "organisation": "Organisation name",
        "legal_form": "Legal form",
        "province": "City",
        "themes": "Thematic areas",
        "website": "Website or social media link",
        "contact_name": "Contact person",
        "email": "E-mail",
        "phone": "Phone",
        "exhibit": "What will your stand show?",
        "needs_electricity": "We need electricity",
        "people": "People at the stand",
        "consent": "I have read the privacy notice (KVKK)",
    },
}
# The messages a visitor gets for the mistakes that `test_mistakes...` makes.
ERRORS = {
    "tr": {
        "organisation": "Kuruluşunuzun adını yazın.",
        "themes": "En az bir tematik alan seçin.",
        "website": "Tam bir web adresi yazın, ör. https://ornek.org.tr",
        "email": "Geçerli bir e-posta adresi yazın, ör. ad@ornek.org.tr",
        "phone": "Arayabileceğimiz bir telefon numarası yazın",
        "people": "Standda en az bir kişi bulunmalı.",
        "consent": "Başvuruyu ancak onayınızla alabiliriz.",
    },
    "en": {
        "organisation": "Enter the name of your organisation.",
        "themes": "Choose at least one thematic area.",
        "website": "Enter a full web address, e.g. https://ornek.org.tr",
        "email": "Enter a valid e-mail address, e.g. ad@ornek.org.tr",
        "phone": "Enter a phone number we can call",
        "people": "At least one person runs the stand.",
        "consent": "We can only take the application with your consent.",
    },
}


def containing(text: str) -> re.Pattern:
    """A pattern for `text` anywhere (with "/" escaped too: Playwright hands it to JavaScript)."""
    return re.compile(re.escape(text).replace("/", r"\/"))


def field(page: Page, language: str, name: str):
    """The form control labelled for `name` (its label text, then "(required)" or nothing)."""
    label = LABELS[language][name]
    if name == "themes":
        return page.get_by_role("group", name=re.compile(rf"^{re.escape(label)}"))
    return page.get_by_label(re.compile(rf"^{re.escape(label)}(\W|$)"))


def fill_application(page: Page, language: str, email: str, tap: bool = False) -> None:
    texts = TEXTS[language]
    field(page, language, "organisation").fill("Van Kadın Dayanışma Derneği")
    field(page, language, "legal_form").select_option(label=texts["legal_form"])
    field(page, language, "province").select_option(label="Van")
    theme = field(page, language, "themes").get_by_label(texts["theme"], exact=True)
    theme.tap() if tap else theme.check()
    field(page, language, "contact_name").fill("Zeynep Arslan")
    field(page, language, "email").fill(email)
    field(page, language, "phone").fill("0532 123 45 67")
    field(page, language, "exhibit").fill("El emeği ürünler ve bir atölye.")
    consent = field(page, language, "consent")
    consent.tap() if tap else consent.check()
    expect(consent).to_be_checked()


def private_link_path(email_body: str) -> str:
    """The private link of the e-mail, as a path on the site (the e-mail's host is the
    Site's, the browser's is the live server's)."""
    url = re.search(r"https?://\S+/application/\?key=\S+", email_body)
    assert url, email_body
    parts = urlsplit(url.group(0))
    return f"{parts.path}?{parts.query}"


def expect_confirmation(page: Page, language: str, organisation: str) -> None:
    texts = TEXTS[language]
    expect(page.get_by_role("heading", level=1)).to_have_text(texts["heading"])
    expect(page.get_by_role("status")).to_contain_text(texts["thanks"])
    expect(page.get_by_role("main")).to_contain_text(organisation)
    expect(page.locator(".application-status")).to_contain_text(texts["submitted"])


def withdraw(page: Page, language: str) -> None:
    texts = TEXTS[language]
    page.get_by_label(texts["confirm"]).check()
    page.get_by_role("button", name=texts["withdraw"]).click()
    expect(page.get_by_role("status")).to_contain_text(texts["withdrawn_message"])
    expect(page.locator(".application-status")).to_contain_text(texts["withdrawn"])
    expect(page.get_by_role("button", name=texts["withdraw"])).to_have_count(0)


@pytest.mark.parametrize(
    ("language", "viewport"), [("tr", PHONE), ("en", None)], ids=["tr-phone", "en-desktop"]
)
def test_applicant_applies_then_withdraws_through_the_private_link(new_page, language, viewport):
    texts = TEXTS[language]
    page = new_page(viewport=viewport)
    tap = viewport == PHONE
    path, title = FESTIVAL[language]
    page.goto(path)
    expect(page.get_by_role("main")).to_contain_text(texts["open"])
    apply_link = page.get_by_role("link", name=texts["apply"])
    apply_link.tap() if tap else apply_link.click()
    expect(page).to_have_url(re.compile(re.escape(path) + "apply/$"))

    fill_application(page, language, "zeynep@vankadin.org.tr", tap=tap)
    send = page.get_by_role("button", name=texts["send"])
    send.tap() if tap else send.click()

    expect_confirmation(page, language, "Van Kadın Dayanışma Derneği")
    application = StandApplication.objects.get()
    assert (application.status, application.language) == (ApplicationStatus.SUBMITTED, language)
    assert application.province == "65" and application.phone == "+905321234567"
    assert [message.to for message in mail.outbox] == [["zeynep@vankadin.org.tr"]]
    assert title in mail.outbox[0].subject

    # Later, from the e-mail: a fresh browser (no session), the private link, withdrawal.
    later = new_page(viewport=viewport)
    later.goto(private_link_path(mail.outbox[0].body))
    expect(later.get_by_role("heading", level=1)).to_have_text(texts["heading"])
    expect(later.locator("html")).to_have_attribute("lang", language)
    expect(later.locator(".application-status")).to_contain_text(texts["submitted"])
    withdraw(later, language)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert len(mail.outbox) == 2 and title in mail.outbox[1].subject


@pytest.mark.parametrize("language", ["tr", "en"])
def test_mistakes_are_shown_next_to_each_field_and_in_a_summary(page, language):
    texts = TEXTS[language]
    page.goto(FESTIVAL[language][0] + "apply/")
    field(page, language, "website").fill("ornek")
    field(page, language, "contact_name").fill("Zeynep Arslan")
    field(page, language, "email").fill("zeynep@")
    field(page, language, "phone").fill("123")
    field(page, language, "people").fill("0")
    page.get_by_role("button", name=texts["send"]).click()

    summary = page.get_by_role("alert")
    heading = summary.get_by_role("heading")
    expect(heading).to_have_text(texts["correct"])
    errors = ERRORS[language]
    for name, message in errors.items():
        control = field(page, language, name)
        # Next to the field: in the field's own box, and announced with it.
        box = page.locator(".field").filter(has=control) if name != "themes" else control
        expect(box.locator(".errorlist")).to_contain_text(message)
        expect(control).to_have_accessible_description(containing(message))
        if name != "themes":
            expect(control).to_have_attribute("aria-invalid", "true")
        # In the summary, linking to the field.
        link = summary.get_by_role("link", name=containing(message))
        expect(link).to_have_attribute("href", "#" + control.get_attribute("id"))
    count = int(texts["correct"].match(heading.inner_text()).group(1))
    # The legal form, city and exhibit were left empty too.
    assert count == len(errors) + 3
    # What was typed is kept, so only the mistakes need fixing.
    expect(field(page, language, "contact_name")).to_have_value("Zeynep Arslan")
    assert not StandApplication.objects.exists()

    # Correcting them sends the application.
    fill_application(page, language, "zeynep@vankadin.org.tr")
    field(page, language, "website").fill("https://vankadin.org.tr")
    field(page, language, "people").fill("3")
    page.get_by_role("button", name=texts["send"]).click()
    expect_confirmation(page, language, "Van Kadın Dayanışma Derneği")
    assert StandApplication.objects.get().people == 3


def tab_to(page: Page, control, limit: int = 30) -> None:
    """Press Tab until `control` has the focus (it must come later in the tab order), checking
    that every element the focus passes on shows a focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        outline = focus_outline(page)
        assert outline["style"] != "none" and outline["width"] >= 2, outline
        if control.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{control} not reached with {limit} presses of Tab")


def test_keyboard_only_applicant_fills_and_sends_the_form(page):
    """From the top of the page, with Tab, typing, Space and Enter only."""
    language = "tr"
    page.goto(FESTIVAL[language][0] + "apply/")
    keyboard = page.keyboard

    tab_to(page, field(page, language, "organisation"))
    keyboard.type("Van Kadın Dayanışma Derneği")
    tab_to(page, field(page, language, "legal_form"), limit=1)
    keyboard.type("Dernek")  # a closed select picks the option typed
    expect(field(page, language, "legal_form")).to_have_value("association")
    tab_to(page, field(page, language, "province"), limit=1)
    keyboard.type("Van")
    expect(field(page, language, "province")).to_have_value("65")
    education = field(page, language, "themes").get_by_label("Eğitim", exact=True)
    tab_to(page, education, limit=15)
    keyboard.press("Space")
    expect(education).to_be_checked()
    tab_to(page, field(page, language, "contact_name"), limit=15)
    keyboard.type("Zeynep Arslan")
    tab_to(page, field(page, language, "email"), limit=1)
    keyboard.type("zeynep@vankadin.org.tr")
    tab_to(page, field(page, language, "phone"), limit=1)
    keyboard.type("0532 123 45 67")
    tab_to(page, field(page, language, "exhibit"), limit=1)
    keyboard.type("El emeği ürünler.")
    tab_to(page, field(page, language, "needs_electricity"), limit=1)
    keyboard.press("Space")
    expect(field(page, language, "needs_electricity")).to_be_checked()
    consent = field(page, language, "consent")
    tab_to(page, consent, limit=8)
    keyboard.press("Space")
    expect(consent).to_be_checked()
    # The honeypot is skipped: the next stop after the privacy link is the button.
    tab_to(page, page.get_by_role("button", name=TEXTS[language]["send"]), limit=2)
    keyboard.press("Enter")

    expect_confirmation(page, language, "Van Kadın Dayanışma Derneği")
    application = StandApplication.objects.get()
    assert application.needs_electricity and application.theme_list == ["education"]
    assert application.people == 2
