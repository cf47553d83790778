"""Demo stories: 18 invented narrators who told their stories on the Power Stories tour
(events.demo.load_power_stories) in 6 provinces, their themes, and testimonials written
afresh from the programme report's facts. Every narrator, organisation and person here is
fictional. Idempotent: running it again updates the same objects.
"""

import datetime
import json
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from applications.models import SelectionStatus
from events.models import FestivalPage, PowerStoriesEventPage
from home.demo_tools import (
    Glossary,
    get_locale,
    make_image,
    pair,
    translate,
    upsert_object,
    upsert_page,
)
from home.models import StandardPage

from .models import (
    Narrator,
    NarratorApplication,
    OpenCallPage,
    StoryIndexPage,
    StoryPage,
    StoryPhoto,
    Testimonial,
    Theme,
)
from .open_call import services as call_services

POWER_STORIES_SLUG = "guc-hikayeleri-sahnede"

THEMES = [
    # slug, Turkish, English
    ("dayanisma", "Dayanışma", "Solidarity"),
    ("deprem-ve-afet", "Deprem ve afet", "Earthquake and disaster"),
    ("erisilebilirlik", "Erişilebilirlik", "Accessibility"),
    ("kadin-orgutlenmesi", "Kadın örgütlenmesi", "Women's organising"),
    ("genclik", "Gençlik", "Youth"),
    ("cevre", "Çevre", "Environment"),
    ("hayvan-haklari", "Hayvan hakları", "Animal rights"),
    ("goc", "Göç", "Migration"),
    ("gonulluluk", "Gönüllülük", "Volunteering"),
    ("yerel-yonetimler", "Yerel yönetimlerle iş birliği", "Working with local government"),
]

# The Power Stories tour: province code, colour of the generated photos, date on stage
# (the dates of events.demo.load_power_stories: every two weeks from 9 March 2024).
STOPS = {
    "izmir": ("35", "#0b5563", datetime.date(2024, 3, 9)),
    "ankara": ("06", "#7a2e8e", datetime.date(2024, 3, 23)),
    "istanbul": ("34", "#a1245a", datetime.date(2024, 4, 6)),
    "diyarbakir": ("21", "#7a4a00", datetime.date(2024, 4, 20)),
    "trabzon": ("61", "#1f5f2a", datetime.date(2024, 5, 4)),
    "mersin": ("33", "#3a3f8f", datetime.date(2024, 5, 18)),
}


@dataclass
class DemoStory:
    stop: str
    slug: tuple[str, str]
    title: tuple[str, str]
    narrator: str
    organisation: tuple[str, str]
    city: str
    themes: tuple[str, ...]
    quote: tuple[str, str]
    transcript: tuple[tuple[str, str], ...]
    video: str = ""
    audio: bool = False
    featured: bool = False


