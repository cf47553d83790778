"""The province pages in the sitemap: routes of the map page, so not in the pages' section."""

import operator
from functools import reduce

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Site

from core.provinces import Province
from core.versions import content_generation, versioned_get_or_set

from .figures import counts
from .maps import province_slug
from .models import MapPage


def map_urls(request: HttpRequest, site: Site | None) -> dict[str, str]:
    """The live map page's URL in each language, as `request`'s site links it (kept per
    content generation: the index and every file of the sitemap ask)."""
    pages = MapPage.objects.live().public().select_related("locale")
    if site is not None:  # the site's root in every language, as for the pages' section
        roots = site.root_page.get_translations(inclusive=True)
        in_any_language_tree = reduce(operator.or_, (Q(path__startswith=r.path) for r in roots))
        pages = pages.filter(in_any_language_tree)
    return {page.locale.language_code: page.get_url(request) for page in pages.order_by("path")}


class ProvinceSitemap(Sitemap):
    """The province pages with something to show (as the map's table lists them), in each
    language that has a live map page, with their alternates."""

    i18n = True
    alternates = True

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        site = Site.find_for_request(request)
        self.map_urls = versioned_get_or_set(
            f"places-sitemap-map-urls:{content_generation()}:{getattr(site, 'pk', None)}",
            lambda: map_urls(request, site),
        )
        # Django's public override of the languages an item is listed in (and alternates
        # name): those of settings.LANGUAGES with a live map page.
        self.languages = [code for code, _name in settings.LANGUAGES if self.map_urls.get(code)]

    def items(self) -> list[str]:
        provinces = set(Province.values)  # a list built anew at each access
        return sorted(code for code in counts().by_province() if code in provinces)

    def location(self, item: str) -> str:
        return f"{self.map_urls[get_language()]}{province_slug(item)}/"

    def _urls(self, page, protocol, domain) -> list[dict]:
        """x-default is the default language's address (Django's drops the language prefix,
        which this site's addresses always have), as for pages."""
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            default = [a for a in url["alternates"] if a["lang_code"] == settings.LANGUAGE_CODE]
            url["alternates"].extend({**a, "lang_code": "x-default"} for a in default)
        return urls


def province_sections(request: HttpRequest) -> dict[str, Sitemap]:
    """No section without a map page: the index lists no empty file."""
    sitemap = ProvinceSitemap(request)
    return {"provinces": sitemap} if sitemap.map_urls else {}
