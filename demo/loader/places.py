"""The map of the provinces and the impact page (demo/content/places.yaml)."""

from demo.tools import get_locale, translate, upsert_page
from home.models import HomePage
from places.models import ImpactPage, MapPage

from .data import Texts, read


def load_places(home: HomePage) -> tuple[MapPage, ImpactPage]:
    """Create or update the map and impact pages in Turkish and English."""
    content = read("places")
    english = get_locale("en")
    t = Texts()
    spec = content["map"]
    map_page = upsert_page(
        home, MapPage, t(spec["slug"]), title=t(spec["title"]), intro=t(spec["intro"])
    )
    spec = content["impact"]
    source = t(spec["source"])
    figures = [
        ("figure", {"value": t(f["value"]), "label": t(f["label"]), "source": source})
        for f in spec["figures"]
    ]
    impact = upsert_page(
        home,
        ImpactPage,
        t(spec["slug"]),
        title=t(spec["title"]),
        intro=t(spec["intro"]),
        figures=figures,
    )
    for page in (map_page, impact):
        translate(page, english, t.glossary)
    return map_page, impact
