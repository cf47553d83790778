"""The Information Center's pages: creation rules, rendering in both languages, the
restricted Turkish-aware search, most read and newest, related entries, read counts and
FAQPage JSON-LD."""

import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from demo.knowledge_builders import make_entry, make_knowledge_base, topics_of
from home.models import HomePage
from knowledge import services
from knowledge.jsonld import faq_data
from knowledge.models import (
    EntryReads,
    KnowledgeEntryLink,
    KnowledgeEntryPage,
    KnowledgeIndexPage,
    KnowledgeTopicPage,
)
from tests.test_pagecache import cached_site  # noqa: F401 - the fixture used below
from tests.test_production import production  # noqa: F401 - the fixture cached_site uses

pytestmark = pytest.mark.django_db


@pytest.fixture
def knowledge(home):
    return make_knowledge_base(home)


@pytest.fixture
def topics(knowledge):
    return topics_of(knowledge)


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


class TestPageTree(WagtailPageTestCase):
    def test_editors_create_an_entry_in_the_admin(self):
        from django.contrib.auth import get_user_model
        from wagtail.test.utils.form_data import (
            inline_formset,
            nested_form_data,
            rich_text,
            streamfield,
        )

        from demo.builders import make_home

        self.client.force_login(get_user_model().objects.create_superuser("ed", "e@x.org", "pw"))
        topic = topics_of(make_knowledge_base(make_home()))[1]
        data = nested_form_data(
            {
                "title": "Bağışçılara nasıl rapor veririz?",
                "slug": "bagiscilara-rapor",
                "answer": rich_text("<p>Yılda bir kısa rapor gönderin.</p>"),
                "related_links": inline_formset([]),
                "documents": streamfield(
                    [("link", {"title": "Rehber", "url": "https://example.org/rehber"})]
                ),
                "last_reviewed": "2026-11-01",
            }
        )
        self.assertCanCreate(topic, KnowledgeEntryPage, data)
        entry = KnowledgeEntryPage.objects.get(slug="bagiscilara-rapor")
        assert entry.documents[0].value["url"] == "https://example.org/rehber"

    def test_where_each_page_type_may_go(self):
        self.assertCanCreateAt(HomePage, KnowledgeIndexPage)
        self.assertAllowedSubpageTypes(KnowledgeIndexPage, {KnowledgeTopicPage})
        self.assertAllowedSubpageTypes(KnowledgeTopicPage, {KnowledgeEntryPage})
        self.assertAllowedSubpageTypes(KnowledgeEntryPage, set())
        self.assertCanNotCreateAt(HomePage, KnowledgeEntryPage)


def test_pages_render_in_both_languages(client, knowledge, topics):
    entry = make_entry(
        topics[0],
        english={"title": "How do we found an association?", "answer": "<p>Seven people.</p>"},
    )
    for page in (knowledge, topics[0], entry):
        assert client.get(page.url).status_code == 200
        assert client.get(english(page).url).status_code == 200
    response = client.get(english(entry).url)
    assert "How do we found an association?" in response.content.decode()
    assert "Seven people." in response.content.decode()


SEARCH_CASES = [
    ("dernek kuruluşu", "Dernek kuruluşu için hangi belgeler gerekir?"),
    ("dernek kurulusu", "Dernek kuruluşu için hangi belgeler gerekir?"),
    ("DERNEK KURULUŞU", "Dernek kuruluşu için hangi belgeler gerekir?"),
    ("AB hibe raporu", "AB hibe projesinde ara rapor nasıl hazırlanır?"),
    ("ab hibe raporu", "AB hibe projesinde ara rapor nasıl hazırlanır?"),
    ("gonullu sigortasi", "Gönüllüler için sigorta yaptırmak zorunlu mu?"),
    ("gönüllü sigortası", "Gönüllüler için sigorta yaptırmak zorunlu mu?"),
]


@pytest.fixture
def searchable(knowledge, topics):
    make_entry(
        topics[0],
        title="Dernek kuruluşu için hangi belgeler gerekir?",
        answer="<p>Kuruluş bildirimi, tüzük ve kurucuların kimlik bilgileri.</p>",
    )
    make_entry(
        topics[5],
        title="AB hibe projesinde ara rapor nasıl hazırlanır?",
        answer="<p>Ara raporda faaliyetler ve harcamalar birlikte raporlanır.</p>",
    )
    make_entry(
        topics[4],
        title="Gönüllüler için sigorta yaptırmak zorunlu mu?",
        answer="<p>Gönüllü sigortası, gönüllüyü faaliyet sırasında korur.</p>",
    )
    make_entry(topics[3], title="Basın bülteni nasıl yazılır?", answer="<p>Kısa ve net.</p>")
    return knowledge


