"""The Information Center: a CSO volunteer on a phone searches the knowledge base without
Turkish letters, asks the team a question, the team answers in the admin, the asker reads
the answer by the link in the e-mail, and the team publishes the question as an entry; axe
in both languages and on a 390 px phone.

E-mail: as in test_applicant_journey.py, the e-mail is in `mail.outbox` by the time the
browser shows the next page (on_commit in autocommit, the immediate tasks backend).
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import Page, expect

from applications.statuses import AnswerStatus
from demo.knowledge_builders import make_entry, make_knowledge_base, topics_of
from home.models import HomePage
from knowledge.models import KnowledgeEntryPage, Question
from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.e2e

USERNAME, PASSWORD = "ekip", "Gizli-Parola-2030"
QUESTION = "Derneğimiz festivalde gönüllülerle çalışacak; kısa süreli sigorta yaptırmalı mıyız?"
ANSWER = "Zorunlu değil, ama ferdi kaza sigortası öneririz. Poliçeyi etkinlik süresine göre seçin."


@pytest.fixture
def knowledge(site_url):
    """The Information Center with its six topics and two entries, in both languages."""
    home = HomePage.objects.get(depth=2, locale__language_code="tr")
    index = make_knowledge_base(home)
    topics = topics_of(index)
    make_entry(
        topics[4],
        title="Gönüllüler için sigorta yaptırmak zorunlu mu?",
        answer="<p>Gönüllü sigortası zorunlu değildir; ferdi kaza sigortası önerilir.</p>",
        english={
            "title": "Must we insure our volunteers?",
            "answer": "<p>Not by law; personal accident insurance is advised.</p>",
        },
    )
    make_entry(
        topics[0],
        title="Dernek kuruluşu için neler gerekir?",
        english={"title": "What does founding an association take?"},
    )
    return index


def private_link_path(email_body: str) -> str:
    url = re.search(r"https?://\S+/question/\?key=\S+", email_body)
    assert url, email_body
    parts = urlsplit(url.group(0))
    return f"{parts.path}?{parts.query}"


def ask_on_a_phone(new_page, axe) -> Page:
    page = new_page(viewport=PHONE)
    page.goto("/tr/bilgi-merkezi/")
    axe(page)
    page.get_by_label("Sorularda ve yanıtlarda arayın").fill("gonullu sigortasi")
    page.get_by_role("search", name="Bilgi Merkezi'nde ara").get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"q=gonullu"))
    results = page.get_by_role("region", name=re.compile("için yanıtlar"))
    expect(results.get_by_role("link", name="Gönüllüler için sigorta")).to_be_visible()
    axe(page)

    page.get_by_role("link", name="Soru sor", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Soru sor")
    axe(page)
    page.get_by_role("button", name="Soruyu gönder").click()  # empty: every mistake shown
    expect(page.get_by_text("Sorunuzu yazın.").first).to_be_visible()
    axe(page)
    page.get_by_label(re.compile(r"^Kuruluş")).fill("Örnek Gençlik Derneği")
    page.get_by_label(re.compile(r"^İletişim kişisi")).fill("Deniz Yılmaz")
    page.get_by_label(re.compile(r"^E-posta")).fill("deniz@ornek.org.tr")
    page.get_by_label(re.compile(r"^İl\b")).select_option(label="İzmir")
    page.get_by_label(re.compile(r"^Konu")).select_option(label="Gönüllülerle çalışma")
    page.get_by_label(re.compile(r"^Sorunuz")).fill(QUESTION)
    page.get_by_label(re.compile(r"^KVKK aydınlatma metnini okudum")).tap()
    page.get_by_role("button", name="Soruyu gönder").click()
    expect(page.get_by_text("Teşekkürler: sorunuz bize ulaştı.")).to_be_visible()
    expect(page.get_by_role("strong").filter(has_text="Alındı")).to_be_visible()
    axe(page)
    return page


def test_ask_answer_and_publish_as_an_entry(knowledge, new_page, axe):
    asker = ask_on_a_phone(new_page, axe)
    question = Question.objects.get()
    assert question.language == "tr" and question.status == AnswerStatus.RECEIVED
    assert mail.outbox[-1].subject.startswith("Sorunuz bize ulaştı")

    # The team answers in the admin (in English).
    get_user_model().objects.create_superuser(USERNAME, "ekip@stgm.org.tr", PASSWORD)
    team = new_page(locale="en-US")
    team.goto("/admin/")
    team.get_by_label("Username").fill(USERNAME)
    team.get_by_label("Password").fill(PASSWORD)
    team.get_by_role("button", name="Sign in").click()
    expect(team.get_by_role("heading", name="Information Center questions")).to_be_visible()
    team.get_by_role("link", name="Questions", exact=True).click()
    team.get_by_role("link", name="Deniz Yılmaz").click()
    team.get_by_label(re.compile(r"^Answer")).fill(ANSWER)
    team.get_by_role("combobox", name="Decision").select_option(label="Send the answer")
    team.get_by_role("button", name="Save").click()
    expect(team.get_by_text("Application of “Deniz Yılmaz” saved.")).to_be_visible()

    # The asker gets the answer in Turkish, and reads it by the private link.
    email = mail.outbox[-1]
    assert email.to == ["deniz@ornek.org.tr"] and email.subject.startswith("Sorunuzun yanıtı")
    assert ANSWER in email.body
    asker.goto(private_link_path(email.body))
    expect(asker.get_by_role("heading", name="Ekibin yanıtı")).to_be_visible()
    expect(asker.get_by_text("ferdi kaza sigortası öneririz")).to_be_visible()
    axe(asker)

    # The team makes a draft entry of it, then publishes it.
    team.goto(f"/admin/knowledge/questions/edit/{question.pk}/")
    team.get_by_role("link", name="Make a draft knowledge-base entry of it…").click()
    team.get_by_role("button", name="Make the draft").click()
    expect(team).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    team.get_by_role("button", name="More actions").click()
    team.get_by_role("button", name="Publish").click()
    expect(team.get_by_text("published", exact=False).first).to_be_visible()
    entry = KnowledgeEntryPage.objects.live().get(question=QUESTION)
    assert "Deniz" not in entry.title + entry.answer and "Örnek Gençlik" not in entry.answer

    visitor = new_page(viewport=PHONE)
    visitor.goto(entry.url)
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("gönüllülerle çalışacak")
    expect(visitor.get_by_text("ferdi kaza sigortası öneririz")).to_be_visible()
    axe(visitor)


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_the_information_center_in_english(knowledge, new_page, axe, viewport):
    page = new_page(locale="en-US", viewport=viewport)
    page.goto("/en/information-center/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Information Center")
    axe(page)
    page.get_by_label("Search the questions and answers").fill("insure volunteers")
    page.get_by_role("search", name="Search the Information Center").get_by_role("button").click()
    page.get_by_role("link", name="Must we insure our volunteers?").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Must we insure our volunteers?")
    axe(page)
    page.get_by_role("link", name="Ask the team a question").click()
    expect(page.get_by_role("button", name="Send the question")).to_be_visible()
    axe(page)


def test_search_and_ask_without_javascript(knowledge, new_page):
    page = new_page(java_script_enabled=False, viewport=PHONE)
    page.goto("/tr/bilgi-merkezi/?q=dernek+kurulusu")
    expect(
        page.get_by_role("link", name="Dernek kuruluşu için neler gerekir?").first
    ).to_be_visible()
    page.get_by_role("link", name="Soru sor", exact=True).click()
    expect(page.get_by_role("button", name="Soruyu gönder")).to_be_visible()
