"""Content at scale for the benchmark, and the list of URLs to measure.

Runs inside Django (`python -m bench.content generate|targets`, started by bench.run with
the bench settings). Generators are pluggable: each one says whether its app is there yet,
creates its content in both languages (`count x --scale`), and names the URLs it wants
measured. Add one by subclassing `Generator` and listing it in `generators()`.

The events, stories and stand applications at scale are in bench.scale.
"""

import argparse
import io
import json
import os
import random
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

import django

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


@dataclass
class Target:
    """One URL to measure. `kind`: ceiling, static or page."""

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
    name = "base"
    version = 1  # bump when the content changes: cached bench databases are rebuilt

    def available(self) -> bool:
        return True

    def generate(self, ctx: Context) -> dict[str, int]:
        return {}

    def targets(self, ctx: Context) -> list[Target]:
        return []


def add_live_child(parent, page, translation_of=None):
    """Add a live page without revisions or workflow: fast, and what serving reads."""
    from django.utils import timezone

    now = timezone.now()
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = now
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    return page


class SitePages(Generator):
    """Home, sitemap, search: the pages every site has (content comes from the demo)."""

    name = "site"

    def targets(self, ctx: Context) -> list[Target]:
        from django.urls import NoReverseMatch, reverse
        from django.utils import translation

        found = [
            Target("home (tr)", ctx.home_tr.url),
            Target("home (en)", ctx.home_en.url),
            Target("sitemap.xml (the index)", "/sitemap.xml"),
            Target("sitemap file (500 pages)", "/sitemap-pages.xml?p=2"),
        ]
        for language, queries in (("tr", ["eğitim", "istanbul"]), ("en", ["training"])):
            with translation.override(language):
                try:
                    search = reverse("search:search")
                except NoReverseMatch:
                    continue
            for query in queries:
                found.append(Target(f"search {query!r} ({language})", f"{search}?q={query}"))
        return found


