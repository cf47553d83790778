"""Programme pages (`home.StandardPage`) in sections, each with an English translation."""

from bench.generators.base import WORDS_EN, WORDS_TR, Context, Generator, Target, add_live_child
from bench.generators.bulk import LivePages


class ProgrammePages(Generator):
    """300 programme pages (x scale), in sections of 30, written in batches."""

    name = "programmes"
    version = 2
    per_section = 30

    def generate(self, ctx: Context) -> dict[str, int]:
        total = ctx.count(300)
        sections = -(-total // self.per_section)
        made = 0
        self.pages = LivePages()
        for number in range(1, sections + 1):
            section_tr, section_en = self.section(ctx, number)
            for _child in range(1, self.per_section + 1):
                if made >= total:
                    break
                made += 1
                self.page(ctx, made, section_tr, section_en)
                self.pages.flush_if_full()
        self.pages.flush()
        return {"programme pages (tr+en)": made * 2, "sections (tr+en)": sections * 2}

    def section(self, ctx: Context, number: int):
        from home.models import StandardPage

        section_tr = add_live_child(
            ctx.home_tr,
            StandardPage(
                title=f"Program alanı {number}",
                slug=f"program-alani-{number}",
                intro=ctx.sentence(WORDS_TR),
                locale=ctx.tr,
            ),
        )
        section_en = add_live_child(
            ctx.home_en,
            StandardPage(
                title=f"Programme area {number}",
                slug=f"programme-area-{number}",
                intro=ctx.sentence(WORDS_EN),
                locale=ctx.en,
            ),
            translation_of=section_tr,
        )
        return section_tr, section_en

    def page(self, ctx: Context, number: int, section_tr, section_en) -> None:
        from home.models import StandardPage

        page_tr = self.pages.add(
            section_tr,
            StandardPage(locale=ctx.tr, **self.fields(ctx, WORDS_TR, number, "program")),
        )
        self.pages.add(
            section_en,
            StandardPage(locale=ctx.en, **self.fields(ctx, WORDS_EN, number, "programme")),
            translation_of=page_tr,
        )

    def fields(self, ctx: Context, words: list[str], number: int, slug: str) -> dict:
        body = [
            ("heading", {"text": ctx.sentence(words, 5), "level": "h2"}),
            *[("paragraph", f"<p>{ctx.sentence(words, 60)}</p>") for _ in range(3)],
            ("quote", {"quote": ctx.sentence(words, 20), "attribution": ctx.sentence(words, 2)}),
        ]
        return {
            "title": f"{ctx.sentence(words, 4)[:-1]} {number}",
            "slug": f"{slug}-{number}",
            "intro": ctx.sentence(words, 30),
            "body": body,
        }

    def targets(self, ctx: Context) -> list[Target]:
        from home.models import StandardPage

        section = StandardPage.objects.live().filter(slug="program-alani-1").first()
        page = StandardPage.objects.live().filter(slug="program-1", locale=ctx.tr).first()
        if section is None or page is None:
            return []
        english = page.get_translation_or_none(ctx.en)
        found = [
            Target(f"programme area, {self.per_section} children (tr)", section.url),
            Target("programme page (tr)", page.url),
        ]
        if english is not None:
            found.append(Target("programme page (en)", english.url))
        return found