@pytest.mark.parametrize("query,expected", SEARCH_CASES)
def test_search_finds_what_a_turkish_speaker_expects(searchable, query, expected):
    found = services.search_entries(searchable, query)
    titles = [entry.title for entry in found.hits]
    assert titles and titles[0] == expected


def test_search_is_restricted_to_the_knowledge_base(searchable, home):
    from demo.builders import make_standard_page

    make_standard_page(home, title="Dernek kuruluşu semineri")
    found = services.search_entries(searchable, "dernek kuruluşu")
    assert [type(hit) for hit in found.hits] == [KnowledgeEntryPage]


def test_search_results_follow_publishing_moving_and_deleting(searchable, topics):
    """The counts and ranked ids are kept per content generation: each change shows at once."""

    def found() -> list[str]:
        outcome = services.search_entries(searchable, "bülten")
        assert outcome.count == len(outcome.hits)
        return [entry.title for entry in outcome.hits]

    assert found() == ["Basın bülteni nasıl yazılır?"]
    entry = make_entry(topics[2], title="Bülten kaç sayfa olmalı?", answer="<p>Bir.</p>")
    assert sorted(found()) == ["Basın bülteni nasıl yazılır?", "Bülten kaç sayfa olmalı?"]
    entry.unpublish()
    assert found() == ["Basın bülteni nasıl yazılır?"]
    entry.save_revision().publish()
    entry.move(searchable.get_parent(), pos="last-child")  # out of this Information Center
    assert found() == ["Basın bülteni nasıl yazılır?"]
    KnowledgeEntryPage.objects.get(title="Basın bülteni nasıl yazılır?").delete()
    assert found() == []


def test_search_pages_are_counted_and_ranked_a_page_at_a_time(searchable, topics):
    for number in range(12):
        make_entry(topics[0], title=f"Bülten {number}", answer="<p>Bülten yazımı.</p>")
    first = services.search_entries(searchable, "bülten")
    second = services.search_entries(searchable, "bülten", 2)
    assert first.count == second.count == 13
    assert len(first.hits) == services.RESULTS_PER_PAGE
    titles = [entry.title for entry in first.hits + second.hits]
    assert sorted(titles) == sorted({*titles}) and len(titles) == 13
    assert all(entry.topic_page is not None for entry in first.hits + second.hits)


