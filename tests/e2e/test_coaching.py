"""A request for Organisational Coaching: a CSO finds the call on the programme page, sends
the form (first with mistakes), the team takes the request into design in the admin, and
the requester follows it by the private link in the e-mail; the Tailor-Made form in English.
axe on every page in both languages.

E-mail: as in test_applicant_journey.py, the e-mail is in `mail.outbox` by the time the
browser shows the next page (on_commit in autocommit, the immediate tasks backend).
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import Page, expect

from applications.statuses import RequestStatus
from coaching.models import CoachingRequest, Programme, TailorMadeRequest
from demo.coaching_builders import make_request_page
from home.models import HomePage

pytestmark = pytest.mark.e2e

USERNAME, PASSWORD = "ekip", "Gizli-Parola-2030"
NEED = "Yönetim kurulumuz yenilendi; görev dağılımını ve karar yolumuzu netleştirmek istiyoruz."


@pytest.fixture
def home(site_url) -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code="tr")


def private_link_path(email_body: str) -> str:
    url = re.search(r"https?://\S+/status/\?key=\S+", email_body)
    assert url, email_body
    parts = urlsplit(url.group(0))
    return f"{parts.path}?{parts.query}"


def fill_request(page: Page, labels: dict[str, str], values: dict[str, str]) -> None:
    """Fill the request form through its labels (`labels` in the page's language)."""
    page.get_by_label(re.compile(rf"^{labels['organisation']}")).fill(values["organisation"])
    page.get_by_label(re.compile(rf"^{labels['province']}\b")).select_option(
        label=values["province"]
    )
    page.get_by_label(re.compile(rf"^{labels['legal_form']}")).select_option(
        label=values["legal_form"]
    )
    page.get_by_label(re.compile(rf"^{labels['need']}")).fill(values["need"])
    page.get_by_label(values["area"], exact=True).check()
    page.get_by_label(values["format"], exact=True).check()
    page.get_by_label(re.compile(rf"^{labels['period']}")).fill(values["period"])
    page.get_by_label(re.compile(rf"^{labels['contact']}")).fill(values["contact"])
    page.get_by_label(re.compile(rf"^{labels['email']}")).fill(values["email"])
    page.get_by_label(re.compile(labels["consent"])).check()


TURKISH = {
    "organisation": "Kuruluş",
    "province": "İl",
    "legal_form": "Tüzel yapı",
    "need": "İhtiyacınız, kendi",
    "period": "Tercih ettiğiniz dönem",
    "contact": "İletişim kişisi",
    "email": "E-posta",
    "consent": "^KVKK aydınlatma metnini okudum",
}
ENGLISH = {
    "organisation": "Organisation",
    "province": "Province",
    "legal_form": "Legal form",
    "need": "Your need, in your own",
    "period": "Preferred period",
    "contact": "Contact person",
    "email": "E-mail",
    "consent": "privacy notice",
}


def test_a_coaching_request_from_the_programme_page_to_the_private_link(home, new_page, axe):
    make_request_page(home, Programme.COACHING)
    page = new_page()
    page.goto("/tr/orgutsel-kocluk/")
    axe(page)
    page.get_by_role("link", name="Talep formunu doldurun").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("talep formu")
    axe(page)
    page.get_by_role("button", name="Talebi gönder").click()  # empty: every mistake shown
    expect(page.get_by_text("En az bir alan seçin.").first).to_be_visible()
    axe(page)
    fill_request(
        page,
        TURKISH,
        {
            "organisation": "Örnek Kadın Dayanışma Derneği",
            "province": "Diyarbakır",
            "legal_form": "Dernek",
            "need": NEED,
            "area": "Yönetişim ve iç yapı",
            "format": "Yüz yüze",
            "period": "Mart–Nisan",
            "contact": "Zeynep Örnek",
            "email": "zeynep@ornek.org.tr",
        },
    )
    page.get_by_role("button", name="Talebi gönder").click()
    expect(page.get_by_text("Teşekkürler: talebinizi aldık.")).to_be_visible()
    expect(page.get_by_role("strong").filter(has_text="Alındı")).to_be_visible()
    axe(page)
    request = CoachingRequest.objects.get()
    assert request.language == "tr" and request.status == RequestStatus.RECEIVED
    assert mail.outbox[-1].subject == "Talebinizi aldık – Örgütsel Koçluk"

    # The team takes it into design in the (English) admin, with an expert and a word.
    get_user_model().objects.create_superuser(USERNAME, "ekip@stgm.org.tr", PASSWORD)
    team = new_page(locale="en-US")
    team.goto("/admin/")
    team.get_by_label("Username").fill(USERNAME)
    team.get_by_label("Password").fill(PASSWORD)
    team.get_by_role("button", name="Sign in").click()
    expect(team.get_by_role("heading", name="Open coaching and training requests")).to_be_visible()
    team.goto("/admin/coaching/requests/")
    team.get_by_role("link", name="Örnek Kadın Dayanışma Derneği").click()
    team.get_by_label("Assigned expert").fill("Örnek Uzman")
    team.get_by_role("combobox", name="Decision").select_option(label="Start designing the work")
    team.get_by_label(re.compile(r"^Reason for the applicant")).fill(
        "Gelecek hafta sizi arayıp ilk görüşmeyi planlayacağız."
    )
    team.get_by_role("button", name="Save").click()
    expect(team.get_by_text("saved", exact=False).first).to_be_visible()

    email = mail.outbox[-1]
    assert email.subject.startswith("Çalışmayı sizinle birlikte tasarlıyoruz")
    assert "Örnek Uzman" in email.body
    page.goto(private_link_path(email.body))
    expect(page.get_by_role("strong").filter(has_text="Tasarlanıyor")).to_be_visible()
    expect(page.get_by_text("ilk görüşmeyi planlayacağız").first).to_be_visible()
    axe(page)


def test_a_tailor_made_request_in_english(home, new_page, axe):
    make_request_page(home, Programme.TAILOR_MADE)
    page = new_page(locale="en-US")
    page.goto("/en/tailor-made-trainings/request/")
    axe(page)
    page.get_by_role("link", name="Fill in the request form").click()
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Choose at least one area.").first).to_be_visible()
    axe(page)
    fill_request(
        page,
        ENGLISH,
        {
            "organisation": "Example Environmental Association",
            "province": "Antalya",
            "legal_form": "Association",
            "need": "Our team needs a training on planning an advocacy campaign on the coast.",
            "area": "Advocacy and campaigning",
            "format": "Online",
            "period": "Before the summer",
            "contact": "Mark Evans",
            "email": "mark@example.org",
        },
    )
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Thank you: we received your request.")).to_be_visible()
    axe(page)
    assert TailorMadeRequest.objects.get().language == "en"
    assert mail.outbox[-1].subject == "We received your request – Tailor-Made trainings"
