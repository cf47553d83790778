"""STOK (demo/content/stok.yaml): the platform's address, the module catalogue in both
languages, the catalogue page under the STOK programme page, and one past face-to-face
training in the events index."""

import datetime

from django.utils import timezone
from wagtail.models import Page

from demo.tools import get_locale, translate, upsert_object, upsert_page
from events.models import EventIndexPage, Venue
from home.models import StandardPage
from stok.models import StokCatalogPage, StokModule, StokSettings, StokTrainingPage

from .data import Texts, at, days_from, read


def load_modules(content: dict, t: Texts) -> dict[str, StokModule]:
    """The modules, each in Turkish with its English translation, by platform path."""
    turkish, english = get_locale("tr"), get_locale("en")
    modules = {}
    for order, spec in enumerate(content["modules"]):
        module = upsert_object(
            StokModule,
            {"platform_path": spec["path"], "locale": turkish},
            title=t(spec["title"]),
            summary=t(spec["summary"]),
            level=spec["level"],
            duration_minutes=spec["minutes"],
            topics=spec["topics"],
            sort_order=order,
        )
        translate(module, english, t.glossary)
        modules[spec["path"]] = module
    return modules


def load_training(index: Page, spec: dict, modules: dict, t: Texts) -> StokTrainingPage:
    day = days_from(timezone.localdate(), spec["days_from_today"])
    last_day = day + datetime.timedelta(days=spec["days"] - 1)
    venue_spec = spec["venue"]
    venue = upsert_object(
        Venue,
        {"name": t(venue_spec["name"]), "locale": get_locale("tr")},
        province=venue_spec["province"],
        district=t(venue_spec["district"]),
    )
    translate(venue, get_locale("en"), t.glossary)
    training = upsert_page(
        index,
        StokTrainingPage,
        t(spec["slug"]),
        title=t(spec["title"]),
        summary=t(spec["summary"]),
        start=at(day, spec["starts_at"]),
        end=at(last_day, spec["ends_at"]),
        venue=venue,
        organisers=t(spec["organisers"]),
        trainers=t(spec["trainers"]),
        places=spec["places"],
        body=t.paragraphs(spec["body"]),
        modules=[modules[path] for path in spec["modules"]],
    )
    return training


def load_stok(home: Page) -> StokCatalogPage:
    """Create or update the STOK catalogue and training (after the programme pages and the
    events index)."""
    content = read("stok")
    english = get_locale("en")
    t = Texts()
    settings = StokSettings.load()
    settings.platform_url = content["platform_url"]
    settings.save()
    modules = load_modules(content, t)

    spec = content["catalogue"]
    programmes = StandardPage.objects.child_of(home).get(slug="programlar")
    parent = StandardPage.objects.child_of(programmes).get(slug=t(spec["parent"]))
    catalogue = upsert_page(
        parent,
        StokCatalogPage,
        t(spec["slug"]),
        title=t(spec["title"]),
        intro=t(spec["intro"]),
    )
    translate(catalogue, english, t.glossary)

    index = EventIndexPage.objects.child_of(home).get()
    training = load_training(index, content["training"], modules, t)
    translate(training, english, t.glossary)
    return catalogue
