"""Sharing and calendar tags: Open Graph / Twitter cards (every page), JSON-LD and "add to
calendar" links (event pages), calendar and RSS/Atom feed links (the events listing)."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from wagtail.images.models import SourceImageIOError

from events.choices import EventStatus
from events.ical import (
    description_text,
    google_calendar_url,
    location_text,
    outlook_calendar_url,
)
from events.jsonld import SUB_EVENTS, event_data, json_ld_script, page_dates
from events.models import EventFields, EventSeriesPage, Occurrence

register = template.Library()

# og:image at Facebook's and LinkedIn's preferred 1.91:1; JSON-LD gets the 16:9, 4:3 and 1:1
# crops Google asks for. One query fetches all four (Image.get_renditions).
OG_SPEC = "fill-1200x630"
JSONLD_SPECS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
OG_LOCALES = {"tr": "tr_TR", "en": "en_GB"}
# Query parameters of the listing that the feeds follow (not the page number).
FEED_FILTERS = ("when", "type", "province", "year", "access", "online")


def sharing_renditions(page) -> dict:
    """The sharing image's renditions, memoised on the page (the OG tags and the JSON-LD of
    one response both need them)."""
    if page is None:
        return {}
    cached = getattr(page, "_sharing_renditions", None)
    if cached is not None:
        return cached
    image = getattr(page, "sharing_image", None)
    renditions = {}
    if image is not None:
        try:
            renditions = image.get_renditions(OG_SPEC, *JSONLD_SPECS)
        except (SourceImageIOError, OSError):
            # A missing original must not break the page; it is shared without an image.
            renditions = {}
    page._sharing_renditions = renditions
    return renditions


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def _text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def page_description(page) -> str:
    """The search description, else the page's own summary or introduction."""
    for name in ("search_description", "summary", "intro"):
        text = _text(getattr(page, name, ""))
        if text:
            return text
    return ""


@register.inclusion_tag("events/includes/sharing_meta.html", takes_context=True)
def sharing_meta(context) -> dict:
    """Open Graph and Twitter card tags; a canonical link for views that are not pages
    (base.html already gives pages theirs)."""
    request = context.get("request")
    page = context.get("page")
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    data = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
        ],
    }
    if page is None or not hasattr(page, "get_url"):
        url = _absolute(request, request.path) if request is not None else ""
        return {**data, "title": settings.WAGTAIL_SITE_NAME, "url": url, "canonical": url}
    rendition = sharing_renditions(page).get(OG_SPEC)
    image = None
    if rendition is not None:
        image = {
            "url": _absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": rendition.image.default_alt_text,
        }
    return {
        **data,
        "title": getattr(page, "seo_title", "") or page.title,
        "description": page_description(page),
        "url": _absolute(request, page.get_url(request) or ""),
        "image": image,
    }


@register.simple_tag(takes_context=True)
def event_jsonld(context, page: EventFields) -> SafeString:
    """The page's schema.org Event as a JSON-LD data block."""
    request = context["request"]
    renditions = sharing_renditions(page)
    images = [
        _absolute(request, renditions[spec].url) for spec in JSONLD_SPECS if spec in renditions
    ]
    data = event_data(
        page,
        url=_absolute(request, page.get_url(request) or ""),
        home_url=_absolute(request, f"/{get_language()}/"),
        image_urls=images,
    )
    return json_ld_script(data)


@register.inclusion_tag("events/includes/add_to_calendar.html", takes_context=True)
def add_to_calendar(context, page: EventFields) -> dict:
    """Google and Outlook links for the next date that takes place (none once the event is
    over or cancelled), and the .ics file of the event or the whole series."""
    request = context["request"]
    ics_url = reverse("event_feeds:event_ics", args=[page.pk])
    stored = page_dates(page)
    next_date = stored.next_taking_place
    if next_date is None and len(stored.dates) >= SUB_EVENTS:
        # Ten cancelled dates in a row: look further than the memoised ones.
        next_date = (
            Occurrence.objects.filter(page_id=page.pk, end__gte=stored.now)
            .exclude(status=EventStatus.CANCELLED)
            .select_related("venue")
            .order_by("start", "pk")
            .first()
        )
    result = {
        "page": page,
        "ics_url": ics_url,
        "is_series": isinstance(page, EventSeriesPage),
        "next_date": next_date,
    }
    if next_date is None:
        return result
    url = _absolute(request, page.get_url(request) or "")
    details = description_text(page, url, next_date.status, next_date.note)
    location = location_text(page, next_date.venue, next_date.status)
    args = (page.title, next_date.start, next_date.end, page.all_day, details, location)
    return {
        **result,
        "google_url": google_calendar_url(*args),
        "outlook_url": outlook_calendar_url(*args),
    }


def _feed_urls(request) -> dict:
    query = request.GET.copy()
    for key in list(query):
        if key not in FEED_FILTERS or not any(query.getlist(key)):
            del query[key]
    suffix = f"?{query.urlencode()}" if query else ""
    ics = _absolute(request, reverse("event_feeds:events_ics") + suffix)
    return {
        "ics_url": ics,
        "webcal_url": "webcal://" + ics.split("://", 1)[-1],
        "rss_url": _absolute(request, reverse("event_feeds:events_rss") + suffix),
        "atom_url": _absolute(request, reverse("event_feeds:events_atom") + suffix),
    }


@register.inclusion_tag("events/includes/feed_head_links.html", takes_context=True)
def calendar_feed_head_links(context) -> dict:
    """<link rel="alternate"> to the listing's feeds, with its current filters."""
    return _feed_urls(context["request"])


@register.inclusion_tag("events/includes/feed_links.html", takes_context=True)
def calendar_feed_links(context) -> dict:
    """Visible "subscribe" links under the filters of the listing."""
    return _feed_urls(context["request"])
