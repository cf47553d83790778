"""How text is spelled for the site search, the same way at indexing time and at query time.

Neither SQLite's FTS5 nor PostgreSQL (in a C.UTF-8 database) lower-cases Turkish correctly:
"Işık" becomes "işık", so a visitor typing "ışık", "IŞIK" or "isik" finds nothing. Rather
than depend on database collations, every indexed text is stored twice:

* as written, which PostgreSQL stems with the page language's configuration (`turkish`,
  `english`);
* plus the extra spellings computed here in Python: each word folded to lower-case ASCII by
  Turkish rules ("Işık" -> "isik", "Çay" -> "cay") and its Snowball stem folded the same way
  ("Buluşmaları" -> "bulusma", "meetings" -> "meet").

A query term is then looked up under its folded stem (`query_spelling`), so it matches on
both backends whatever way it was typed, and inflected forms match even on SQLite.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from .turkish import ascii_fold, turkish_lower

#: Snowball stemmers by language code; other languages are folded but not stemmed.
STEMMERS = {"tr": "turkish", "en": "english"}
#: At most this many words of a query are used (longer queries are cut, never rejected).
MAX_QUERY_TERMS = 10

_WORD = re.compile(r"\w+")
_CIRCUMFLEX = str.maketrans("âîûÂÎÛ", "aiuAIU")
# The third-person possessive that ends Turkish compounds ("İstanbul Buluşması", "Güç
# Hikâyesi", "Çay Saati"): -sı/si/su/sü after a vowel, a bare -ı/i/u/ü after a consonant.
# Snowball leaves it on ("buluşması" -> "buluşmas"). The first is safe to drop from any word;
# the second is ambiguous ("öğrenci", "toplantı" end the same way), so pages index the root
# without it only as an extra spelling ("Saati" is found by "saat").
_S_POSSESSIVE = re.compile(r"(?<=[aeıioöuü])s[ıiuü]$")
_BARE_POSSESSIVE = re.compile(r"(?<=[^aeıioöuü])[ıiuü]$")
# A Turkish case suffix after an apostrophe: "İstanbul'da" -> "İstanbul", "STGM’nin" -> "STGM".
_APOSTROPHE_SUFFIX = re.compile(r"(?<=\w)['’]\w*")


def clean_query(raw: str, max_length: int = 200) -> str:
    """A query as typed, made safe to show, log and search: no control characters, single
    spaces, at most `max_length` characters."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join(text.split())[:max_length].strip()


def lower(text: str, language: str | None) -> str:
    """Lower-case for `language`: Turkish rules for Turkish, and never "İ" -> "i̇". The
    circumflex goes too ("Hikâye" -> "hikaye"): few people type it, and the Turkish stemmer
    does not know "â", so "hikâyesi" and "hikayesi" would otherwise stem apart."""
    text = text.translate(_CIRCUMFLEX)
    if language == "tr":
        return turkish_lower(text)
    return text.replace("İ", "i").lower()


@lru_cache(maxsize=100_000)
def stem(word: str, language: str | None) -> str:
    """The Snowball stem of a lower-case word ("festivaller" -> "festival")."""
    algorithm = STEMMERS.get(language or "")
    if algorithm is None:
        return word
    # A new stemmer per word (cached above): Snowball stemmers keep state while they work.
    return snowballstemmer.stemmer(algorithm).stemWord(word)


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text))


def query_terms(query: str) -> list[str]:
    """The distinct words of a query, apostrophe suffixes dropped, at most MAX_QUERY_TERMS."""
    terms: list[str] = []
    for word in words(_APOSTROPHE_SUFFIX.sub("", unicodedata.normalize("NFC", query))):
        if word not in terms:
            terms.append(word)
    return terms[:MAX_QUERY_TERMS]


def query_spelling(term: str, language: str | None) -> str:
    """The one spelling a query term is looked up under: its root (`root`), folded.

    Every indexed word is findable under it: pages index the folded root of each of their
    words ("Festivali" -> "festival", "Buluşmaları" and "Buluşması" -> "bulusma"), and the
    root of a word typed without Turkish letters ("bulusmalari") is the same. One spelling
    per term (rather than an OR of variants) also keeps the ranking honest: a rare variant
    cannot outweigh a title match.
    """
    return ascii_fold(root(lower(term, language), language))


def query_spellings(text: str, language: str | None) -> list[str]:
    """The distinct spellings of a query's words, in order."""
    spellings = dict.fromkeys(query_spelling(term, language) for term in query_terms(text))
    return [spelling for spelling in spellings if spelling]


def root(word: str, language: str | None) -> str:
    """A lower-case word stemmed until it stops changing, Turkish possessives dropped.

    Snowball stems one layer of suffixes, and not always the same layer for related forms
    ("hikayeler" -> "hikaye" but "hikaye" -> "hika"; "buluşması" -> "buluşmas"); stemming
    again down to a fixed point gives every form of a word one root."""
    for _ in range(4):
        reduced = stem(without_possessive(word) if language == "tr" else word, language)
        if reduced == word:
            break
        word = reduced
    return word


def without_possessive(word: str, pattern: re.Pattern = _S_POSSESSIVE) -> str:
    """A lower-case Turkish word without a final possessive suffix ("buluşması" ->
    "buluşma"); short words are left alone ("su")."""
    base = pattern.sub("", word)
    return base if len(base) >= 3 else word


def indexed_spellings(text: str, language: str | None) -> set[str]:
    """Every spelling under which `text`'s words are indexed: as written (lower-case) and
    their variants; a query term matches `text` when its `query_spelling` is among them."""
    return {lower(word, language) for word in words(text)} | set(
        index_variants(text, language).split()
    )


def index_variants(text: str, language: str | None, *, stems: bool = True) -> str:
    """The extra words to index beside `text`: folded spellings (and folded roots) of its words
    wherever they differ from the word as written. Empty for plain ASCII text without stems."""
    seen: set[str] = set()
    extra: list[str] = []
    for word in words(text):
        as_written = word.lower()
        candidates = [ascii_fold(word)]
        if stems:
            lowered = lower(word, language)
            candidates.append(ascii_fold(root(lowered, language)))
            if language == "tr":
                bare = without_possessive(lowered, _BARE_POSSESSIVE)
                candidates.append(ascii_fold(root(bare, language)))
        for variant in candidates:
            if variant and variant != as_written and variant not in seen:
                seen.add(variant)
                extra.append(variant)
    return " ".join(extra)


def with_variants(text: str, language: str | None, *, stems: bool = True) -> str:
    extra = index_variants(text, language, stems=stems)
    return f"{text} {extra}" if extra else text
