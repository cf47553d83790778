from django.conf import settings
from django.template import Context
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail import hooks

from core.caching import FRONTEND_CACHE_URLS_HOOK
from core.provinces import Province
from core.sections import PAGE_SECTIONS_HOOK
from core.versions import content_generation, versioned_get_or_set
from events.choices import EventType
from home.sitemap import SITEMAP_SECTIONS_HOOK

from .maps import locator_svg, province_slug
from .models import ImpactPage, MapPage
from .sitemap import province_sections

#: Where the locator map goes: an event's main column, a story's facts.
LOCATOR_PLACES = {"event_main", "story_aside"}


def map_page_url(locale_id: int) -> str:
    """The map page's address in this language ("" without one), cached with the content."""

    def compute() -> str:
        page = MapPage.objects.live().filter(locale_id=locale_id).first()
        return (page.url or "") if page else ""

    return versioned_get_or_set(f"places:map-url:{content_generation()}:{locale_id}", compute)


def page_province(page) -> str:
    """The province an event (its venue) or a story is in, "" when none."""
    venue = getattr(page, "venue", None)
    code = getattr(venue, "province", "") if venue else getattr(page, "province", "")
    return code if code in Province.values else ""


@hooks.register(PAGE_SECTIONS_HOOK)
def locator_section(context: Context, page, place: str) -> str:
    if place not in LOCATOR_PLACES:
        return ""
    code = page_province(page)
    if not code:
        return ""
    name = Province(code).label
    base = map_page_url(page.locale_id)
    return render_to_string(
        "places/includes/locator.html",
        {
            "code": code,
            "name": name,
            "svg": locator_svg(code, _("%(name)s on the map of Turkey") % {"name": name}),
            "url": f"{base}{province_slug(code)}/" if base else "",
        },
    )


@hooks.register(FRONTEND_CACHE_URLS_HOOK)
def place_urls_to_purge(site, root_url: str, pages) -> list[str]:
    """A changed event or story changes the map, the impact page, its province's page and
    the province's calendars, in every language."""
    codes = {page_province(page.specific_deferred) for page in pages} - {""}
    if not codes:
        return []
    urls = []
    for page in [*MapPage.objects.live(), *ImpactPage.objects.live()]:
        parts = page.get_url_parts()
        if parts is None or parts[0] != site.pk or parts[2] is None:
            continue
        base = parts[2]
        urls.append(root_url + base)
        if isinstance(page, MapPage):
            urls.extend(f"{root_url}{base}{province_slug(code)}/" for code in codes)
    feeds = [{"province": code} for code in codes]
    feeds += [{"province": code, "type": kind} for code in codes for kind in EventType.values]
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            ics = root_url + reverse("event_feeds:events_ics")
        urls.extend(f"{ics}?{urlencode(query)}" for query in feeds)
    return urls


@hooks.register(SITEMAP_SECTIONS_HOOK)
def add_province_sitemap(request) -> dict:
    return province_sections(request)
