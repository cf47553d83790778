"""The event pages of a feed as plain values (`FeedPage`), with their absolute URLs.

A feed publishes a handful of columns of each page; building Wagtail page instances for
them and asking each for its URL (Wagtail's per-page site and route resolution) cost more
than the rest of reading the feed. A page's URL is its language root's URL (from Wagtail,
once per language) followed by the rest of its url_path, as the sitemap builds it.
"""

import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import TextField
from django.db.models.functions import Cast
from django.http import HttpRequest
from recurrence import Recurrence
from wagtail.models import Page, Site

from .choices import EventType, attends_online
from .models import EventSeriesPage, Venue, event_page_models

# The columns of an event page the files and feeds read (`FeedPage` without its venue).
PAGE_FIELDS = (
    "pk",
    "title",
    "slug",
    "url_path",
    "locale_id",
    "translation_key",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "summary",
    "start",
    "end",
    "all_day",
    "venue_id",
    "attendance_mode",
    "online_url",
    "status",
    "status_note",
)


@functools.lru_cache(maxsize=1024)
def _recurrence(text: str) -> Recurrence | None:
    """The stored rule, parsed once per text (pages of one rule share it; read-only)."""
    return EventSeriesPage._meta.get_field("recurrences").to_python(text)


@dataclass(frozen=True, slots=True)
class FeedPage:
    """What the files and feeds read of an event page (an `EventFields` look-alike)."""

    pk: int
    title: str
    slug: str
    url_path: str
    locale_id: int
    translation_key: object
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    latest_revision_created_at: datetime.datetime | None
    summary: str
    start: datetime.datetime
    end: datetime.datetime
    all_day: bool
    venue_id: int | None
    attendance_mode: str
    online_url: str
    status: str
    status_note: str
    event_type: str
    # A series' rule as stored (RecurrenceField text, `series_plan.rule_facts` reads it
    # as is); "" for other pages.
    recurrence_text: str = ""
    venue: Venue | None = None

    @property
    def is_series(self) -> bool:
        return self.event_type == EventType.SERIES

    @property
    def is_online(self) -> bool:
        return attends_online(self.attendance_mode, self.status)

    @property
    def recurrences(self) -> Recurrence | None:
        return _recurrence(self.recurrence_text) if self.is_series else None


def _venue_columns() -> list[str]:
    return [f"venue__{field.name}" for field in Venue._meta.concrete_fields]


def feed_pages(ids_by_type: dict[str, list[int]]) -> dict[int, FeedPage]:
    """The pages of these ids, by the event type stored with their dates, with their venues:
    one query per type present."""
    page_models = {model.event_type: model for model in event_page_models()}
    venue_columns = _venue_columns()
    width = len(venue_columns)
    pages = {}
    for event_type, ids in ids_by_type.items():
        model = page_models.get(event_type)
        if model is None:
            continue
        found = model.objects.filter(pk__in=ids)
        rule: tuple[str, ...] = ()
        if issubclass(model, EventSeriesPage):
            # The text itself: the field would parse it into a rule per row.
            found = found.annotate(rule_text=Cast("recurrences", TextField()))
            rule = ("rule_text",)
        for row in found.values_list(*venue_columns, *PAGE_FIELDS, *rule):
            venue_row, page_row = row[:width], row[width:]
            venue = Venue(*venue_row) if venue_row[0] is not None else None
            fields = page_row[: len(PAGE_FIELDS)]
            text = (page_row[len(PAGE_FIELDS)] or "") if rule else ""
            pages[fields[0]] = FeedPage(*fields, event_type, text, venue)
    return pages


def page_url_builder(request: HttpRequest) -> Callable[[FeedPage], str]:
    """A page's absolute URL on the host the visitor used, as `page.get_url(request)` gives
    it: Wagtail's URL of the deepest site root above the page (asked once per root), then
    the rest of the page's url_path. Pages under the same deepest root share every choice
    Wagtail makes (site, host, language prefix)."""
    root_paths = sorted(
        {root.root_path for root in Site.get_site_root_paths()}, key=len, reverse=True
    )
    root_urls: dict[str, str] = {}

    def root_url(root_path: str) -> str:
        if root_path not in root_urls:
            probe = Page(url_path=root_path)
            root_urls[root_path] = request.build_absolute_uri(probe.get_url(request) or "/")
        return root_urls[root_path]

    def url(page: FeedPage) -> str:
        for root_path in root_paths:
            if page.url_path.startswith(root_path):
                return root_url(root_path) + page.url_path[len(root_path) :]
        # Not under any site: Wagtail gives no URL.
        return request.build_absolute_uri("/")

    return url
