"""The stories archive, a story, the home page and the search stay flat as content grows
(issue 20): a warm request reads nothing whose size grows with the stories, events or pages
outside what it shows. Speed itself is the bench's business (bench/RESULTS.md)."""

from unittest import mock

import pytest
from django import forms
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from core.widgets import CachedSelect, FastSelect
from demo.builders import make_standard_page
from demo.tools import make_image
from home.models import StandardPage
from stories.models import StoryPage
from stories.views import STORIES_PER_PAGE
from tests.test_flat_with_content import instances_built
from tests.test_query_counts import (  # noqa: F401 (fixtures)
    count_queries,
    make_story,
    stories_index,
    themes,
)
from tests.test_widgets import CHOICES

pytestmark = pytest.mark.django_db

FILTERED = "?province=34&theme=goc"


def warm(client, url: str) -> None:
    for _ in range(2):
        assert client.get(url).status_code == 200


def built_when_warm(client, url: str, model) -> int:
    """Instances of `model` a request builds once the caches are warm."""
    warm(client, url)
    with instances_built(model) as built:
        assert client.get(url).status_code == 200
    return built[model.__name__]


def add_stories(index, themes, numbers: range) -> None:  # noqa: F811 (fixture name)
    for number in numbers:
        # Every other story is in İstanbul (and every story has Göç): the filtered view
        # has more stories than one page.
        province = "34" if number % 2 == 0 else "35"
        story = make_story(index, number, themes=themes[:1] if number % 2 else themes)
        StoryPage.objects.filter(translation_key=story.translation_key).update(province=province)


# --- The stories archive -------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", FILTERED])
def test_the_archive_counts_its_stories_once_per_publish(client, stories_index, themes, query):  # noqa: F811
    def shown_count() -> str:
        stories = StoryPage.objects.in_index(stories_index)
        total = stories.filtered(province="34", theme="goc") if query else stories
        return f"{total.count()} hikâye"

    add_stories(stories_index, themes, range(1, 3 * STORIES_PER_PAGE))
    url = stories_index.url + query
    warm(client, url)
    counted = count_queries(client, url)
    assert not [sql for sql in counted.sql if "COUNT(" in sql], counted
    assert shown_count() in client.get(url).content.decode()
    # A story published retires the count.
    add_stories(stories_index, themes, range(3 * STORIES_PER_PAGE, 3 * STORIES_PER_PAGE + 3))
    assert shown_count() in client.get(url).content.decode()


def test_the_archive_renders_its_cards_once_per_publish(client, stories_index, themes):  # noqa: F811
    add_stories(stories_index, themes, range(1, 4))
    url = stories_index.url
    warm(client, url)
    counted = count_queries(client, url)
    card_rows = [sql for sql in counted.sql if "stories_theme" in sql or "rendition" in sql]
    assert not card_rows, counted
    html = client.get(url).content.decode()
    assert html.count('class="card story-card"') == 3 and "Göç" in html
    story = StoryPage.objects.get(slug="hikaye-2", locale__language_code="tr")
    story.title = "Yeni başlık"
    story.save_revision().publish()  # retires the cards
    html = client.get(url).content.decode()
    assert "Yeni başlık" in html and "Hikâye 2<" not in html


@pytest.mark.parametrize("query", ["", FILTERED])
def test_the_archive_builds_only_the_stories_it_shows(client, stories_index, themes, query):  # noqa: F811
    add_stories(stories_index, themes, range(1, 2 * STORIES_PER_PAGE + 3))
    url = stories_index.url + query
    few = count_queries(client, url)
    shown = built_when_warm(client, url, StoryPage)
    add_stories(stories_index, themes, range(2 * STORIES_PER_PAGE + 3, 10 * STORIES_PER_PAGE))
    assert count_queries(client, url) == few
    assert built_when_warm(client, url, StoryPage) == shown == STORIES_PER_PAGE


def test_the_archive_filters_build_their_options_once_per_publish(client, stories_index, themes):  # noqa: F811
    add_stories(stories_index, themes, range(1, 4))
    url = stories_index.url + FILTERED
    warm(client, url)
    with mock.patch.object(forms.Select, "optgroups", autospec=True) as optgroups:
        html = client.get(url).content.decode()
        other = client.get(stories_index.url + "?year=2024&province=35").content.decode()
    assert optgroups.call_count == 0
    assert '<option value="34" selected>İstanbul</option>' in html
    assert '<option value="goc" selected>Göç</option>' in html
    assert '<option value="" selected>Tüm yıllar</option>' in html
    assert '<option value="35" selected>İzmir</option>' in other
    assert '<option value="2024" selected>2024</option>' in other


