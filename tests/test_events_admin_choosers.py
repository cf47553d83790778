"""The choosers inside page forms: a venue can be added from the venue chooser, and the event
chooser opens at the events index of the page's language, not at the root of the tree."""

import json
import re

import pytest
from wagtail.models import Locale

from demo.builders import locales, make_events_index, publish
from demo.tools import translate
from events.models import Venue
from stories.models import StoryIndexPage

CHOOSER = "/admin/snippets/choose/events/venue/"


def test_the_venue_chooser_has_a_tab_to_add_a_venue(admin_client, home):
    html = admin_client.get(CHOOSER).content.decode()
    data = json.loads(html)
    assert "Yeni mekân" in data["html"]
    assert 'name="province"' in data["html"]
    assert "Mekânı ekle" in data["html"]


def test_a_venue_added_from_the_chooser_is_chosen_and_saved_in_turkish(admin_client, home):
    response = admin_client.post(
        f"{CHOOSER}create/",
        {"name": "Eskişehir Kent Konseyi", "address": "", "province": "26", "district": ""},
    )
    data = response.json()
    assert data["step"] == "chosen"
    venue = Venue.objects.get(name="Eskişehir Kent Konseyi")
    assert data["result"]["id"] == str(venue.pk)
    assert venue.locale == Locale.get_default()


def test_a_venue_without_its_province_is_shown_again_with_the_error(admin_client, home):
    response = admin_client.post(f"{CHOOSER}create/", {"name": "Salon", "province": ""})
    data = response.json()
    assert data["step"] == "reshow_creation_form"
    assert "Bu alan zorunludur." in data["htmlFragment"]
    assert not Venue.objects.exists()


@pytest.fixture
def story_indexes(home):
    turkish, english = locales()
    index = StoryIndexPage(title="Hikâyeler", slug="hikayeler")
    home.add_child(instance=index)
    publish(index)
    english_index = translate(index, english, {"Hikâyeler": "Stories", "hikayeler": "stories"})
    return index, english_index


def chooser_options(html: str) -> dict:
    found = re.search(r'new EventPageChooser\("id_event", (\{.*?\})\);', html)
    assert found, "the story form has no event chooser"
    return json.loads(found.group(1))


def test_the_event_chooser_opens_at_the_events_index_of_the_page_language(
    admin_client, home, english_home, story_indexes
):
    turkish_events = make_events_index(home)
    english_events = translate(
        turkish_events,
        Locale.objects.get(language_code="en"),
        {"Etkinlikler": "Events", "etkinlikler": "events"},
    )
    for index, events in zip(story_indexes, (turkish_events, english_events), strict=True):
        html = admin_client.get(f"/admin/pages/add/stories/storypage/{index.pk}/").content.decode()
        assert chooser_options(html)["startParentId"] == events.pk
        assert "events/js/event-chooser.js" in html
