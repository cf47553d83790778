"""The calendar feeds (`.ics`): all upcoming events, and one event's."""

from bench.generators.base import Context, Generator, Target


class Feeds(Generator):
    """Measured when the feeds are there; no content of their own."""

    name = "feeds"

    def targets(self, ctx: Context) -> list[Target]:
        from django.urls import NoReverseMatch, reverse
        from django.utils import translation

        found = []
        with translation.override("tr"):
            try:
                found.append(Target("events .ics feed (tr)", reverse("event_feeds:events_ics")))
            except NoReverseMatch:
                return []
            from events.models import MeetingPage

            page = MeetingPage.objects.live().filter(locale=ctx.tr, slug="bulusma-1").first()
            if page is not None:
                found.append(
                    Target(
                        "one event's .ics (tr)",
                        reverse("event_feeds:event_ics", kwargs={"page_id": page.pk}),
                    )
                )
        return found
