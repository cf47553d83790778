"""Demo events: three past festivals and an upcoming one, meetings, two series, Power Stories.

Dates of upcoming events are relative to today so the demo never goes stale.
"""

import datetime
from zoneinfo import ZoneInfo

import recurrence
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from home.demo_tools import (
    Glossary,
    get_locale,
    make_image,
    pair,
    paragraphs,
    translate,
    upsert_object,
    upsert_page,
)

from .choices import AllocationMode, AttendanceMode, EventStatus, SeriesKind, SessionKind
from .models import (
    AccessibilityFeature,
    EventIndexPage,
    EventSeriesPage,
    FestivalPage,
    FestivalSession,
    FestivalStandType,
    MeetingPage,
    OccurrenceChange,
    Performance,
    PowerStoriesEventPage,
    Venue,
)

ZONE = ZoneInfo(settings.TIME_ZONE)

VENUES = {
    # key: (Turkish name, English name, province code, district, latitude, longitude)
    "ankara": (
        "ATO Kongre ve Sergi Sarayı",
        "ATO Congress and Exhibition Centre",
        "06",
        "Yenimahalle",
        "39.911500",
        "32.806700",
    ),
    "izmir": ("İzmir Kültürpark", "İzmir Kültürpark", "35", "Konak", "38.431000", "27.144000"),
    "van": (
        "Van Kültür Merkezi",
        "Van Cultural Centre",
        "65",
        "İpekyolu",
        "38.501000",
        "43.372000",
    ),
    "trabzon": (
        "Trabzon Sivil Toplum Evi",
        "Trabzon Civil Society House",
        "61",
        "Ortahisar",
        "41.002000",
        "39.716000",
    ),
    "diyarbakir": (
        "Diyarbakır Kent Konseyi Salonu",
        "Diyarbakır City Council Hall",
        "21",
        "Sur",
        "37.910000",
        "40.236000",
    ),
    "samsun": (
        "Samsun Gençlik Merkezi",
        "Samsun Youth Centre",
        "55",
        "İlkadım",
        "41.286000",
        "36.330000",
    ),
    "antalya": (
        "Antalya Kültür Merkezi",
        "Antalya Cultural Centre",
        "07",
        "Muratpaşa",
        "36.885000",
        "30.705000",
    ),
    "eskisehir": (
        "Eskişehir Sivil Toplum Buluşma Evi",
        "Eskişehir Civil Society Meeting House",
        "26",
        "Tepebaşı",
        "39.776000",
        "30.520000",
    ),
    "gaziantep": (
        "Gaziantep Dayanışma Merkezi",
        "Gaziantep Solidarity Centre",
        "27",
        "Şahinbey",
        "37.066000",
        "37.383000",
    ),
    "istanbul": (
        "İstanbul Kadıköy Sahnesi",
        "İstanbul Kadıköy Stage",
        "34",
        "Kadıköy",
        "40.990000",
        "29.029000",
    ),
    "mersin": (
        "Mersin Kongre Merkezi",
        "Mersin Congress Centre",
        "33",
        "Yenişehir",
        "36.800000",
        "34.620000",
    ),
}


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), ZONE)