STORIES = [
    DemoStory(
        "izmir",
        ("depremden-sonra-ilk-corba", "the-first-soup-after-the-earthquake"),
        ("Depremden sonra ilk çorba", "The first soup after the earthquake"),
        "Selin Martıgil",
        ("Körfez Dayanışma Mutfağı", "Gulf Solidarity Kitchen"),
        "Karşıyaka",
        ("deprem-ve-afet", "dayanisma"),
        (
            "Bir kazan çorbayla başladık; bir hafta sonra kırk gönüllüyle üç mahalleye yemek "
            "taşıyorduk.",
            "We started with one pot of soup; a week later forty volunteers were carrying "
            "meals to three neighbourhoods.",
        ),
        (
            (
                "Şubat depremlerinin haberini aldığımız sabah mutfağımızda yalnızca bir kazan "
                "ve iki çuval mercimek vardı.",
                "On the morning we heard about the February earthquakes, our kitchen had one "
                "pot and two sacks of lentils.",
            ),
            (
                "Komşular sebze, fırıncılar ekmek getirdi. Çorba bahaneydi; asıl pişen, "
                "mahallenin birbirine güvenmesiydi.",
                "Neighbours brought vegetables, bakers brought bread. The soup was an excuse; "
                "what really cooked was the neighbourhood's trust in one another.",
            ),
        ),
        audio=True,
        featured=True,
    ),
    DemoStory(
        "izmir",
        ("rampa-bir-kapidir", "a-ramp-is-a-door"),
        ("Rampa bir kapıdır", "A ramp is a door"),
        "Kerem Dalgakıran",
        ("Kordon Erişim Platformu", "Kordon Access Platform"),
        "Konak",
        ("erisilebilirlik", "yerel-yonetimler"),
        (
            "Belediyeye yazdığımız ilk dilekçe cevapsız kaldı; on ikincisi bir rampayla döndü.",
            "Our first petition to the municipality went unanswered; the twelfth came back as "
            "a ramp.",
        ),
        (
            (
                "Tekerlekli sandalyemle sahil yoluna inmek için her gün iki yüz metre yol "
                "yürüyenlere yük oluyordum.",
                "To reach the seafront in my wheelchair I had to rely every day on people "
                "walking two hundred metres with me.",
            ),
            (
                "Dilekçeleri birlikte yazdık, fotoğrafları birlikte çektik. Rampa açıldığında "
                "kurdeleyi ilk kez yardımsız geçen bir çocuk kesti.",
                "We wrote the petitions together and took the photographs together. When the "
                "ramp opened, the ribbon was cut by a child crossing it without help for the "
                "first time.",
            ),
        ),
        video="https://www.youtube.com/watch?v=stgm-demo01",
    ),
    DemoStory(
        "izmir",
        ("festivalde-bir-stant-bir-ses", "one-stand-one-voice-at-the-festival"),
        ("Festivalde bir stant, bir ses", "One stand, one voice at the festival"),
        "Nehir Sakızlı",
        ("Bornova Genç Fikir Kulübü", "Bornova Young Ideas Club"),
        "Bornova",
        ("genclik", "gonulluluk"),
        (
            "Stantımıza ilk gelen kişi ne yaptığımızı sordu; cevap verirken biz de öğrendik.",
            "The first person at our stand asked what we did; answering, we found out ourselves.",
        ),
        (
            (
                "Kulübümüz üç arkadaşın bir kafede kurduğu bir sohbet grubuydu; festivale "
                "giderken adımızı bile tartışıyorduk.",
                "Our club was a chat group three friends started in a café; on the way to the "
                "festival we were still arguing about our name.",
            ),
            (
                "İki gün boyunca yüzlerce kişiyle konuştuk. Döndüğümüzde bir tüzüğümüz ve on "
                "yeni gönüllümüz vardı.",
                "Over two days we talked to hundreds of people. When we came back we had a "
                "charter and ten new volunteers.",
            ),
        ),
    ),
    DemoStory(
        "ankara",
        ("kooperatifin-anahtari", "the-key-to-the-cooperative"),
        ("Kooperatifin anahtarı", "The key to the cooperative"),
        "Hatice Ardıçlı",
        ("Mamak Kadın Kooperatifi", "Mamak Women's Cooperative"),
        "Mamak",
        ("kadin-orgutlenmesi", "dayanisma"),
        (
            "Anahtarı bana verdiklerinde ilk kez bir kapıyı kendi adıma açtığımı hissettim.",
            "When they handed me the key, I felt I was opening a door in my own name for the "
            "first time.",
        ),
        (
            (
                "Yıllarca evde erişte kestim, komşulara sattım; kazancın kime ait olduğunu hiç "
                "sormadım.",
                "For years I cut noodles at home and sold them to neighbours; I never asked "
                "whose earnings they were.",
            ),
            (
                "Kooperatifte on iki kadın, hesap tutmayı birlikte öğrendik. Şimdi her ay "
                "toplantıyı sırayla biz yönetiyoruz.",
                "In the cooperative twelve women learned bookkeeping together. Now we take "
                "turns chairing the monthly meeting.",
            ),
        ),
        audio=True,
    ),
    DemoStory(
        "ankara",
        ("kirk-kulube", "forty-shelters"),
        ("Kırk kulübe", "Forty shelters"),
        "Okan Tarçınlı",
        ("Sokak Dostları Derneği", "Street Friends Association"),
        "Çankaya",
        ("hayvan-haklari", "gonulluluk"),
        (
            "Kışın ilk karında kırk kulübe vardı; ikinci karda parkın her köşesinde bir tane.",
            "At the first snow of winter there were forty shelters; by the second, one in "
            "every corner of the park.",
        ),
        (
            (
                "Bir sokak köpeğinin donarak öldüğü gece, elimdeki tahtalarla ilk kulübeyi çaktım.",
                "The night a street dog froze to death, I nailed the first shelter together "
                "from the boards I had.",
            ),
            (
                "Ertesi hafta bir marangoz, sonra bir okul katıldı. Çocuklar kulübelere isim "
                "verdi, biz de belediyeyle bakım planı yaptık.",
                "The next week a carpenter joined, then a school. The children named the "
                "shelters, and we drew up a care plan with the municipality.",
            ),
        ),
    ),
    DemoStory(
        "ankara",
        ("ellerimle-anlatiyorum", "i-tell-it-with-my-hands"),
        ("Ellerimle anlatıyorum", "I tell it with my hands"),
        "Defne Ilgaz",
        ("Ankara İşaret Dili Topluluğu", "Ankara Sign Language Community"),
        "Keçiören",
        ("erisilebilirlik", "genclik"),
        (
            "Sahnede sessizdim ama salon ilk kez benim dilimde alkışladı.",
            "I was silent on stage, but for the first time the hall applauded in my language.",
        ),
        (
            (
                "Okulda işaret dili bilen tek öğretmenimiz emekli olunca, teneffüslerde "
                "birbirimize ders vermeye başladık.",
                "When our only teacher who knew sign language retired, we began teaching one "
                "another during breaks.",
            ),
            (
                "Bugün topluluğumuz işiten gençlere de kurs veriyor. Hikâyemi sahnede "
                "işaret diliyle anlattım, bir arkadaşım seslendirdi.",
                "Today our community also teaches hearing young people. I told my story on "
                "stage in sign language while a friend voiced it.",
            ),
        ),
    ),
    DemoStory(
        "istanbul",
        ("betonun-altindaki-toprak", "the-soil-under-the-concrete"),
        ("Betonun altındaki toprak", "The soil under the concrete"),
        "Arda Poyrazoğlu",
        ("Kadıköy Mahalle Bostanı", "Kadıköy Neighbourhood Garden"),
        "Kadıköy",
        ("cevre", "yerel-yonetimler"),
        (
            "Otoparka dönüşecek arsada ilk domatesi topladığımızda, mahalle kararını vermişti.",
            "When we picked the first tomato on the plot meant to become a car park, the "
            "neighbourhood had made up its mind.",
        ),
        (
            (
                "Boş arsayı temizlemek için bir pazar sabahı buluştuk; öğlene kadar otuz kişi "
                "olmuştuk.",
                "We met one Sunday morning to clear the empty plot; by noon there were thirty "
                "of us.",
            ),
            (
                "Belediye meclisine giderken yanımıza bir sepet sebze aldık. Bostan bugün "
                "okulların açık hava sınıfı.",
                "We took a basket of vegetables with us to the council meeting. Today the "
                "garden is an open-air classroom for the schools.",
            ),
        ),
        video="https://vimeo.com/100000001",
    ),
    DemoStory(
        "istanbul",
        ("yeni-sehirde-ilk-dilekce", "the-first-petition-in-a-new-city"),
        ("Yeni şehirde ilk dilekçe", "The first petition in a new city"),
        "Leyla Nurani",
        ("Köprü Göçmen Dayanışma Ağı", "Bridge Migrant Solidarity Network"),
        "Fatih",
        ("goc", "kadin-orgutlenmesi"),
        (
            "Bir dilekçe yazmayı öğrenmek, bu şehirde misafir değil komşu olduğumu gösterdi.",
            "Learning to write a petition showed me I was a neighbour in this city, not a guest.",
        ),
        (
            (
                "Geldiğim ilk yıl kızımın okul kaydı için üç kez geri çevrildim; hangi belgeyi "
                "istediklerini anlamıyordum.",
                "In my first year here I was turned away three times trying to enrol my "
                "daughter at school; I did not understand which document they wanted.",
            ),
            (
                "Ağımızda şimdi her cumartesi başka kadınlara form doldurmayı anlatıyorum. "
                "Hikâyemi dinleyen bir arkadaşım, kendi hikâyesini de anlatmaya karar verdi.",
                "Every Saturday I now show other women in our network how to fill in forms. A "
                "friend who heard my story decided to tell her own.",
            ),
        ),
        featured=True,
    ),
    DemoStory(
        "istanbul",
        ("cumartesi-sinifi", "the-saturday-classroom"),
        ("Cumartesi sınıfı", "The Saturday classroom"),
        "Baran Yelkovan",
        ("Üsküdar Gönüllü Öğretmenler", "Üsküdar Volunteer Teachers"),
        "Üsküdar",
        ("gonulluluk", "genclik"),
        (
            "Derse gelen ilk öğrenci bir yıl sonra gönüllü öğretmen olarak geri döndü.",
            "The first student who came to class returned a year later as a volunteer teacher.",
        ),
        (
            (
                "Bir apartman bodrumunda, ödünç masalarla, dört lise öğrencisine matematik "
                "anlatarak başladık.",
                "We started in a basement with borrowed tables, teaching maths to four "
                "secondary-school students.",
            ),
            (
                "Gönüllülerimizin yarısı artık eski öğrencilerimiz. Sınıfın kapısında "
                "yazanı onlar seçti: 'Burada herkes hem öğrenci hem öğretmen.'",
                "Half of our volunteers are now former students. They chose the sign on the "
                "door: 'Here everyone is both student and teacher.'",
            ),
        ),
    ),
    DemoStory(
        "diyarbakir",
        ("surlarin-dibinde-bir-kutuphane", "a-library-at-the-foot-of-the-walls"),
        ("Surların dibinde bir kütüphane", "A library at the foot of the walls"),
        "Rojda Bazalt",
        ("Sur Çocuk Kitaplığı Girişimi", "Sur Children's Library Initiative"),
        "Sur",
        ("genclik", "gonulluluk"),
        (
            "Kitapları bir el arabasıyla taşıyorduk; çocuklar arabanın sesini duyunca "
            "sokağa koşuyordu.",
            "We carried the books in a wheelbarrow; the children ran into the street when "
            "they heard it coming.",
        ),
        (
            (
                "Mahallede tek bir kitapçı yoktu. Evlerden topladığımız iki yüz kitapla "
                "gezici bir kitaplık kurduk.",
                "There was not a single bookshop in the neighbourhood. With two hundred books "
                "collected from homes we set up a mobile library.",
            ),
            (
                "Şimdi bir dükkânımız var ve okuma saatlerini çocuklar kendileri yönetiyor.",
                "Now we have a shop front, and the children run the reading hours themselves.",
            ),
        ),
    ),
    DemoStory(
        "diyarbakir",
        ("nehirle-konusmak", "talking-with-the-river"),
        ("Nehirle konuşmak", "Talking with the river"),
        "Serhat Karacadağlı",
        ("Dicle Ekoloji Kolektifi", "Tigris Ecology Collective"),
        "Bağlar",
        ("cevre", "dayanisma"),
        (
            "Nehir kıyısından bir ton çöp topladık; en çok da birbirimizi tanıdık.",
            "We collected a tonne of rubbish from the riverbank; above all, we got to know "
            "one another.",
        ),
        (
            (
                "Çocukken yüzdüğümüz kıyıya yıllar sonra döndüğümde suya yaklaşmak bile "
                "mümkün değildi.",
                "When I went back years later to the bank where we swam as children, you "
                "could not even get near the water.",
            ),
            (
                "Her ayın ilk pazarı temizlikte buluşuyoruz; üniversite öğrencileri suyu "
                "ölçüyor, yaşlılar eski kıyıyı anlatıyor.",
                "We meet on the first Sunday of every month to clean up; university students "
                "test the water and the elders describe the old riverbank.",
            ),
        ),
        video="https://www.youtube.com/watch?v=stgm-demo02",
    ),
    DemoStory(
        "diyarbakir",
        ("konteynerde-bir-atolye", "a-workshop-in-a-container"),
        ("Konteynerde bir atölye", "A workshop in a container"),
        "Gülistan Narlı",
        ("Kayapınar Kadın Dayanışma Evi", "Kayapınar Women's Solidarity House"),
        "Kayapınar",
        ("deprem-ve-afet", "kadin-orgutlenmesi"),
        (
            "Depremden sonra bir konteyner, dikiş makineleri ve umut; hepsi bu kadardı.",
            "After the earthquake there was a container, some sewing machines and hope; that "
            "was all.",
        ),
        (
            (
                "Evlerini kaybeden kadınlar için bir konteyneri atölyeye çevirdik; ilk ay "
                "okul önlükleri diktik.",
                "We turned a container into a workshop for women who had lost their homes; in "
                "the first month we sewed school smocks.",
            ),
            (
                "Atölye bugün bir kooperatif. Konteyneri bıraktık ama kapısındaki yazıyı "
                "yeni dükkânımıza taşıdık.",
                "The workshop is a cooperative today. We left the container behind but took "
                "the sign from its door to our new shop.",
            ),
        ),
    ),
    DemoStory(
        "trabzon",
        ("yokuslar-sehri", "the-city-of-slopes"),
        ("Yokuşlar şehri", "The city of slopes"),
        "Cemre Fındıkçı",
        ("Karadeniz Engelsiz Yaşam Derneği", "Black Sea Barrier-Free Living Association"),
        "Ortahisar",
        ("erisilebilirlik", "yerel-yonetimler"),
        (
            "Şehrin erişilebilirlik haritasını çizmek için yokuşları tek tek ölçtük.",
            "To draw the city's accessibility map, we measured its slopes one by one.",
        ),
        (
            (
                "Trabzon'da her yokuş bir karar demek: gitmek mi, vazgeçmek mi.",
                "In Trabzon every slope is a decision: to go, or to give up.",
            ),
            (
                "Gönüllülerle iki yüz sokağı ölçtük, haritayı belediyeyle paylaştık. Yeni "
                "otobüs duraklarının yerini artık bu harita belirliyor.",
                "With volunteers we measured two hundred streets and shared the map with the "
                "municipality. It now decides where the new bus stops go.",
            ),
        ),
        featured=True,
    ),
    DemoStory(
        "trabzon",
        ("yaylada-internet", "internet-on-the-highland"),
        ("Yaylada internet", "Internet on the highland"),
        "Yusuf Horonlu",
        ("Yayla Gençlik Ağı", "Highland Youth Network"),
        "Maçka",
        ("genclik", "cevre"),
        (
            "Yaylada çekmeyen telefon, bizi aynı masada buluşturdu.",
            "The phone with no signal on the highland brought us together at the same table.",
        ),
        (
            (
                "Yaz aylarında yaylaya çıkan gençler için internet yoktu; ödevler yarım kalıyordu.",
                "For young people spending the summer on the highland there was no internet; "
                "homework went unfinished.",
            ),
            (
                "Köy odasını bir çalışma salonuna çevirdik, güneş paneliyle bağlantı kurduk. "
                "Şimdi salonda yayla otlarının kataloğunu hazırlıyoruz.",
                "We turned the village room into a study hall with a solar-powered "
                "connection. Now we are cataloguing the highland's herbs there.",
            ),
        ),
    ),
    DemoStory(
        "trabzon",
        ("yagmurda-mama", "food-in-the-rain"),
        ("Yağmurda mama", "Food in the rain"),
        "Melek Çaykara",
        ("Sahil Sokak Hayvanları Gönüllüleri", "Coastal Street Animal Volunteers"),
        "Akçaabat",
        ("hayvan-haklari", "gonulluluk"),
        (
            "Karadeniz'de yağmur durmaz; biz de durmadık.",
            "On the Black Sea the rain never stops; neither did we.",
        ),
        (
            (
                "Islanan mamalar bozuluyordu. Bir balıkçı eski kasalarını verdi, üstü kapalı "
                "mama noktaları yaptık.",
                "Wet food went off. A fisherman gave us his old crates and we built covered "
                "feeding points.",
            ),
            (
                "Bugün sahil boyunca otuz nokta var ve her birine bir mahalle sakini bakıyor.",
                "Today there are thirty points along the coast, each looked after by someone "
                "from the neighbourhood.",
            ),
        ),
    ),
    DemoStory(
        "mersin",
        ("iki-dilde-bir-masal", "a-tale-in-two-languages"),
        ("İki dilde bir masal", "A tale in two languages"),
        "Deniz Limonlu",
        ("Akdeniz Göç ve Uyum Derneği", "Mediterranean Migration and Inclusion Association"),
        "Yenişehir",
        ("goc", "dayanisma"),
        (
            "Masalı önce Arapça, sonra Türkçe anlattık; çocuklar ikisinde de aynı yerde güldü.",
            "We told the tale first in Arabic, then in Turkish; the children laughed at the "
            "same place in both.",
        ),
        (
            (
                "Mahalledeki iki okulun çocukları aynı parkta oynuyor ama birbirleriyle "
                "konuşmuyordu.",
                "Children from the neighbourhood's two schools played in the same park but "
                "did not talk to each other.",
            ),
            (
                "İki dilli masal saatleri başlattık. Şimdi masalları çocuklar birlikte yazıyor "
                "ve resimliyor.",
                "We started bilingual story hours. Now the children write and illustrate the "
                "tales together.",
            ),
        ),
        video="https://www.youtube.com/watch?v=stgm-demo03",
    ),
    DemoStory(
        "mersin",
        ("kumdaki-izler", "tracks-in-the-sand"),
        ("Kumdaki izler", "Tracks in the sand"),
        "Eda Tuzlagöl",
        ("Kazanlı Deniz Kaplumbağası Gönüllüleri", "Kazanlı Sea Turtle Volunteers"),
        "Akdeniz",
        ("cevre", "hayvan-haklari"),
        (
            "Gece nöbetinde ilk yavrunun denize ulaştığını görünce bütün yorgunluk geçti.",
            "On night watch, seeing the first hatchling reach the sea made all the tiredness "
            "disappear.",
        ),
        (
            (
                "Plajdaki yuvaları işaretlemek için her sabah gün doğmadan kumda yürüyoruz.",
                "Every morning before sunrise we walk the sand to mark the nests on the beach.",
            ),
            (
                "Otel işletmeleriyle ışıkları kısma sözleşmesi yaptık. Bu yaz yuvaların "
                "çoğundan yavrular denize ulaştı.",
                "We agreed with the hotels to dim their lights. This summer hatchlings from "
                "most of the nests reached the sea.",
            ),
        ),
    ),
    DemoStory(
        "mersin",
        ("mecliste-bir-sandalye", "a-chair-at-the-council"),
        ("Mecliste bir sandalye", "A chair at the council"),
        "Murat Portakallı",
        ("Tarsus Kent Konseyi Gençlik Meclisi", "Tarsus City Council Youth Assembly"),
        "Tarsus",
        ("yerel-yonetimler", "genclik"),
        (
            "Meclis salonunda bize ayrılan sandalyeye ilk oturduğumda sesim titriyordu.",
            "The first time I sat in the chair kept for us in the council chamber, my voice "
            "was shaking.",
        ),
        (
            (
                "Gençlik meclisinin önerileri yıllarca bir dosyada bekledi.",
                "For years the youth assembly's proposals waited in a folder.",
            ),
            (
                "Bir gün dosyayı alıp meclis toplantısına gittik. Bugün her toplantıda bir "
                "gencin söz hakkı var ve ilk önerimiz, gece otobüsü, yollarda.",
                "One day we took the folder to a council meeting. Today a young person has "
                "the floor at every meeting, and our first proposal, a night bus, is running.",
            ),
        ),
    ),
]

