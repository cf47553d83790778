"""The search tests' corpus: a few pages in both languages (built once per test module by
the fixtures in conftest.py), and how to read what a search finds."""

import pytest
from django.db import connection
from wagtail.models import Locale
from wagtail.rich_text import RichText

from search import services

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL"
)

# key: (Turkish page fields, English translation fields or None for an untranslated page)
CORPUS = {
    "istanbul": (
        {"title": "İstanbul Buluşması", "intro": "Sivil toplum İstanbul'da bir araya geldi."},
        {"title": "Istanbul Meeting", "intro": "Civil society organisations met in Istanbul."},
    ),
    "isik": (
        {"title": "Işık Derneği Atölyesi", "intro": "Erişilebilirlik üzerine bir atölye."},
        {"title": "Işık Association Workshop", "intro": "A workshop on accessibility."},
    ),
    "izmir": (
        {"title": "İzmir Kültürpark", "intro": "Sivil Sesler Festivali 2023 İzmir'de yapıldı."},
        {"title": "İzmir Kültürpark", "intro": "The Civil Voices Festival 2023 was in İzmir."},
    ),
    "cay": (
        {"title": "Çay Saati Buluşmaları", "intro": "Eskişehir'de yerel yönetimlerle sohbet."},
        {"title": "Tea Time Meetings", "intro": "Conversations with local governments."},
    ),
    "guc": (
        {"title": "Güç Hikâyeleri", "intro": "On sekiz anlatıcı altı ilde sahnede."},
        {"title": "Power Stories", "intro": "Eighteen narrators on stage in six provinces."},
    ),
    "festival": (
        {"title": "Sivil Sesler Festivali", "intro": "Ankara'da 217 kuruluş ve 130 stant."},
        {"title": "Civil Voices Festival", "intro": "217 organisations and 130 stands in Ankara."},
    ),
    "notes": (
        {
            "title": "Program Notları",
            "body": [("paragraph", RichText("<p>Işık ve İstanbul hakkında notlar.</p>"))],
        },
        {
            "title": "Programme Notes",
            "body": [("paragraph", RichText("<p>Notes about Işık and Istanbul.</p>"))],
        },
    ),
    "ogrenci": (
        {"title": "Öğrenci Gönüllüler", "intro": "Üniversite öğrencileri için gönüllülük."},
        None,
    ),
}


def found(text: str, language: str) -> list[tuple[str, str]]:
    """(language, key) of every result, in order, with fallbacks marked by a "*"."""
    outcome = services.run_search(text, Locale.objects.get(language_code=language))
    keys = []
    for hit in outcome.results[0 : outcome.count]:
        keys.append((hit.page.locale.language_code + ("*" if hit.fallback else ""), hit.page.slug))
    return [(lang, slug.removesuffix("-en")) for lang, slug in keys]
