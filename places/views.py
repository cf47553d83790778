from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.provinces import Province
from core.versions import content_generation, versioned_get_or_set
from events.choices import EventType
from events.models import Occurrence
from stories.models import StoryPage

from .figures import counts, counts_version, series_by_kind
from .forms import MapFilterForm
from .maps import level_ranges, locator_svg, map_svg, province_slug, summaries

PROVINCE_EVENTS = 10
PROVINCE_STORIES = 12


def map_view(request: HttpRequest, page) -> HttpResponse:
    """The map, its legend and its table, for the GET filters."""
    series = list(series_by_kind().values())
    everything = counts()
    form = MapFilterForm(request.GET, series=series, years=everything.years())
    chosen = form.filters()
    return page.render(
        request,
        context_overrides={"form": form, "map_body": map_body(request, page, series, chosen)},
    )


def map_body(request: HttpRequest, page, series: list, chosen: dict) -> SafeString:
    """The map, its legend, its table and the list of provinces for the chosen (valid)
    filters: rendered once per value of the figures (counts_version) and language."""
    key = ":".join(
        map(
            str,
            (
                "places:map-body",
                counts_version(),
                request.get_host(),
                get_language(),
                page.pk,
                chosen["kind"],
                chosen["year"],
            ),
        )
    )

    def compute() -> str:
        base_url = page.url
        provinces = summaries(
            counts().filtered(**chosen).by_province(),
            series,
            lambda code: f"{base_url}{province_slug(code)}/",
        )
        active = [p for p in provinces if p.total]
        svg = map_svg(
            provinces,
            page.title,
            _("%(count)s of the 81 provinces have something to show; the table below lists them.")
            % {"count": len(active)},
        )
        context = {
            "series": series,
            "provinces": provinces,
            "table": [(p, [p.counts.get(s.kind, 0) for s in series]) for p in active],
            "map_svg": svg,
            "levels": level_ranges(),
        }
        return render_to_string("places/includes/map_body.html", context, request)

    return mark_safe(versioned_get_or_set(key, compute))  # noqa: S308 - our template


def province_view(request: HttpRequest, page, code: str) -> HttpResponse:
    """One province: its upcoming and past events, its stories, its figures, its feeds."""
    series = list(series_by_kind().values())
    by_year = counts().filtered(province=code).by_year()
    totals = {s.kind: sum(kinds.get(s.kind, 0) for kinds in by_year.values()) for s in series}
    shown = [s for s in series if totals[s.kind]]
    dates = Occurrence.objects.visible_in(page.locale_id).filter(province=code).for_listing()
    name = Province(code).label
    feeds = [(_("All events in %(name)s") % {"name": name}, urlencode({"province": code}))]
    feeds += [
        (s.label, urlencode({"province": code, "type": s.kind}))
        for s in shown
        if s.kind in EventType.values
    ]
    return page.render(
        request,
        template="places/province_page.html",
        context_overrides={
            "province_code": code,
            "province_name": name,
            "upcoming": list(dates.upcoming()[:PROVINCE_EVENTS]),
            "past": list(dates.past()[:PROVINCE_EVENTS]),
            "stories_html": province_stories(request, page, code),
            "totals": [(s, totals[s.kind]) for s in shown],
            "shown": shown,
            "year_rows": [
                (year, [kinds.get(s.kind, 0) for s in shown])
                for year, kinds in reversed(by_year.items())
            ],
            "feeds": feeds,
            "locator": locator_svg(code, _("%(name)s on the map of Turkey") % {"name": name}),
        },
    )


def province_stories(request: HttpRequest, page, code: str) -> SafeString:
    """The province's newest stories in the page's language, as cards: they show content
    alone, so they are read and rendered once per content generation (and host and
    language, as the story cards of the archive are)."""
    key = ":".join(
        map(
            str,
            (
                "places:province-stories",
                content_generation(),
                request.get_host(),
                get_language(),
                page.locale_id,
                code,
            ),
        )
    )

    def compute() -> str:
        stories = (
            StoryPage.objects.visible()
            .filter(locale_id=page.locale_id, province=code)
            .for_cards()[:PROVINCE_STORIES]
        )
        context = {"stories": list(stories)}
        return render_to_string("places/includes/province_stories.html", context, request)

    return mark_safe(versioned_get_or_set(key, compute))  # noqa: S308 - our template