TESTIMONIALS = [
    # page (model, Turkish slug), person, organisation pair, quote pair, home page
    (
        (PowerStoriesEventPage, POWER_STORIES_SLUG),
        "Sevgi Tandoğan",
        ("Güç Hikâyeleri anlatıcısı", "Power Stories narrator"),
        (
            "Sahneye çıkmadan önce hikâyemin anlatmaya değer olduğunu düşünmüyordum; "
            "atölyelerden sonra başkalarının hikâyelerinden de güç aldım.",
            "Before going on stage I didn't think my story was worth telling; after the "
            "workshops I drew strength from the others' stories too.",
        ),
        True,
    ),
    (
        (FestivalPage, "sivil-sesler-festivali-2024"),
        "Tuna Erikdalı",
        ("Ege Kent Hakları Derneği", "Aegean Urban Rights Association"),
        (
            "52 ilden gelen 217 örgütle aynı çatı altında olmak yalnız olmadığımızı "
            "hatırlattı; stantların arasında üç yeni ortaklık kurduk.",
            "Being under one roof with 217 organisations from 52 cities reminded us we are "
            "not alone; between the stands we started three new partnerships.",
        ),
        True,
    ),
    (
        (StandardPage, "stok"),
        "Ayla Kırlangıç",
        ("Kırşehir Gönüllü Eğitim Derneği", "Kırşehir Volunteer Education Association"),
        (
            "Şehir dışındaki eğitimlere gidemiyordum; STOK'un videolarıyla temeli attım, "
            "Ankara'daki yüz yüze eğitimde her şey yerine oturdu.",
            "I couldn't travel to trainings out of town; STOK's videos gave me the basics, "
            "and the face-to-face training in Ankara made everything fall into place.",
        ),
        True,
    ),
    (
        (StandardPage, "bilgi-merkezi"),
        "Hasan Çınaraltı",
        ("Van Gölü Kültür Derneği", "Lake Van Culture Association"),
        (
            "AB projemizin raporlarında her takıldığımızda Bilgi Merkezi'ne sorduk; raporlar "
            "sorunsuz teslim edildi, ekibimiz de çok şey öğrendi.",
            "Whenever we got stuck on our EU project's reports we asked the Information "
            "Center; the reports went in without a problem and our team learned a lot.",
        ),
        False,
    ),
    (
        (StandardPage, "rota"),
        "Pınar Söğütlü",
        ("Eskişehir Engelsiz Spor Kulübü", "Eskişehir Barrier-Free Sports Club"),
        (
            "ROTA'nın reçeteleri nereden başlayacağımızı gösterdi; şimdi kendi sorularımızı "
            "ekleyerek her yıl yeniden kullanıyoruz.",
            "ROTA's prescriptions showed us where to start; now we use it again every year, "
            "with questions of our own added.",
        ),
        False,
    ),
    (
        (StandardPage, "orgutsel-kocluk"),
        "Emre Kavaklı",
        ("Samsun Çevre Gönüllüleri", "Samsun Environment Volunteers"),
        (
            "Koçluk bize hazır bir kalıp dayatmadı; örgütümüzün kendi değerlerinden yola "
            "çıktık ve iletişimdeki açığımızı kapattık.",
            "Coaching did not impose a ready-made template; we started from our "
            "organisation's own values and closed our gap in communication.",
        ),
        False,
    ),
]


