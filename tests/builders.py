"""Small builders for tests: focused setup instead of the whole demo content."""

from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage


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
    import datetime
    from zoneinfo import ZoneInfo

    return datetime.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo("Europe/Istanbul"))


def make_venue(**kwargs):
    from events.models import Venue

    kwargs.setdefault("name", "Van Kültür Merkezi")
    kwargs.setdefault("province", "65")
    kwargs.setdefault("locale", locales()[0])
    return Venue.objects.create(**kwargs)


def make_events_index(home: Page, **kwargs):
    from events.models import EventIndexPage

    kwargs.setdefault("title", "Etkinlikler")
    kwargs.setdefault("slug", "etkinlikler")
    index = EventIndexPage(**kwargs)
    home.add_child(instance=index)
    return publish(index)


def make_event(parent: Page, model=None, **kwargs):
    """An event page of any type (a meeting by default), published."""
    from events.models import MeetingPage

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
