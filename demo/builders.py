"""Small builders shared by the tests, the browser tests and the bench: focused setup
(one home page, one event, one festival with open applications) instead of the whole demo
content. Each takes the fields it is given and sets sensible defaults for the rest."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from events.choices import AllocationMode
from events.models import (
    EventIndexPage,
    FestivalPage,
    FestivalStandType,
    MeetingPage,
    Performance,
    PowerStoriesEventPage,
    Venue,
)
from home.models import HomePage, StandardPage
from places.models import ImpactPage, MapPage


def locales() -> tuple[Locale, Locale]:
    turkish = Locale.objects.get_or_create(language_code="tr")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    return turkish, english


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_home(**kwargs) -> HomePage:
    """A Turkish home page as the default site's root, and its English translation."""
    turkish, english = locales()
    kwargs.setdefault("title", "Ana sayfa")
    kwargs.setdefault("slug", "anasayfa")
    kwargs.setdefault("hero_title", "Güçlü sivil toplum")
    home = HomePage(locale=turkish, **kwargs)
    Page.get_first_root_node().add_child(instance=home)
    publish(home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    translate(home, english, title="Home", hero_title="Strong civil society")
    return home


def translate(page: Page, locale: Locale, **fields) -> Page:
    """A published translation of `page` (its parent must be translated already)."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def make_standard_page(parent: Page, **kwargs) -> StandardPage:
    kwargs.setdefault("title", "STOK")
    page = StandardPage(**kwargs)
    parent.add_child(instance=page)
    return publish(page)


def aware(year: int, month: int, day: int, hour: int = 10, minute: int = 0):
    """An Istanbul wall-clock datetime."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo("Europe/Istanbul"))


def make_venue(**kwargs) -> Venue:
    kwargs.setdefault("name", "Van Kültür Merkezi")
    kwargs.setdefault("province", "65")
    kwargs.setdefault("locale", locales()[0])
    return Venue.objects.create(**kwargs)


def make_events_index(home: Page, **kwargs) -> EventIndexPage:
    kwargs.setdefault("title", "Etkinlikler")
    kwargs.setdefault("slug", "etkinlikler")
    index = EventIndexPage(**kwargs)
    home.add_child(instance=index)
    return publish(index)


def make_event(parent: Page, model=None, **kwargs):
    """An event page of any type (a meeting by default), published."""
    model = model or MeetingPage
    kwargs.setdefault("title", "Güçlü Sivil Toplum Buluşması – Van")
    kwargs.setdefault("summary", "Van'daki STK'larla buluşma.")
    kwargs.setdefault("start", aware(2030, 3, 12, 10))
    kwargs.setdefault("end", kwargs["start"].replace(hour=16))
    relations = {
        k: kwargs.pop(k) for k in ["accessibility", "date_changes", "performances"] if k in kwargs
    }
    page = model(**kwargs)
    for name, value in relations.items():
        setattr(page, name, value)
    parent.add_child(instance=page)
    return publish(page)


def make_power_stories_tour(index: Page) -> PowerStoriesEventPage:
    """A published Power Stories event on stage twice: İzmir on 1 March 2030, Mersin on the
    15th, each performance at 19:00-21:00 in its own venue."""
    turkish = locales()[0]
    stops = [(1, "İzmir Sahnesi", "35"), (15, "Mersin Sahnesi", "33")]
    performances = [
        Performance(
            locale=turkish,
            start=aware(2030, 3, day, 19),
            end=aware(2030, 3, day, 21),
            venue=make_venue(name=name, province=province),
        )
        for day, name, province in stops
    ]
    return make_event(
        index, PowerStoriesEventPage, title="Güç Hikâyeleri", performances=performances
    )


def make_festival(
    index, *, stands=10, mode=AllocationMode.REVIEWED, types=None, english=False, **kwargs
):
    """A published festival with open applications (and its English translation)."""
    now = timezone.now()
    turkish, english_locale = locales()
    kwargs.setdefault("title", "Sivil Sesler Festivali 2030")
    kwargs.setdefault("edition_year", 2030)
    kwargs.setdefault("start", aware(2030, 10, 5, 10))
    kwargs.setdefault("end", aware(2030, 10, 6, 18))
    kwargs.setdefault("applications_open", now - datetime.timedelta(days=1))
    kwargs.setdefault("applications_close", now + datetime.timedelta(days=30))
    if types:
        kwargs["stand_types"] = [
            FestivalStandType(locale=turkish, name=name, count=count) for name, count in types
        ]
    kwargs.setdefault("summary", "Sivil toplumun festivali.")
    relations = {k: kwargs.pop(k) for k in ("stand_types", "sessions") if k in kwargs}
    festival = FestivalPage(stands=stands, allocation_mode=mode, **kwargs)
    for name, value in relations.items():
        setattr(festival, name, value)
    index.add_child(instance=festival)
    festival = publish(festival)
    if english:
        translate(
            festival,
            english_locale,
            title=kwargs["title"].replace("Sivil Sesler Festivali", "Civil Voices Festival"),
        )
    return festival


def application_fields(n: int = 1, **overrides) -> dict:
    fields = {
        "organisation": f"Örnek Derneği {n}",
        "legal_form": "association",
        "province": "06",
        "themes": ["education", "disability"],
        "website": "https://ornek.org.tr",
        "contact_name": "Ayşe Yılmaz",
        "email": f"basvuru{n}@ornek.org.tr",
        "phone": "+905321234567",
        "exhibit": "Broşürler ve atölye",
        "needs_electricity": True,
        "needs_table": True,
        "chairs": 2,
        "team_accessibility_needs": "",
        "people": 2,
    }
    fields.update(overrides)
    return fields


def make_map_page(home: Page, english: bool = True) -> MapPage:
    """The map of the provinces under the home page (and its English translation)."""
    page = MapPage(title="İllerde sivil toplum", slug="harita", intro="Nerede buluştuk?")
    home.add_child(instance=page)
    publish(page)
    if english:
        translate(page, locales()[1], title="Civil society across Turkey", slug="map")
    return page


def make_impact_page(home: Page, english: bool = True) -> ImpactPage:
    """The impact page with one sourced figure (and its English translation)."""
    figures = [
        ("figure", {"value": "404", "label": "eğitim alan kişi", "source": "Program raporu"})
    ]
    page = ImpactPage(title="Etkimiz", slug="etki", figures=figures)
    home.add_child(instance=page)
    publish(page)
    if english:
        translate(page, locales()[1], title="Our impact", slug="impact")
    return page
