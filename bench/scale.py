"""The generators of the events, stories and stand applications at scale (see bench.content).

Speed over ceremony, but the rows are the ones the site would store:

- every page is created in Turkish, then its English translation as a second live page with
  the same `translation_key` (as `copy_for_translation` + publish would leave it), without
  revisions, workflow or wagtail-localize translation sources;
- the search index and reference index are updated by the usual signals (immediate tasks);
- the stored occurrences come from `events.services.sync_occurrences`, the function the
  site calls on publish, so listings, calendars and feeds read what they would read live;
- stand applications are bulk-created with a consistent status and stand number (approved
  applications hold a numbered stand, the others none), as the services would leave them.

Counts (`x --scale`): 2,000 events (1,500 meetings, 200 recurring series, 200 Power Stories
events with 3 to 6 performances, 100 festivals with their programme), 500 stories, 1,000
stand applications; venues, narrators and themes grow with them.
"""

import datetime
from zoneinfo import ZoneInfo

from bench.content import WORDS_EN, WORDS_TR, Context, Generator, Target, add_live_child

# Province codes used for venues and stories; Ankara (06) and İstanbul (34) are the filters
# of the measured listing URLs, so they get more than their share.
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


def zone() -> ZoneInfo:
    from django.conf import settings

    return ZoneInfo(settings.TIME_ZONE)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), zone())


def translated_copy(obj, locale, **changes):
    """An unsaved copy of a translatable snippet or child row in `locale` (same key)."""
    copy = obj.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


def shared_images(prefix: str, colours: list[str]) -> list:
    from home.demo_tools import make_image

    return [
        make_image(f"{prefix} {number}", colour, "#ffbf47", size=(1200, 800))
        for number, colour in enumerate(colours, start=1)
    ]


def body(ctx: Context, words: list[str], paragraphs: int = 3) -> list:
    return [("paragraph", f"<p>{ctx.sentence(words, 50)}</p>") for _ in range(paragraphs)]


def event_index(ctx: Context):
    """The events index in both languages (the demo's, or a new one)."""
    from events.models import EventIndexPage

    index_tr = EventIndexPage.objects.filter(locale=ctx.tr).order_by("path").first()
    if index_tr is None:
        index_tr = add_live_child(
            ctx.home_tr,
            EventIndexPage(title="Etkinlikler", slug="etkinlikler", locale=ctx.tr),
        )
    index_en = index_tr.get_translation_or_none(ctx.en)
    if index_en is None:
        index_en = add_live_child(
            ctx.home_en,
            EventIndexPage(title="Events", slug="events", locale=ctx.en),
            translation_of=index_tr,
        )
    return index_tr, index_en


