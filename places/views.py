from django.http import HttpRequest, HttpResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.provinces import Province
from events.choices import EventType
from events.models import Occurrence
from stories.models import StoryPage

from .figures import counts, series_by_kind
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
    base_url = page.url
    provinces = summaries(
        everything.filtered(**chosen).by_province(),
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
    return page.render(
        request,
        context_overrides={
            "form": form,
            "series": series,
            "provinces": provinces,
            "table": [(p, [p.counts.get(s.kind, 0) for s in series]) for p in active],
            "map_svg": svg,
            "levels": level_ranges(),
        },
    )


def province_view(request: HttpRequest, page, code: str) -> HttpResponse:
    """One province: its upcoming and past events, its stories, its figures, its feeds."""
    series = list(series_by_kind().values())
    by_year = counts().filtered(province=code).by_year()
    totals = {s.kind: sum(kinds.get(s.kind, 0) for kinds in by_year.values()) for s in series}
    shown = [s for s in series if totals[s.kind]]
    dates = Occurrence.objects.visible_in(page.locale_id).filter(province=code).for_listing()
    stories = (
        StoryPage.objects.visible()
        .filter(locale_id=page.locale_id, province=code)
        .for_cards()[:PROVINCE_STORIES]
    )
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
            "stories": list(stories),
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