def next_weekday(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def load_venues(glossary: Glossary) -> dict[str, Venue]:
    turkish, english = get_locale("tr"), get_locale("en")
    venues = {}
    for key, (name_tr, name_en, province, district, lat, lon) in VENUES.items():
        venue = upsert_object(
            Venue,
            {"name": pair(glossary, name_tr, name_en), "locale": turkish},
            province=province,
            district=district,
            latitude=lat,
            longitude=lon,
            access_notes=pair(
                glossary,
                "Basamaksız giriş ve erişilebilir tuvalet vardır.",
                "Step-free entrance and an accessible toilet.",
            ),
        )
        glossary[district] = district
        translate(venue, english, glossary)
        venues[key] = venue
    return venues


def features(*codes: str) -> list[AccessibilityFeature]:
    return list(AccessibilityFeature.objects.filter(code__in=codes))


def load_events(home: Page) -> EventIndexPage:
    """Create or update the events index and every demo event, in Turkish and English."""
    english = get_locale("en")
    glossary: Glossary = {"STGM": "STGM", "STGM, yerel STK'lar": "STGM, local CSOs"}
    venues = load_venues(glossary)
    today = timezone.localdate()

    glossary["etkinlikler"] = "events"
    index = upsert_page(
        home,
        EventIndexPage,
        "etkinlikler",
        title=pair(glossary, "Etkinlikler", "Events"),
        show_in_menus=True,
        intro=pair(
            glossary,
            "Festivaller, il il buluşmalar ve düzenli sohbetler: yakınınızdaki bir sonraki "
            "etkinliği bulun.",
            "Festivals, meetings across the provinces and regular gatherings: find the next "
            "event near you.",
        ),
    )
    pages = [
        *load_festivals(index, venues, glossary, today),
        *load_meetings(index, venues, glossary, today),
        *load_series(index, venues, glossary, today),
        load_power_stories(index, venues, glossary),
    ]
    translate(index, english, glossary)
    for page in pages:
        translate(page, english, glossary)

    home.specific.hero_link = index
    home.specific.save_revision().publish()
    return index


def load_festivals(index, venues, glossary, today) -> list[FestivalPage]:
    editions = [
        # slug pair, year, venue, start date, theme pair, figures, body pair
        (
            ("sivil-sesler-festivali-2022", "civil-voices-festival-2022"),
            2022,
            "ankara",
            datetime.date(2022, 10, 15),
            ("Değişim istiyorsak güçlü olmalıyız", "If we want change, we must be strong"),
            {"participants": 600, "cities": 58},
            (
                "Türkiye'nin 58 ilinden 600'ü aşkın sivil toplum temsilcisi Ankara'da "
                "deneyimlerini paylaştı ve yeni iş birlikleri kurdu.",
                "More than 600 civil-society representatives from 58 cities of Turkey shared "
                "their experience in Ankara and started new collaborations.",
            ),
        ),
        (
            ("sivil-sesler-festivali-2023", "civil-voices-festival-2023"),
            2023,
            "izmir",
            datetime.date(2023, 9, 23),
            ("Dayanışma Güçlendirir", "Solidarity Strengthens"),
            {"organisations": 200},
            (
                "Şubat depremlerinin ardından İzmir Kültürpark'ta 200'ü aşkın STK, krizle "
                "mücadele deneyimlerini atölye ve panellerde değerlendirdi.",
                "After the February earthquakes, more than 200 CSOs met at İzmir Kültürpark "
                "and reviewed their crisis work in workshops and panels.",
            ),
        ),
        (
            ("sivil-sesler-festivali-2024", "civil-voices-festival-2024"),
            2024,
            "ankara",
            datetime.date(2024, 10, 5),
            ("Güçlü Sivil Toplum", "Strong Civil Society"),
            {
                "stands": 130,
                "organisations": 217,
                "cities": 52,
                "participants": 1000,
                "workshops": 30,
            },
            (
                "52 ilden 217 STK ve binden fazla katılımcı; 130 stant, hayvan hakları, "
                "erişilebilirlik ve dayanışma üzerine 30'dan fazla atölye, paneller ve "
                "performanslar.",
                "217 CSOs from 52 cities and more than a thousand participants; 130 stands, "
                "over 30 workshops on animal rights, accessibility and solidarity, panels and "
                "performances.",
            ),
        ),
    ]
    upcoming_start = today + datetime.timedelta(days=120)
    editions.append(
        (
            (
                f"sivil-sesler-festivali-{upcoming_start.year}",
                f"civil-voices-festival-{upcoming_start.year}",
            ),
            upcoming_start.year,
            "ankara",
            upcoming_start,
            ("Birlikte Daha Güçlüyüz", "Stronger Together"),
            {"stands": 130},
            (
                "Yeni edisyonda Türkiye'nin dört bir yanından STK'lar stantlarıyla, "
                "atölyeleriyle ve performanslarıyla Ankara'da buluşuyor.",
                "In the new edition CSOs from all over Turkey meet in Ankara with their "
                "stands, workshops and performances.",
            ),
        )
    )
    pages = []
    for slugs, year, venue, start_day, theme, figures, body in editions:
        glossary[slugs[0]] = slugs[1]
        page = upsert_page(
            index,
            FestivalPage,
            slugs[0],
            title=pair(glossary, f"Sivil Sesler Festivali {year}", f"Civil Voices Festival {year}"),
            summary=pair(
                glossary,
                f"{year} Sivil Sesler Festivali: “{theme[0]}”.",
                f"The {year} Civil Voices Festival: “{theme[1]}”.",
            ),
            edition_year=year,
            theme=pair(glossary, *theme),
            start=at(start_day, 10),
            end=at(start_day + datetime.timedelta(days=1), 18),
            venue=venues[venue],
            image=make_image(f"Civil Voices Festival {year}", "#7a2e8e", "#ffbf47"),
            accessibility=features("sign_language", "wheelchair", "live_captions"),
            body=paragraphs(glossary, body),
            stands=figures.get("stands"),
            organisations=figures.get("organisations"),
            cities=figures.get("cities"),
            participants=figures.get("participants"),
            workshops=figures.get("workshops"),
            sessions=festival_sessions(glossary, year, start_day),
            **stand_call(
                index, slugs[0], glossary, start_day if year == upcoming_start.year else None
            ),
        )
        pages.append(page)
    return pages


# The programme of a festival: (day offset, start, end, kind, Turkish title, English title,
# space pair, speakers, language, accessibility pair or None).
SESSIONS = [
    (
        0,
        (10, 0),
        (18, 0),
        SessionKind.STANDS,
        "STK stantları",
        "CSO stands",
        ("Fuaye", "Foyer"),
        "",
        "tr",
        ("Basamaksız erişim", "Step-free access"),
    ),
    (
        0,
        (10, 30),
        (11, 30),
        SessionKind.TALK,
        "Açılış konuşması",
        "Opening talk",
        ("Büyük Salon", "Main Hall"),
        "STGM",
        "tr_tid",
        ("Türk İşaret Dili çevirisi ve canlı altyazı", "Turkish Sign Language and live captions"),
    ),
    (
        0,
        (13, 0),
        (14, 30),
        SessionKind.WORKSHOP,
        "Erişilebilir etkinlik düzenlemek",
        "Organising accessible events",
        ("Atölye 1", "Workshop room 1"),
        "Engelsiz Yaşam Derneği",
        "tr",
        ("Basamaksız erişim", "Step-free access"),
    ),
    (
        0,
        (15, 0),
        (16, 30),
        SessionKind.PANEL,
        "Yerelde dayanışma",
        "Solidarity at local level",
        ("Büyük Salon", "Main Hall"),
        "Yerel STK temsilcileri",
        "tr_en",
        None,
    ),
    (
        1,
        (11, 0),
        (12, 30),
        SessionKind.WORKSHOP,
        "Hayvan hakları savunuculuğu",
        "Advocacy for animal rights",
        ("Atölye 2", "Workshop room 2"),
        "Pati Dostları Derneği",
        "tr",
        None,
    ),
    (
        1,
        (17, 0),
        (18, 0),
        SessionKind.PERFORMANCE,
        "Güç Hikâyeleri sahnede",
        "Power Stories on stage",
        ("Büyük Salon", "Main Hall"),
        "Güç Hikâyeleri anlatıcıları",
        "tr_tid",
        ("Türk İşaret Dili çevirisi ve canlı altyazı", "Turkish Sign Language and live captions"),
    ),
]


def festival_sessions(glossary, year, start_day) -> list[FestivalSession]:
    """The programme of the 2024 edition and of the upcoming one (others have none)."""
    if year < 2024:
        return []
    turkish = get_locale("tr")
    sessions = []
    for offset, start, end, kind, title_tr, title_en, space, speakers, language, access in SESSIONS:
        day = start_day + datetime.timedelta(days=offset)
        if speakers:
            glossary[speakers] = {
                "Yerel STK temsilcileri": "Representatives of local CSOs",
                "Güç Hikâyeleri anlatıcıları": "Power Stories narrators",
            }.get(speakers, speakers)
        sessions.append(
            FestivalSession(
                locale=turkish,
                kind=kind,
                title=pair(glossary, title_tr, title_en),
                start=at(day, *start),
                end=at(day, *end),
                space=pair(glossary, *space),
                speakers=speakers,
                language=language,
                accessibility_notes=pair(glossary, *access) if access else "",
            )
        )
    return sessions


STAND_TYPES = [
    ("Standart stant", "Standard stand", 110, "Masa ve iki sandalye", "A table and two chairs"),
    ("Köşe stant", "Corner stand", 20, "Elektrik prizi olan köşe", "A corner with a power socket"),
]


def stand_call(index, slug, glossary, start_day) -> dict:
    """An open call for the upcoming festival, with stand types kept across runs."""
    if start_day is None:
        return {}
    turkish = get_locale("tr")
    existing = FestivalPage.objects.child_of(index).filter(slug=slug).first()
    kept = {t.name: t for t in existing.stand_types.all()} if existing else {}
    stand_types = []
    for name_tr, name_en, count, description_tr, description_en in STAND_TYPES:
        stand_type = kept.get(name_tr) or FestivalStandType(locale=turkish, name=name_tr)
        stand_type.name = pair(glossary, name_tr, name_en)
        stand_type.count = count
        stand_type.description = pair(glossary, description_tr, description_en)
        stand_types.append(stand_type)
    now = timezone.now()
    return {
        "applications_open": now - datetime.timedelta(days=10),
        "applications_close": at(start_day - datetime.timedelta(days=30), 23, 59),
        "allocation_mode": AllocationMode.REVIEWED,
        "stand_types": stand_types,
    }


def load_meetings(index, venues, glossary, today) -> list[MeetingPage]:
    meetings = [
        ("van", "Van", 21, AttendanceMode.IN_PERSON, ("sign_language", "wheelchair")),
        ("trabzon", "Trabzon", 45, AttendanceMode.IN_PERSON, ("wheelchair",)),
        ("antalya", "Antalya", 75, AttendanceMode.HYBRID, ("sign_language", "live_captions")),
        ("diyarbakir", "Diyarbakır", -60, AttendanceMode.IN_PERSON, ("wheelchair",)),
        ("samsun", "Samsun", -200, AttendanceMode.IN_PERSON, ()),
    ]
    campaign = pair(glossary, "Güçlü Sivil Toplum Buluşmaları", "Strong Civil Society Meetings")
    pages = []
    for key, city, offset, mode, access in meetings:
        slug_tr = f"guclu-sivil-toplum-bulusmasi-{key}"
        glossary[slug_tr] = f"strong-civil-society-meeting-{key}"
        day = today + datetime.timedelta(days=offset)
        page = upsert_page(
            index,
            MeetingPage,
            slug_tr,
            title=pair(
                glossary,
                f"Güçlü Sivil Toplum Buluşması – {city}",
                f"Strong Civil Society Meeting – {city}",
            ),
            summary=pair(
                glossary,
                f"{city} ve çevresindeki STK'larla mali ve operasyonel sorunları ve çözüm "
                "yollarını konuşuyoruz.",
                f"We discuss financial and operational problems, and ways to solve them, with "
                f"CSOs of {city} and the region.",
            ),
            campaign=campaign,
            start=at(day, 10),
            end=at(day, 16),
            venue=venues[key],
            attendance_mode=mode,
            online_url="https://stgm.example.org/canli" if mode == AttendanceMode.HYBRID else "",
            accessibility=features(*access),
            organisers=pair(glossary, "STGM, yerel STK'lar", "STGM, local CSOs"),
            registration_info="<p>"
            + pair(
                glossary,
                "Katılım ücretsizdir; yer sayısı sınırlıdır.",
                "Free to attend; places are limited.",
            )
            + "</p>",
            participants=45 if offset < 0 else None,
            outcomes=(
                pair(
                    glossary,
                    "Katılımcılar en çok kaynak geliştirme, gönüllü yönetimi ve mevzuat "
                    "konularında destek istedi.",
                    "Participants asked most for support with resource development, "
                    "volunteer management and legislation.",
                )
                if offset < 0
                else ""
            ),
        )
        pages.append(page)
    return pages


def load_series(index, venues, glossary, today) -> list[EventSeriesPage]:
    turkish = get_locale("tr")
    tea_first = next_weekday(today - datetime.timedelta(days=28), 2)  # a Wednesday
    tea_cancelled = next_weekday(today + datetime.timedelta(days=7), 2)
    glossary["cay-saati-bulusmalari-eskisehir"] = "tea-time-meetings-eskisehir"
    tea_time = upsert_page(
        index,
        EventSeriesPage,
        "cay-saati-bulusmalari-eskisehir",
        title=pair(glossary, "Çay Saati Buluşmaları – Eskişehir", "Tea Time Meetings – Eskişehir"),
        summary=pair(
            glossary,
            "Her çarşamba STK'lar, yerel yönetimler ve kamu aktörleri bir çay eşliğinde "
            "dayanışmayı ve değişimi konuşuyor.",
            "Every Wednesday CSOs, local government and public actors talk about solidarity "
            "and change over a cup of tea.",
        ),
        series_kind=SeriesKind.TEA_TIME,
        start=at(tea_first, 15),
        end=at(tea_first, 17),
        recurrences=recurrence.Recurrence(
            rrules=[
                recurrence.Rule(
                    recurrence.WEEKLY,
                    byday=[recurrence.WE],
                    until=at(today + datetime.timedelta(days=180), 23, 59),
                )
            ]
        ),
        venue=venues["eskisehir"],
        accessibility=features("wheelchair", "quiet_room"),
        date_changes=[
            OccurrenceChange(
                locale=turkish,
                date=tea_cancelled,
                status=EventStatus.CANCELLED,
                reason=pair(
                    glossary,
                    "Salon bakımda olduğu için bu hafta buluşmuyoruz.",
                    "No meeting this week: the hall is closed for maintenance.",
                ),
            )
        ],
    )
    change_first = next_weekday(today.replace(day=1) - datetime.timedelta(days=40), 3)
    glossary["degisimin-gucunu-konusmak-gaziantep"] = "talking-about-the-power-of-change-gaziantep"
    power_of_change = upsert_page(
        index,
        EventSeriesPage,
        "degisimin-gucunu-konusmak-gaziantep",
        title=pair(
            glossary,
            "Değişimin Gücünü Konuşmak – Gaziantep",
            "Talking about the Power of Change – Gaziantep",
        ),
        summary=pair(
            glossary,
            "Her ayın ilk perşembesi krizlerle mücadeleyi, dayanışmayı ve değişimi yönetmeyi "
            "konuşuyoruz; salonda ya da çevrim içi katılabilirsiniz.",
            "On the first Thursday of every month we talk about facing crises, solidarity "
            "and managing change; join in the hall or online.",
        ),
        series_kind=SeriesKind.POWER_OF_CHANGE,
        start=at(change_first, 18),
        end=at(change_first, 20),
        recurrences=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.MONTHLY, byday=[recurrence.TH(1)])]
        ),
        venue=venues["gaziantep"],
        attendance_mode=AttendanceMode.HYBRID,
        online_url="https://stgm.example.org/degisim",
        accessibility=features("live_captions", "wheelchair"),
        date_changes=[],
    )
    return [tea_time, power_of_change]