class Events(Generator):
    """2,000 events of every type (x scale), 200 of them recurring series, in both languages."""

    name = "events"
    version = 1
    meetings, series, power_stories, festivals = 1500, 200, 200, 100

    def available(self) -> bool:
        from django.apps import apps

        return apps.is_installed("events")

    def generate(self, ctx: Context) -> dict[str, int]:
        from events.models import AccessibilityFeature, Occurrence

        self.ctx = ctx
        self.today = datetime.date.today()
        self.index_tr, self.index_en = event_index(ctx)
        self.features = list(AccessibilityFeature.objects.all())
        self.images = shared_images(
            "Bench event", ["#7a2e8e", "#1d6e8a", "#8a4b1d", "#2e7a3c", "#8e2e4a", "#3c3c8e"]
        )
        self.venues = self.make_venues(max(12, ctx.count(60)))
        made = {
            "venues (tr+en)": len(self.venues) * 2,
            "meetings (tr+en)": self.make_meetings(ctx.count(self.meetings)) * 2,
            "recurring series (tr+en)": self.make_series(ctx.count(self.series)) * 2,
            "Power Stories events (tr+en)": self.make_power_stories(ctx.count(self.power_stories))
            * 2,
            "festivals (tr+en)": self.make_festivals(ctx.count(self.festivals)) * 2,
        }
        made["stored occurrences"] = Occurrence.objects.count()
        return made

    # --- helpers -----------------------------------------------------------------------

    def pick_features(self) -> list:
        r = self.ctx.random
        return r.sample(self.features, r.randint(0, min(3, len(self.features))))

    def pick_day(self, past_years: float = 4, future_days: int = 300) -> datetime.date:
        offset = self.ctx.random.randint(-int(365 * past_years), future_days)
        return self.today + datetime.timedelta(days=offset)

    def common(self, words: list[str]) -> dict:
        ctx = self.ctx
        return {
            "summary": ctx.sentence(words, 20),
            "body": body(ctx, words),
            "organisers": "STGM",
            "image": ctx.random.choice(self.images),
        }

    def pair(
        self, model, number: int, slug_tr: str, slug_en: str, fields: dict, tr: dict, en: dict
    ):
        """Create the Turkish page and its English translation; sync their occurrences."""
        from events.services import sync_occurrences

        page_tr = add_live_child(
            self.index_tr,
            model(locale=self.ctx.tr, slug=f"{slug_tr}-{number}", **fields, **tr),
        )
        page_en = add_live_child(
            self.index_en,
            model(locale=self.ctx.en, slug=f"{slug_en}-{number}", **fields, **en),
            translation_of=page_tr,
        )
        sync_occurrences(page_tr)
        sync_occurrences(page_en)
        return page_tr, page_en

    def both(self, make_fields) -> tuple[dict, dict]:
        """Per-language fields: `make_fields(words, language)` for Turkish and English."""
        return make_fields(WORDS_TR, "tr"), make_fields(WORDS_EN, "en")

    # --- venues ------------------------------------------------------------------------

    def make_venues(self, count: int) -> list:
        from events.models import Venue

        ctx = self.ctx
        venues = []
        for number in range(1, count + 1):
            province = PROVINCES[number % len(PROVINCES)]
            venue = Venue.objects.create(
                locale=ctx.tr,
                name=f"{ctx.sentence(WORDS_TR, 2)[:-1]} Kültür Merkezi {number}",
                address=f"{ctx.sentence(WORDS_TR, 3)[:-1]} Caddesi No {number}",
                province=province,
                district=ctx.random.choice(WORDS_TR).capitalize(),
                latitude=f"{36 + ctx.random.random() * 6:.6f}",
                longitude=f"{26 + ctx.random.random() * 18:.6f}",
                access_notes="Basamaksız giriş ve erişilebilir tuvalet vardır.",
            )
            translated_copy(
                venue,
                ctx.en,
                name=f"{ctx.sentence(WORDS_EN, 2)[:-1]} Cultural Centre {number}",
                access_notes="Step-free entrance and an accessible toilet.",
            ).save()
            venues.append(venue)
        return venues

    # --- meetings ----------------------------------------------------------------------

    def make_meetings(self, count: int) -> int:
        from events.choices import AttendanceMode
        from events.models import MeetingPage

        ctx = self.ctx
        for number in range(1, count + 1):
            day = self.pick_day()
            venue = ctx.random.choice(self.venues)
            mode = ctx.random.choice(
                [AttendanceMode.IN_PERSON] * 4 + [AttendanceMode.HYBRID, AttendanceMode.ONLINE]
            )
            fields = {
                "start": at(day, 10),
                "end": at(day, 16),
                "venue": venue,
                "attendance_mode": mode,
                "online_url": "https://stgm.example.org/canli" if mode != "in_person" else "",
                "participants": ctx.random.randint(20, 120) if day < self.today else None,
                "accessibility": self.pick_features(),
            }

            def texts(words, language, number=number):
                title = "Sivil Toplum Buluşması" if language == "tr" else "Civil Society Meeting"
                return {
                    **self.common(words),
                    "title": f"{title} {number}: {ctx.sentence(words, 3)[:-1]}",
                    "campaign": "Güçlü Sivil Toplum"
                    if language == "tr"
                    else "Strong Civil Society",
                    "outcomes": ctx.sentence(words, 25),
                }

            self.pair(MeetingPage, number, "bulusma", "meeting", fields, *self.both(texts))
        return count

    # --- recurring series --------------------------------------------------------------

    def rule(self, number: int, first: datetime.date):
        import recurrence

        r = self.ctx.random
        weekday = [recurrence.MO, recurrence.TU, recurrence.WE, recurrence.TH, recurrence.FR]
        day = weekday[first.weekday()] if first.weekday() < 5 else recurrence.WE
        until = None
        if number % 4 == 0:  # a quarter of them ended or will end
            until = at(first + datetime.timedelta(days=r.randint(120, 900)), 23, 59)
        kind = number % 3
        if kind == 0:
            rule = recurrence.Rule(recurrence.WEEKLY, byday=[day], until=until)
        elif kind == 1:
            rule = recurrence.Rule(recurrence.WEEKLY, interval=2, byday=[day], until=until)
        else:
            rule = recurrence.Rule(recurrence.MONTHLY, byday=[day(1)], until=until)
        return recurrence.Recurrence(rrules=[rule])

    def make_series(self, count: int) -> int:
        from events import recurrence as series_dates
        from events.choices import EventStatus, SeriesKind
        from events.models import EventSeriesPage, OccurrenceChange

        ctx = self.ctx
        for number in range(1, count + 1):
            first = self.pick_day(past_years=3, future_days=90)
            if first.weekday() >= 5:
                first -= datetime.timedelta(days=first.weekday() - 2)  # a Wednesday
            hour = ctx.random.choice([10, 15, 18])
            rule = self.rule(number, first)
            start = at(first, hour)
            dates = series_dates.expand(
                rule, start, start, start + datetime.timedelta(days=3 * 365)
            )
            changes_tr, changes_en = [], []
            for moment in ctx.random.sample(
                dates[1:], min(len(dates) - 1, ctx.random.randint(1, 3))
            ):
                status = ctx.random.choice(
                    [EventStatus.CANCELLED, EventStatus.RESCHEDULED, EventStatus.MOVED_ONLINE]
                )
                new_start = (
                    moment + datetime.timedelta(days=1)
                    if status == EventStatus.RESCHEDULED
                    else None
                )
                change = OccurrenceChange(
                    locale=ctx.tr,
                    date=moment.date(),
                    status=status,
                    new_start=new_start,
                    new_end=new_start + datetime.timedelta(hours=2) if new_start else None,
                    reason=ctx.sentence(WORDS_TR, 8),
                )
                changes_tr.append(change)
                changes_en.append(
                    OccurrenceChange(
                        locale=ctx.en,
                        translation_key=change.translation_key,
                        date=change.date,
                        status=change.status,
                        new_start=change.new_start,
                        new_end=change.new_end,
                        reason=ctx.sentence(WORDS_EN, 8),
                    )
                )
            fields = {
                "start": start,
                "end": start + datetime.timedelta(hours=2),
                "venue": ctx.random.choice(self.venues),
                "series_kind": ctx.random.choice(list(SeriesKind.values)),
                "recurrences": rule,
                "accessibility": self.pick_features(),
            }

            def texts(words, language, number=number, changes_tr=changes_tr, changes_en=changes_en):
                title = "Çay Saati Buluşmaları" if language == "tr" else "Tea Time Meetings"
                return {
                    **self.common(words),
                    "title": f"{title} {number}: {ctx.sentence(words, 2)[:-1]}",
                    "date_changes": changes_tr if language == "tr" else changes_en,
                }

            self.pair(EventSeriesPage, number, "cay-saati", "tea-time", fields, *self.both(texts))
        return count

    # --- Power Stories -----------------------------------------------------------------

    def make_power_stories(self, count: int) -> int:
        from events.models import Performance, PowerStoriesEventPage

        ctx = self.ctx
        self.power_stories_pages = []
        for number in range(1, count + 1):
            first = self.pick_day(past_years=4, future_days=200)
            stops = ctx.random.sample(self.venues, ctx.random.randint(3, 6))
            tr_rows, en_rows = [], []
            for step, venue in enumerate(stops):
                day = first + datetime.timedelta(days=14 * step)
                row = Performance(
                    locale=ctx.tr, start=at(day, 19), end=at(day, 21), venue=venue, note=""
                )
                tr_rows.append(row)
                en_rows.append(
                    Performance(
                        locale=ctx.en,
                        translation_key=row.translation_key,
                        start=row.start,
                        end=row.end,
                        venue=venue,
                    )
                )
            fields = {
                "start": tr_rows[0].start,
                "end": tr_rows[-1].end,
                "venue": stops[0],
                "accessibility": self.pick_features(),
            }

            def texts(words, language, number=number, tr_rows=tr_rows, en_rows=en_rows):
                title = "Güç Hikâyeleri Sahnede" if language == "tr" else "Power Stories on Stage"
                return {
                    **self.common(words),
                    "title": f"{title} {number}",
                    "narrators_intro": ctx.sentence(words, 25),
                    "performances": tr_rows if language == "tr" else en_rows,
                }

            pages = self.pair(
                PowerStoriesEventPage,
                number,
                "guc-hikayeleri",
                "power-stories",
                fields,
                *self.both(texts),
            )
            self.power_stories_pages.append(pages)
        return count

    # --- festivals ---------------------------------------------------------------------

    def make_festivals(self, count: int) -> int:
        from events.choices import AllocationMode, SessionKind, SessionLanguage
        from events.models import FestivalPage, FestivalSession, FestivalStandType

        ctx = self.ctx
        now = datetime.datetime.now(tz=zone())
        for number in range(1, count + 1):
            # Festival 1 is the upcoming edition with an open call (the measured one).
            if number == 1:
                start_day = self.today + datetime.timedelta(days=120)
            else:
                start_day = self.pick_day(past_years=6, future_days=0)
            stands = 2000 if number == 1 else ctx.random.randint(80, 200)
            sessions_tr, sessions_en = [], []
            kinds = list(SessionKind.values)
            for session_number in range(ctx.random.randint(20, 32)):
                day = start_day + datetime.timedelta(days=session_number % 2)
                hour = 10 + (session_number // 2) % 8
                session = FestivalSession(
                    locale=ctx.tr,
                    kind=kinds[session_number % len(kinds)],
                    title=ctx.sentence(WORDS_TR, 5)[:-1],
                    start=at(day, hour),
                    end=at(day, hour, 50),
                    space=f"Salon {session_number % 5 + 1}",
                    speakers=ctx.sentence(WORDS_TR, 3)[:-1],
                    language=ctx.random.choice(list(SessionLanguage.values)),
                    description=ctx.sentence(WORDS_TR, 30),
                    sort_order=session_number,
                )
                sessions_tr.append(session)
                sessions_en.append(
                    FestivalSession(
                        locale=ctx.en,
                        translation_key=session.translation_key,
                        kind=session.kind,
                        title=ctx.sentence(WORDS_EN, 5)[:-1],
                        start=session.start,
                        end=session.end,
                        space=f"Hall {session_number % 5 + 1}",
                        speakers=session.speakers,
                        language=session.language,
                        description=ctx.sentence(WORDS_EN, 30),
                        sort_order=session_number,
                    )
                )
            types_tr, types_en = [], []
            if number % 2 == 1:  # half the festivals offer typed stands
                counts = [stands - stands // 5 - stands // 10, stands // 5, stands // 10]
                names = [("Standart", "Standard"), ("Köşe", "Corner"), ("Yiyecek", "Food")]
                for order, (count_of_type, (name_tr, name_en)) in enumerate(
                    zip(counts, names, strict=True)
                ):
                    row = FestivalStandType(
                        locale=ctx.tr, name=name_tr, count=count_of_type, sort_order=order
                    )
                    types_tr.append(row)
                    types_en.append(
                        FestivalStandType(
                            locale=ctx.en,
                            translation_key=row.translation_key,
                            name=name_en,
                            count=count_of_type,
                            sort_order=order,
                        )
                    )
            open_call = number == 1
            fields = {
                "edition_year": start_day.year,
                "start": at(start_day, 10),
                "end": at(start_day + datetime.timedelta(days=1), 18),
                "venue": ctx.random.choice(self.venues),
                "stands": stands,
                "organisations": ctx.random.randint(80, 250),
                "cities": ctx.random.randint(30, 70),
                "participants": ctx.random.randint(400, 1500),
                "workshops": len(sessions_tr) // 2,
                "applications_open": now - datetime.timedelta(days=30)
                if open_call
                else at(start_day - datetime.timedelta(days=120), 9),
                "applications_close": now + datetime.timedelta(days=60)
                if open_call
                else at(start_day - datetime.timedelta(days=30), 18),
                "allocation_mode": AllocationMode.REVIEWED,
                "accessibility": self.pick_features(),
            }

            def texts(
                words,
                language,
                number=number,
                st=(sessions_tr, sessions_en),
                ty=(types_tr, types_en),
            ):
                title = "Sivil Sesler Festivali" if language == "tr" else "Civil Voices Festival"
                index = 0 if language == "tr" else 1
                return {
                    **self.common(words),
                    "title": f"{title} {number}",
                    "theme": ctx.sentence(words, 4)[:-1],
                    "sessions": st[index],
                    "stand_types": ty[index],
                }

            self.pair(FestivalPage, number, "festival", "festival", fields, *self.both(texts))
        return count

    # --- targets -----------------------------------------------------------------------

    def targets(self, ctx: Context) -> list[Target]:
        from django.utils import timezone

        from events.models import EventSeriesPage, FestivalPage, MeetingPage, PowerStoriesEventPage

        index_tr, index_en = event_index(ctx)
        today = timezone.localdate()
        found = [
            Target("events listing (tr)", index_tr.url),
            Target("events listing (en)", index_en.url, optional=True),
            Target(
                f"events listing, filtered (province {FILTER_PROVINCE}, meetings)",
                f"{index_tr.url}?province={FILTER_PROVINCE}&type=meeting",
            ),
            Target("events listing, past events", f"{index_tr.url}?when=past"),
            Target("calendar month (tr)", f"{index_tr.url}calendar/{today.year}/{today.month}/"),
        ]
        pages = [
            ("meeting (tr)", MeetingPage, "bulusma-1"),
            ("recurring series (tr)", EventSeriesPage, "cay-saati-1"),
            ("Power Stories event (tr)", PowerStoriesEventPage, "guc-hikayeleri-1"),
            ("festival with its programme (tr)", FestivalPage, "festival-1"),
        ]
        for label, model, slug in pages:
            page = model.objects.live().filter(locale=ctx.tr, slug=slug).first()
            if page is None:
                continue
            found.append(Target(label, page.url))
            english = page.get_translation_or_none(ctx.en)
            if english is not None:
                found.append(Target(label.replace("(tr)", "(en)"), english.url, optional=True))
        return found


class Stories(Generator):
    """500 stories (x scale) with narrators and themes, each with its English translation."""

    name = "stories"
    version = 1
    count = 500

    def available(self) -> bool:
        from django.apps import apps

        return apps.is_installed("stories")

    def index(self, ctx: Context):
        from stories.models import StoryIndexPage

        index_tr = StoryIndexPage.objects.filter(locale=ctx.tr).order_by("path").first()
        if index_tr is None:
            index_tr = add_live_child(
                ctx.home_tr, StoryIndexPage(title="Hikâyeler", slug="hikayeler", locale=ctx.tr)
            )
        index_en = index_tr.get_translation_or_none(ctx.en)
        if index_en is None:
            index_en = add_live_child(
                ctx.home_en,
                StoryIndexPage(title="Stories", slug="stories", locale=ctx.en),
                translation_of=index_tr,
            )
        return index_tr, index_en

    def themes(self, ctx: Context) -> list:
        from stories.models import Theme

        themes = list(Theme.objects.filter(locale=ctx.tr))
        if len(themes) >= 8:
            return themes
        pairs = [
            ("Dayanışma", "Solidarity"),
            ("Eğitim", "Education"),
            ("İklim", "Climate"),
            ("Kadın", "Women"),
            ("Gençlik", "Youth"),
            ("Erişilebilirlik", "Accessibility"),
            ("Hayvan hakları", "Animal rights"),
            ("Yerel yönetim", "Local government"),
            ("Göç", "Migration"),
            ("Kültür", "Culture"),
        ]
        for number, (name_tr, name_en) in enumerate(pairs, start=1):
            theme = Theme.objects.create(locale=ctx.tr, name=f"{name_tr} {number}")
            translated_copy(theme, ctx.en, name=f"{name_en} {number}").save()
            themes.append(theme)
        return themes

    def generate(self, ctx: Context) -> dict[str, int]:
        from events.models import PowerStoriesEventPage
        from stories.models import Narrator, StoryPage

        index_tr, index_en = self.index(ctx)
        themes = self.themes(ctx)
        images = shared_images(
            "Bench story", ["#8e2e4a", "#2e7a3c", "#1d6e8a", "#7a2e8e", "#8a4b1d", "#3c3c8e"]
        )
        events = [
            (page, page.get_translation_or_none(ctx.en))
            for page in PowerStoriesEventPage.objects.filter(locale=ctx.tr)
        ]
        narrators = []
        for number in range(1, ctx.count(200) + 1):
            narrator = Narrator.objects.create(
                locale=ctx.tr,
                name=f"{ctx.sentence(WORDS_TR, 2)[:-1]} {number}",
                organisation=f"{ctx.sentence(WORDS_TR, 2)[:-1]} Derneği",
                city=ctx.random.choice(WORDS_TR).capitalize(),
                province=PROVINCES[number % len(PROVINCES)],
            )
            translated_copy(
                narrator, ctx.en, organisation=f"{ctx.sentence(WORDS_EN, 2)[:-1]} Association"
            ).save()
            narrators.append(narrator)
        total = ctx.count(self.count)
        today = datetime.date.today()
        for number in range(1, total + 1):
            narrator = ctx.random.choice(narrators)
            event_tr, event_en = ctx.random.choice(events) if events else (None, None)
            chosen = ctx.random.sample(themes, 3)
            common = {
                "narrator": narrator,
                "province": PROVINCES[(number * 7) % len(PROVINCES)],
                "date_told": today - datetime.timedelta(days=ctx.random.randint(0, 6 * 365)),
                "image": ctx.random.choice(images),
                "is_featured": number % 50 == 0,
            }
            story_tr = add_live_child(
                index_tr,
                StoryPage(
                    locale=ctx.tr,
                    title=f"{ctx.sentence(WORDS_TR, 4)[:-1]} {number}",
                    slug=f"hikaye-{number}",
                    pull_quote=ctx.sentence(WORDS_TR, 20),
                    transcript="".join(f"<p>{ctx.sentence(WORDS_TR, 60)}</p>" for _ in range(4)),
                    event=event_tr,
                    themes=chosen,
                    **common,
                ),
            )
            add_live_child(
                index_en,
                StoryPage(
                    locale=ctx.en,
                    title=f"{ctx.sentence(WORDS_EN, 4)[:-1]} {number}",
                    slug=f"story-{number}",
                    pull_quote=ctx.sentence(WORDS_EN, 20),
                    transcript="".join(f"<p>{ctx.sentence(WORDS_EN, 60)}</p>" for _ in range(4)),
                    event=event_en or event_tr,
                    themes=chosen,  # synchronised: the source's themes, shown by their key
                    **common,
                ),
                translation_of=story_tr,
            )
        return {
            "stories (tr+en)": total * 2,
            "narrators (tr+en)": len(narrators) * 2,
            "themes (tr)": len(themes),
        }

    def targets(self, ctx: Context) -> list[Target]:
        from stories.models import StoryPage

        index_tr, index_en = self.index(ctx)
        story = StoryPage.objects.live().filter(locale=ctx.tr, slug="hikaye-1").first()
        theme = story.themes.first() if story else None
        found = [
            Target("stories archive (tr)", index_tr.url),
            Target("stories archive (en)", index_en.url, optional=True),
            Target(
                f"stories archive, filtered (province {STORY_PROVINCE}"
                + (f", theme {theme.slug})" if theme else ")"),
                f"{index_tr.url}?province={STORY_PROVINCE}"
                + (f"&theme={theme.slug}" if theme else ""),
            ),
        ]
        if story is not None:
            found.append(Target("story (tr)", story.url))
            english = story.get_translation_or_none(ctx.en)
            if english is not None:
                found.append(Target("story (en)", english.url, optional=True))
        return found


class StandApplications(Generator):
    """1,000 stand applications (x scale): 60 % on the open call of festival 1, the rest on
    past festivals, with statuses and stand numbers as the services would leave them."""

    name = "applications"
    version = 1
    count = 1000

    def available(self) -> bool:
        from django.apps import apps

        return apps.is_installed("applications")

    def generate(self, ctx: Context) -> dict[str, int]:
        from django.contrib.contenttypes.models import ContentType

        from applications.models import (
            ApplicationLogEntry,
            ApplicationStatus,
            LegalForm,
            LogAction,
            StandApplication,
            ThematicArea,
        )
        from events.models import FestivalPage

        festivals = list(FestivalPage.objects.filter(locale=ctx.tr).order_by("pk"))
        open_call = next((f for f in festivals if f.slug == "festival-1"), None)
        if open_call is None:
            return {}
        past = [f for f in festivals if f.slug.startswith("festival-") and f is not open_call]
        total = ctx.count(self.count)
        rows: list[StandApplication] = []
        numbers: dict[int, int] = {}
        themes = list(ThematicArea.values)
        for number in range(1, total + 1):
            festival = open_call if number % 5 < 3 or not past else ctx.random.choice(past)
            types = list(festival.stand_types.all()) if festival is open_call else []
            if festival is open_call:
                status = ctx.random.choice(
                    [ApplicationStatus.SUBMITTED] * 3
                    + [ApplicationStatus.APPROVED, ApplicationStatus.WAITLISTED]
                )
            else:
                status = ctx.random.choice(
                    [ApplicationStatus.APPROVED] * 3
                    + [ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN]
                )
            stand_number = None
            if status == ApplicationStatus.APPROVED:
                numbers[festival.pk] = numbers.get(festival.pk, 0) + 1
                stand_number = numbers[festival.pk]
                if stand_number > (festival.stands or 0):
                    status, stand_number = ApplicationStatus.REJECTED, None
            language = "tr" if number % 4 else "en"
            application = StandApplication(
                festival=festival,
                stand_type=types[0] if types else None,
                status=status,
                language=language,
                organisation=f"{ctx.sentence(WORDS_TR, 2)[:-1]} Derneği {number}",
                legal_form=ctx.random.choice(list(LegalForm.values)),
                province=PROVINCES[number % len(PROVINCES)],
                contact_name=f"Kişi {number}",
                email=f"basvuru{number}@example.org",
                phone="+905321234567",
                exhibit=ctx.sentence(WORDS_TR, 30),
                chairs=2,
                people=2,
                stand_number=stand_number,
                consent_at=datetime.datetime.now(tz=zone()),
            )
            application.set_themes(ctx.random.sample(themes, 2))
            application.dedupe_key = application.compute_dedupe_key()
            rows.append(application)
        StandApplication.objects.bulk_create(rows, batch_size=500)
        content_type = ContentType.objects.get_for_model(StandApplication)
        ApplicationLogEntry.objects.bulk_create(
            [
                ApplicationLogEntry(
                    content_type=content_type,
                    object_id=row.pk,
                    action=LogAction.SUBMITTED,
                    to_status=row.status,
                )
                for row in StandApplication.objects.filter(festival__in=festivals)
            ],
            batch_size=500,
        )
        return {"stand applications": total}

    def targets(self, ctx: Context) -> list[Target]:
        from events.models import FestivalPage

        festival = FestivalPage.objects.live().filter(locale=ctx.tr, slug="festival-1").first()
        if festival is None:
            return []
        apply = f"{festival.url}{festival.reverse_subpage('apply')}"
        stand_type = festival.stand_types.first()
        fields = {
            "organisation": "Bench Derneği {n}",
            "legal_form": "association",
            "province": "06",
            "themes": "education",
            "contact_name": "Bench Kişi",
            "email": "bench{n}@example.org",
            "phone": "0532 123 45 67",
            "exhibit": "Broşürler ve atölye.",
            "chairs": "2",
            "people": "2",
            "consent": "on",
        }
        if stand_type is not None:
            fields["stand_type"] = str(stand_type.pk)
        from urllib.parse import urlencode

        return [
            Target("stand application form (GET)", apply, cacheable=False),
            Target(
                "stand application (valid POST, a new organisation each time)",
                apply,
                method="POST",
                body=urlencode(fields, safe="{}"),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                csrf=True,
                cacheable=False,
            ),
        ]


class Feeds(Generator):
    """The calendar feed of upcoming events (`.ics`), when the feeds are there."""

    name = "feeds"

    def targets(self, ctx: Context) -> list[Target]:
        from django.urls import NoReverseMatch, reverse
        from django.utils import translation

        found = []
        with translation.override("tr"):
            try:
                found.append(Target("events .ics feed (tr)", reverse("event_feeds:events_ics")))
            except NoReverseMatch:
                return []
            from events.models import MeetingPage

            page = MeetingPage.objects.live().filter(locale=ctx.tr, slug="bulusma-1").first()
            if page is not None:
                found.append(
                    Target(
                        "one event's .ics (tr)",
                        reverse("event_feeds:event_ics", kwargs={"page_id": page.pk}),
                    )
                )
        return found


GENERATORS = [Events(), Stories(), StandApplications(), Feeds()]
