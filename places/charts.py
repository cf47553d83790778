"""The impact page's charts: stacked bars drawn on the server as SVG, each with its table."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.provinces import Province
from core.versions import versioned_get_or_set

from .figures import Series, counts, counts_version, series_by_kind

WIDTH, LABEL_WIDTH, ROW_HEIGHT, BAR_HEIGHT = 640, 120, 30, 20
TOP_PROVINCES = 15


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    description: str
    series: list[Series]
    rows: list[tuple[str, list[int]]]  # (label, one count per series)

    @property
    def totals(self) -> list[int]:
        return [sum(values) for _label, values in self.rows]

    @property
    def table_rows(self) -> list[tuple[str, list[int], int]]:
        return [(label, values, sum(values)) for label, values in self.rows]

    def svg(self) -> SafeString:
        biggest = max(self.totals, default=0) or 1
        scale = (WIDTH - LABEL_WIDTH - 40) / biggest
        parts = []
        for row, (label, values) in enumerate(self.rows):
            y = row * ROW_HEIGHT
            x = LABEL_WIDTH
            bars = []
            for index, value in enumerate(values):
                if value:
                    bars.append((f"{x:.1f}", y + 4, f"{value * scale:.1f}", BAR_HEIGHT, index))
                    x += value * scale
            parts.append(
                format_html(
                    '<text x="{}" y="{}" class="chart__label">{}</text>{}'
                    '<text x="{}" y="{}" class="chart__total">{}</text>',
                    LABEL_WIDTH - 8,
                    y + 19,
                    label,
                    format_html_join(
                        "",
                        '<rect x="{}" y="{}" width="{}" height="{}" class="chart-kind-{}"/>',
                        bars,
                    ),
                    f"{x + 6:.1f}",
                    y + 19,
                    sum(values),
                )
            )
        return format_html(
            '<svg class="chart__svg" viewBox="0 0 {} {}" role="img"'
            ' aria-labelledby="{}-title {}-desc" xmlns="http://www.w3.org/2000/svg">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
            WIDTH,
            max(len(self.rows), 1) * ROW_HEIGHT,
            self.slug,
            self.slug,
            self.slug,
            self.title,
            self.slug,
            self.description,
            SafeString("".join(parts)),
        )


def impact_charts() -> dict:
    """The charts by year and by province (the busiest provinces), from the cached counts."""
    series = list(series_by_kind().values())
    everything = counts()
    by_year = everything.by_year()
    by_province = everything.by_province()
    busiest = sorted(by_province.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    year_chart = Chart(
        "by-year",
        _("What happened each year"),
        _(
            "Stacked bars, one per year: each colour is a kind of activity; "
            "the table below gives the numbers."
        ),
        series,
        [(str(year), [kinds.get(s.kind, 0) for s in series]) for year, kinds in by_year.items()],
    )
    province_chart = Chart(
        "by-province",
        _("The %(count)s busiest provinces") % {"count": TOP_PROVINCES},
        _(
            "Stacked bars, one per province: each colour is a kind of activity; "
            "the table below gives the numbers."
        ),
        series,
        [
            (Province(code).label, [kinds.get(s.kind, 0) for s in series])
            for code, kinds in busiest[:TOP_PROVINCES]
        ],
    )
    return {
        "charts": [year_chart, province_chart],
        "province_count": len(by_province),
        "series": series,
    }


def impact_charts_html(request) -> SafeString:
    """The legend and the charts with their tables, rendered once per value of the figures
    (figures.counts_version) and language."""
    key = f"places:impact-charts:{counts_version()}:{request.get_host()}:{get_language()}"

    def compute() -> str:
        return render_to_string("places/includes/impact_charts.html", impact_charts(), request)

    return mark_safe(versioned_get_or_set(key, compute))  # noqa: S308 - our template
