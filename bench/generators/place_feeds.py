"""The filtered events feeds: a province's own (the feeds its page on the map links to,
`events.ics?province=06`, and one per event type, `?province=06&type=meeting`) and one type
across the country (`?type=series`). No content of their own: the events generator's.

Listed by `bench.more_targets`, not in `bench.generators.generators()`, so that adding it
changes no bench database's stamp (a new generator there would rebuild every one).
"""

from urllib.parse import urlencode

from bench.generators.base import FILTER_PROVINCE, Context, Generator, Target

FILTERS = (
    (f"one province ({FILTER_PROVINCE})", {"province": FILTER_PROVINCE}),
    (
        f"one province's meetings ({FILTER_PROVINCE})",
        {"province": FILTER_PROVINCE, "type": "meeting"},
    ),
    ("recurring series only", {"type": "series"}),
)


class PlaceFeeds(Generator):
    """Measured when the feeds are there."""

    name = "place-feeds"

    def targets(self, ctx: Context) -> list[Target]:
        from django.urls import NoReverseMatch, reverse
        from django.utils import translation

        with translation.override("tr"):
            try:
                feed = reverse("event_feeds:events_ics")
            except NoReverseMatch:
                return []
        return [
            Target(f"events .ics feed, {label} (tr)", f"{feed}?{urlencode(query)}")
            for label, query in FILTERS
        ]
