import datetime
import html
from collections import defaultdict
from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import CharField, Max, Q
from django.db.models.functions import Cast, Coalesce
from django.utils.timezone import is_aware, localtime
from wagtail import hooks
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from core.pagination import CachedCountPaginator
from core.versions import content_generation, versioned_get_or_set


class MultilingualSitemap(Sitemap):
    """Every live page of every language, each with its `hreflang` alternates.

    Works on rows, not page instances: building instances and asking each for its URL
    (Wagtail's per-page URL resolution, modelcluster's set-up) was most of a file's cost."""

    # Pages per sitemap file (the index at /sitemap.xml lists the files): one file of every
    # page with its alternates grew without bound.
    limit = 500
    # The translation key as the database writes it: no UUID built for each row.
    FIELDS = ("key", "url_path", "locale_id")
    KEY = Cast("translation_key", output_field=CharField())

    @cached_property
    def site(self):
        return self.get_wagtail_site()

    @cached_property
    def language_roots(self) -> list[Page]:
        return list(self.site.root_page.get_translations(inclusive=True).select_related("locale"))

    def items(self):
        in_any_language_tree = Q()
        for root in self.language_roots:
            in_any_language_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_any_language_tree)
            .annotate(
                key=self.KEY, lastmod=Coalesce("last_published_at", "latest_revision_created_at")
            )
            .order_by("path")
            .values(*self.FIELDS, "lastmod")
        )

    def cache_key(self, name: str) -> str:
        """How many pages the sitemap lists and when the latest changed are read once per
        content generation (a publish, move or deletion retires it): both read every page.
        The index asks both, each file the count (to check its number)."""
        site = self.site
        return f"sitemap-pages:{name}:{content_generation()}:{site.pk}:{site.root_page_id}"

    @property
    def paginator(self) -> Paginator:
        key = self.cache_key("count")
        return CachedCountPaginator(self.items(), self.limit, count_key=key, count_seconds=None)

    def get_latest_lastmod(self):
        """For the index: Django's default reads every page's lastmod in Python."""
        return versioned_get_or_set(
            self.cache_key("latest"),
            lambda: self.items().aggregate(latest=Max("lastmod"))["latest"],
        )

    def lastmod(self, row: dict):
        return row["lastmod"]

    def url_builder(self):
        """A page row's absolute URL: its language root's URL (from Wagtail, once per
        language) followed by the rest of its url_path, as Wagtail routes it."""
        roots = {
            root.locale_id: (
                root.url_path,
                self.request.build_absolute_uri(root.get_url(self.request)),
            )
            for root in self.language_roots
        }

        def url(row: dict) -> str | None:
            root = roots.get(row["locale_id"])
            if root is None or not row["url_path"].startswith(root[0]):
                return None
            return root[1] + row["url_path"][len(root[0]) :]

        return url

    def _urls(self, page, protocol, domain):
        rows = list(self.paginator.page(page).object_list)
        url = self.url_builder()
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        urls_by_key: dict = defaultdict(dict)
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={row["key"] for row in rows})
            .annotate(key=self.KEY)
            .values(*self.FIELDS)
        )
        for translation in translations:
            location = url(translation)
            if location:
                urls_by_key[translation["key"]][codes[translation["locale_id"]]] = location
        urls = []
        for row in rows:
            alternates = urls_by_key[row["key"]]
            links = [{"lang_code": code, "location": href} for code, href in alternates.items()]
            default = alternates.get(settings.LANGUAGE_CODE)
            if default:
                links.append({"lang_code": "x-default", "location": default})
            location = url(row)
            if location:
                urls.append(
                    {
                        "item": row,
                        "location": location,
                        "lastmod": self.lastmod(row),
                        "alternates": links,
                    }
                )
        return urls


URLSET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
    'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def _day(value) -> str:
    """A lastmod as the template's `date:"Y-m-d"` shows it: the day in the site's zone."""
    if isinstance(value, datetime.datetime) and is_aware(value):
        value = localtime(value)
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def render_urlset(urls: list[dict]) -> str:
    """What Django's sitemap.xml template renders for `urls`, byte for byte, without the
    template engine: resolving a few variables for each of hundreds of URLs was most of a
    file's cost."""
    parts = []
    for url in urls:
        parts.append(f"<url><loc>{html.escape(str(url['location']))}</loc>")
        if url.get("lastmod"):
            parts.append(f"<lastmod>{_day(url['lastmod'])}</lastmod>")
        if url.get("changefreq"):
            parts.append(f"<changefreq>{html.escape(str(url['changefreq']))}</changefreq>")
        if url.get("priority"):
            parts.append(f"<priority>{html.escape(str(url['priority']))}</priority>")
        for alternate in url.get("alternates") or ():
            code, href = (html.escape(str(alternate[name])) for name in ("lang_code", "location"))
            parts.append(f'<xhtml:link rel="alternate" hreflang="{code}" href="{href}"/>')
        parts.append("</url>")
    return f"{URLSET_START}{''.join(parts)}\n</urlset>\n"


#: Apps above home add sitemap sections (addresses that are routes, not pages): a function
#: taking the request and returning {section name: Sitemap}. The index is kept per content
#: generation (home.views.sitemap): a section's files may change only with the pages.
SITEMAP_SECTIONS_HOOK = "sitemap_sections"


def sitemap_sections(request) -> dict:
    """The sections /sitemap.xml lists (one file per `MultilingualSitemap.limit` pages, then
    the apps' own): the views serve them, the CDN purge lists their files."""
    sections = {"pages": MultilingualSitemap(request)}
    for add_sections in hooks.get_hooks(SITEMAP_SECTIONS_HOOK):
        sections.update(add_sections(request))
    return sections
