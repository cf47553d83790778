"""What the team may see: aggregates of completed rounds (per area, and per province,
legal form or year), and, one by one, only the assessments an organisation named and
consented to show. A group smaller than MIN_GROUP rounds is never shown, so a province with
one organisation does not give away its answers."""

from dataclasses import dataclass

from django.db.models import Avg, Count, Max, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from applications.models import LegalForm
from core.provinces import Province

from .models import AreaScore, Assessment, RotaPage

MIN_GROUP = 3

GROUPINGS = {
    "province": ("round__assessment__province", _("Province")),
    "legal_form": ("round__assessment__legal_form", _("Legal form")),
    "year": ("year", _("Year")),
}


def scores_of_tool(page: RotaPage) -> QuerySet[AreaScore]:
    """The area scores of every completed round taken with `page`, in any language."""
    return AreaScore.objects.filter(
        round__assessment__page__translation_key=page.translation_key,
        round__completed_at__isnull=False,
    )


@dataclass
class Row:
    label: str
    rounds: int
    averages: dict  # area key -> average percent (rounded)

    def cells(self, keys: list[str]) -> list[int | None]:
        return [self.averages.get(key) for key in keys]


def overall(page: RotaPage) -> Row:
    """Every completed round: the average per area."""
    scores = scores_of_tool(page)
    averages = {
        item["area_key"]: round(item["average"])
        for item in scores.values("area_key").annotate(average=Avg("percent"))
    }
    rounds = scores.values("round").distinct().count()
    return Row(str(_("All")), rounds, averages)


def breakdown(page: RotaPage, by: str) -> tuple[list[Row], int]:
    """Rows of averages per area for each group (province, legal form or year) with at
    least MIN_GROUP rounds, and how many rounds fell in smaller groups (not shown)."""
    field, _label = GROUPINGS[by]
    scores = scores_of_tool(page).annotate(year=ExtractYear("round__completed_at"))
    averages: dict = {}
    for item in scores.values(field, "area_key").annotate(average=Avg("percent")):
        averages.setdefault(item[field], {})[item["area_key"]] = round(item["average"])
    counts = {
        item[field]: item["rounds"]
        for item in scores.values(field).annotate(rounds=Count("round", distinct=True))
    }
    rows, hidden = [], 0
    for group, rounds in counts.items():
        if rounds < MIN_GROUP:
            hidden += rounds
            continue
        rows.append(Row(group_label(by, group), rounds, averages.get(group, {})))
    rows.sort(key=lambda row: row.label)
    return rows, hidden


def group_label(by: str, value) -> str:
    if value in ("", None):
        return str(_("Not given"))
    if by == "province":
        return Province(value).label
    if by == "legal_form":
        return str(LegalForm(value).label)
    return str(value)


def named_results(page: RotaPage) -> list[tuple[Assessment, dict]]:
    """The assessments whose organisation gave its name and consented, each with the area
    scores of its latest completed round (two queries, however many there are)."""
    assessments = list(
        Assessment.objects.named_with_consent()
        .filter(page__translation_key=page.translation_key)
        .annotate(last_completed=Max("rounds__completed_at"))
        .filter(last_completed__isnull=False)
        .order_by("organisation")
    )
    latest: dict[int, tuple[int, dict]] = {}
    scores = (
        AreaScore.objects.filter(round__assessment__in=assessments)
        .order_by("round__number")
        .values_list("round__assessment_id", "round__number", "area_key", "percent")
    )
    for assessment_id, number, key, percent in scores:
        if assessment_id not in latest or latest[assessment_id][0] < number:
            latest[assessment_id] = (number, {})
        latest[assessment_id][1][key] = percent
    return [(a, latest.get(a.pk, (0, {}))[1]) for a in assessments]