def test_search_works_without_javascript_on_the_index(client, searchable):
    response = client.get(searchable.url, {"q": "gonullu sigortasi"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gönüllüler için sigorta yaptırmak zorunlu mu?" in html
    assert "Basın bülteni" not in html.split('id="knowledge-topics-heading"')[0]


def test_an_empty_or_odd_query_shows_the_index(client, searchable):
    for query in ("", "   ", "!!!", "a" * 500):
        assert client.get(searchable.url, {"q": query, "page": "x"}).status_code == 200


def test_most_read_and_newest(knowledge, topics):
    first = make_entry(topics[0], title="Birinci soru")
    second = make_entry(topics[1], title="İkinci soru")
    services.record_read(first)
    for _ in range(3):
        services.record_read(second)
    entries = knowledge.entries()
    assert list(entries.most_read()) == [second, first]
    assert list(entries.newest())[0] == second
    assert EntryReads.objects.get(entry=second).count == 3


def section_of(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_the_index_shows_the_newest_and_most_read_as_content_changes(client, knowledge, topics):
    """Which entries the index lists is kept per content generation: a publish, an
    unpublish or a deletion shows at once; a read within MOST_READ_SECONDS."""
    from core.versions import local_copies

    first = make_entry(topics[0], title="Birinci soru")
    services.record_read(first)
    html = client.get(knowledge.url).content.decode()
    assert "Birinci soru" in section_of(html, "knowledge-newest-heading")
    assert "Birinci soru" in section_of(html, "knowledge-most-read-heading")
    second = make_entry(topics[1], title="İkinci soru")
    html = client.get(knowledge.url).content.decode()
    newest = section_of(html, "knowledge-newest-heading")
    assert newest.index("İkinci soru") < newest.index("Birinci soru")
    assert "İkinci soru" not in section_of(html, "knowledge-most-read-heading")
    services.record_read(second)
    services.record_read(second)
    cache.clear()  # as MOST_READ_SECONDS passing does
    local_copies.clear()
    html = client.get(knowledge.url).content.decode()
    most_read = section_of(html, "knowledge-most-read-heading")
    assert most_read.index("İkinci soru") < most_read.index("Birinci soru")
    second.unpublish()
    html = client.get(knowledge.url).content.decode()
    assert "İkinci soru" not in html
    first.delete()
    assert "Birinci soru" not in client.get(knowledge.url).content.decode()


def test_the_read_counter_counts_cached_pages_too(client, knowledge, topics, request):
    entry = make_entry(topics[0])
    request.getfixturevalue("cached_site")
    page = client.get(entry.url).content.decode()
    beacon = re.search(r'class="read-counter" src="([^"]+)"', page).group(1)
    assert client.get(entry.url)["X-Page-Cache"] == "hit"
    for _ in range(2):
        response = client.get(beacon)
        assert response["Content-Type"] == "image/gif"
        assert "no-store" in response["Cache-Control"]
    assert EntryReads.objects.get(entry=entry).count == 2
    assert client.head(beacon).status_code == 200
    assert EntryReads.objects.get(entry=entry).count == 2


def test_reading_never_retires_the_cache(knowledge, topics):
    from core.versions import content_generation

    entry = make_entry(topics[0])
    before = content_generation()
    services.record_read(entry)
    services.record_read(entry)
    assert content_generation() == before


def test_related_entries_show_in_the_entry_language(client, knowledge, topics):
    other = make_entry(
        topics[1], title="Bağış nasıl toplanır?", english={"title": "How to raise donations?"}
    )
    entry = make_entry(topics[0], title="Dernek nasıl kurulur?")
    KnowledgeEntryLink.objects.create(page=entry, entry=other)
    publish_again = entry.save_revision()
    publish_again.publish()
    from demo.builders import translate

    entry_en = translate(entry, Locale.objects.get(language_code="en"), title="Founding")
    assert [e.title for e in entry.related_entries()] == ["Bağış nasıl toplanır?"]
    assert [e.title for e in entry_en.specific.related_entries()] == ["How to raise donations?"]
    assert "How to raise donations?" in client.get(entry_en.url).content.decode()


def test_faq_json_ld(client, knowledge, topics):
    entry = make_entry(
        topics[0],
        title="Dernek nasıl kurulur?",
        question="Bir dernek nasıl kurulur, kaç kişi gerekir?",
        answer="<p>En az <b>yedi</b> kişi gerekir. </script></p>",
    )
    html = client.get(entry.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data == faq_data(entry)
    assert data["@type"] == "FAQPage"
    question = data["mainEntity"][0]
    assert question["name"] == "Bir dernek nasıl kurulur, kaç kişi gerekir?"
    assert question["acceptedAnswer"]["text"] == "En az yedi kişi gerekir."
    assert "</script" not in block


def test_site_search_finds_entries(client, searchable):
    response = client.get("/tr/search/", {"q": "gonullu sigortasi"})
    assert "Gönüllüler için sigorta yaptırmak zorunlu mu?" in response.content.decode()


def queries_for(client, url) -> int:
    cache.clear()
    from core.versions import local_copies

    local_copies.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_query_counts_stay_flat_as_entries_grow(client, knowledge, topics):
    main = make_entry(topics[0], title="Ana soru")

    def grow(n):
        for topic in topics:
            for number in range(n):
                entry = make_entry(topic, title=f"{topic.title} soru {number} dernek")
                services.record_read(entry)
                KnowledgeEntryLink.objects.create(page=main, entry=entry)

    grow(1)
    urls = [knowledge.url, f"{knowledge.url}?q=dernek", topics[0].url, main.url]
    for url in urls:  # the first view creates the site settings row
        client.get(url)
    before = [queries_for(client, url) for url in urls]
    grow(3)
    after = [queries_for(client, url) for url in urls]
    assert after == before


def test_a_topic_lists_its_entries_in_pages(client, knowledge, topics):
    topic = topics[0]
    for number in range(23):
        make_entry(topic, title=f"Soru {number:02d}")
    first = client.get(topic.url).content.decode()
    assert first.count('class="knowledge-item"') == 20
    assert "Soru 19" in first and "Soru 20" not in first
    assert 'rel="next"' in first
    second = client.get(topic.url, {"page": "2"}).content.decode()
    assert "Soru 22" in second and "Soru 00" not in second
    for bad in ("abc", "999", "-1"):
        assert client.get(topic.url, {"page": bad}).status_code == 200


def test_a_topics_pages_follow_publishing_and_deleting(client, knowledge, topics):
    """A topic's count and each page's entries are kept per content generation."""
    topic = topics[0]
    entries = [make_entry(topic, title=f"Soru {number:02d}") for number in range(21)]
    assert "Soru 20" in client.get(topic.url, {"page": "2"}).content.decode()
    make_entry(topic, title="Soru 00a")
    first = client.get(topic.url).content.decode()
    assert "Soru 00a" in first and "Soru 19" not in first
    assert "Soru 19" in client.get(topic.url, {"page": "2"}).content.decode()
    entries[0].unpublish()
    assert ">Soru 00<" not in client.get(topic.url).content.decode()
    entries[20].delete()
    entries[19].delete()
    first = client.get(topic.url).content.decode()
    assert first.count('class="knowledge-item"') == 19
    assert 'rel="next"' not in first
