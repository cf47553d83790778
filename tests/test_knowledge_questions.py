"""'Ask a question': the form in both languages, bad input, the private link, the team's
answer in the admin, the e-mail in the asker's language, the draft entry made from a
question (without personal data), retention, and the dashboard's figures."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale, Site
from wagtail.users.models import UserProfile

from applications import services as shared
from applications.statuses import AnswerStatus
from demo.builders import make_standard_page
from demo.knowledge_builders import make_knowledge_base, topics_of
from home.models import SiteSettings
from knowledge.models import KnowledgeEntryPage, Question
from knowledge.questions import services

pytestmark = pytest.mark.django_db
AS = AnswerStatus
ADMIN = "/admin/knowledge/questions/"


@pytest.fixture
def knowledge(home):
    privacy = make_standard_page(home, title="Aydınlatma Metni", slug="aydinlatma-metni")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    return make_knowledge_base(home)


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def ask_url(page) -> str:
    return page.url + page.reverse_subpage("apply")


def form_data(topic=None, **overrides) -> dict:
    data = {
        "organisation": "Umut Derneği",
        "contact_name": "Ayşe Yılmaz",
        "email": "ayse@ornek.org.tr",
        "province": "35",
        "topic": getattr(topic, "pk", topic or ""),
        "question": "Derneğimiz Umut Derneği yurt dışından hibe alacak, ne bildirmeliyiz? "
        "Bize ayse@ornek.org.tr ya da 0532 123 45 67 üzerinden ulaşabilirsiniz.",
        "consent": "on",
    }
    data.update(overrides)
    return data


def fields(topic=None, n: int = 1, **overrides) -> dict:
    data = form_data(topic, email=f"soran{n}@ornek.org.tr", **overrides)
    data.pop("consent")
    data["topic"] = topic
    return data


@pytest.fixture
def team(django_user_model):
    user = django_user_model.objects.create_user("ekip", "ekip@example.org", "pw")
    user.groups.add(Group.objects.get(name="Information Center team"))
    return user


def test_the_form_in_both_languages(client, knowledge):
    turkish = client.get(ask_url(knowledge)).content.decode()
    assert "Soruyu gönder" in turkish and "aydinlatma-metni" in turkish
    assert "Sivil topluma ilişkin mevzuat" in turkish and "Emin değilim" in turkish
    page = english(knowledge)
    html = client.get(ask_url(page)).content.decode()
    assert "Send the question" in html and "Legislation on civil society" in html
    assert "Sivil topluma" not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", ["İletişim kişisinin adını yazın.", "Geçerli bir e-posta", "onayınızla"]),
        ("en", ["Enter the name of the contact person.", "Enter a valid e-mail", "consent"]),
    ],
)
def test_bad_input_is_a_translated_400_that_keeps_what_was_typed(
    client, knowledge, language, expected
):
    page = knowledge if language == "tr" else english(knowledge)
    data = form_data(contact_name="", email="not-an-address", consent="", question="Merhaba?")
    response = client.post(ask_url(page), data)
    html = response.content.decode()
    assert response.status_code == 400
    for text in expected:
        assert text in html
    assert "Umut Derneği" in html and "Merhaba?" in html
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    "changes", [{"province": "99"}, {"topic": "abc"}, {"topic": "999999"}, {"question": "x" * 4000}]
)
def test_bad_values_never_500(client, knowledge, changes):
    assert client.post(ask_url(knowledge), form_data(**changes)).status_code == 400


def test_closed_form(client, knowledge):
    knowledge.accepts_questions = False
    knowledge.save_revision().publish()
    response = client.post(ask_url(knowledge), form_data())
    assert response.status_code == 403 and not Question.objects.exists()
    assert "yeni soru almıyor" in client.get(knowledge.url).content.decode()


def test_ask_answer_in_admin_email_in_the_askers_language_and_private_link(
    client, knowledge, team, django_capture_on_commit_callbacks
):
    page = english(knowledge)
    topic = topics_of(page)[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_url(page), form_data(topic))
    assert response.status_code == 303 and "private" in response["Cache-Control"]
    question = Question.objects.get()
    assert question.language == "en" and question.index_id == knowledge.pk
    assert question.status == AS.RECEIVED and question.consent_at is not None
    assert mail.outbox[0].subject.startswith("We received your question")
    status_url = response["Location"]
    assert status_url.startswith("/en/") and "?key=" in status_url
    status_page = client.get(status_url)
    assert status_page.status_code == 200 and "no-store" in status_page["Cache-Control"]
    assert "Thank you: we received your question." in status_page.content.decode()
    assert client.get(status_url + "x").status_code == 404
    assert 'name="confirm"' not in status_page.content.decode()  # nothing to withdraw

    # The team answers in the admin (the Turkish admin, an English answer).
    client.force_login(team)
    edit = f"{ADMIN}edit/{question.pk}/"
    assert client.get(edit).status_code == 200
    refused = client.post(edit, {"decision": AS.ANSWERED, "answer_text": ""})
    assert refused.status_code == 200
    question.refresh_from_db()
    assert question.status == AS.RECEIVED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit, {"decision": AS.ANSWERED, "answer_text": "Notify DERBİS first.", "note": ""}
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == AS.ANSWERED and question.answer == "Notify DERBİS first."
    assert question.answered_by == team and question.decided_at is not None
    answer_mail = mail.outbox[-1]
    assert answer_mail.to == ["ayse@ornek.org.tr"]
    assert answer_mail.subject.startswith("The answer to your question")
    assert "Notify DERBİS first." in answer_mail.body and "/en/" in answer_mail.body
    client.logout()
    html = client.get(status_url).content.decode()
    assert "Notify DERBİS first." in html and 'id="answer-heading"' in html, html[
        html.find("<main") :
    ][:3000]


def test_a_turkish_question_is_answered_in_turkish(knowledge, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        question = services.submit_question(knowledge, fields(), "tr")
        services.answer(question, "Önce DERBİS'ten bildirim yapın.")
    subjects = [message.subject for message in mail.outbox]
    assert subjects[0].startswith("Sorunuz bize ulaştı")
    assert subjects[1].startswith("Sorunuzun yanıtı")
    assert "/tr/" in mail.outbox[1].body and "Önce DERBİS'ten" in mail.outbox[1].body


def test_statuses_follow_the_rules(knowledge):
    question = services.submit_question(knowledge, fields(), "tr", notify=False)
    with pytest.raises(shared.ApplicationError):
        services.answer(question, "   ", notify=False)
    question = services.close(question, notify=False)
    assert question.status == AS.CLOSED
    with pytest.raises(shared.InvalidTransition):
        services.answer(question, "Geç kalmış yanıt.", notify=False)
    assert not question.can_withdraw


def test_the_same_question_twice_is_one(knowledge):
    services.submit_question(knowledge, fields(), "tr", notify=False)
    with pytest.raises(shared.DuplicateApplication):
        services.submit_question(knowledge, fields(), "tr", notify=False)
    services.submit_question(knowledge, fields(question="Başka bir soru sormak istiyorum."), "tr")


def test_a_draft_entry_without_personal_data(client, knowledge, team):
    page = english(knowledge)
    topic = topics_of(page)[5]
    question = services.submit_question(page, fields(topic), "en", notify=False)
    client.force_login(team)
    url = f"{ADMIN}entry/{question.pk}/"
    # Not yet answered: refused with a message, nothing made.
    assert client.post(url).status_code == 302
    assert not KnowledgeEntryPage.objects.exists()
    services.answer(
        question, "Ayşe Yılmaz should notify first.\n\nThen keep the receipts.", notify=False
    )
    assert client.get(url).status_code == 200
    response = client.post(url)
    entry = KnowledgeEntryPage.objects.get()
    assert response.status_code == 302 and f"/pages/{entry.pk}/edit/" in response["Location"]
    assert not entry.live and entry.get_parent().specific == topic
    assert entry.locale.language_code == "en"
    text = " ".join([entry.title, entry.question, entry.answer])
    for personal in ("Ayşe Yılmaz", "Umut Derneği", "soran1@ornek.org.tr", "0532 123 45 67"):
        assert personal not in text
    assert (
        "yurt dışından hibe" in entry.question and "<p>Then keep the receipts.</p>" in entry.answer
    )
    question.refresh_from_db()
    assert question.entry == entry
    # Once: a second action returns the same draft.
    client.post(url)
    assert KnowledgeEntryPage.objects.count() == 1
    assert "Sorudan hazırlanan" in client.get(f"{ADMIN}edit/{question.pk}/").content.decode()


def test_only_the_team_sees_questions(client, knowledge, django_user_model):
    services.submit_question(knowledge, fields(), "tr", notify=False)
    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(ADMIN).status_code in (302, 403)
    dashboard = client.get("/admin/").content.decode()
    assert "Bilgi Merkezi soruları" not in dashboard


def test_export_erase_and_retention(client, knowledge, team):
    question = services.submit_question(knowledge, fields(), "tr", notify=False)
    client.force_login(team)
    assert client.get(f"{ADMIN}export/{question.pk}/").status_code == 200
    assert client.post(f"{ADMIN}erase/{question.pk}/").status_code == 302
    question.refresh_from_db()
    assert question.is_anonymised and question.email == "" and question.question == "—"
    assert question.province == "35"
    old = services.submit_question(knowledge, fields(n=2), "tr", notify=False)
    services.answer(old, "Yanıt.", notify=False, now=timezone.now() - datetime.timedelta(days=800))
    report = shared.anonymise_expired(datetime.timedelta(days=730))
    assert report.anonymised["knowledge.Question"] == 1 and not report.failed
    old.refresh_from_db()
    assert old.is_anonymised


def test_dashboard_figures_and_panel(client, knowledge, team):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    for n, (asked, answered_after) in enumerate([(10, 2), (8, 4), (6, 9), (4, None), (3, None)]):
        question = services.submit_question(
            knowledge, fields(n=n), "tr", now=now - asked * day, notify=False
        )
        if answered_after is not None:
            services.answer(
                question, "Yanıt.", notify=False, now=now - (asked - answered_after) * day
            )
    closed = services.submit_question(knowledge, fields(n=9), "tr", notify=False)
    services.close(closed, notify=False)
    figures = services.dashboard_figures(now)
    assert figures.open == 2 and figures.oldest_waiting_days == 4
    assert figures.answered == 3 and figures.median_days_to_answer == 4.0
    client.force_login(team)
    html = client.get("/admin/").content.decode()
    assert "Bilgi Merkezi soruları" in html and "en eskisi 4 gündür bekliyor" in html
    assert "4,0" in html or "4.0" in html


def test_an_erased_question_never_becomes_an_entry(knowledge):
    question = services.submit_question(knowledge, fields(topics_of(knowledge)[0]), "tr")
    services.answer(question, "Yanıt metni.", notify=False)
    shared.anonymise(question)
    with pytest.raises(shared.ApplicationError):
        services.draft_entry(question)
    assert not KnowledgeEntryPage.objects.exists()


def test_the_turkish_admin_names_the_askers_language_in_turkish(client, knowledge, team):
    services.submit_question(knowledge, fields(), "en", notify=False)
    profile = UserProfile.get_for_user(team)
    profile.preferred_language = "tr"
    profile.save()
    client.force_login(team)
    listing = client.get(ADMIN).content.decode()
    assert "İngilizce" in listing  # the column and the filter
    assert "English" not in listing
