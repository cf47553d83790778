"""Sections one app adds to another app's pages through core.sections' hook: stories told
at an event and testimonials about it appear on every kind of event page and on programme
pages, and only where there are some."""

import datetime

import pytest
from wagtail import hooks

from core.sections import PAGE_SECTIONS_HOOK
from demo.builders import locales, make_event, make_events_index, make_standard_page, publish
from events.models import MeetingPage
from stories.models import Narrator, StoryIndexPage, StoryPage, Testimonial

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(home):
    return make_event(make_events_index(home), MeetingPage, title="Van Buluşması", slug="van")


def tell_story_at(home, event) -> StoryPage:
    index = StoryIndexPage(title="Hikâyeler", slug="hikayeler")
    home.add_child(instance=index)
    publish(index)
    narrator = Narrator.objects.create(
        name="Örnek Anlatıcı", city="Van", province="65", locale=locales()[0]
    )
    story = StoryPage(
        title="Gölün Kıyısında",
        slug="golun-kiyisinda",
        province="65",
        pull_quote="Birlikte güçlüyüz.",
        transcript="<p>Metin</p>",
        date_told=datetime.date(2024, 3, 9),
        narrator=narrator,
        event=event,
    )
    index.add_child(instance=story)
    return publish(story)


def test_an_event_page_shows_the_stories_told_there(client, home, meeting):
    assert "stories-told" not in client.get(meeting.url).content.decode()
    tell_story_at(home, meeting)
    html = client.get(meeting.url).content.decode()
    assert "stories-told" in html
    assert "Gölün Kıyısında" in html


def test_the_stories_told_are_kept_and_follow_a_publish_and_a_narrator(client, home, meeting):
    """Kept per content generation: a warm page reads no story, and still shows a story
    renamed, its narrator edited or unpublished at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    story = tell_story_at(home, meeting)
    for _ in range(2):
        client.get(meeting.url)
    with CaptureQueriesContext(connection) as context:
        assert "Gölün Kıyısında" in client.get(meeting.url).content.decode()
    assert not [q for q in context.captured_queries if "stories_storypage" in q["sql"]]

    story.title = "Dağın Eteğinde"
    publish(story)
    html = client.get(meeting.url).content.decode()
    assert "Dağın Eteğinde" in html and "Gölün Kıyısında" not in html
    narrator = story.narrator
    narrator.name = "Yeni Anlatıcı"
    narrator.save()
    assert "Yeni Anlatıcı" in client.get(meeting.url).content.decode()
    StoryPage.objects.get(pk=story.pk).unpublish()
    assert "stories-told" not in client.get(meeting.url).content.decode()


def test_a_meeting_and_a_programme_page_show_what_participants_said(client, home, meeting):
    programme = make_standard_page(home, title="STOK", slug="stok")
    assert "testimonials" not in client.get(meeting.url).content.decode()
    for page in (meeting, programme):
        Testimonial.objects.create(
            quote=f"{page.title} işimize yaradı.",
            attribution="Bir katılımcı",
            page=page,
            locale=page.locale,
        )
        html = client.get(page.url).content.decode()
        assert f"{page.title} işimize yaradı." in html


def test_a_registered_section_appears_at_its_place(client, home, meeting):
    def banner(context, page, place):
        return f'<p class="test-banner">{place}</p>' if page.pk == meeting.pk else ""

    with hooks.register_temporarily(PAGE_SECTIONS_HOOK, banner):
        html = client.get(meeting.url).content.decode()
        other = client.get(home.url).content.decode()
    assert '<p class="test-banner">event_main</p>' in html
    assert '<p class="test-banner">event_after</p>' in html
    assert "test-banner" not in other
