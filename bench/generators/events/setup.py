"""What every kind of generated event shares: the events index in both languages, the
venues, images and accessibility features to draw from, and the creation of a Turkish event
page with its English translation."""

import datetime

from bench.generators.base import (
    PROVINCES,
    WORDS_EN,
    WORDS_TR,
    Context,
    body,
    create_snippets,
    index_pair,
    translated_copy,
)
from bench.generators.bulk import LivePages
from bench.generators.events.occurrences import store_occurrences
from bench.generators.from_demo import shared_images

IMAGE_COLOURS = ["#7a2e8e", "#1d6e8a", "#8a4b1d", "#2e7a3c", "#8e2e4a", "#3c3c8e"]


def event_index(ctx: Context):
    """The events index in both languages (the demo's, or a new one)."""
    from events.models import EventIndexPage

    return index_pair(ctx, EventIndexPage, ("Etkinlikler", "etkinlikler"), ("Events", "events"))


class EventSetup:
    """The shared state of one generation run, and the helpers the event kinds use."""

    def __init__(self, ctx: Context, venues: int) -> None:
        from events.models import AccessibilityFeature

        self.ctx = ctx
        self.today = datetime.date.today()
        self.index_tr, self.index_en = event_index(ctx)
        self.features = list(AccessibilityFeature.objects.all())
        self.images = shared_images("Bench event", IMAGE_COLOURS)
        self.venues = make_venues(ctx, venues)
        self.pages = LivePages(after=store_occurrences)

    def pick_features(self) -> list:
        r = self.ctx.random
        return r.sample(self.features, r.randint(0, min(3, len(self.features))))

    def pick_day(self, past_years: float = 4, future_days: int = 300) -> datetime.date:
        offset = self.ctx.random.randint(-int(365 * past_years), future_days)
        return self.today + datetime.timedelta(days=offset)

    def common(self, words: list[str]) -> dict:
        ctx = self.ctx
        return {
            "summary": ctx.sentence(words, 20),
            "body": body(ctx, words),
            "organisers": "STGM",
            "image": ctx.random.choice(self.images),
        }

    def pair(
        self, model, number: int, slug_tr: str, slug_en: str, fields: dict, tr: dict, en: dict
    ):
        """Queue the Turkish page and its English translation; their dates are stored as
        `events.services.sync_occurrences` would store them when their batch is written."""
        page_tr = self.pages.add(
            self.index_tr,
            model(locale=self.ctx.tr, slug=f"{slug_tr}-{number}", **fields, **tr),
        )
        page_en = self.pages.add(
            self.index_en,
            model(locale=self.ctx.en, slug=f"{slug_en}-{number}", **fields, **en),
            translation_of=page_tr,
        )
        self.pages.flush_if_full()
        return page_tr, page_en

    def both(self, make_fields) -> tuple[dict, dict]:
        """Per-language fields: `make_fields(words, language)` for Turkish and English."""
        return make_fields(WORDS_TR, "tr"), make_fields(WORDS_EN, "en")


def make_venues(ctx: Context, count: int) -> list:
    """Venue snippets in both languages, spread over PROVINCES."""
    from events.models import Venue

    venues, translations = [], []
    for number in range(1, count + 1):
        province = PROVINCES[number % len(PROVINCES)]
        venue = Venue(
            locale=ctx.tr,
            name=f"{ctx.sentence(WORDS_TR, 2)[:-1]} Kültür Merkezi {number}",
            address=f"{ctx.sentence(WORDS_TR, 3)[:-1]} Caddesi No {number}",
            province=province,
            district=ctx.random.choice(WORDS_TR).capitalize(),
            latitude=f"{36 + ctx.random.random() * 6:.6f}",
            longitude=f"{26 + ctx.random.random() * 18:.6f}",
            access_notes="Basamaksız giriş ve erişilebilir tuvalet vardır.",
        )
        translations.append(
            translated_copy(
                venue,
                ctx.en,
                name=f"{ctx.sentence(WORDS_EN, 2)[:-1]} Cultural Centre {number}",
                access_notes="Step-free entrance and an accessible toilet.",
            )
        )
        venues.append(venue)
    return create_snippets(venues, translations)
