"""What the site holds in the browser tests: built once per run, restored before every test.

Built with the builders of demo/builders.py rather than `load_demo_content`: the demo
loader takes about a minute of CPU (it translates every page through wagtail-localize), this
takes a second or two, and the journeys do not break when the demo texts change.

To add content for a journey, add a function below and call it from `build_site()`.
"""

import datetime

import recurrence
from django.utils import timezone
from wagtail.models import Page, Site

from demo.builders import (
    aware,
    locales,
    make_event,
    make_events_index,
    make_festival,
    make_home,
    make_standard_page,
    make_venue,
    publish,
    translate,
)
from events.choices import EventStatus
from events.models import EventIndexPage, EventSeriesPage, OccurrenceChange
from home.models import HomePage, SiteSettings
from stories.models import Narrator, StoryIndexPage, StoryPage, Theme

PROGRAMMES = [
    # Turkish title and slug, English title and slug, Turkish and English introduction.
    (
        ("STOK Dijital Öğrenme Platformu", "stok"),
        ("STOK Digital Learning Platform", "stok"),
        "Her yerden ve her zaman erişilebilen eğitimler.",
        "Courses open anywhere and at any time.",
    ),
    (
        ("Bilgi Merkezi", "bilgi-merkezi"),
        ("Information Center", "information-center"),
        "STK'ların gündelik sorularına yol gösterici yanıtlar.",
        "Guidance for the everyday questions of CSOs.",
    ),
    (
        ("ROTA Örgütsel Kapasite Öz Değerlendirme Aracı", "rota"),
        ("ROTA Self-Assessment Tool", "rota"),
        "Yönetişim, katılım, kaynak geliştirme ve iletişim alanlarında öz değerlendirme.",
        "A self-assessment of governance, participation, resources and communication.",
    ),
]


def build_site() -> None:
    home = build_home()
    build_programmes(home)
    build_about(home)
    events = build_events(home)
    build_stories(home, events)


def build_home() -> HomePage:
    home = make_home(
        hero_title="Güçlü sivil toplum için birlikte öğreniyoruz",
        hero_text="Eğitimler, buluşmalar ve festivallerle STK'ların kapasitesini güçlendiririz.",
    )
    english = home.get_translation(locales()[1])
    english.hero_text = "We strengthen CSOs through trainings, meetings and festivals."
    english.save_revision().publish()
    return home


def build_programmes(home: HomePage) -> None:
    english = locales()[1]
    programmes = make_standard_page(
        home,
        title="Programlar",
        slug="programlar",
        show_in_menus=True,
        intro="STK'ların kapasitesini güçlendiren programlarımız.",
    )
    translate(
        programmes,
        english,
        title="Programmes",
        slug="programmes",
        intro="Our programmes that strengthen the capacity of CSOs.",
    )
    for (tr_title, tr_slug), (en_title, en_slug), tr_intro, en_intro in PROGRAMMES:
        page = make_standard_page(
            programmes, title=tr_title, slug=tr_slug, intro=tr_intro, is_programme=True
        )
        translate(page, english, title=en_title, slug=en_slug, intro=en_intro)


def build_about(home: HomePage) -> None:
    english = locales()[1]
    about = make_standard_page(
        home,
        title="Hakkımızda",
        slug="hakkimizda",
        show_in_menus=True,
        intro="STGM, 2004'ten bu yana Ankara'dan STK'larla çalışır.",
    )
    translate(about, english, title="About us", slug="about-us", intro="STGM works with CSOs.")
    privacy = make_standard_page(home, title="KVKK Aydınlatma Metni", slug="aydinlatma-metni")
    translate(privacy, english, title="Privacy notice (KVKK)", slug="privacy-notice")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "info@stgm.org.tr"
    settings.contact_phone = "+90 312 442 42 62"
    settings.address = "Sivil Toplum Geliştirme Merkezi\nAnkara"
    settings.privacy_page = privacy
    settings.save()


# --- Events -------------------------------------------------------------------------------
# Paths and titles the journeys use, in each language.
EVENTS = {"tr": "/tr/etkinlikler/", "en": "/en/events/"}
VAN_MEETING = {
    "tr": (
        "/tr/etkinlikler/guclu-sivil-toplum-bulusmasi-van/",
        "Güçlü Sivil Toplum Buluşması – Van",
    ),
    "en": ("/en/events/strong-civil-society-meeting-van/", "Strong Civil Society Meeting – Van"),
}
IZMIR_MEETING = {
    "tr": ("/tr/etkinlikler/degisimin-gucunu-konusmak-izmir/", "Değişimin Gücünü Konuşmak – İzmir"),
    "en": ("/en/events/power-of-change-izmir/", "Talking about the Power of Change – İzmir"),
}
TEA_TIME = {
    "tr": ("/tr/etkinlikler/cay-saati-eskisehir/", "Çay Saati Buluşmaları – Eskişehir"),
    "en": ("/en/events/tea-time-eskisehir/", "Tea Time Meetings – Eskişehir"),
}
FESTIVAL = {
    "tr": ("/tr/etkinlikler/sivil-sesler-festivali-2030/", "Sivil Sesler Festivali 2030"),
    "en": ("/en/events/civil-voices-festival-2030/", "Civil Voices Festival 2030"),
}
TEA_TIME_CANCELLED_REASON = "Salon bakımda"


def next_month_day(day: int, hour: int = 10) -> datetime.datetime:
    """Day `day` of the month after the current one (Istanbul time): the calendar's "next"."""
    today = timezone.localdate()
    first_of_next = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return aware(first_of_next.year, first_of_next.month, day, hour)


