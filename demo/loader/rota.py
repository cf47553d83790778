"""The ROTA self-assessment tool (demo/content/rota.yaml): its page under Programmes, where
the programme page of the same slug was, its questionnaire in both languages, and completed
sample assessments (made through rota.services) for the team's report."""

import uuid

from wagtail.models import Page

from demo.rota import answer_all, days_ago
from demo.tools import get_locale, make_illustration, translate, upsert_document, upsert_page
from home.models import HomePage, StandardPage
from rota import services
from rota.blocks import Band
from rota.models import Assessment, RotaPage

from .data import Texts, read

# Block ids derived from the content's order, so loading again keeps them (and the answers
# stored under them) valid.
IDS = uuid.UUID("5d0a1c2e-7f3b-4c1e-9a55-20261205a0ba")


def block_id(*path) -> str:
    return str(uuid.uuid5(IDS, "/".join(map(str, path))))


def load_rota(home: HomePage) -> RotaPage:
    """Create or update the ROTA page and its translation; add the sample assessments once."""
    content = read("rota")
    t = Texts()
    spec = content["page"]
    programmes = StandardPage.objects.child_of(home).get(slug="programlar")
    slug = t(spec["slug"])
    # The programme page that stood here before the tool (a StandardPage of the same slug).
    for old in StandardPage.objects.child_of(programmes).filter(slug=slug):
        for translation in old.get_translations():
            translation.delete()
        old.delete()
    documents = {
        name: upsert_document(doc["title"], doc["filename"], doc["text"].encode())
        for name, doc in content["documents"].items()
    }
    page = upsert_page(
        programmes,
        RotaPage,
        slug,
        title=t(spec["title"]),
        intro=t(spec["intro"]),
        is_programme=True,
        image=make_illustration("programme"),
        privacy_note=t(spec["privacy_note"]),
        developing_from=spec["developing_from"],
        strong_from=spec["strong_from"],
        scale=[
            {"type": "level", "value": t(level), "id": block_id("scale", n)}
            for n, level in enumerate(spec["scale"])
        ],
        areas=[area_data(n, area, t, documents) for n, area in enumerate(content["areas"])],
    )
    translate(page, get_locale("en"), t.glossary)
    load_assessments(page, content["assessments"])
    return page


def area_data(n: int, spec: dict, t: Texts, documents: dict) -> dict:
    """An area block in StreamField's stored form, with ids that stay the same."""
    prescriptions = [
        {
            "type": "item",
            "id": block_id("area", n, "prescription", band),
            "value": {
                "band": band,
                "title": t(spec["prescriptions"][band]["title"]),
                "text": t.html(spec["prescriptions"][band]["text"]),
                "links": links_data(
                    spec["prescriptions"][band]["links"], t, documents, ("area", n, band)
                ),
            },
        }
        for band in (Band.STARTING, Band.DEVELOPING, Band.STRONG)
    ]
    return {
        "type": "area",
        "id": block_id("area", n),
        "value": {
            "title": t(spec["title"]),
            "description": t(spec["description"]),
            "statements": [
                {"type": "item", "id": block_id("area", n, "statement", s), "value": t(text)}
                for s, text in enumerate(spec["statements"])
            ],
            "prescriptions": prescriptions,
        },
    }


def links_data(specs: list[dict], t: Texts, documents: dict, path: tuple) -> list[dict]:
    """Links to pages (by Turkish slug; a missing page is left out), documents and URLs."""
    links = []
    for spec in specs:
        if "page" in spec:
            page = Page.objects.filter(slug=spec["page"], locale=get_locale("tr")).first()
            if page is not None:
                links.append({"type": "page", "value": {"page": page.pk, "label": ""}})
        elif "document" in spec:
            links.append(
                {
                    "type": "document",
                    "value": {"document": documents[spec["document"]].pk, "label": ""},
                }
            )
        else:
            links.append({"type": "url", "value": {"url": spec["url"], "label": t(spec["label"])}})
    for n, link in enumerate(links):
        link["id"] = block_id(*path, "link", n)
    return links


def load_assessments(page: RotaPage, specs: list[dict]) -> int:
    """The sample assessments, once (a later load adds none)."""
    if Assessment.objects.filter(page=page).exists():
        return 0
    for spec in specs:
        profile = {
            "organisation": spec.get("organisation", ""),
            "province": spec["province"],
            "legal_form": spec["legal_form"],
            "consent": spec.get("consent", False),
        }
        assessment = services.start_assessment(page, profile, "tr")
        rounds = [(spec["values"], spec["days_ago"])]
        if "retake" in spec:
            rounds.append((spec["retake"]["values"], spec["retake"]["days_ago"]))
        for number, (values, days) in enumerate(rounds):
            if number:
                services.start_new_round(assessment)
            round_ = answer_all(page, assessment, values)
            type(round_).objects.filter(pk=round_.pk).update(
                started_at=days_ago(days), completed_at=days_ago(days)
            )
        Assessment.objects.filter(pk=assessment.pk).update(
            created_at=days_ago(spec["days_ago"]), updated_at=days_ago(rounds[-1][1])
        )
    return len(specs)
