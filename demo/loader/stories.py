"""The stories archive (demo/content/stories.yaml): 18 invented narrators who told their
stories on the Power Stories tour in 6 provinces, their themes, and the testimonials."""

from wagtail.models import Page

from demo.tools import (
    get_locale,
    make_illustration,
    translate,
    upsert_object,
    upsert_page,
)
from events.models import FestivalPage, PowerStoriesEventPage
from home.models import StandardPage
from knowledge.models import KnowledgeIndexPage
from rota.models import RotaPage
from stories.models import Narrator, StoryIndexPage, StoryPage, Testimonial, Theme

from .data import Texts, read

# The kinds of page a testimonial may be attached to in the content file.
TESTIMONIAL_PAGES = {
    "power_stories": PowerStoriesEventPage,
    "festival": FestivalPage,
    "standard_page": StandardPage,
    "rota_page": RotaPage,
    "knowledge_index": KnowledgeIndexPage,
}


def load_themes(specs: list[dict], t: Texts) -> dict[str, Theme]:
    turkish, english = get_locale("tr"), get_locale("en")
    themes = {}
    for spec in specs:
        theme = upsert_object(
            Theme, {"slug": spec["slug"], "locale": turkish}, name=t(spec["name"])
        )
        translate(theme, english, t.glossary)
        themes[spec["slug"]] = theme
    return themes


def load_stories(home: Page) -> StoryIndexPage:
    """Create or update the stories archive, its stories, narrators, themes and the
    testimonials, in Turkish and English."""
    content = read("stories")
    turkish, english = get_locale("tr"), get_locale("en")
    t = Texts()
    themes = load_themes(content["themes"], t)
    event = PowerStoriesEventPage.objects.filter(slug=content["event"], locale=turkish).first()

    spec = content["index"]
    index = upsert_page(
        home,
        StoryIndexPage,
        t(spec["slug"]),
        title=t(spec["title"]),
        show_in_menus=spec["show_in_menus"],
        intro=t(spec["intro"]),
    )
    translate(index, english, t.glossary)

    stories = [load_story(index, spec, content, themes, event, t) for spec in content["stories"]]
    for story in stories:
        translate(story, english, t.glossary)

    load_testimonials(content["testimonials"], t)
    return index


def load_story(index, spec: dict, content: dict, themes, event, t) -> StoryPage:
    turkish, english = get_locale("tr"), get_locale("en")
    stop = content["stops"][spec["stop"]]
    day = stop["date"]
    narrator = upsert_object(
        Narrator,
        {"name": spec["narrator"], "locale": turkish},
        organisation=t(spec["organisation"]),
        city=t(spec["city"]),
        province=stop["province"],
    )
    translate(narrator, english, t.glossary)
    # No recordings and no photographs of these invented stories: the story illustration,
    # and no audio rather than a silent clip under "Listen to the story".
    story = upsert_page(
        index,
        StoryPage,
        t(spec["slug"]),
        title=t(spec["title"]),
        narrator=narrator,
        province=stop["province"],
        themes=[themes[slug] for slug in spec["themes"]],
        event=event,
        date_told=day,
        pull_quote=t(spec["quote"]),
        image=make_illustration("story"),
        transcript=t.html(spec["transcript"]),
        video_url=spec.get("video", ""),
        is_featured=spec.get("featured", False),
    )
    return story


def load_testimonials(specs: list[dict], t: Texts) -> list[Testimonial]:
    turkish, english = get_locale("tr"), get_locale("en")
    testimonials = []
    for order, spec in enumerate(specs):
        model = TESTIMONIAL_PAGES[spec["page"]["type"]]
        page = model.objects.filter(slug=spec["page"]["slug"], locale=turkish).first()
        testimonial = upsert_object(
            Testimonial,
            {"sort_order": order, "locale": turkish},
            quote=t(spec["quote"]),
            attribution=t(spec["attribution"]),
            page=page,
            show_on_home_page=spec["on_home_page"],
        )
        translate(testimonial, english, t.glossary)
        testimonials.append(testimonial)
    return testimonials