def silent_mp3(seconds: int = 3) -> bytes:
    """A short silent MP3 (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono): empty frames."""
    frame = b"\xff\xfb\x90\xc4" + bytes(413)
    return frame * int(seconds * 38.28)


def captions(text: str) -> bytes:
    return f"WEBVTT\n\n00:00.000 --> 00:03.000\n{text}\n".encode()


def upsert_document(title: str, filename: str, content: bytes):
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing:
        return existing
    return document_model.objects.create(title=title, file=ContentFile(content, name=filename))


def load_themes(glossary: Glossary) -> dict[str, Theme]:
    turkish, english = get_locale("tr"), get_locale("en")
    themes = {}
    for slug, name_tr, name_en in THEMES:
        theme = upsert_object(
            Theme, {"slug": slug, "locale": turkish}, name=pair(glossary, name_tr, name_en)
        )
        translate(theme, english, glossary)
        themes[slug] = theme
    return themes


def override_captions(story: StoryPage, document, locale) -> None:
    """Give the translation its own captions file (a wagtail-localize segment override)."""
    source, _ = TranslationSource.update_or_create_from_instance(story)
    segment = OverridableSegment.objects.filter(
        source=source, context__path="captions_file"
    ).first()
    if segment is not None:
        SegmentOverride.objects.update_or_create(
            locale=locale, context=segment.context, defaults={"data_json": json.dumps(document.pk)}
        )


