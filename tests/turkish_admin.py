"""Finding English interface words from the project's catalogues in a Turkish admin page.

Every msgid of the project's Turkish catalogues that has a Turkish msgstr (different from the
msgid) is an interface word the project knows in Turkish; if it shows untranslated in the
visible text of a page (text nodes and the attributes people read or hear), the page is not
speaking Turkish there."""

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CATALOGUES = ["core", "home", "events", "search", "applications", "stories", "site"]
# Attributes whose text a person reads or hears.
READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "data-w-progress-active-value"}
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[a-z_]*\}")
WORD = re.compile(r"[A-Za-z]{2,}")


class VisibleText(HTMLParser):
    """The text nodes outside scripts and styles, and the attributes read aloud."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skipping += 1
        for name, value in attrs:
            if value and (name in READ_ATTRIBUTES or (name == "value" and tag == "button")):
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.texts.append(data)


def visible_texts(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    texts = (" ".join(text.split()) for text in parser.texts)
    return [text for text in texts if WORD.search(text)]


@dataclass(frozen=True)
class Catalogue:
    exact: dict[str, str]  # lower-cased msgid -> msgid
    patterns: list[tuple[re.Pattern, str, str]]  # (pattern, longest literal, msgid)


# A message made mostly of placeholders ("%(first)s and %(last)s") matches any content that
# has its few words; only those with this many letters of their own are looked for.
PATTERN_LETTERS = 8


def _pattern(msgid: str) -> tuple[re.Pattern, str] | None:
    literals = PLACEHOLDER.split(msgid)
    if sum(len(word) for literal in literals for word in WORD.findall(literal)) < PATTERN_LETTERS:
        return None
    regex = ".+?".join(re.escape(literal) for literal in literals)
    return re.compile(regex, re.IGNORECASE), max(literals, key=len).strip().lower()


@cache
def catalogue() -> Catalogue:
    exact, patterns = {}, []
    for app in CATALOGUES:
        path = ROOT / app / "locale" / "tr" / "LC_MESSAGES" / "django.po"
        for entry in polib.pofile(str(path)):
            translated = entry.msgstr or entry.msgstr_plural.get(0, "")
            if not translated or "fuzzy" in entry.flags:
                continue
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                if msgid.strip().lower() == translated.strip().lower() or not WORD.search(msgid):
                    continue
                if PLACEHOLDER.search(msgid):
                    found = _pattern(msgid)
                    if found:
                        patterns.append((found[0], found[1], msgid))
                else:
                    exact[" ".join(msgid.split()).lower()] = msgid
    return Catalogue(exact, patterns)


def english_words(html: str, content: frozenset[str] = frozenset()) -> set[str]:
    """The project's msgids that a page shows untranslated (whole text nodes or attributes).
    `content`: lower-cased texts that are content, not interface (an English page's title
    "Events" in a breadcrumb is the page's title, not an untranslated word)."""
    known = catalogue()
    found = set()
    for text in visible_texts(html):
        lowered = text.lower()
        if lowered in content:
            continue
        if lowered in known.exact:
            found.add(known.exact[lowered])
            continue
        for pattern, literal, msgid in known.patterns:
            if literal in lowered and pattern.fullmatch(text):
                found.add(msgid)
    return found


# Turkish that reads wrongly: Wagtail's verb-first "Ekle değişiklik", and a plural after a
# number ("22 mekânlar": Turkish says "22 mekân").
MISREAD = [
    re.compile(r"^Ekle \w"),
    re.compile(r"(?<![\w.,])\d+ [^\W\d]+(lar|ler)\b", re.IGNORECASE),
]


def misread_turkish(html: str, content: frozenset[str] = frozenset()) -> set[str]:
    return {
        text
        for text in visible_texts(html)
        if text.lower() not in content and any(pattern.search(text) for pattern in MISREAD)
    }
