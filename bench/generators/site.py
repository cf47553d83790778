"""The pages every site has (home, sitemap, search; their content comes from the demo), and
one page of every page type no other generator measures."""

from bench.generators.base import Context, Generator, Target

# Page types of these apps are measured by their own generators.
COVERED_APPS = {"events", "stories", "knowledge"}


class SitePages(Generator):
    """Home, sitemap, search."""

    name = "site"

    def targets(self, ctx: Context) -> list[Target]:
        found = [
            Target("home (tr)", ctx.home_tr.url),
            Target("home (en)", ctx.home_en.url),
            Target("sitemap.xml (the index)", "/sitemap.xml"),
            Target("sitemap file (500 pages)", "/sitemap-pages.xml?p=2"),
        ]
        return found + search_targets() + places_targets(ctx)


def places_targets(ctx: Context) -> list[Target]:
    """The map's other views (OtherPageTypes measures the map itself): a province page, the
    busiest, and the map filtered by kind and year."""
    from places.models import MapPage

    page = MapPage.objects.live().filter(locale=ctx.tr).first()
    if page is None:
        return []
    return [
        Target("map: a province page (tr)", f"{page.url}ankara/"),
        Target("map filtered by kind and year (tr)", f"{page.url}?kind=meeting&year=2024"),
    ]


def search_targets() -> list[Target]:
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    found = []
    for language, queries in (("tr", ["eğitim", "istanbul"]), ("en", ["training"])):
        with translation.override(language):
            try:
                search = reverse("search:search")
            except NoReverseMatch:
                continue
        for query in queries:
            found.append(Target(f"search {query!r} ({language})", f"{search}?q={query}"))
    return found


class OtherPageTypes(Generator):
    """One live page of every other page type (as new apps land)."""

    name = "page-types"

    def targets(self, ctx: Context) -> list[Target]:
        from wagtail.models import Page

        from home.models import HomePage, StandardPage

        found = []
        seen: set[int] = set()
        pages = Page.objects.live().filter(locale=ctx.tr, depth__gt=2).order_by("path")
        for page in pages.only("id", "content_type_id", "path", "url_path"):
            if page.content_type_id in seen:
                continue
            seen.add(page.content_type_id)
            model = page.specific_class
            if model in (HomePage, StandardPage) or model is None:
                continue
            if model._meta.app_label in COVERED_APPS:
                continue
            label = model._meta.verbose_name
            found.append(Target(f"{label} (tr)", page.url))
            english = page.get_translation_or_none(ctx.en)
            if english is not None and english.live:
                found.append(Target(f"{label} (en)", english.url, optional=True))
        return found
