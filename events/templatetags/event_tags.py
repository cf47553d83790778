"""Event tags: times, listing filters, JSON-LD, "add to calendar" and feed links."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from core.sharing import JSONLD_SPECS, absolute, sharing_renditions
from core.versions import CONTENT, OCCURRENCES, LocalCopies, generation
from events.calendar_links import google_calendar_url, outlook_calendar_url
from events.choices import EventStatus
from events.ical import (
    description_text,
    location_text,
)
from events.jsonld import SUB_EVENTS, event_data, json_ld_script, page_dates
from events.models import EventFields, EventSeriesPage, Occurrence

register = template.Library()

# Query parameters of the listing that the feeds follow (not the page number).
FEED_FILTERS = ("when", "type", "province", "year", "access", "online")

# The filter forms this process rendered last, by language, action and chosen values.
_rendered_filters = LocalCopies(256)
# The event cards this process rendered last, by date, language and generations.
_rendered_cards = LocalCopies(1000)


@register.simple_tag(takes_context=True)
def filters_querystring(context, **changes) -> str:
    """The current filters (without the page number) as "?a=b", to carry them across months
    and views; `changes` set or (with None) drop a parameter: `when="past"`, `when=None`."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return f"?{query.urlencode()}" if query else ""


@register.simple_tag
def event_filters(form, action: str, hide_when: object = False, hide_day: object = False) -> str:
    """The listing's and the calendar's filter form (events/includes/filters.html).

    Its HTML depends only on the language, where it is sent and the values chosen for its
    fields (its choices are fixed in code), and rendering its selects field by field is a
    good part of an uncached listing: each process keeps the forms it rendered last. A form
    with errors is rendered afresh, so odd query strings do not crowd out the usual ones."""
    data = form.data
    chosen = sorted(
        (name, tuple(data.getlist(name)) if hasattr(data, "getlist") else (data[name],))
        for name in form.fields
        if name in data
    )
    key = repr((get_language(), action, bool(hide_when), bool(hide_day), chosen))
    found, html = _rendered_filters.get(key)
    if found:
        return html
    context = {"form": form, "action": action, "hide_when": hide_when, "hide_day": hide_day}
    html = render_to_string("events/includes/filters.html", context)
    if not form.errors:
        _rendered_filters.put(key, html, None)
    return html


@register.simple_tag(takes_context=True)
def event_card(context, occurrence: Occurrence) -> str:
    """A date's card (events/includes/event_card.html), as `{% include %}` renders it.

    A card shows the stored date, its page's title and link, its venue's city and its
    series' rhythm: what a publish (`content`) or a new storing of dates (`occurrences`)
    retires, in the active language. Each process keeps the cards it rendered under the
    current generations: a listing page renders twelve, a dozen template tags each."""
    request = context["request"]
    rhythm = getattr(occurrence, "rhythm", "")
    key = repr(
        (
            generation(CONTENT),
            generation(OCCURRENCES),
            get_language(),
            request.get_host(),
            occurrence.pk,
            rhythm,
        )
    )
    found, html = _rendered_cards.get(key)
    if found:
        return html
    template = context.template.engine.get_template("events/includes/event_card.html")
    with context.push(occurrence=occurrence):
        html = template.render(context)
    _rendered_cards.put(key, html, None)
    return html


@register.simple_tag
def next_dates(page: EventSeriesPage) -> list[Occurrence]:
    """A series' next dates (at most ten), as its structured data and its "add to calendar"
    links read them: the same query, made once for the three."""
    return page_dates(page).dates


@register.filter
def status_label(status: str) -> str:
    return dict(EventStatus.choices).get(status, EventStatus.SCHEDULED.label)


@register.simple_tag(takes_context=True)
def event_jsonld(context, page: EventFields) -> SafeString:
    """The page's schema.org Event as a JSON-LD data block."""
    request = context["request"]
    renditions = sharing_renditions(page)
    images = [
        absolute(request, renditions[spec].url) for spec in JSONLD_SPECS if spec in renditions
    ]
    data = event_data(
        page,
        url=absolute(request, page.get_url(request) or ""),
        home_url=absolute(request, f"/{get_language()}/"),
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
    url = absolute(request, page.get_url(request) or "")
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
    ics = absolute(request, reverse("event_feeds:events_ics") + suffix)
    return {
        "ics_url": ics,
        "webcal_url": "webcal://" + ics.split("://", 1)[-1],
        "rss_url": absolute(request, reverse("event_feeds:events_rss") + suffix),
        "atom_url": absolute(request, reverse("event_feeds:events_atom") + suffix),
    }


@register.inclusion_tag("events/includes/feed_head_links.html", takes_context=True)
def calendar_feed_head_links(context) -> dict:
    """<link rel="alternate"> to the listing's feeds, with its current filters."""
    return _feed_urls(context["request"])


@register.inclusion_tag("events/includes/feed_links.html", takes_context=True)
def calendar_feed_links(context) -> dict:
    """Visible "subscribe" links under the filters of the listing."""
    return _feed_urls(context["request"])
