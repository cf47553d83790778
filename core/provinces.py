"""Turkey's 81 provinces by plate code, with their Turkish names (used in both languages)."""

from django.db import models

from .turkish import ascii_fold, turkish_lower


class Province(models.TextChoices):
    ADANA = "01", "Adana"
    ADIYAMAN = "02", "Adıyaman"
    AFYONKARAHISAR = "03", "Afyonkarahisar"
    AGRI = "04", "Ağrı"
    AMASYA = "05", "Amasya"
    ANKARA = "06", "Ankara"
    ANTALYA = "07", "Antalya"
    ARTVIN = "08", "Artvin"
    AYDIN = "09", "Aydın"
    BALIKESIR = "10", "Balıkesir"
    BILECIK = "11", "Bilecik"
    BINGOL = "12", "Bingöl"
    BITLIS = "13", "Bitlis"
    BOLU = "14", "Bolu"
    BURDUR = "15", "Burdur"
    BURSA = "16", "Bursa"
    CANAKKALE = "17", "Çanakkale"
    CANKIRI = "18", "Çankırı"
    CORUM = "19", "Çorum"
    DENIZLI = "20", "Denizli"
    DIYARBAKIR = "21", "Diyarbakır"
    EDIRNE = "22", "Edirne"
    ELAZIG = "23", "Elazığ"
    ERZINCAN = "24", "Erzincan"
    ERZURUM = "25", "Erzurum"
    ESKISEHIR = "26", "Eskişehir"
    GAZIANTEP = "27", "Gaziantep"
    GIRESUN = "28", "Giresun"
    GUMUSHANE = "29", "Gümüşhane"
    HAKKARI = "30", "Hakkâri"
    HATAY = "31", "Hatay"
    ISPARTA = "32", "Isparta"
    MERSIN = "33", "Mersin"
    ISTANBUL = "34", "İstanbul"
    IZMIR = "35", "İzmir"
    KARS = "36", "Kars"
    KASTAMONU = "37", "Kastamonu"
    KAYSERI = "38", "Kayseri"
    KIRKLARELI = "39", "Kırklareli"
    KIRSEHIR = "40", "Kırşehir"
    KOCAELI = "41", "Kocaeli"
    KONYA = "42", "Konya"
    KUTAHYA = "43", "Kütahya"
    MALATYA = "44", "Malatya"
    MANISA = "45", "Manisa"
    KAHRAMANMARAS = "46", "Kahramanmaraş"
    MARDIN = "47", "Mardin"
    MUGLA = "48", "Muğla"
    MUS = "49", "Muş"
    NEVSEHIR = "50", "Nevşehir"
    NIGDE = "51", "Niğde"
    ORDU = "52", "Ordu"
    RIZE = "53", "Rize"
    SAKARYA = "54", "Sakarya"
    SAMSUN = "55", "Samsun"
    SIIRT = "56", "Siirt"
    SINOP = "57", "Sinop"
    SIVAS = "58", "Sivas"
    TEKIRDAG = "59", "Tekirdağ"
    TOKAT = "60", "Tokat"
    TRABZON = "61", "Trabzon"
    TUNCELI = "62", "Tunceli"
    SANLIURFA = "63", "Şanlıurfa"
    USAK = "64", "Uşak"
    VAN = "65", "Van"
    YOZGAT = "66", "Yozgat"
    ZONGULDAK = "67", "Zonguldak"
    AKSARAY = "68", "Aksaray"
    BAYBURT = "69", "Bayburt"
    KARAMAN = "70", "Karaman"
    KIRIKKALE = "71", "Kırıkkale"
    BATMAN = "72", "Batman"
    SIRNAK = "73", "Şırnak"
    BARTIN = "74", "Bartın"
    ARDAHAN = "75", "Ardahan"
    IGDIR = "76", "Iğdır"
    YALOVA = "77", "Yalova"
    KARABUK = "78", "Karabük"
    KILIS = "79", "Kilis"
    OSMANIYE = "80", "Osmaniye"
    DUZCE = "81", "Düzce"


def sorted_province_choices() -> list[tuple[str, str]]:
    """Provinces in Turkish alphabetical order (Ç after C, İ after I, Ş after S...)."""
    alphabet = "abcçdefgğhıijklmnoöprsştuüvyz"
    order = {letter: index for index, letter in enumerate(alphabet)}

    def key(choice: tuple[str, str]) -> list[int]:
        return [order.get(ch, len(alphabet) + ord(ch)) for ch in turkish_lower(choice[1])]

    return sorted(Province.choices, key=key)


def province_by_name(name: str) -> Province | None:
    """Match a typed province name however it is spelled: "izmir", "İZMİR", "Izmir"."""
    folded = ascii_fold(name.strip())
    return next((p for p in Province if ascii_fold(p.label) == folded), None)
