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
