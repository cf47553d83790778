"""Small builders of the Information Center, shared by the tests, the browser tests and the
bench (as demo.builders for the other apps): an index with its topics in both languages,
and entries."""

import datetime

from wagtail.models import Page

from demo.builders import locales, publish, translate
from knowledge.models import KnowledgeEntryPage, KnowledgeIndexPage, KnowledgeTopicPage

TOPICS = [
    ("Sivil topluma ilişkin mevzuat", "Legislation on civil society"),
    ("Kaynak geliştirme", "Resource development"),
    ("Proje yönetimi", "Project management"),
    ("İletişim", "Communication"),
    ("Gönüllülerle çalışma", "Cooperation with volunteers"),
    ("AB hibe projeleri", "EU grant projects"),
]


def make_knowledge_base(home: Page, topics=TOPICS, **kwargs) -> KnowledgeIndexPage:
    """The Turkish Information Center under `home`, its topics, and their English
    translations (`home` must be translated already)."""
    turkish, english = locales()
    kwargs.setdefault("title", "Bilgi Merkezi")
    kwargs.setdefault("slug", "bilgi-merkezi")
    kwargs.setdefault("intro", "STK'ların gündelik sorularına yanıtlar.")
    index = KnowledgeIndexPage(locale=turkish, **kwargs)
    home.add_child(instance=index)
    publish(index)
    translate(index, english, title="Information Center", slug="information-center")
    for title_tr, title_en in topics:
        topic = KnowledgeTopicPage(title=title_tr, locale=turkish)
        index.add_child(instance=topic)
        publish(topic)
        translate(topic, english, title=title_en)
    return index


def topics_of(index: KnowledgeIndexPage) -> list[KnowledgeTopicPage]:
    return list(KnowledgeTopicPage.objects.child_of(index).order_by("path"))


def make_entry(topic: Page, english: dict | None = None, **kwargs) -> KnowledgeEntryPage:
    """A published entry under `topic`; with `english` (fields), its English translation
    too (the topic must be translated)."""
    kwargs.setdefault("title", "Dernek nasıl kurulur?")
    kwargs.setdefault("answer", "<p>En az yedi gerçek veya tüzel kişi gerekir.</p>")
    kwargs.setdefault("last_reviewed", datetime.date(2026, 1, 15))
    entry = KnowledgeEntryPage(**kwargs)
    topic.add_child(instance=entry)
    publish(entry)
    if english is not None:
        translate(entry, locales()[1], **english)
    return entry
