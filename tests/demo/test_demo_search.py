"""Searching the demo for what people come to do finds the page where they do it, in both
languages, and a query in the other language still finds the page."""

import pytest
from wagtail.models import Locale

from events.models import FestivalPage
from knowledge.models import KnowledgeIndexPage
from stories.models import OpenCallPage
from tests.demo.conftest import DEMO

pytestmark = DEMO

TASKS = {
    "stant başvurusu": "festival",
    "stand application": "festival",
    "apply": "festival",
    "başvuru": "festival",
    "sss": "information center",
    "faq": "information center",
}


def task_pages(language: str) -> dict[str, str]:
    locale = Locale.objects.get(language_code=language)
    return {
        "festival": FestivalPage.objects.filter(locale=locale).order_by("-start").first().url,
        "open call": OpenCallPage.objects.get(locale=locale).url,
        "information center": KnowledgeIndexPage.objects.get(locale=locale).url,
    }


def first_result(html: str) -> str:
    start = html.index('class="search-result')
    return html[start : html.index("</h3>", start)]


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize(("query", "task"), TASKS.items())
def test_a_task_search_finds_the_page_where_it_is_done_first(client, language, query, task):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    assert f'href="{task_pages(language)[task]}"' in first_result(html)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_applying_also_finds_the_open_call(client, language):
    html = client.get(f"/{language}/search/", {"q": "başvuru"}).content.decode()
    assert f'href="{task_pages(language)["open call"]}"' in html


def test_cay_saati_on_the_english_search_finds_tea_time(client):
    html = client.get("/en/search/", {"q": "cay saati"}).content.decode()
    assert "Tea Time" in html and 'href="/en/events/tea-time-meetings-eskisehir/"' in html
    html = client.get("/tr/search/", {"q": "tea time"}).content.decode()
    assert 'href="/tr/etkinlikler/cay-saati-bulusmalari-eskisehir/"' in html
