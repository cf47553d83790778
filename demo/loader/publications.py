"""The publications library (demo/content/publications.yaml): the authoring groups, the
library under Programmes and its publications in both languages, with one-page sample PDFs
or an external link."""

import datetime

from wagtail.models import Page

from demo.tools import get_locale, tiny_pdf, translate, upsert_document, upsert_object, upsert_page
from home.models import StandardPage
from publications.models import AuthoringGroup, PublicationLibraryPage, PublicationPage

from .data import Texts, in_language, read


def page_at(home: Page, slugs: list[str]) -> Page:
    page = home
    for slug in slugs:
        page = StandardPage.objects.child_of(page).get(slug=slug)
    return page


def load_groups(home: Page, specs: list[dict], t: Texts) -> dict[str, AuthoringGroup]:
    turkish, english = get_locale("tr"), get_locale("en")
    groups = {}
    for spec in specs:
        group = upsert_object(
            AuthoringGroup,
            {"slug": spec["slug"], "locale": turkish},
            name=t(spec["name"]),
            acronym=spec["acronym"],
            description=t(spec["description"]),
            page=page_at(home, spec["page"]) if "page" in spec else None,
        )
        translate(group, english, t.glossary)
        groups[spec["slug"]] = group
    return groups


def sample_file(spec: dict):
    lines = [
        in_language(spec["title"], "en"),
        in_language(spec["title"], "tr"),
        "",
        "Sample document of the STGM demo site / STGM demo sitesi icin ornek belge.",
    ]
    return upsert_document(in_language(spec["title"], "tr"), spec["file"], tiny_pdf(lines))


def load_publications(home: Page) -> PublicationLibraryPage:
    """Create or update the library and its publications (after the programme pages)."""
    content = read("publications")
    english = get_locale("en")
    t = Texts()
    groups = load_groups(home, content["groups"], t)
    spec = content["library"]
    parent = StandardPage.objects.child_of(home).get(slug=t(spec["parent"]))
    library = upsert_page(
        parent,
        PublicationLibraryPage,
        t(spec["slug"]),
        title=t(spec["title"]),
        intro=t(spec["intro"]),
    )
    translate(library, english, t.glossary)
    for item in content["publications"]:
        publication = upsert_page(
            library,
            PublicationPage,
            t(item["slug"]),
            title=t(item["title"]),
            summary=t(item["summary"]),
            group=groups[item["group"]],
            kind=item["kind"],
            language=item["language"],
            published_on=datetime.date.fromisoformat(item["date"]),
            topics=item["topics"],
            document=sample_file(item) if "file" in item else None,
            external_url=item.get("url", ""),
        )
        translate(publication, english, t.glossary)
    return library
