"""Turkish-aware text helpers: case folding, ASCII folding and slugs.

Python's str.lower() maps "I" to "i" and "İ" to "i̇" (i + combining dot), which is wrong for
Turkish, and Django's slugify() drops the dotless "ı" entirely. These helpers fix both.
"""

from anyascii import anyascii
from django.utils.text import slugify as django_slugify

_TURKISH_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def turkish_lower(text: str) -> str:
    """Lower-case by Turkish rules: "IŞIK" -> "ışık", "İZMİR" -> "izmir"."""
    return text.translate(_TURKISH_LOWER).lower()


def capfirst(text: str, language: str | None) -> str:
    """The first letter upper-cased, by Turkish rules in Turkish: "il" -> "İl"."""
    if not text:
        return text
    first = text[0]
    if language == "tr":
        first = {"i": "İ", "ı": "I"}.get(first, first)
    return first.upper() + text[1:]


def ascii_fold(text: str) -> str:
    """Fold to lower-case ASCII the way people type without Turkish letters.

    "Işık", "ışık", "IŞIK", "isik" and "ISIK" all fold to "isik"; "İzmir" to "izmir".
    """
    return anyascii(turkish_lower(text)).lower()


def turkish_slugify(text: str) -> str:
    """A URL slug: "Çay Saati İzmir" -> "cay-saati-izmir", "Işık" -> "isik"."""
    return django_slugify(ascii_fold(text))
