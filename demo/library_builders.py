"""Small builders of the STOK catalogue and the publications library, shared by the tests
and the browser tests (as demo.builders for the other apps): each in Turkish with its
English translation."""

import datetime

from wagtail.models import Page

from demo.builders import locales, make_standard_page, publish, translate
from publications.models import AuthoringGroup, PublicationLibraryPage, PublicationPage
from stok.models import StokCatalogPage, StokModule, StokSettings

MODULES = [
    # (Turkish title, English title, level, minutes, topics, path)
    (
        "Savunuculuğa giriş",
        "Introduction to advocacy",
        "introductory",
        90,
        ["advocacy"],
        "savunuculuk",
    ),
    (
        "Stratejik planlama",
        "Strategic planning",
        "intermediate",
        120,
        ["planning", "governance"],
        "planlama",
    ),
    ("Kaynak geliştirme", "Resource development", "advanced", 150, ["resources"], "kaynak"),
]


def translate_snippet(instance, locale, **fields):
    """A saved translation of a translatable snippet, with these fields in English."""
    translation = instance.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def make_modules(platform_url: str = "https://stok.example.org/") -> list[StokModule]:
    """The modules in Turkish (each with its English translation), and the platform's
    address."""
    turkish, english = locales()
    settings = StokSettings.load()
    settings.platform_url = platform_url
    settings.save()
    modules = []
    for order, (title_tr, title_en, level, minutes, topics, slug) in enumerate(MODULES):
        module = StokModule.objects.create(
            locale=turkish,
            title=title_tr,
            summary=f"{title_tr} modülü.",
            level=level,
            duration_minutes=minutes,
            topics=topics,
            platform_path=f"kurslar/{slug}",
            sort_order=order,
        )
        translate_snippet(module, english, title=title_en, summary=f"The {title_en} module.")
        modules.append(module)
    return modules


def make_programmes(home: Page) -> Page:
    """A Programmes page under `home`, translated."""
    programmes = make_standard_page(home, title="Programlar", slug="programlar")
    translate(programmes, locales()[1], title="Programmes")
    return programmes


def make_catalogue(parent: Page) -> StokCatalogPage:
    """The catalogue page under `parent` (translated already), and its English translation."""
    turkish, english = locales()
    catalogue = StokCatalogPage(
        locale=turkish, title="STOK modülleri", slug="stok-modulleri", intro="Modül kataloğu."
    )
    parent.add_child(instance=catalogue)
    publish(catalogue)
    translate(catalogue, english, title="STOK modules", intro="The module catalogue.")
    return catalogue


def make_group(page: Page | None = None) -> AuthoringGroup:
    turkish, english = locales()
    group = AuthoringGroup.objects.create(
        locale=turkish, name="Yerelleşme Savunuculuk Grubu", acronym="LAG", page=page
    )
    translate_snippet(group, english, name="Localisation Advocacy Group")
    return group


def make_library(parent: Page) -> PublicationLibraryPage:
    turkish, english = locales()
    library = PublicationLibraryPage(
        locale=turkish, title="Yayınlar", slug="yayinlar", intro="Raporlar ve öneriler."
    )
    parent.add_child(instance=library)
    publish(library)
    translate(library, english, title="Publications", intro="Reports and recommendations.")
    return library


def make_publication(library: PublicationLibraryPage, **kwargs) -> PublicationPage:
    """A live Turkish publication (a LAG report of 2024 by default), with its translation
    when `english_title` is given."""
    english_title = kwargs.pop("english_title", None)
    kwargs.setdefault("title", "Yerelleşme raporu")
    kwargs.setdefault("summary", "Yerel STK'ların güçlenmesi üzerine bir rapor.")
    kwargs.setdefault("published_on", datetime.date(2024, 5, 10))
    kwargs.setdefault("kind", "report")
    kwargs.setdefault("language", "tr")
    kwargs.setdefault("topics", ["localisation"])
    kwargs.setdefault("external_url", "https://example.org/rapor.pdf")
    publication = PublicationPage(**kwargs)
    library.add_child(instance=publication)
    publish(publication)
    if english_title:
        english = locales()[1]
        group = kwargs.get("group")
        fields = {"title": english_title}
        if group is not None:
            fields["group"] = group.get_translation(english)
        translate(publication, english, **fields)
    return publication
