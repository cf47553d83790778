"""Events of every type (x scale) in both languages: meetings, recurring series, Power
Stories events and festivals, at venues that grow with them, written in batches
(`bench.generators.bulk`). Their stored occurrences are the rows
`events.services.sync_occurrences` would store, so listings, calendars and feeds read what
they would read live."""

from bench.generators.base import (
    FILTER_PROVINCE,
    Context,
    Generator,
    Target,
    app_installed,
    translated_targets,
)
from bench.generators.events.festivals import make_festivals
from bench.generators.events.meetings import make_meetings
from bench.generators.events.power_stories import make_power_stories
from bench.generators.events.series import make_series
from bench.generators.events.setup import EventSetup, event_index


class Events(Generator):
    """2,000 events (x scale), 200 of them recurring series."""

    name = "events"
    version = 2
    meetings, series, power_stories, festivals = 1500, 200, 200, 100

    def available(self) -> bool:
        return app_installed("events")

    def generate(self, ctx: Context) -> dict[str, int]:
        from events.models import Occurrence

        setup = EventSetup(ctx, venues=max(12, ctx.count(60)))
        made = {
            "venues (tr+en)": len(setup.venues) * 2,
            "meetings (tr+en)": make_meetings(setup, ctx.count(self.meetings)) * 2,
            "recurring series (tr+en)": make_series(setup, ctx.count(self.series)) * 2,
            "Power Stories events (tr+en)": make_power_stories(setup, ctx.count(self.power_stories))
            * 2,
            "festivals (tr+en)": make_festivals(setup, ctx.count(self.festivals)) * 2,
        }
        setup.pages.flush()
        made["stored occurrences"] = Occurrence.objects.count()
        return made

    def targets(self, ctx: Context) -> list[Target]:
        return listing_targets(ctx) + page_targets(ctx)


def listing_targets(ctx: Context) -> list[Target]:
    """The events listing (plain, filtered, past) and this month's calendar."""
    from django.utils import timezone

    index_tr, index_en = event_index(ctx)
    today = timezone.localdate()
    return [
        Target("events listing (tr)", index_tr.url),
        Target("events listing (en)", index_en.url, optional=True),
        Target(
            f"events listing, filtered (province {FILTER_PROVINCE}, meetings)",
            f"{index_tr.url}?province={FILTER_PROVINCE}&type=meeting",
        ),
        Target("events listing, past events", f"{index_tr.url}?when=past"),
        Target("calendar month (tr)", f"{index_tr.url}calendar/{today.year}/{today.month}/"),
    ]


def page_targets(ctx: Context) -> list[Target]:
    """The first event of each kind, and its translation."""
    from events.models import EventSeriesPage, FestivalPage, MeetingPage, PowerStoriesEventPage

    pages = [
        ("meeting (tr)", MeetingPage, "bulusma-1"),
        ("recurring series (tr)", EventSeriesPage, "cay-saati-1"),
        ("Power Stories event (tr)", PowerStoriesEventPage, "guc-hikayeleri-1"),
        ("festival with its programme (tr)", FestivalPage, "festival-1"),
    ]
    found = []
    for label, model, slug in pages:
        page = model.objects.live().filter(locale=ctx.tr, slug=slug).first()
        if page is not None:
            found.extend(translated_targets(ctx, label, page))
    return found