def load_stories(home: Page) -> StoryIndexPage:
    """Create or update the stories archive, its 18 stories, narrators, themes and the
    testimonials, in Turkish and English."""
    turkish, english = get_locale("tr"), get_locale("en")
    glossary: Glossary = {}
    themes = load_themes(glossary)
    event = PowerStoriesEventPage.objects.filter(slug=POWER_STORIES_SLUG, locale=turkish).first()

    glossary["hikayeler"] = "stories"
    index = upsert_page(
        home,
        StoryIndexPage,
        "hikayeler",
        title=pair(glossary, "Hikâyeler", "Stories"),
        show_in_menus=True,
        intro=pair(
            glossary,
            "Güç Hikâyeleri sahnelerinde anlatılan hikâyeler: il, tema, yıl ya da etkinliğe "
            "göre süzün. (Tanıtım içeriğidir: anlatıcılar ve örgütleri kurgudur.)",
            "Stories told on the Power Stories stages: filter them by province, theme, year "
            "or event. (Demo content: the narrators and their organisations are invented.)",
        ),
    )
    translate(index, english, glossary)

    stories = []
    for number, spec in enumerate(STORIES):
        province, colour, day = STOPS[spec.stop]
        glossary[spec.city] = spec.city
        narrator = upsert_object(
            Narrator,
            {"name": spec.narrator, "locale": turkish},
            organisation=pair(glossary, *spec.organisation),
            city=spec.city,
            province=province,
        )
        translate(narrator, english, glossary)
        glossary[spec.slug[0]] = spec.slug[1]
        photo = make_image(f"Power Stories {spec.title[1]}", colour, "#ffbf47", size=(1200, 800))
        audio = captions_tr = None
        if spec.audio:
            audio = upsert_document(f"{spec.title[1]} (audio)", f"{spec.slug[1]}.mp3", silent_mp3())
            captions_tr = upsert_document(
                f"{spec.title[1]} (captions, tr)",
                f"{spec.slug[1]}-tr.vtt",
                captions(spec.quote[0]),
            )
        story = upsert_page(
            index,
            StoryPage,
            spec.slug[0],
            title=pair(glossary, *spec.title),
            narrator=narrator,
            province=province,
            themes=[themes[slug] for slug in spec.themes],
            event=event,
            date_told=day,
            pull_quote=pair(glossary, *spec.quote),
            image=photo,
            transcript="".join(f"<p>{pair(glossary, *texts)}</p>" for texts in spec.transcript),
            video_url=spec.video,
            audio_file=audio,
            captions_file=captions_tr,
            is_featured=spec.featured,
            photos=[
                StoryPhoto(
                    locale=turkish,
                    image=make_image(f"Power Stories stage {number % 6}", colour, "#ffffff"),
                    alt_text=pair(
                        glossary,
                        f"{spec.narrator} sahnede, seyircilere hikâyesini anlatıyor.",
                        f"{spec.narrator} on stage, telling the story to the audience.",
                    ),
                    caption=pair(
                        glossary,
                        f"Güç Hikâyeleri, {day:%d.%m.%Y}",
                        f"Power Stories, {day:%d.%m.%Y}",
                    ),
                )
            ],
        )
        if spec.audio:
            captions_en = upsert_document(
                f"{spec.title[1]} (captions, en)",
                f"{spec.slug[1]}-en.vtt",
                captions(spec.quote[1]),
            )
            override_captions(story, captions_en, english)
        stories.append(story)
    for story in stories:
        translate(story, english, glossary)

    load_testimonials(glossary)
    return index


