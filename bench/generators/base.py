"""What every generator shares: the `Generator` interface, the `Target` it names, the
`Context` it draws from, and small helpers to create live pages, translations and dates.

Speed over ceremony, but the rows are the ones the site would store: every page is created
in Turkish, then its English translation as a second live page with the same
`translation_key` (as `copy_for_translation` + publish would leave it), without revisions,
workflow or wagtail-localize translation sources.
"""

import datetime
import random
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

WORDS_TR = (
    "sivil toplum örgüt dayanışma eğitim katılım kaynak geliştirme iletişim yönetişim "
    "gönüllü dernek vakıf kooperatif savunuculuk yerelleşme kapasite buluşma festival "
    "İstanbul İzmir Ankara Eskişehir Işık Çay saati öğrenme değişim güç hikâye şehir "
    "çalıştay panel erişilebilirlik hayvan hakları iklim kadın gençlik"
).split()
WORDS_EN = (
    "civil society organisation solidarity training participation resource development "
    "communication governance volunteer association foundation cooperative advocacy "
    "localisation capacity meeting festival Istanbul Izmir Ankara Eskisehir light tea time "
    "learning change power story city workshop panel accessibility animal rights climate "
    "women youth"
).split()

# Province codes used for venues, narrators, stories and applications; Ankara (06) and
# İstanbul (34) are the filters of the measured listing URLs, so they get more than their share.
PROVINCES = [
    "06",
    "34",
    "35",
    "01",
    "07",
    "16",
    "21",
    "26",
    "27",
    "33",
    "55",
    "61",
    "65",
    "06",
    "34",
    "42",
    "44",
    "52",
    "63",
    "20",
]
FILTER_PROVINCE = "06"
STORY_PROVINCE = "34"


@dataclass
class Target:
    """One URL to measure. `kind`: ceiling, floor, static or page."""

    name: str
    path: str
    method: str = "GET"
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    kind: str = "page"
    optional: bool = False  # measured only with --english
    cacheable: bool = True  # False: private by design (a form with a CSRF token, a POST)
    csrf: bool = False  # POST: the bench first fetches a CSRF cookie and sends its token


class Context:
    """What every generator needs: the locales, both home pages, a random source, the scale."""

    def __init__(self, scale: float) -> None:
        from wagtail.models import Locale

        from home.models import HomePage

        self.scale = scale
        self.random = random.Random(20250312)  # the same content on every run
        self.tr = Locale.objects.get(language_code="tr")
        self.en = Locale.objects.get(language_code="en")
        self.home_tr = HomePage.objects.get(depth=2, locale=self.tr)
        self.home_en = HomePage.objects.get(depth=2, locale=self.en)

    def count(self, base: int) -> int:
        return max(1, round(base * self.scale))

    def sentence(self, words: list[str], length: int = 14) -> str:
        text = " ".join(self.random.choice(words) for _ in range(length))
        return text[0].upper() + text[1:] + "."


class Generator:
    """Says whether its app is there, creates its content (`count x --scale`) in both
    languages, and names the URLs it wants measured."""

    name = "base"
    version = 1  # bump when the content changes: cached bench databases are rebuilt

    def available(self) -> bool:
        return True

    def generate(self, ctx: Context) -> dict[str, int]:
        return {}

    def targets(self, ctx: Context) -> list[Target]:
        return []


def app_installed(label: str) -> bool:
    from django.apps import apps

    return apps.is_installed(label)


def add_live_child(parent, page, translation_of=None):
    """Add a live page without revisions or workflow: fast, and what serving reads (many
    pages at once: `bench.generators.bulk.LivePages`)."""
    from bench.generators.bulk import make_live

    parent.add_child(instance=make_live(page, translation_of))
    return page


def translated_copy(obj, locale, **changes):
    """An unsaved copy of a translatable snippet or child row in `locale` (same key)."""
    copy = obj.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


def create_snippets(sources: list, translations: list) -> list:
    """Insert snippets and their translations in bulk, indexed for search as their saves would
    be; return the sources (saved)."""
    from bench.generators.indexing import index_later

    model = type(sources[0])
    model.objects.bulk_create(sources, batch_size=500)
    model.objects.bulk_create(translations, batch_size=500)
    index_later(sources + translations)
    return sources


def index_pair(ctx: Context, model, tr: tuple[str, str], en: tuple[str, str]):
    """An index page in both languages (the demo's, or a new one): `tr`/`en` are the
    (title, slug) to create it with when it is missing."""
    index_tr = model.objects.filter(locale=ctx.tr).order_by("path").first()
    if index_tr is None:
        index_tr = add_live_child(ctx.home_tr, model(title=tr[0], slug=tr[1], locale=ctx.tr))
    index_en = index_tr.get_translation_or_none(ctx.en)
    if index_en is None:
        index_en = add_live_child(
            ctx.home_en,
            model(title=en[0], slug=en[1], locale=ctx.en),
            translation_of=index_tr,
        )
    return index_tr, index_en


def body(ctx: Context, words: list[str], paragraphs: int = 3) -> list:
    return [("paragraph", f"<p>{ctx.sentence(words, 50)}</p>") for _ in range(paragraphs)]


def zone() -> ZoneInfo:
    from django.conf import settings

    return ZoneInfo(settings.TIME_ZONE)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), zone())


def translated_targets(ctx: Context, label: str, page) -> list[Target]:
    """The Turkish page, and its English translation (measured with --english)."""
    found = [Target(label, page.url)]
    english = page.get_translation_or_none(ctx.en)
    if english is not None:
        found.append(Target(label.replace("(tr)", "(en)"), english.url, optional=True))
    return found
