"""What happened where: counts per province, kind and year, from the site's own data.

Each kind of activity is a *series*: a function returning rows `(province, year, count)`.
The events, stories and stands series are built in; another app adds its own (requests,
registrations...) with the Wagtail hook `IMPACT_SERIES_HOOK` without this app importing it:

    @hooks.register("impact_series")
    def series():
        return [{"kind": "request", "label": _("Requests"), "rows": request_rows,
                 "counted": ngettext_lazy("%(count)d request", "%(count)d requests", "count")}]

(plain dicts, the fields of `Series`: an app below this one cannot import it).

All counts are read once and cached under the cache generations (core.versions): the map,
the province pages and the impact page then cost no query for their figures.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks

from applications.stands.models import StandApplication
from applications.statuses import ApplicationStatus
from core.provinces import Province
from core.versions import GENERATIONS, generation, versioned_get_or_set
from events.choices import EventStatus, EventType
from events.models import Occurrence
from stories.models import StoryPage

IMPACT_SERIES_HOOK = "impact_series"

Row = tuple[str, int, int]  # (province code, year, count)


@dataclass(frozen=True)
class Series:
    """One kind of activity on the map and the impact page."""

    kind: str
    label: object  # a lazy translation: the legend and the filter's option
    rows: Callable[[], Iterable[Row]]
    # "2 meetings": ngettext_lazy("%(count)d meeting", "%(count)d meetings", "count")
    counted: object

    def count_text(self, count: int) -> str:
        return str(self.counted % {"count": count})


def event_rows(event_type: str) -> Callable[[], list[Row]]:
    """Events of one type held in each province and year (each event once, whatever its
    languages and dates; a series once per year it met; cancelled dates left out)."""

    def rows() -> list[Row]:
        dates = Occurrence.objects.filter(event_type=event_type).exclude(
            Q(province="") | Q(status=EventStatus.CANCELLED)
        )
        counted = (
            dates.order_by()
            .values("province", year=ExtractYear("start"))
            .annotate(count=Count("translation_key", distinct=True))
        )
        return [(row["province"], row["year"], row["count"]) for row in counted]

    return rows


def story_rows() -> list[Row]:
    """Stories told in each province and year (each story once, whatever its languages)."""
    counted = (
        StoryPage.objects.live()
        .exclude(date_told=None)
        .order_by()
        .values("province", year=ExtractYear("date_told"))
        .annotate(count=Count("translation_key", distinct=True))
    )
    return [(row["province"], row["year"], row["count"]) for row in counted]


def stand_rows() -> list[Row]:
    """Organisations from each province that held an approved stand, by festival year."""
    counted = (
        StandApplication.objects.filter(status=ApplicationStatus.APPROVED)
        .order_by()
        .values("province", year=ExtractYear("festival__start"))
        .annotate(count=Count("pk"))
    )
    return [(row["province"], row["year"], row["count"]) for row in counted]


BUILT_IN = [
    Series(
        EventType.FESTIVAL,
        _("Festivals"),
        event_rows(EventType.FESTIVAL),
        ngettext_lazy("%(count)d festival", "%(count)d festivals", "count"),
    ),
    Series(
        EventType.MEETING,
        _("Meetings"),
        event_rows(EventType.MEETING),
        ngettext_lazy("%(count)d meeting", "%(count)d meetings", "count"),
    ),
    Series(
        EventType.SERIES,
        _("Tea Time and other series"),
        event_rows(EventType.SERIES),
        ngettext_lazy("%(count)d series", "%(count)d series", "count"),
    ),
    Series(
        EventType.POWER_STORIES,
        _("Power Stories on stage"),
        event_rows(EventType.POWER_STORIES),
        ngettext_lazy(
            "%(count)d Power Stories performance", "%(count)d Power Stories performances", "count"
        ),
    ),
    Series(
        EventType.TRAINING,
        _("STOK trainings"),
        event_rows(EventType.TRAINING),
        ngettext_lazy("%(count)d STOK training", "%(count)d STOK trainings", "count"),
    ),
    Series(
        "story",
        _("Stories told"),
        story_rows,
        ngettext_lazy("%(count)d story", "%(count)d stories", "count"),
    ),
    Series(
        "stand",
        _("Organisations with a stand"),
        stand_rows,
        ngettext_lazy(
            "%(count)d organisation with a stand", "%(count)d organisations with a stand", "count"
        ),
    ),
]


# The series of the hook functions registered last: a hook's series are fixed (their
# labels are lazy), and building them (lazy translations) on every page cost a millisecond.
_registered: dict[tuple, list[Series]] = {}


def all_series() -> list[Series]:
    """The built-in series, then those other apps register."""
    found = tuple(hooks.get_hooks(IMPACT_SERIES_HOOK))
    known = _registered.get(found)
    if known is not None:
        return list(known)
    extra = [
        series if isinstance(series, Series) else Series(**series)
        for hook in found
        for series in hook()
    ]
    _registered.clear()  # hooks registered for a while (tests) leave nothing behind
    _registered[found] = [*BUILT_IN, *extra]
    return list(_registered[found])


def series_by_kind() -> dict[str, Series]:
    return {series.kind: series for series in all_series()}


@dataclass(frozen=True)
class Counts:
    """Every count, as plain tuples `(kind, province, year, count)`."""

    rows: tuple[tuple[str, str, int, int], ...]

    def years(self) -> list[int]:
        return sorted({year for _kind, _province, year, _count in self.rows})

    def filtered(self, kind: str = "", year: int | None = None, province: str = "") -> "Counts":
        return Counts(
            tuple(
                row
                for row in self.rows
                if (not kind or row[0] == kind)
                and (year is None or row[2] == year)
                and (not province or row[1] == province)
            )
        )

    def by_province(self) -> dict[str, dict[str, int]]:
        """{province: {kind: count}}."""
        result: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for kind, province, _year, count in self.rows:
            result[province][kind] += count
        return {province: dict(kinds) for province, kinds in result.items()}

    def by_year(self) -> dict[int, dict[str, int]]:
        """{year: {kind: count}}."""
        result: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for kind, _province, year, count in self.rows:
            result[year][kind] += count
        return {year: dict(kinds) for year, kinds in sorted(result.items())}


def compute_counts() -> Counts:
    valid = set(Province.values)
    rows = []
    for series in all_series():
        for province, year, count in series.rows():
            if province in valid and year:
                rows.append((series.kind, province, int(year), int(count)))
    return Counts(tuple(sorted(rows)))


def counts_version() -> str:
    """What keys the counts and what is drawn from them: pages, dates and applications."""
    return ":".join(str(generation(name)) for name in GENERATIONS)


def counts() -> Counts:
    """All counts, cached until pages, dates or applications change."""
    return versioned_get_or_set(f"places:counts:{counts_version()}", compute_counts)
