"""Fixtures of the stories tests: an archive, themes, a narrator and a Power Stories event."""

import pytest

from demo.builders import locales, make_event, make_events_index, publish
from demo.tools import translate
from events.models import PowerStoriesEventPage
from stories.models import Narrator, StoryIndexPage, Theme
from tests.stories_tests.helpers import GLOSSARY, english


@pytest.fixture
def index(home) -> StoryIndexPage:
    index = StoryIndexPage(
        title="Hikâyeler", slug="hikayeler", intro="Sahnede anlatılan hikâyeler."
    )
    home.add_child(instance=index)
    publish(index)
    translate(index, english(), GLOSSARY)
    return index


@pytest.fixture
def themes() -> dict[str, Theme]:
    tr = locales()[0]
    made = {}
    for slug, name in [("dayanisma", "Dayanışma"), ("goc", "Göç"), ("cevre", "Çevre")]:
        theme = Theme.objects.create(name=name, slug=slug, locale=tr)
        translate(theme, english(), GLOSSARY)
        made[slug] = theme
    return made


@pytest.fixture
def narrator() -> Narrator:
    narrator = Narrator.objects.create(
        name="Selin Martıgil",
        organisation="Körfez Mutfağı",
        city="Karşıyaka",
        province="35",
        locale=locales()[0],
    )
    translate(narrator, english(), GLOSSARY)
    return narrator


@pytest.fixture
def power_stories(home) -> PowerStoriesEventPage:
    events = make_events_index(home)
    translate(events, english(), {"Etkinlikler": "Events", "etkinlikler": "events"})
    event = make_event(
        events,
        PowerStoriesEventPage,
        title="Güç Hikâyeleri – İzmir",
        slug="guc-hikayeleri-izmir",
        summary="Anlatıcılar sahnede.",
    )
    translate(event, english(), GLOSSARY)
    return event