class ProgrammePages(Generator):
    """300 programme pages (x scale), in sections of 30, each with an English translation."""

    name = "programmes"
    version = 1
    per_section = 30

    def generate(self, ctx: Context) -> dict[str, int]:
        from home.models import StandardPage

        total = ctx.count(300)
        sections = -(-total // self.per_section)
        made = 0
        for number in range(1, sections + 1):
            section_tr = add_live_child(
                ctx.home_tr,
                StandardPage(
                    title=f"Program alanı {number}",
                    slug=f"program-alani-{number}",
                    intro=ctx.sentence(WORDS_TR),
                    locale=ctx.tr,
                ),
            )
            section_en = add_live_child(
                ctx.home_en,
                StandardPage(
                    title=f"Programme area {number}",
                    slug=f"programme-area-{number}",
                    intro=ctx.sentence(WORDS_EN),
                    locale=ctx.en,
                ),
                translation_of=section_tr,
            )
            for _child in range(1, self.per_section + 1):
                if made >= total:
                    break
                made += 1
                page_tr = add_live_child(
                    section_tr,
                    StandardPage(locale=ctx.tr, **self.fields(ctx, WORDS_TR, made, "program")),
                )
                add_live_child(
                    section_en,
                    StandardPage(locale=ctx.en, **self.fields(ctx, WORDS_EN, made, "programme")),
                    translation_of=page_tr,
                )
        return {"programme pages (tr+en)": made * 2, "sections (tr+en)": sections * 2}

    def fields(self, ctx: Context, words: list[str], number: int, slug: str) -> dict:
        body = [
            ("heading", {"text": ctx.sentence(words, 5), "level": "h2"}),
            *[("paragraph", f"<p>{ctx.sentence(words, 60)}</p>") for _ in range(3)],
            ("quote", {"quote": ctx.sentence(words, 20), "attribution": ctx.sentence(words, 2)}),
        ]
        return {
            "title": f"{ctx.sentence(words, 4)[:-1]} {number}",
            "slug": f"{slug}-{number}",
            "intro": ctx.sentence(words, 30),
            "body": body,
        }

    def targets(self, ctx: Context) -> list[Target]:
        from home.models import StandardPage

        section = StandardPage.objects.live().filter(slug="program-alani-1").first()
        page = StandardPage.objects.live().filter(slug="program-1", locale=ctx.tr).first()
        if section is None or page is None:
            return []
        english = page.get_translation_or_none(ctx.en)
        found = [
            Target(f"programme area, {self.per_section} children (tr)", section.url),
            Target("programme page (tr)", page.url),
        ]
        if english is not None:
            found.append(Target("programme page (en)", english.url))
        return found


class OtherPageTypes(Generator):
    """One live page of every other page type (events, stories, ... as their apps land)."""

    name = "page-types"

    def targets(self, ctx: Context) -> list[Target]:
        from wagtail.models import Page

        from home.models import HomePage, StandardPage

        found = []
        seen: set[int] = set()
        pages = Page.objects.live().filter(locale=ctx.tr, depth__gt=2).order_by("path")
        for page in pages.only("id", "content_type_id", "path", "url_path"):
            if page.content_type_id in seen:
                continue
            seen.add(page.content_type_id)
            model = page.specific_class
            if model in (HomePage, StandardPage) or model is None:
                continue
            if model._meta.app_label in COVERED_APPS:
                continue  # measured by its own generator (bench.scale)
            label = model._meta.verbose_name
            found.append(Target(f"{label} (tr)", page.url))
            english = page.get_translation_or_none(ctx.en)
            if english is not None and english.live:
                found.append(Target(f"{label} (en)", english.url, optional=True))
        return found


# Page types of these apps are measured by the generators of bench.scale.
COVERED_APPS = {"events", "stories"}


def generators() -> list[Generator]:
    from bench import scale

    return [SitePages(), ProgrammePages(), *scale.GENERATORS, OtherPageTypes()]


def planned() -> dict[str, str]:
    """What the issue asks for that no generator makes here (its app is missing)."""
    wanted = {
        "events": "2,000 events of every type, 200 of them recurring series",
        "stories": "500 stories",
        "applications": "1,000 stand applications",
    }
    there = {g.name for g in generators() if g.available()}
    return {name: text for name, text in wanted.items() if name not in there}


def fingerprint() -> dict[str, int]:
    return {g.name: g.version for g in generators() if g.available()}


def generate(scale: float) -> dict[str, object]:
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", "--noinput", verbosity=0)
    try:
        call_command("load_demo_content", "--if-empty", stdout=io.StringIO())
    except Exception as error:  # noqa: BLE001 - another app's demo may be mid-change
        print(
            f"load_demo_content failed ({error!r}); loading the home app's demo only",
            file=sys.stderr,
        )
        from home.demo import load_home

        load_home()
    ctx = Context(scale)
    made: dict[str, int] = {}
    for generator in generators():
        if generator.available():
            started = time.monotonic()
            with transaction.atomic():  # one commit: SQLite syncs once, not per page
                with deferred_indexing() as indexed:
                    made.update(generator.generate(ctx))
            print(
                f"{generator.name}: {time.monotonic() - started:.0f} s "
                f"({indexed[0]} objects indexed for search in bulk)",
                file=sys.stderr,
            )
    from django.db import connection
    from wagtail.models import Page

    # Fresh planner statistics, as autovacuum (PostgreSQL) would gather soon after such a
    # load; without them PostgreSQL planned the search for 1 page of 2,853 and joined badly.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    made["live pages in all"] = Page.objects.live().count()
    return made


@contextmanager
def deferred_indexing():
    """Index what the generators save in bulk at the end, not one object per save.

    The search index ends up as the save signals would leave it (same backend, same
    indexed instances); Wagtail's reference index (the admin's "usage" counts, never read
    by public pages) is not updated for generated content.
    """
    from django.apps import apps
    from modelsearch import signal_handlers
    from modelsearch.backends import get_search_backends
    from wagtail.signal_handlers import disable_reference_index_auto_update

    pending: dict[type, set[str]] = {}

    class Collect:
        @staticmethod
        def enqueue(app_label: str, model_name: str, pk: str) -> None:
            pending.setdefault(apps.get_model(app_label, model_name), set()).add(pk)

    count = [0]
    original = signal_handlers.insert_or_update_object_task
    signal_handlers.insert_or_update_object_task = Collect
    try:
        with disable_reference_index_auto_update():
            yield count
    finally:
        signal_handlers.insert_or_update_object_task = original
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in pending.items():
        keys = sorted(pks)
        for start in range(0, len(keys), 500):
            objects = list(model.get_indexed_objects().filter(pk__in=keys[start : start + 500]))
            by_class: dict[type, list] = {}
            for obj in objects:
                indexed = obj.get_indexed_instance()
                if indexed is not None:
                    by_class.setdefault(type(indexed), []).append(indexed)
            for indexed_model, items in by_class.items():
                for backend in backends:
                    backend.add_bulk(indexed_model, items)
                count[0] += len(items)


def targets(scale: float) -> list[Target]:
    ctx = Context(scale)
    found = [
        Target("framework ceiling (trivial view)", "/bench/ceiling/", kind="ceiling"),
        Target("static file (site.css)", static_path("css/site.css"), kind="static"),
    ]
    for generator in generators():
        if generator.available():
            found.extend(generator.targets(ctx))
    return found


def static_path(name: str) -> str:
    from django.templatetags.static import static

    return static(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.content")
    parser.add_argument("command", choices=["generate", "targets", "fingerprint"])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    django.setup()
    if args.command == "generate":
        result: object = generate(args.scale)
    elif args.command == "targets":
        result = [asdict(target) for target in targets(args.scale)]
    else:
        result = {"generators": fingerprint(), "planned": planned()}
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