def load_testimonials(glossary: Glossary) -> list[Testimonial]:
    turkish, english = get_locale("tr"), get_locale("en")
    testimonials = []
    for order, ((model, slug), person, organisation, quote, on_home) in enumerate(TESTIMONIALS):
        page = model.objects.filter(slug=slug, locale=turkish).first()
        testimonial = upsert_object(
            Testimonial,
            {"person": person, "locale": turkish},
            quote=pair(glossary, *quote),
            organisation=pair(glossary, *organisation),
            page=page,
            show_on_home_page=on_home,
            sort_order=order,
        )
        translate(testimonial, english, glossary)
        testimonials.append(testimonial)
    return testimonials


# --- The past open call for narrators ----------------------------------------------------

OPEN_CALL_SLUG = "anlatici-cagrisi"
DEMO_REVIEWERS = ["demo.degerlendirici.1", "demo.degerlendirici.2"]
# name, organisation, city, preferred province, language, outcome, reviews (one per reviewer)
DEMO_APPLICANTS = [
    ("Deniz Aksoy", "Kıyı Kadın Kooperatifi", "35", "35", "tr", SelectionStatus.SELECTED, [5, 4]),
    ("Baran Tekin", "", "21", "21", "tr", SelectionStatus.SELECTED, [4, 4]),
    (
        "Lale Yurt",
        "Engelsiz Adımlar Derneği",
        "06",
        "06",
        "en",
        SelectionStatus.SHORTLISTED,
        [4, 3],
    ),
    ("Onur Sezer", "Dağ Köyü Okulu Gönüllüleri", "61", "", "tr", SelectionStatus.DECLINED, [2, 3]),
    ("Meral Ilgaz", "", "27", "27", "en", SelectionStatus.DECLINED, [2]),
    ("Harun Kılıç", "Sokak Sesleri", "34", "34", "tr", SelectionStatus.SUBMITTED, []),
    ("Nesrin Ay", "Yaşlılar Dayanışma Ağı", "26", "", "tr", SelectionStatus.WITHDRAWN, []),
]


