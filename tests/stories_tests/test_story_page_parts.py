"""A story's page keeps its own part per process (page_part) and follows every change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.builders import publish
from stories.models import StoryIndexPage, StoryPage
from tests.stories_tests.helpers import make_story

pytestmark = pytest.mark.django_db


def test_a_kept_story_follows_its_narrator_themes_event_and_a_publish(
    client, index, themes, narrator, power_stories
):
    """The story's part of its page is kept per process (page_part): a warm request reads
    neither its themes nor its narrator, and every change it shows appears at once."""
    story = make_story(
        index,
        1,
        translate_to_english=False,
        narrator=narrator,
        event=power_stories,
        themes=[themes["goc"]],
    )
    client.get(story.url)  # creates the site settings row, which retires every cache
    html = client.get(story.url).content.decode()
    assert "Selin Martıgil" in html and "Göç" in html and "Güç Hikâyeleri – İzmir" in html
    with CaptureQueriesContext(connection) as context:
        assert client.get(story.url).content.decode() == html
    sql = " ".join(query["sql"] for query in context.captured_queries)
    assert "stories_theme" not in sql and "stories_narrator" not in sql

    narrator.name = "Selin Yeniad"
    narrator.save()
    assert "Selin Yeniad" in client.get(story.url).content.decode()
    theme = themes["goc"]
    theme.name = "Göç ve kent"
    theme.save()
    assert "Göç ve kent" in client.get(story.url).content.decode()
    power_stories.title = "Güç Hikâyeleri – Bornova"
    publish(power_stories)
    assert "Güç Hikâyeleri – Bornova" in client.get(story.url).content.decode()
    story.pull_quote = "Yeni alıntı"
    publish(story)
    html = client.get(story.url).content.decode()
    assert "Yeni alıntı" in html and "Alıntı 1" not in html

    draft = StoryPage.objects.get(pk=story.pk)
    draft.pull_quote = "Taslak alıntı"
    preview = draft.make_preview_request()
    preview.render()
    assert "Taslak alıntı" in preview.content.decode()
    assert "Yeni alıntı" in client.get(story.url).content.decode()


def test_a_story_finds_its_archive_in_one_query(index, django_assert_num_queries):
    """Its archive links (the province, the themes, all stories, the RSS feed) need the
    archive page: read as the specific page at once, not the parent and then its type."""
    story = StoryPage.objects.get(pk=make_story(index, 1, translate_to_english=False).pk)
    with django_assert_num_queries(1):
        archive = story.archive()
    assert archive == index and isinstance(archive, StoryIndexPage)
    assert archive.reverse_subpage("feed") == "feed/"
