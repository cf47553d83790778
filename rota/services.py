"""What happens to an assessment: start, answer a step, complete a round, take it again,
erase. Views, the admin, the management command, the demo and the tests call these."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from applications.models import new_access_key

from .models import Answer, Area, AreaScore, Assessment, RotaPage, Round
from .scoring import scores_from_answers

logger = logging.getLogger(__name__)

PROFILE_FIELDS = ("organisation", "province", "legal_form", "consent")


def start_assessment(page: RotaPage, profile: dict, language: str) -> Assessment:
    """A new private link with its first round."""
    with transaction.atomic():
        assessment = Assessment.objects.create(page=page, language=language, **_profile(profile))
        Round.objects.create(assessment=assessment, number=1)
    return assessment


def _profile(profile: dict) -> dict:
    values = {name: profile.get(name) or "" for name in PROFILE_FIELDS if name != "consent"}
    # Consent only means something with a name to show.
    values["consent"] = bool(profile.get("consent")) and bool(values["organisation"])
    return values


def current_round(assessment: Assessment) -> Round:
    """The latest round of the link (there is always one)."""
    return assessment.rounds.order_by("-number").first()


def answers_of(round_: Round) -> dict[str, int]:
    return dict(round_.answers.values_list("statement_key", "value"))


def save_answers(round_: Round, area: Area, values: dict[str, int]) -> None:
    """Store one step's answers (statement key -> value), replacing earlier ones."""
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round_.pk)
        if locked.is_completed:
            return
        for statement in area.statements:
            if statement.key in values:
                Answer.objects.update_or_create(
                    round=locked,
                    statement_key=statement.key,
                    defaults={"area_key": area.key, "value": values[statement.key]},
                )
        Assessment.objects.filter(pk=round_.assessment_id).update(updated_at=timezone.now())


def first_open_step(page: RotaPage, answered: dict[str, int]) -> int | None:
    """The number of the first area with a statement not answered yet, or None."""
    for area in page.area_list():
        if any(s.key not in answered for s in area.statements):
            return area.number
    return None


def complete_round(page: RotaPage, round_: Round, now: datetime.datetime | None = None) -> Round:
    """Score a round whose every statement is answered and close it."""
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round_.pk)
        if locked.is_completed:
            return locked
        scores = scores_from_answers(page, locked.answers.values_list("statement_key", "value"))
        AreaScore.objects.bulk_create(
            AreaScore(round=locked, area_key=key, percent=percent)
            for key, percent in scores.items()
        )
        locked.completed_at = now or timezone.now()
        locked.save(update_fields=["completed_at"])
    return locked


def scores_of(round_: Round | None) -> dict[str, int]:
    if round_ is None:
        return {}
    return dict(round_.scores.values_list("area_key", "percent"))


def start_new_round(assessment: Assessment) -> Round:
    """Take the tool again by the same link: a new round after the latest completed one
    (the open round itself when the latest is not completed yet)."""
    with transaction.atomic():
        latest = (
            Round.objects.select_for_update().filter(assessment=assessment).order_by("-number")
        ).first()
        if not latest.is_completed:
            return latest
        return Round.objects.create(
            assessment=assessment, number=latest.number + 1, previous=latest
        )


def update_profile(assessment: Assessment, profile: dict) -> Assessment:
    for name, value in _profile(profile).items():
        setattr(assessment, name, value)
    assessment.save()
    return assessment


def erase(assessment: Assessment) -> Assessment:
    """KVKK erasure: the organisation's name and consent go, and the link stops working;
    the anonymous scores stay for the aggregates (as applications keep anonymous facts)."""
    with transaction.atomic():
        assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if assessment.anonymised_at is not None:
            return assessment
        assessment.organisation = ""
        assessment.consent = False
        assessment.access_key = new_access_key()
        assessment.anonymised_at = timezone.now()
        assessment.save()
    return assessment


def anonymise_expired(
    after: datetime.timedelta, now: datetime.datetime | None = None
) -> tuple[int, list[tuple[int, str]]]:
    """Retention: erase the assessments nobody has touched for `after`, each in its own
    transaction. Returns how many were erased and the rows that failed (number and error
    class only: a database error's message may repeat personal data); one failure does not
    stop the others, and a second run finds nothing due."""
    cutoff = (now or timezone.now()) - after
    due = Assessment.objects.not_anonymised().filter(updated_at__lt=cutoff).order_by("pk")
    erased, failed = 0, []
    for pk in list(due.values_list("pk", flat=True)):
        try:
            erase(Assessment.objects.get(pk=pk))
        except Exception as error:  # one row must not stop the others
            logger.error("Retention could not erase assessment %s: %s", pk, type(error).__name__)
            failed.append((pk, type(error).__name__))
        else:
            erased += 1
    return erased, failed