def demo_reviewers() -> list:
    """Two reviewers (no password: they cannot log in) in the "Narrator reviewers" group."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    group = Group.objects.filter(name="Narrator reviewers").first()
    users = []
    for username in DEMO_REVIEWERS:
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        if created:
            user.set_unusable_password()
            user.save()
        if group is not None:
            user.groups.add(group)
        users.append(user)
    return users


def load_open_call(home: Page) -> OpenCallPage:
    """A past (closed) Power Stories call for narrators, in both languages, with invented
    applications in mixed statuses and a few reviews (no e-mail is sent). Idempotent."""
    english = get_locale("en")
    glossary: Glossary = {OPEN_CALL_SLUG: "open-call-for-narrators"}
    today = timezone.localdate()
    istanbul = timezone.get_current_timezone()
    opens = datetime.datetime.combine(
        today - datetime.timedelta(days=120), datetime.time(9), tzinfo=istanbul
    )
    closes = datetime.datetime.combine(
        today - datetime.timedelta(days=75), datetime.time(23, 59), tzinfo=istanbul
    )
    call = upsert_page(
        home,
        OpenCallPage,
        OPEN_CALL_SLUG,
        title=pair(glossary, "Güç Hikâyeleri anlatıcı çağrısı", "Power Stories call for narrators"),
        intro=pair(
            glossary,
            "Güç Hikâyeleri turunda sahneye çıkacak 18 anlatıcıyı bu çağrıyla seçtik. "
            "(Tanıtım içeriğidir: başvuranlar kurgudur.)",
            "We chose the 18 narrators of the Power Stories tour through this call. "
            "(Demo content: the applicants are invented.)",
        ),
        applications_open=opens,
        applications_close=closes,
    )
    translate(call, english, glossary)

    reviewers = demo_reviewers()
    for n, (name, organisation, city, province, language, outcome, scores) in enumerate(
        DEMO_APPLICANTS, start=1
    ):
        email = f"anlatici{n}@example.org"
        if NarratorApplication.objects.filter(call=call, email=email).exists():
            continue
        application = call_services.submit_narrator_application(
            call,
            {
                "contact_name": name,
                "organisation": organisation,
                "city": city,
                "email": email,
                "phone": "+903121234567",
                "summary": "Mahallemizde birlikte kurduğumuz dayanışmanın hikâyesi.",
                "why_it_matters": "Küçük bir adımın nasıl büyüdüğünü göstermek istiyorum.",
                "preferred_province": province,
                "accessibility_needs": "Sahneye rampa." if n == 3 else "",
            },
            language,
            now=opens + datetime.timedelta(days=n),
            notify=False,
        )
        for reviewer, score in zip(reviewers, scores, strict=False):
            call_services.review(application, reviewer, score)
        path = {
            SelectionStatus.SUBMITTED: [],
            SelectionStatus.SHORTLISTED: [SelectionStatus.SHORTLISTED],
            SelectionStatus.SELECTED: [SelectionStatus.SHORTLISTED, SelectionStatus.SELECTED],
            SelectionStatus.DECLINED: [SelectionStatus.DECLINED],
            SelectionStatus.WITHDRAWN: [SelectionStatus.WITHDRAWN],
        }[outcome]
        for status in path:
            call_services.change_status(application, status, notify=False)
    return call
