"""What the site holds in the browser tests: built once per run, restored before every test.

Built with the builders of tests/builders.py rather than `load_demo_content`: the demo
loader takes about a minute of CPU (it translates every page through wagtail-localize), this
takes a second or two, and the journeys do not break when the demo texts change.

To add content for a journey, add a function below and call it from `build_site()`.
"""

from wagtail.models import Site

from home.models import HomePage, SiteSettings
from tests.builders import locales, make_home, make_standard_page, translate

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
