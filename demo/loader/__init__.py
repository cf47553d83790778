"""The demo loader: reads the content files of demo/content/ and builds the bilingual site
through the models and the apps' services. Idempotent: loading again updates the same pages
and snippets and adds no sample application twice."""

from home.models import HomePage

from .applications import load_applications
from .coaching import load_coaching
from .events import load_events
from .home import load_home
from .knowledge import load_knowledge
from .open_call import load_open_call
from .places import load_places
from .publications import load_publications
from .registrations import load_registrations
from .rota import load_rota
from .search import load_search_promotions
from .stok import load_stok
from .stories import load_stories

__all__ = [
    "load_all",
    "load_applications",
    "load_coaching",
    "load_events",
    "load_home",
    "load_knowledge",
    "load_open_call",
    "load_places",
    "load_publications",
    "load_registrations",
    "load_rota",
    "load_search_promotions",
    "load_stok",
    "load_stories",
]


def load_all() -> HomePage:
    """Every kind of demo content, in the order each kind needs the one before."""
    home = load_home()
    load_rota(home)
    load_events(home)
    load_stok(home)
    load_publications(home)
    load_applications()
    load_registrations()
    load_knowledge(home)  # before stories: a testimonial is about the Information Center
    load_stories(home)
    load_open_call(home)
    load_coaching(home)
    load_places(home)  # its pages show what the others hold
    load_search_promotions()  # last: it promotes pages of every kind
    return home
