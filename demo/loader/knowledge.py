"""The Information Center (demo/content/knowledge.yaml): the index in place of the
programme page that used to stand for it (same slug), its topics and entries in both
languages with related entries, links and read counts, and sample questions in each status,
made through the question services (no e-mail is sent)."""

import datetime

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from core.turkish import turkish_slugify
from demo.tools import get_locale, make_illustration, translate, upsert_page
from home.models import StandardPage
from knowledge.models import (
    EntryReads,
    KnowledgeEntryLink,
    KnowledgeEntryPage,
    KnowledgeIndexPage,
    KnowledgeTopicPage,
    Question,
)
from knowledge.questions import services

from .data import Texts, read


def replace_standard_page(parent: Page, slug: str) -> None:
    """A demo loaded before the Information Center existed has a StandardPage with its
    slug: delete it (and its translations) so the index can take its place."""
    for page in StandardPage.objects.child_of(parent).filter(slug=slug):
        for translation in page.get_translations():
            translation.delete()
        page.delete()


def entry_slugs(t: Texts, title: dict) -> str:
    """The Turkish slug of an entry, its English slug remembered for the translation."""
    slug_tr, slug_en = turkish_slugify(title["tr"])[:80], slugify(title["en"])[:80]
    t.glossary[slug_tr] = slug_en
    return slug_tr


def load_entry(topic: KnowledgeTopicPage, spec: dict, t: Texts, today) -> KnowledgeEntryPage:
    fields = {
        "title": t(spec["title"]),
        "answer": t.html(spec["answer"]),
        "last_reviewed": today - datetime.timedelta(days=spec.get("reviewed", 30)),
        "documents": [
            ("link", {"title": t(link["title"]), "url": link["url"]})
            for link in spec.get("links", [])
        ],
    }
    if "summary" in spec:
        fields["summary"] = t(spec["summary"])
    return upsert_page(topic, KnowledgeEntryPage, entry_slugs(t, spec["title"]), **fields)


def load_knowledge(home: Page) -> KnowledgeIndexPage:
    """Create or update the Information Center in Turkish and English."""
    content = read("knowledge")
    english = get_locale("en")
    t = Texts()
    today = timezone.localdate()
    spec = content["index"]
    parent = StandardPage.objects.child_of(home).get(slug=spec["parent"])
    slug = t(spec["slug"])
    replace_standard_page(parent, slug)
    index = upsert_page(
        parent,
        KnowledgeIndexPage,
        slug,
        title=t(spec["title"]),
        intro=t(spec["intro"]),
        ask_intro=f"<p>{t(spec['ask_intro'])}</p>",
        is_programme=True,
        image=make_illustration("programme"),
    )
    translate(index, english, t.glossary)

    entries: dict[str, tuple[KnowledgeEntryPage, dict]] = {}
    topics: dict[str, KnowledgeTopicPage] = {}
    for topic_spec in content["topics"]:
        topic = upsert_page(
            index,
            KnowledgeTopicPage,
            t(topic_spec["slug"]),
            title=t(topic_spec["title"]),
            intro=t(topic_spec["intro"]),
        )
        translate(topic, english, t.glossary)
        topics[topic.slug] = topic
        for entry_spec in topic_spec["entries"]:
            entries[entry_spec["key"]] = (load_entry(topic, entry_spec, t, today), entry_spec)

    for entry, entry_spec in entries.values():
        entry.related_links = [
            KnowledgeEntryLink(entry=entries[key][0]) for key in entry_spec.get("related", [])
        ]
        entry.save_revision().publish()
        translated = translate(entry, english, t.glossary)
        for page in (entry, translated):
            EntryReads.objects.update_or_create(
                entry_id=page.pk, defaults={"count": entry_spec.get("reads", 0)}
            )
    load_questions(index, topics, content["questions"])
    return index


def load_questions(index: KnowledgeIndexPage, topics: dict, specs: list[dict]) -> None:
    """Sample questions (invented people), each in its status, without e-mail."""
    now = timezone.now()
    english = get_locale("en")
    for n, spec in enumerate(specs, start=1):
        email = f"soru{n}@example.org"
        if Question.objects.filter(index=index, email=email).exists():
            continue
        topic = topics.get(spec["topic"])
        if topic is not None and spec["language"] == "en":
            topic = topic.get_translation_or_none(english) or topic
        asked = now - datetime.timedelta(days=spec["days_ago"])
        question = services.submit_question(
            index,
            {
                "organisation": spec["organisation"],
                "contact_name": spec["contact_name"],
                "email": email,
                "province": spec["province"],
                "topic": topic,
                "question": spec["question"],
            },
            spec["language"],
            now=asked,
            notify=False,
        )
        decided = asked + datetime.timedelta(days=spec.get("answered_after", 0))
        if spec.get("status") == "answered":
            services.answer(question, spec["answer"], notify=False, now=decided)
        elif spec.get("status") == "closed":
            services.set_answer(question, spec.get("answer", ""))
            services.close(question, notify=False, now=decided)
