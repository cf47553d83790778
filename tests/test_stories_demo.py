"""The stories demo content: 18 stories in 6 provinces in both languages, idempotent."""

from wagtail.models import Locale

from events.demo import load_events
from home.demo import load_home
from stories.demo import load_stories
from stories.models import Narrator, StoryPage, Testimonial, Theme


def snapshot() -> list[tuple]:
    return list(
        StoryPage.objects.order_by("path").values_list(
            "locale__language_code", "url_path", "title", "live", "province", "event__slug"
        )
    )


def test_demo_stories_are_bilingual_linked_to_the_tour_and_idempotent(client, db):
    home = load_home()
    load_events(home)
    load_stories(home)
    first = snapshot()
    counts = (Narrator.objects.count(), Theme.objects.count(), Testimonial.objects.count())
    load_stories(home)
    assert snapshot() == first
    assert (Narrator.objects.count(), Theme.objects.count(), Testimonial.objects.count()) == counts

    turkish, english = (Locale.objects.get(language_code=code) for code in ("tr", "en"))
    for locale in (turkish, english):
        stories = StoryPage.objects.live().filter(locale=locale)
        assert stories.count() == 18
        assert set(stories.values_list("province", flat=True)) == {
            "35",
            "06",
            "34",
            "21",
            "61",
            "33",
        }
        assert not stories.filter(event=None).exists()
        assert not stories.exclude(event__locale=locale).exists()
        assert Narrator.objects.filter(locale=locale).count() == 18
        assert Testimonial.objects.filter(locale=locale).count() >= 5
    assert set(StoryPage.objects.values_list("event__slug", flat=True)) == {
        "guc-hikayeleri-sahnede",
        "power-stories-on-stage",
    }

    archive = client.get("/en/stories/?province=21")
    assert archive.status_code == 200
    assert archive.context["page_obj"].paginator.count == 3
    event = client.get("/en/events/power-stories-on-stage/").content.decode()
    assert "Stories told here" in event and "A ramp is a door" in event
    assert "What participants said" in event
    home_page = client.get("/tr/").content.decode()
    assert "Hikâyeler" in home_page and "217" in home_page
