"""The map of Turkey's 81 provinces as inline SVG, drawn on the server from
data/provinces.json (see places/NOTICE): no tiles, no requests, no JavaScript."""

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.provinces import Province, sorted_province_choices
from core.turkish import ascii_fold

DATA = Path(__file__).resolve().parent / "data" / "provinces.json"
#: Shades of the map: a province's total falls in the first bucket whose upper bound it
#: does not pass (0 = nothing yet).
LEVELS = (0, 1, 3, 7)


@cache
def shapes() -> dict:
    return json.loads(DATA.read_text())


@cache
def escaped_shapes() -> dict[str, str]:
    """{code: its outline, escaped for an attribute}: escaped once, not on every map."""
    return {
        code: str(conditional_escape(shape["d"])) for code, shape in shapes()["provinces"].items()
    }


@cache
def viewbox() -> str:
    return " ".join(map(str, shapes()["viewbox"]))


def province_slug(code: str) -> str:
    """ "sanliurfa" for 63: the province page's address, the same in both languages."""
    return slugify(ascii_fold(Province(code).label))


@cache
def code_for_slug() -> dict[str, str]:
    return {province_slug(code): code for code in Province.values}


def level(total: int) -> int:
    """0 for nothing, then 1-4 by the buckets of LEVELS."""
    return next((i for i, bound in enumerate(LEVELS) if total <= bound), len(LEVELS))


def level_ranges() -> list[tuple[int, str]]:
    """The legend: each shade with the totals it stands for."""
    ranges = [(0, _("nothing yet"))]
    for i in range(1, len(LEVELS)):
        low, high = LEVELS[i - 1] + 1, LEVELS[i]
        ranges.append((i, str(low) if low == high else f"{low}–{high}"))
    ranges.append((len(LEVELS), f"{LEVELS[-1] + 1}+"))
    return ranges


@dataclass
class ProvinceSummary:
    """One province's counts as the map, its table and its page show them."""

    code: str
    counts: dict[str, int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # "2 meetings", in the series' order
    url: str = ""

    @property
    def name(self) -> str:
        return Province(self.code).label

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def level(self) -> int:
        return level(self.total)

    @property
    def label(self) -> str:
        """The link's accessible name: "Van: 2 meetings, 3 stories"."""
        what = ", ".join(self.texts) if self.texts else _("nothing yet")
        return f"{self.name}: {what}"


def summaries(by_province: dict[str, dict[str, int]], series: list, url_for) -> list:
    """The 81 provinces in Turkish alphabetical order, with their counts per series."""
    result = []
    for code, _label in sorted_province_choices():
        counts = by_province.get(code, {})
        ordered = {s.kind: counts[s.kind] for s in series if counts.get(s.kind)}
        texts = [s.count_text(ordered[s.kind]) for s in series if s.kind in ordered]
        result.append(ProvinceSummary(code, ordered, texts, url_for(code)))
    return result


def map_svg(provinces: list[ProvinceSummary], title: str, description: str) -> SafeString:
    """The whole map, each province a focusable link named by its counts."""
    outlines = escaped_shapes()
    paths = "".join(
        f'<a href="{conditional_escape(p.url)}" aria-label="{conditional_escape(p.label)}"'
        f' class="map-province map-level-{p.level}" id="province-{conditional_escape(p.code)}">'
        f'<path d="{outlines[p.code]}"/></a>'
        for p in provinces
    )
    return format_html(
        '<svg class="province-map__svg" viewBox="{}" role="group" aria-labelledby="map-title"'
        ' aria-describedby="map-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="map-title">{}</title><desc id="map-desc">{}</desc>{}</svg>',
        viewbox(),
        title,
        description,
        SafeString(paths),
    )


@lru_cache(maxsize=256)
def locator_paths(code: str) -> SafeString:
    """Every province's outline, `code`'s marked: the same for every page about it."""
    here = ' class="is-here"'
    return SafeString(
        "".join(
            f'<path d="{outline}"{here if other == code else ""}/>'
            for other, outline in escaped_shapes().items()
        )
    )


def locator_svg(code: str, label: str) -> SafeString:
    """A small map with one province marked: an image with a text alternative."""
    return format_html(
        '<svg class="locator-map__svg" viewBox="{}" role="img" aria-label="{}"'
        ' xmlns="http://www.w3.org/2000/svg">{}</svg>',
        viewbox(),
        label,
        locator_paths(code),
    )
