"""The listing's upcoming events as RSS and Atom (each event once, at its next date); the
.ics calendars are in events.feeds."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.caching import cacheable_page

from .choices import EventStatus, EventType
from .feeds import FeedEvent, feed_events, filtered_feed_occurrences
from .ical import uid_for
from .models import EventIndexPage

RSS_ITEMS = 30


def when_text(start: datetime.datetime, end: datetime.datetime, all_day: bool = False) -> str:
    """ "12 March 2030 Tuesday, 10:00–16:00" in Istanbul time, as plain text."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    day = "DATE_FORMAT"
    if all_day:
        last = timezone.localtime(end - datetime.timedelta(seconds=1))
        if last.date() <= start.date():
            return date_format(start, day)
        return f"{date_format(start, day)} – {date_format(last, day)}"
    if start.date() == end.date():
        return f"{date_format(start, day)}, {start:%H:%M}–{end:%H:%M}"
    return f"{date_format(start, day)}, {start:%H:%M} – {date_format(end, day)}, {end:%H:%M}"


def status_label(status: str) -> str:
    return str(EventStatus(status).label) if status in EventStatus.values else ""


@cacheable_page
class UpcomingEventsFeed(Feed):
    """Upcoming events of the URL's language (each event once, at its next date)."""

    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def get_object(self, request: HttpRequest) -> dict:
        locale = Locale.get_active()
        occurrences = filtered_feed_occurrences(request, locale, upcoming_only=True)
        index = EventIndexPage.objects.live().filter(locale_id=locale.pk).first()
        return {
            "request": request,
            "events": feed_events(request, occurrences)[:RSS_ITEMS],
            "link": index.get_url(request) if index else f"/{get_language()}/",
        }

    def title(self, obj: dict) -> str:
        return _("STGM: upcoming events")

    def link(self, obj: dict) -> str:
        return obj["link"]

    def feed_url(self, obj: dict) -> str:
        return obj["request"].build_absolute_uri()

    def description(self, obj: dict) -> str:
        return _("Festivals, meetings and gatherings of STGM, next dates first.")

    subtitle = description

    def items(self, obj: dict) -> list[FeedEvent]:
        return obj["events"]

    def item_title(self, item: FeedEvent) -> str:
        status = item.next_date.status
        if status == EventStatus.SCHEDULED:
            return item.page.title
        return f"{item.page.title} ({status_label(status)})"

    def item_description(self, item: FeedEvent) -> str:
        """A little HTML (readers render descriptions as HTML), every text escaped."""
        date = item.next_date
        facts = [when_text(date.start, date.end, date.all_day)]
        if date.venue is not None:
            facts.append(date.venue.city)
        if date.status != EventStatus.SCHEDULED:
            change = status_label(date.status)
            facts.append(f"{change}: {date.note}" if date.note else change)
        return format_html(
            "<p>{}</p><p>{}</p>",
            format_html_join(mark_safe("<br>"), "{}", ((fact,) for fact in facts)),  # noqa: S308
            item.page.summary,
        )

    def item_link(self, item: FeedEvent) -> str:
        return item.url

    def item_guid(self, item: FeedEvent) -> str:
        return uid_for(item.page)

    def item_pubdate(self, item: FeedEvent) -> datetime.datetime | None:
        return item.page.first_published_at

    def item_updateddate(self, item: FeedEvent) -> datetime.datetime | None:
        return item.page.last_published_at

    def item_categories(self, item: FeedEvent) -> list[str]:
        return [str(EventType(item.page.event_type).label)]


class UpcomingEventsAtomFeed(UpcomingEventsFeed):
    feed_type = Atom1Feed