def load_power_stories(index, venues, glossary) -> PowerStoriesEventPage:
    turkish = get_locale("tr")
    stops = ["izmir", "ankara", "istanbul", "diyarbakir", "trabzon", "mersin"]
    performances = []
    for number, key in enumerate(stops):
        day = datetime.date(2024, 3, 9) + datetime.timedelta(days=14 * number)
        performances.append(
            Performance(locale=turkish, start=at(day, 19), end=at(day, 21), venue=venues[key])
        )
    glossary["guc-hikayeleri-sahnede"] = "power-stories-on-stage"
    return upsert_page(
        index,
        PowerStoriesEventPage,
        "guc-hikayeleri-sahnede",
        title=pair(glossary, "Güç Hikâyeleri Sahnede", "Power Stories on Stage"),
        summary=pair(
            glossary,
            "Açık çağrıyla seçilen 18 anlatıcı, hikâye anlatıcılığı atölyelerinin ardından "
            "kendi hikâyelerini 6 ilde sahnede anlattı.",
            "Eighteen narrators chosen through an open call told their own stories on stage "
            "in 6 provinces, after storytelling workshops.",
        ),
        start=performances[0].start,
        end=performances[-1].end,
        venue=venues["izmir"],
        accessibility=features("sign_language", "wheelchair"),
        narrators_intro=pair(
            glossary,
            "Anlatıcılar sözlü anlatı sanatının teknikleriyle hikâyelerini daha güçlü "
            "anlatmak için birlikte çalıştı.",
            "The narrators worked together on the techniques of oral storytelling to tell "
            "their stories more powerfully.",
        ),
        performances=performances,
    )