def build_events(home: HomePage) -> EventIndexPage:
    """An events index with a meeting in Van (next month), one in İzmir, a weekly series in
    Eskişehir with one cancelled date, and a festival with an open call for stands."""
    english = locales()[1]
    index = make_events_index(home, intro="Buluşmalar, atölyeler ve festivaller.")
    translate(index, english, title="Events", slug="events", intro="Meetings and festivals.")

    van = make_venue(name="Van Kültür Merkezi", province="65", address="Cumhuriyet Cad. 1")
    start = next_month_day(12)
    add_event(index, VAN_MEETING, start=start, end=start.replace(hour=16), venue=van)

    izmir = make_venue(name="Kültürpark", province="35")
    start = next_month_day(20, 14)
    add_event(index, IZMIR_MEETING, start=start, end=start.replace(hour=17), venue=izmir)

    first = timezone.localdate() + datetime.timedelta(days=7)
    start = aware(first.year, first.month, first.day, 15)
    until = datetime.datetime.combine(first + datetime.timedelta(weeks=5), datetime.time.min)
    add_event(
        index,
        TEA_TIME,
        model=EventSeriesPage,
        start=start,
        end=start.replace(hour=17),
        venue=make_venue(name="Buluşma Evi", province="26"),
        recurrences=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY, until=until)]),
        date_changes=[
            OccurrenceChange(
                locale=locales()[0],
                date=first + datetime.timedelta(weeks=1),
                status=EventStatus.CANCELLED,
                reason=TEA_TIME_CANCELLED_REASON,
            )
        ],
    )

    festival = make_festival(
        index,
        stands=10,
        title=FESTIVAL["tr"][1],
        slug=FESTIVAL["tr"][0].rstrip("/").rsplit("/", 1)[1],
        venue=make_venue(name="Congresium", province="06"),
        theme="Güçlü Sivil Toplum",
    )
    translate(
        festival,
        english,
        title=FESTIVAL["en"][1],
        slug=FESTIVAL["en"][0].rstrip("/").rsplit("/", 1)[1],
        summary="The festival of civil society.",
        theme="Strong Civil Society",
    )
    return index


def add_event(index: Page, paths: dict, **kwargs) -> Page:
    """An event page in Turkish and its English translation (titles and slugs from `paths`)."""
    (tr_path, tr_title), (en_path, en_title) = paths["tr"], paths["en"]
    kwargs.setdefault("summary", f"{tr_title}: STK'larla bir araya geliyoruz.")
    page = make_event(index, title=tr_title, slug=tr_path.rstrip("/").rsplit("/", 1)[1], **kwargs)
    translate(
        page,
        locales()[1],
        title=en_title,
        slug=en_path.rstrip("/").rsplit("/", 1)[1],
        summary=f"{en_title}: meeting CSOs.",
    )
    return page


# --- Stories ------------------------------------------------------------------------------
STORIES = {"tr": "/tr/hikayeler/", "en": "/en/stories/"}
THEMES = [("dayanisma", "Dayanışma", "Solidarity"), ("goc", "Göç", "Migration")]
# Turkish title and slug, English title and slug, province, theme slugs.
STORY_LIST = [
    (
        ("Körfezde Bir Mutfak", "korfezde-bir-mutfak"),
        ("A Kitchen by the Gulf", "a-kitchen-by-the-gulf"),
        "35",
        ["dayanisma"],
    ),
    (
        ("Van Gölü Kıyısında", "van-golu-kiyisinda"),
        ("On the Shore of Lake Van", "on-the-shore-of-lake-van"),
        "65",
        ["goc"],
    ),
    (
        ("Mahalle Kütüphanesi", "mahalle-kutuphanesi"),
        ("The Neighbourhood Library", "the-neighbourhood-library"),
        "35",
        ["goc", "dayanisma"],
    ),
]


def build_stories(home: HomePage, events: EventIndexPage) -> StoryIndexPage:
    """A stories archive with three stories in İzmir and Van, two themes, one narrator."""
    turkish, english = locales()
    index = StoryIndexPage(
        title="Hikâyeler", slug="hikayeler", intro="Sahnede anlatılan hikâyeler."
    )
    home.add_child(instance=index)
    publish(index)
    translate(index, english, title="Stories", slug="stories", intro="Stories told on stage.")
    themes = {}
    for slug, tr_name, en_name in THEMES:
        theme = Theme.objects.create(name=tr_name, slug=slug, locale=turkish)
        english_theme = theme.copy_for_translation(english)
        english_theme.name = en_name
        english_theme.save()
        themes[slug] = theme
    narrator = Narrator.objects.create(
        name="Selin Martıgil",
        organisation="Körfez Mutfağı",
        city="Karşıyaka",
        province="35",
        locale=turkish,
    )
    for number, ((tr_title, tr_slug), (en_title, en_slug), province, theme_slugs) in enumerate(
        STORY_LIST, start=1
    ):
        story = StoryPage(
            title=tr_title,
            slug=tr_slug,
            province=province,
            narrator=narrator if number == 1 else None,
            pull_quote=f"{tr_title}: birlikte daha güçlüyüz.",
            transcript=f"<p>{tr_title} hikâyesinin metni.</p>",
            date_told=datetime.date(2024, 3, number),
        )
        story.themes = [themes[slug] for slug in theme_slugs]
        index.add_child(instance=story)
        publish(story)
        translate(
            story,
            english,
            title=en_title,
            slug=en_slug,
            pull_quote=f"{en_title}: together we are stronger.",
            transcript=f"<p>The transcript of {en_title}.</p>",
        )
    return index
