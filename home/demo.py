"""Demo content of the home app: the home page, programme pages, about and privacy notice.

Written afresh from the facts of the client's programme report; each text is a
(Turkish, English) pair so the English tree is a translation of the Turkish one.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from .demo_tools import (
    Glossary,
    get_locale,
    make_image,
    pair,
    paragraphs,
    translate,
    upsert_page,
)
from .models import HomePage, SiteSettings, StandardPage

PROGRAMMES = [
    {
        "slug": ("stok", "stok"),
        "title": ("STOK Dijital Öğrenme Platformu", "STOK Digital Learning Platform"),
        "intro": (
            "Sivil toplumun tarihinden savunuculuğa, planlamadan örgütlenmeye kadar "
            "her yerden ve her zaman erişilebilen eğitimler.",
            "Courses from the history of civil society to advocacy, from planning to "
            "organising, open anywhere and at any time.",
        ),
        "colour": "#0b5563",
        "body": [
            (
                "STOK platformu proje boyunca 5.000 kullanıcıya ulaştı. Kullanıcılar kendi "
                "hızlarında ilerleyerek hem bireysel hem de örgütsel kapasitelerini güçlendirdi.",
                "The STOK platform reached 5,000 users during the project. Learning at their "
                "own pace, users strengthened both their own and their organisations' capacity.",
            ),
            (
                "Çevrim içi eğitimleri Ankara'daki yüz yüze STOK eğitimleri tamamladı: farklı "
                "tematik alanlarda çalışan 404 STK temsilcisi programı bitirdi.",
                "Face-to-face STOK trainings in Ankara completed the online courses: 404 "
                "representatives of CSOs working in different thematic areas finished the "
                "programme.",
            ),
        ],
    },
    {
        "slug": ("bilgi-merkezi", "information-center"),
        "title": ("Bilgi Merkezi", "Information Center"),
        "intro": (
            "Mevzuattan kaynak geliştirmeye, proje yönetiminden gönüllülerle çalışmaya kadar "
            "STK'ların gündelik sorularına yol gösterici yanıtlar.",
            "Guidance for the everyday questions of CSOs, from legislation to resource "
            "development, from project management to working with volunteers.",
        ),
        "colour": "#7a4a00",
        "body": [
            (
                "Bilgi Merkezi, AB hibe projelerinin yönetimi ve raporlaması dahil pek çok "
                "konuda danışmanlık verdi ve sık sorulan 160 soruyu yanıtladı.",
                "The Information Center gave advice on many subjects, including managing and "
                "reporting on EU grant projects, and answered 160 frequently asked questions.",
            ),
        ],
    },
    {
        "slug": ("rota", "rota"),
        "title": ("ROTA Örgütsel Kapasite Öz Değerlendirme Aracı", "ROTA Self-Assessment Tool"),
        "intro": (
            "Yönetişim, katılım, kaynak geliştirme ve iletişim alanlarında örgütünüzü "
            "değerlendirin; güçlü yanlarınızı ve gelişim alanlarınızı görün.",
            "Assess your organisation in governance, participation, resource development "
            "and communication, and see its strengths and the areas to improve.",
        ),
        "colour": "#7a2e8e",
        "body": [
            (
                "ROTA her değerlendirmenin sonunda örgüte özel “reçeteler” sunar ve öğrenme "
                "odaklı bir gelişim sürecinin yol haritasını çizer.",
                "At the end of each assessment ROTA offers “prescriptions” for the "
                "organisation and maps a learning-oriented path of development.",
            ),
        ],
    },
    {
        "slug": ("orgutsel-kocluk", "organisational-coaching"),
        "title": ("Örgütsel Koçluk", "Organisational Coaching"),
        "intro": (
            "STK'ları kendi belirledikleri alanlardaki uzmanlarla buluşturan, ihtiyaca özel "
            "mentorluk desteği.",
            "Mentoring shaped to each CSO's needs, pairing it with experts in the fields it "
            "chooses.",
        ),
        "colour": "#a1245a",
        "body": [
            (
                "Koçluk; yönetişim, kaynak geliştirme ve iletişim stratejisi gibi konularda "
                "örgütlerin daha sürdürülebilir yapılar kurmasına yardımcı oldu.",
                "Coaching on governance, resource development and communication strategy "
                "helped organisations build more sustainable structures.",
            ),
        ],
    },
    {
        "slug": ("bicilmis-kaftan", "tailor-made-trainings"),
        "title": ("Biçilmiş Kaftan Eğitimleri", "Tailor-Made Trainings"),
        "intro": (
            "Bir örgütün kendi ihtiyacına göre, onunla birlikte tasarlanan çevrim içi eğitimler.",
            "Online trainings designed with an organisation, around its own needs.",
        ),
        "colour": "#1f5f2a",
        "body": [
            (
                "Biçilmiş Kaftan programında örgüt yalnızca katılımcı değil paydaştır: yöntemi "
                "ve ihtiyacı kendisi belirler.",
                "In the Tailor-Made programme an organisation is a stakeholder, not just a "
                "participant: it sets the method and the need itself.",
            ),
        ],
    },
    {
        "slug": ("yerellesme-savunuculuk-grubu", "localization-advocacy-group"),
        "title": ("Yerelleşme Savunuculuk Grubu", "Localization Advocacy Group"),
        "intro": (
            "Yerel ve ulusal STK'ların güçlenmesi için yerelleşme gündemini savunan bağımsız "
            "bir girişim.",
            "An independent initiative advocating localisation so that local and national "
            "CSOs grow stronger.",
        ),
        "colour": "#3a3f8f",
        "body": [
            (
                "Grup, Türkiye Yerel STK İnsani Yardım Forumu ve Ulusal Referans Grubu ile "
                "birlikte, Grand Bargain 2.0 çerçevesinde raporlar, strateji belgeleri ve "
                "politika önerileri hazırladı.",
                "With the Turkish Local CSO Humanitarian Forum and the National Reference "
                "Group, the group prepared reports, strategy papers and policy "
                "recommendations within the Grand Bargain 2.0 framework.",
            ),
        ],
    },
]


def load_home(stdout=None) -> HomePage:
    """Create or update the home app's demo pages in Turkish and English."""
    tr, en = get_locale("tr"), get_locale("en")
    glossary: Glossary = {}
    root = Page.get_first_root_node()

    hero_image = make_image("STGM hero", "#073b45", "#ffbf47")
    impact = [
        (
            "figures",
            {
                "title": pair(glossary, "Etkimiz", "Our impact"),
                "figures": [
                    {"value": pair(glossary, v_tr, v_en), "label": pair(glossary, l_tr, l_en)}
                    for v_tr, v_en, l_tr, l_en in [
                        ("5.000", "5,000", "STOK platformu kullanıcısı", "STOK platform users"),
                        ("404", "404", "yüz yüze eğitim mezunu", "face-to-face trainees"),
                        ("31", "31", "ilde buluşma", "cities with meetings"),
                        ("800+", "800+", "STK ile buluştuk", "CSOs met"),
                        ("18", "18", "güç hikâyesi sahnede", "power stories on stage"),
                        ("3", "3", "Sivil Sesler Festivali", "Civil Voices Festivals"),
                    ]
                ],
            },
        )
    ]
    home = HomePage.objects.filter(depth=2, locale=tr).first()
    home_fields = {
        "title": pair(glossary, "Ana sayfa", "Home"),
        "hero_title": pair(
            glossary,
            "Güçlü sivil toplum için birlikte öğreniyor, buluşuyor, konuşuyoruz",
            "Learning, meeting and speaking up together for a strong civil society",
        ),
        "hero_text": pair(
            glossary,
            "STGM, Türkiye'nin dört bir yanındaki sivil toplum kuruluşlarının kapasitesini "
            "eğitimler, buluşmalar ve festivallerle güçlendirir.",
            "STGM strengthens the capacity of civil-society organisations across Turkey "
            "through trainings, meetings and festivals.",
        ),
        "hero_image": hero_image,
        "hero_link_label": pair(glossary, "Yaklaşan etkinlikler", "Upcoming events"),
        "impact": impact,
        "programmes_title": pair(glossary, "Programlarımız", "Our programmes"),
    }
    glossary["anasayfa"] = "home"
    if home is None:
        home = HomePage(slug="anasayfa", **home_fields)
        root.add_child(instance=home)
    else:
        for name, value in home_fields.items():
            setattr(home, name, value)
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name = "localhost", 80, "STGM"
    site.root_page = home
    site.save()
    # The "Welcome to Wagtail" page that a fresh database starts with.
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()

    glossary["programlar"] = "programmes"
    programmes = upsert_page(
        home,
        StandardPage,
        "programlar",
        title=pair(glossary, "Programlar", "Programmes"),
        show_in_menus=True,
        intro=pair(
            glossary,
            "Dijital ve yüz yüze öğrenmeden koçluğa, öz değerlendirmeden savunuculuğa: "
            "STK'ların kapasitesini güçlendiren programlarımız.",
            "From digital and face-to-face learning to coaching, self-assessment and "
            "advocacy: our programmes that strengthen the capacity of CSOs.",
        ),
    )
    programme_pages = []
    for spec in PROGRAMMES:
        glossary[spec["slug"][0]] = spec["slug"][1]
        page = upsert_page(
            programmes,
            StandardPage,
            spec["slug"][0],
            title=pair(glossary, *spec["title"]),
            intro=pair(glossary, *spec["intro"]),
            is_programme=True,
            image=make_image(spec["title"][1], spec["colour"]),
            body=paragraphs(glossary, *spec["body"]),
        )
        programme_pages.append(page)

    glossary["hakkimizda"] = "about"
    about = upsert_page(
        home,
        StandardPage,
        "hakkimizda",
        title=pair(glossary, "Hakkımızda", "About us"),
        show_in_menus=True,
        intro=pair(
            glossary,
            "Sivil Toplum Geliştirme Merkezi (STGM), 2004'ten bu yana Ankara'dan Türkiye'nin "
            "her yerindeki sivil toplum kuruluşlarıyla çalışır.",
            "The Civil Society Development Center (STGM) has worked from Ankara with "
            "civil-society organisations all over Turkey since 2004.",
        ),
        body=paragraphs(
            glossary,
            (
                "Sivil Toplum Kapasitesini Güçlendirme Merkezi Projesi boyunca düzenlediğimiz "
                "eğitimler, buluşmalar ve festivaller sivil toplum aktörlerinin ağlarını "
                "genişletmesine ve dayanışmasına katkı sundu.",
                "The trainings, meetings and festivals of the Civil Society Capacity "
                "Strengthening Center Project helped civil-society actors widen their networks "
                "and stand together.",
            ),
        ),
    )
    glossary["aydinlatma-metni"] = "privacy-notice"
    privacy = upsert_page(
        home,
        StandardPage,
        "aydinlatma-metni",
        title=pair(glossary, "KVKK Aydınlatma Metni", "Privacy notice (KVKK)"),
        intro=pair(
            glossary,
            "6698 sayılı Kişisel Verilerin Korunması Kanunu kapsamında, başvuru formlarında "
            "verdiğiniz kişisel verileri nasıl işlediğimizi açıklarız.",
            "Under Turkey's Personal Data Protection Law No. 6698 (KVKK), this notice "
            "explains how we process the personal data you give in application forms.",
        ),
        body=paragraphs(
            glossary,
            (
                "Verilerinizi yalnızca başvurunuzu değerlendirmek ve sizinle iletişim kurmak "
                "için kullanırız; başvuruları inceleyen ekip dışında kimse göremez.",
                "We use your data only to review your application and to contact you; nobody "
                "outside the team reviewing applications can see it.",
            ),
            (
                "Başvurular, ilgili etkinlik bittikten sonra belirli bir süre içinde "
                "anonimleştirilir. Verilerinizin bir kopyasını isteyebilir ya da silinmesini "
                "talep edebilirsiniz: kvkk@stgm.org.tr",
                "Applications are anonymised within a set period after their event ends. You "
                "may ask for a copy of your data or for its erasure: kvkk@stgm.org.tr",
            ),
        ),
    )

    settings = SiteSettings.for_site(site)
    settings.contact_email = "info@stgm.org.tr"
    settings.contact_phone = "+90 312 442 42 62"
    settings.address = "Sivil Toplum Geliştirme Merkezi\nAnkara"
    settings.x_url = "https://x.com/stgm"
    settings.youtube_url = "https://www.youtube.com/@stgm"
    settings.privacy_page = privacy
    settings.funders = (
        "<p>Sivil Toplum Kapasitesini Güçlendirme Merkezi Projesi / "
        "Civil Society Capacity Strengthening Center Project</p>"
    )
    settings.save()

    translate(home, en, glossary)
    for page in [programmes, *programme_pages, about, privacy]:
        translate(page, en, glossary)
    return home
