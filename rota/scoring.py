"""Scores, bands and the reading of a result: small pure functions the views, the services
and the tests call directly.

An area's score is the mean of its answers on the page's scale (1 to the number of levels),
as a percentage of the scale's range: all lowest answers make 0, all highest make 100."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .blocks import Band

CHART_ROW = 44
CHART_BAR = 250


def area_percent(values: Sequence[int], levels: int) -> int | None:
    """The score of one area from its answers (1..levels), or None without answers."""
    if not values or levels < 2:
        return None
    mean = sum(values) / len(values)
    return round((mean - 1) / (levels - 1) * 100)


def band_for(percent: int, developing_from: int, strong_from: int) -> str:
    """The score band of a percentage: starting, developing or strong."""
    if percent >= strong_from:
        return Band.STRONG
    if percent >= developing_from:
        return Band.DEVELOPING
    return Band.STARTING


def change(percent: int, previous: int | None) -> int | None:
    """Points gained (or lost, negative) since the previous round; None without one."""
    return None if previous is None else percent - previous


@dataclass
class AreaResult:
    key: str
    title: str
    percent: int
    band: str
    previous: int | None = None
    prescriptions: list = field(default_factory=list)
    row: int = 0

    @property
    def change(self) -> int | None:
        return change(self.percent, self.previous)

    @property
    def band_label(self) -> str:
        return str(Band.PUBLIC_LABELS[self.band])

    # The chart (rota/includes/chart.html): one row of CHART_ROW units per area, the bar
    # CHART_BAR units wide at 100.
    @property
    def chart_y(self) -> int:
        return self.row * CHART_ROW

    @property
    def chart_width(self) -> int:
        return round(self.percent * CHART_BAR / 100)

    @property
    def chart_previous_x(self) -> int:
        return max(0, round((self.previous or 0) * CHART_BAR / 100) - 1)


@dataclass
class Result:
    areas: list[AreaResult]

    @property
    def chart_height(self) -> int:
        return len(self.areas) * CHART_ROW + 4

    @property
    def strengths(self) -> list[AreaResult]:
        return sorted((a for a in self.areas if a.band == Band.STRONG), key=lambda a: -a.percent)

    @property
    def to_improve(self) -> list[AreaResult]:
        """The areas in the starting band, the weakest first; when none is, the weakest
        area below the strong band, so there is always somewhere to start."""
        starting = [a for a in self.areas if a.band == Band.STARTING]
        if starting:
            return sorted(starting, key=lambda a: a.percent)
        developing = sorted(
            (a for a in self.areas if a.band == Band.DEVELOPING), key=lambda a: a.percent
        )
        return developing[:1]

    @property
    def has_previous(self) -> bool:
        return any(a.previous is not None for a in self.areas)


def read_result(page, scores: dict[str, int], previous: dict[str, int] | None = None) -> Result:
    """The result of a round on `page` (in the reader's language): each area's score, band,
    change since `previous` and the prescriptions written for its band."""
    previous = previous or {}
    areas = []
    for area in page.area_list():
        if area.key not in scores:
            continue
        percent = scores[area.key]
        band = band_for(percent, page.developing_from, page.strong_from)
        areas.append(
            AreaResult(
                key=area.key,
                title=area.title,
                percent=percent,
                band=band,
                previous=previous.get(area.key),
                prescriptions=[p for p in area.prescriptions if p["band"] == band],
                row=len(areas),
            )
        )
    return Result(areas)


def scores_from_answers(page, answers: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Area scores from (statement key, value) pairs: answers to statements the page no
    longer has are left out."""
    by_statement = dict(answers)
    levels = len(page.scale_labels())
    scores = {}
    for area in page.area_list():
        values = [by_statement[s.key] for s in area.statements if s.key in by_statement]
        percent = area_percent(values, levels)
        if percent is not None:
            scores[area.key] = percent
    return scores