def test_the_archive_filters_build_no_list_of_choices_when_warm(client, stories_index, themes):  # noqa: F811
    # Asking whether a select is `required` walks its choices: every event stories were
    # told at, on every request.
    add_stories(stories_index, themes, range(1, 4))
    url = stories_index.url + FILTERED
    warm(client, url)
    with mock.patch("django.utils.choices.normalize_choices") as normalize:
        html = client.get(url).content.decode()
    assert normalize.call_count == 0
    assert '<option value="goc" selected>Göç</option>' in html and " required" not in html


def query_plan(stories) -> list[str]:
    sql, params = stories[:STORIES_PER_PAGE].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [row[3] for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")
@pytest.mark.parametrize("filters", [{"province": "34"}, {"province": "34", "theme": "goc"}])
def test_a_province_s_stories_are_read_in_date_order_not_sorted(stories_index, themes, filters):  # noqa: F811
    # (Unfiltered, the planner picks the "newest" index once the page table is large and
    # analysed, as in the bench's database: a test's few pages are scanned instead.)
    add_stories(stories_index, themes, range(1, 30))
    plan = query_plan(StoryPage.objects.in_index(stories_index).filtered(**filters).for_listing())
    # Only ties of the date are sorted; no list of every story with the theme is built.
    assert any("stories_storypage_province_newest" in step for step in plan), plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan
    assert not any("LIST SUBQUERY" in step for step in plan), plan


def test_the_theme_filter_asks_each_story_rather_than_listing_the_theme_s_stories(
    stories_index,  # noqa: F811
    themes,  # noqa: F811
):
    add_stories(stories_index, themes, range(1, 4))
    stories = StoryPage.objects.in_index(stories_index).filtered(theme="goc").for_listing()
    assert "EXISTS" in str(stories.query) and " IN (SELECT" not in str(stories.query)
    assert len(stories) == 3


def test_cached_select_writes_what_django_s_select_writes():
    def render(widget, value) -> str:
        widget.choices = CHOICES
        attrs = {"id": "id_province", "aria-describedby": "h"}
        return str(widget.render("province", value, attrs=attrs))

    cached = CachedSelect()
    cached.cache_key = "test-cached-select"
    for value in ["", "34", "x<y", 7, None, "no-such-value", "35"]:
        assert render(cached, value) == render(forms.Select(), value) == render(FastSelect(), value)
    with mock.patch.object(forms.Select, "optgroups", autospec=True) as optgroups:
        render(cached, "06")
    assert optgroups.call_count == 0


# --- A story, the home page, the search ----------------------------------------------------


def test_a_story_reads_its_related_stories_once_per_publish(client, stories_index, themes):  # noqa: F811
    story = make_story(stories_index, 1, themes=themes)
    add_stories(stories_index, themes, range(2, 6))
    html = client.get(story.url).content.decode()
    assert html.count('class="card story-card"') == 3
    assert built_when_warm(client, story.url, StoryPage) == 1  # the story itself
    make_story(stories_index, 6, themes=themes)  # shares every theme: it comes first now
    html = client.get(story.url).content.decode()
    start = html.index('class="related-stories"')
    assert html.index("Hikâye 6", start) < html.index("Hikâye 2", start)


def test_the_home_page_reads_its_programmes_once_per_publish(client, home):
    def add(numbers: range) -> None:
        for number in numbers:
            make_standard_page(
                home,
                title=f"Program {number}",
                slug=f"program-{number}",
                is_programme=True,
                image=make_image(f"Program {number}", "#0b5563", size=(320, 200)),
            )

    add(range(1, 3))
    few = count_queries(client, "/tr/")
    assert built_when_warm(client, "/tr/", StandardPage) == 0
    add(range(3, 20))
    assert count_queries(client, "/tr/") == few
    assert built_when_warm(client, "/tr/", StandardPage) == 0
    html = client.get("/tr/").content.decode()
    assert html.count('<h3 class="card__title"><a href="/tr/program-') == 19


def test_a_search_reads_the_promoted_queries_once_per_publish(client, home):
    page = make_standard_page(home, title="Eğitim programı", slug="egitim-programi")
    for text in ("eğitim", "EĞİTİM", "başvuru", "gönüllü"):
        SearchPromotion.objects.create(query=Query.get(text), page=page, sort_order=0)
    url = "/tr/search/?q=egitim"
    warm(client, url)
    counted = count_queries(client, url)
    assert not [sql for sql in counted.sql if "SELECT DISTINCT" in sql], counted
    html = client.get(url).content.decode()
    assert 'class="search-promotions"' in html and "Eğitim programı" in html
