"""The Information Center at scale: 160 entries per language (x scale) across its topics,
with read counts, under the demo's index (or a new one)."""

from bench.generators.base import (
    WORDS_EN,
    WORDS_TR,
    Context,
    Generator,
    Target,
    add_live_child,
    app_installed,
    translated_targets,
)
from bench.generators.bulk import LivePages


class KnowledgeEntries(Generator):
    name = "knowledge"
    version = 2

    def available(self) -> bool:
        return app_installed("knowledge")

    def index_pair(self, ctx: Context):
        from knowledge.models import KnowledgeIndexPage

        index_tr = KnowledgeIndexPage.objects.filter(locale=ctx.tr).order_by("path").first()
        if index_tr is None:
            index_tr = add_live_child(
                ctx.home_tr,
                KnowledgeIndexPage(title="Bilgi Merkezi", slug="bilgi-merkezi", locale=ctx.tr),
            )
        index_en = index_tr.get_translation_or_none(ctx.en)
        if index_en is None:
            index_en = add_live_child(
                ctx.home_en,
                KnowledgeIndexPage(
                    title="Information Center", slug="information-center", locale=ctx.en
                ),
                translation_of=index_tr,
            )
        return index_tr, index_en

    def topics(self, ctx: Context, index_tr, index_en) -> list:
        from knowledge.models import KnowledgeTopicPage

        pairs = []
        for topic_tr in KnowledgeTopicPage.objects.child_of(index_tr).order_by("path"):
            topic_en = topic_tr.get_translation_or_none(ctx.en)
            if topic_en is not None:
                pairs.append((topic_tr, topic_en))
        for number in range(len(pairs) + 1, 7):
            topic_tr = add_live_child(
                index_tr, KnowledgeTopicPage(title=f"Konu {number}", locale=ctx.tr)
            )
            topic_en = add_live_child(
                index_en,
                KnowledgeTopicPage(title=f"Topic {number}", locale=ctx.en),
                translation_of=topic_tr,
            )
            pairs.append((topic_tr, topic_en))
        return pairs

    def generate(self, ctx: Context) -> dict[str, int]:
        from knowledge.models import KnowledgeEntryPage

        index_tr, index_en = self.index_pair(ctx)
        pairs = self.topics(ctx, index_tr, index_en)
        total = ctx.count(160)
        pages = LivePages(after=lambda written: self.reads(ctx, written))
        for number in range(1, total + 1):
            topic_tr, topic_en = pairs[number % len(pairs)]
            entry_tr = pages.add(
                topic_tr,
                KnowledgeEntryPage(
                    locale=ctx.tr, slug=f"soru-{number}", **self.fields(ctx, WORDS_TR, number)
                ),
            )
            pages.add(
                topic_en,
                KnowledgeEntryPage(
                    locale=ctx.en, slug=f"question-{number}", **self.fields(ctx, WORDS_EN, number)
                ),
                translation_of=entry_tr,
            )
            pages.flush_if_full()
        pages.flush()
        return {"knowledge-base entries (tr+en)": total * 2}

    def reads(self, ctx: Context, entries: list) -> None:
        """A read count per entry, the same for both languages of it."""
        from knowledge.models import EntryReads

        reads, counts = [], {}
        for entry in entries:
            count = counts.setdefault(entry.translation_key, ctx.random.randint(0, 500))
            reads.append(EntryReads(entry=entry, count=count))
        EntryReads.objects.bulk_create(reads, ignore_conflicts=True)

    def fields(self, ctx: Context, words: list[str], number: int) -> dict:
        return {
            "title": f"{ctx.sentence(words, 6)[:-1]} {number}?",
            "summary": ctx.sentence(words, 20),
            "answer": "".join(f"<p>{ctx.sentence(words, 60)}</p>" for _ in range(3)),
        }

    def targets(self, ctx: Context) -> list[Target]:
        from knowledge.models import KnowledgeEntryPage, KnowledgeIndexPage, KnowledgeTopicPage

        index = KnowledgeIndexPage.objects.live().filter(locale=ctx.tr).first()
        entry = KnowledgeEntryPage.objects.live().filter(locale=ctx.tr, slug="soru-1").first()
        if index is None or entry is None:
            return []
        topic = KnowledgeTopicPage.objects.live().filter(locale=ctx.tr).first()
        return [
            *translated_targets(ctx, "information center (tr)", index),
            Target("information center search 'dernek' (tr)", f"{index.url}?q=dernek"),
            Target("knowledge topic (tr)", topic.url),
            *translated_targets(ctx, "knowledge entry (tr)", entry),
        ]
