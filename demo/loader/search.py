"""The demo's promoted search results (demo/content/search.yaml): the pages where people
apply, ask and assess come first for the words they search with, in both languages."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from events.models import FestivalPage
from knowledge.models import KnowledgeIndexPage
from rota.models import RotaPage
from stories.models import OpenCallPage

from .data import read


def promoted_pages() -> dict[str, Page | None]:
    """The Turkish pages the content file names (the search shows their translation)."""
    turkish = {"locale__language_code": "tr"}
    return {
        # The latest edition is the upcoming one, whose call for stands is open.
        "open_festival": FestivalPage.objects.filter(**turkish).order_by("-start").first(),
        "open_call": OpenCallPage.objects.filter(**turkish).first(),
        "information_center": KnowledgeIndexPage.objects.filter(**turkish).first(),
        "rota": RotaPage.objects.filter(**turkish).first(),
    }


def load_search_promotions() -> None:
    pages = promoted_pages()
    for spec in read("search"):
        page = pages[spec["page"]]
        if page is None:
            continue
        for text in spec["queries"]:
            query = Query.get(text)
            order = SearchPromotion.objects.filter(query=query).exclude(page=page).count()
            SearchPromotion.objects.get_or_create(
                query=query, page=page, defaults={"sort_order": order}
            )
