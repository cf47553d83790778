"""Stories with their narrators and themes, on the Power Stories events, in both languages."""

import datetime

from bench.generators.base import (
    PROVINCES,
    STORY_PROVINCE,
    WORDS_EN,
    WORDS_TR,
    Context,
    Generator,
    Target,
    app_installed,
    create_snippets,
    index_pair,
    translated_copy,
    translated_targets,
)
from bench.generators.bulk import LivePages
from bench.generators.from_demo import shared_images

IMAGE_COLOURS = ["#8e2e4a", "#2e7a3c", "#1d6e8a", "#7a2e8e", "#8a4b1d", "#3c3c8e"]
THEME_NAMES = [
    ("Dayanışma", "Solidarity"),
    ("Eğitim", "Education"),
    ("İklim", "Climate"),
    ("Kadın", "Women"),
    ("Gençlik", "Youth"),
    ("Erişilebilirlik", "Accessibility"),
    ("Hayvan hakları", "Animal rights"),
    ("Yerel yönetim", "Local government"),
    ("Göç", "Migration"),
    ("Kültür", "Culture"),
]


def story_index(ctx: Context):
    from stories.models import StoryIndexPage

    return index_pair(ctx, StoryIndexPage, ("Hikâyeler", "hikayeler"), ("Stories", "stories"))


def make_themes(ctx: Context) -> list:
    """The demo's themes, or ten new ones when it has fewer than eight."""
    from stories.models import Theme

    themes = list(Theme.objects.filter(locale=ctx.tr))
    if len(themes) >= 8:
        return themes
    for number, (name_tr, name_en) in enumerate(THEME_NAMES, start=1):
        theme = Theme.objects.create(locale=ctx.tr, name=f"{name_tr} {number}")
        translated_copy(theme, ctx.en, name=f"{name_en} {number}").save()
        themes.append(theme)
    return themes


def make_narrators(ctx: Context, count: int) -> list:
    from stories.models import Narrator

    narrators, translations = [], []
    for number in range(1, count + 1):
        narrator = Narrator(
            locale=ctx.tr,
            name=f"{ctx.sentence(WORDS_TR, 2)[:-1]} {number}",
            organisation=f"{ctx.sentence(WORDS_TR, 2)[:-1]} Derneği",
            city=ctx.random.choice(WORDS_TR).capitalize(),
            province=PROVINCES[number % len(PROVINCES)],
        )
        translations.append(
            translated_copy(
                narrator, ctx.en, organisation=f"{ctx.sentence(WORDS_EN, 2)[:-1]} Association"
            )
        )
        narrators.append(narrator)
    return create_snippets(narrators, translations)


def story_text(ctx: Context, words: list[str], number: int, slug: str) -> dict:
    return {
        "title": f"{ctx.sentence(words, 4)[:-1]} {number}",
        "slug": f"{slug}-{number}",
        "pull_quote": ctx.sentence(words, 20),
        "transcript": "".join(f"<p>{ctx.sentence(words, 60)}</p>" for _ in range(4)),
    }


class Stories(Generator):
    """500 stories (x scale) with 200 narrators, three themes each, written in batches."""

    name = "stories"
    version = 2
    count = 500

    def available(self) -> bool:
        return app_installed("stories")

    def generate(self, ctx: Context) -> dict[str, int]:
        from events.models import PowerStoriesEventPage

        self.index_tr, self.index_en = story_index(ctx)
        themes = make_themes(ctx)
        self.images = shared_images("Bench story", IMAGE_COLOURS)
        english = {
            page.translation_key: page
            for page in PowerStoriesEventPage.objects.filter(locale=ctx.en)
        }
        self.events = [
            (page, english.get(page.translation_key))
            for page in PowerStoriesEventPage.objects.filter(locale=ctx.tr)
        ]
        narrators = make_narrators(ctx, ctx.count(200))
        total = ctx.count(self.count)
        today = datetime.date.today()
        self.pages = LivePages()
        for number in range(1, total + 1):
            self.story(ctx, number, narrators, themes, today)
            self.pages.flush_if_full()
        self.pages.flush()
        return {
            "stories (tr+en)": total * 2,
            "narrators (tr+en)": len(narrators) * 2,
            "themes (tr)": len(themes),
        }

    def story(self, ctx: Context, number: int, narrators, themes, today) -> None:
        """A Turkish story and its English translation (themes synchronised: the source's)."""
        from stories.models import StoryPage

        narrator = ctx.random.choice(narrators)
        event_tr, event_en = ctx.random.choice(self.events) if self.events else (None, None)
        chosen = ctx.random.sample(themes, 3)
        common = {
            "narrator": narrator,
            "province": PROVINCES[(number * 7) % len(PROVINCES)],
            "date_told": today - datetime.timedelta(days=ctx.random.randint(0, 6 * 365)),
            "image": ctx.random.choice(self.images),
            "is_featured": number % 50 == 0,
            "themes": chosen,
        }
        story_tr = self.pages.add(
            self.index_tr,
            StoryPage(
                locale=ctx.tr,
                **story_text(ctx, WORDS_TR, number, "hikaye"),
                event=event_tr,
                **common,
            ),
        )
        self.pages.add(
            self.index_en,
            StoryPage(
                locale=ctx.en,
                **story_text(ctx, WORDS_EN, number, "story"),
                event=event_en or event_tr,
                **common,
            ),
            translation_of=story_tr,
        )

    def targets(self, ctx: Context) -> list[Target]:
        from stories.models import StoryPage

        index_tr, index_en = story_index(ctx)
        story = StoryPage.objects.live().filter(locale=ctx.tr, slug="hikaye-1").first()
        theme = story.themes.order_by("slug").first() if story else None
        found = [
            Target("stories archive (tr)", index_tr.url),
            Target("stories archive (en)", index_en.url, optional=True),
            # Named alike at every scale (the theme is one of the first story's), so that
            # scales compare.
            Target(
                f"stories archive, filtered (province {STORY_PROVINCE}"
                + (", a theme of the first story)" if theme else ")"),
                f"{index_tr.url}?province={STORY_PROVINCE}"
                + (f"&theme={theme.slug}" if theme else ""),
            ),
        ]
        if story is not None:
            found.extend(translated_targets(ctx, "story (tr)", story))
        return found
