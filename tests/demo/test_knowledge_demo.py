"""The Information Center of the demo: the index at the old programme page's address, at
least 40 entries in both languages across the six topics, the searches a Turkish speaker
types, and sample questions in each status."""

import pytest
from wagtail.models import Locale

from applications.statuses import AnswerStatus
from home.models import StandardPage
from knowledge import services
from knowledge.models import KnowledgeEntryPage, KnowledgeIndexPage, KnowledgeTopicPage, Question
from stories.models import Testimonial

from .conftest import DEMO

pytestmark = DEMO


def test_the_index_replaces_the_programme_page(client):
    assert not StandardPage.objects.filter(slug="bilgi-merkezi").exists()
    index = KnowledgeIndexPage.objects.get(locale__language_code="tr")
    assert index.url == "/tr/programlar/bilgi-merkezi/"
    for url in ("/tr/programlar/bilgi-merkezi/", "/en/programmes/information-center/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Ask a question" in response.content.decode() or "Soru sor" in (
            response.content.decode()
        )
    assert Testimonial.objects.filter(page=index).exists()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_entries_in_both_languages_across_the_topics(language):
    locale = Locale.objects.get(language_code=language)
    topics = KnowledgeTopicPage.objects.live().filter(locale=locale)
    assert topics.count() >= 6
    entries = KnowledgeEntryPage.objects.live().filter(locale=locale)
    assert entries.count() >= 40
    for topic in topics:
        assert entries.child_of(topic).count() >= 5


@pytest.mark.parametrize(
    "query,expected",
    [
        ("dernek kuruluşu", "Dernek kuruluşu için neler gerekir?"),
        ("dernek kurulusu", "Dernek kuruluşu için neler gerekir?"),
        ("AB hibe raporu", "AB hibe projesinde ara rapor nasıl hazırlanır?"),
        ("ab hibe raporu", "AB hibe projesinde ara rapor nasıl hazırlanır?"),
        ("gonullu sigortasi", "Gönüllüler için sigorta yaptırmak zorunlu mu?"),
        ("gönüllü sigortası", "Gönüllüler için sigorta yaptırmak zorunlu mu?"),
    ],
)
def test_what_a_turkish_speaker_types_finds_the_entry(query, expected):
    index = KnowledgeIndexPage.objects.get(locale__language_code="tr")
    hits = [entry.title for entry in services.search_entries(index, query).hits]
    assert expected in hits[:3], hits


def test_english_search_of_the_knowledge_base():
    index = KnowledgeIndexPage.objects.get(locale__language_code="en")
    hits = [entry.title for entry in services.search_entries(index, "volunteer insurance").hits]
    assert "Must we insure our volunteers?" in hits[:3]


def test_sample_questions_in_each_status():
    statuses = set(Question.objects.values_list("status", flat=True))
    assert statuses == {AnswerStatus.RECEIVED, AnswerStatus.ANSWERED, AnswerStatus.CLOSED}
    assert set(Question.objects.values_list("language", flat=True)) == {"tr", "en"}


def test_most_read_on_the_index(client):
    html = client.get("/tr/programlar/bilgi-merkezi/").content.decode()
    most_read = html.split('id="knowledge-most-read-heading"')[1].split("</section>")[0]
    assert "Dernek kuruluşu için neler gerekir?" in most_read
