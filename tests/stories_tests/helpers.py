"""Shared by the stories tests: the glossary their translations use and a story maker."""

import datetime

from wagtail.models import Locale

from demo.builders import locales, publish
from demo.tools import translate
from stories.models import StoryPage

GLOSSARY = {
    "Hikâyeler": "Stories",
    "hikayeler": "stories",
    "Sahnede anlatılan hikâyeler.": "Stories told on stage.",
    "Güç Hikâyeleri – İzmir": "Power Stories – İzmir",
    "guc-hikayeleri-izmir": "power-stories-izmir",
    "Anlatıcılar sahnede.": "Narrators on stage.",
    "Dayanışma": "Solidarity",
    "Göç": "Migration",
    "Çevre": "Environment",
    "Körfez Mutfağı": "Gulf Kitchen",
    "Karşıyaka": "Karşıyaka",
    "STGM": "STGM",
}


def english() -> Locale:
    return locales()[1]


def make_story(index, number: int = 1, translate_to_english: bool = True, **kwargs) -> StoryPage:
    """A published story (and its wagtail-localize translation, titled "Story <n>")."""
    kwargs.setdefault("title", f"Hikâye {number}")
    kwargs.setdefault("slug", f"hikaye-{number}")
    kwargs.setdefault("province", "35")
    kwargs.setdefault("pull_quote", f"Alıntı {number}")
    kwargs.setdefault("transcript", f"<p>Metin {number}</p>")
    kwargs.setdefault("date_told", datetime.date(2024, 3, 9))
    themes = kwargs.pop("themes", [])
    photos = kwargs.pop("photos", None)
    story = StoryPage(**kwargs)
    story.themes = themes
    if photos is not None:
        story.photos = photos
    index.add_child(instance=story)
    publish(story)
    if translate_to_english:
        glossary = {
            kwargs["title"]: f"Story {number}",
            kwargs["slug"]: f"story-{number}",
            kwargs["pull_quote"]: f"Quote {number}",
            f"Metin {number}": f"Text {number}",
            **GLOSSARY,
        }
        translate(story, english(), glossary)
    return story
