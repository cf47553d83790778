"""Builders for the ROTA tool, shared by the tests, the browser tests and the demo loader:
a questionnaire page and completed assessments."""

import datetime

from django.utils import timezone
from wagtail.models import Page

from demo.builders import locales, translate
from rota import services
from rota.blocks import Band
from rota.models import Assessment, RotaPage, Round

SCALE_TR = [
    "Hiç katılmıyorum",
    "Katılmıyorum",
    "Kısmen katılıyorum",
    "Katılıyorum",
    "Tamamen katılıyorum",
]


def area_value(title: str, statements: list[str], prescriptions: list[dict] | None = None) -> dict:
    """An area block's value; prescriptions default to one per band, named after it."""
    if prescriptions is None:
        prescriptions = [
            {
                "band": band,
                "title": f"{title}: {band}",
                "text": f"<p>{title} {band}</p>",
                "links": [],
            }
            for band in (Band.STARTING, Band.DEVELOPING, Band.STRONG)
        ]
    return {
        "title": title,
        "description": "",
        "statements": statements,
        "prescriptions": prescriptions,
    }


def make_rota_page(parent: Page, areas: int = 3, statements: int = 2, **kwargs) -> RotaPage:
    """A published ROTA page under `parent` with `areas` areas of `statements` statements
    ("Alan 1", "Alan 1 ifade 1", ...) on a five-level scale."""
    kwargs.setdefault("title", "ROTA")
    kwargs.setdefault("slug", "rota")
    kwargs.setdefault("intro", "Örgütünüzü değerlendirin.")
    kwargs.setdefault("scale", [("level", label) for label in SCALE_TR])
    kwargs.setdefault(
        "areas",
        [
            (
                "area",
                area_value(f"Alan {a}", [f"Alan {a} ifade {s}" for s in range(1, statements + 1)]),
            )
            for a in range(1, areas + 1)
        ],
    )
    page = RotaPage(**kwargs)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_bilingual_rota_page(parent: Page, **kwargs) -> RotaPage:
    """make_rota_page() and a live English translation with the same slug."""
    page = make_rota_page(parent, **kwargs)
    translate(page, locales()[1], title=kwargs.get("title", "ROTA"), slug=page.slug)
    return page


def answer_all(page: RotaPage, assessment: Assessment, values: list) -> Round:
    """Answer every statement of the current round, area by area, and complete the round:
    values[i] for area i is one answer for all its statements, or a list of answers."""
    round_ = services.current_round(assessment)
    for area, value in zip(page.area_list(), values, strict=False):
        answers = [value] * len(area.statements) if isinstance(value, int) else value
        services.save_answers(
            round_, area, {s.key: a for s, a in zip(area.statements, answers, strict=False)}
        )
    return services.complete_round(page, round_)


def make_assessment(
    page: RotaPage,
    values: list[int],
    completed_at: datetime.datetime | None = None,
    language: str = "tr",
    **profile,
) -> Assessment:
    """A completed assessment (one round) with every area answered at values[i]."""
    assessment = services.start_assessment(page, profile, language)
    answer_all(page, assessment, values)
    if completed_at is not None:
        assessment.rounds.update(completed_at=completed_at)
    return assessment


def retake(page: RotaPage, assessment: Assessment, values: list) -> Round:
    """A new round by the same link, completed."""
    services.start_new_round(assessment)
    return answer_all(page, assessment, values)


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)
