"""Turkish for the admin's own words where Wagtail's and wagtail-localize's Turkish catalogues
lack them or read wrongly ("Ekle değişiklik", "22 mekânlar", "Locked pages").

The strings below are Wagtail's own msgids, marked here so that `makemessages` keeps them in
core's catalogue (core/locale/tr): core comes first in INSTALLED_APPS, so its translation of a
msgid wins over Wagtail's. They are never shown from here. tests/demo/test_turkish_admin.py
opens every screen the project adds and fails on an English word these catalogues know.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext

WAGTAIL_WORDS = [
    # Wagtail's Turkish puts the verb first ("Ekle değişiklik"); Turkish puts it last.
    gettext_noop("Add %(label)s"),
    # Listings and reports.
    gettext_noop("Locked pages"),
    gettext_noop("Page types usage"),
    gettext_noop("Site history"),
    gettext_noop("Date updated"),
    gettext_noop("Date / Time"),
    gettext_noop("Edited by"),
    gettext_noop("Locked by"),
    gettext_noop("locked by"),
    gettext_noop("Last edit"),
    gettext_noop("Last edited page"),
    gettext_noop("Last published"),
    gettext_noop("Has child pages"),
    gettext_noop("Filter by"),
    gettext_noop("Show filters"),
    gettext_noop("Anyone"),
    gettext_noop("Section"),
    gettext_noop("Actions (footer)"),
    gettext_noop("Toggle breadcrumbs"),
    gettext_noop("Toggle section"),
    gettext_noop("Toggle status"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("%(time)s by %(user_display_name)s"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Delete selected pages"),
    gettext_noop("Move selected pages"),
    gettext_noop("Publish selected pages"),
    gettext_noop("Unpublish selected pages"),
    # Page editor.
    gettext_noop("Save changes"),
    gettext_noop("Saved"),
    gettext_noop("Loading"),
    gettext_noop("Set schedule"),
    gettext_noop("Save schedule"),
    gettext_noop("Set publishing schedule"),
    gettext_noop("View latest version"),
    gettext_noop("Autosave is paused"),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a "
        "separate tab to view the last saved version."
    ),
    gettext_noop("Private. Visit the live page"),
    gettext_noop("Visible to all. Visit the live page"),
    gettext_noop("For site menus"),
    gettext_noop("title tag"),
    gettext_noop("meta description"),
    gettext_noop("Published"),
    gettext_noop("account"),
    gettext_noop("Insert or edit a link"),
    gettext_noop("Strike-through"),
    gettext_noop("Text editing"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Content metrics"),
    gettext_noop("Reading time"),
    gettext_noop("Readability"),
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for "
        "different languages."
    ),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and "
        "calculate the number of words."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences "
        "and words result in a worse readability score."
    ),
    # wagtail-localize: the translation editor and the sync actions.
    gettext_noop("Translation of %(instance)s into %(locale)s"),
    gettext_noop("Sync translated %(model_name)s"),
    gettext_noop("Sync translated pages"),
    gettext_noop("Sync translated snippets"),
    gettext_noop("Sync translations of '%(title)s'"),
]

# The page explorer's counts name the pages in the plural whatever the number; the Turkish
# leaves the noun out ("6 sonuçtan 1-6"), so these are not checked as Python formats.
PAGE_LISTING_COUNTS = [
    # xgettext:no-python-format
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        # xgettext:no-python-format
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    gettext_noop(
        # xgettext:no-python-format
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
        "'<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
]

# Turkish keeps the noun singular after a number ("86 sayfa", not "86 sayfalar").
WAGTAIL_COUNTS = [
    ngettext_lazy("Delete 1 page", "Delete selected pages", 1),
    ngettext_lazy("Publish 1 page", "Publish selected pages", 1),
    ngettext_lazy("Unpublish 1 page", "Unpublish selected pages", 1),
    ngettext_lazy("Referenced %(count)s time", "Referenced %(count)s times", 1),
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        1,
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        1,
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        1,
    ),
]


def takes_plural_after_numbers() -> bool:
    """Whether the active language puts a noun in the plural after a number above one:
    English does ("22 venues"), Turkish does not ("22 mekân"). Each catalogue answers."""
    answer = pgettext(
        "grammar: answer 'yes' if nouns take their plural form after numbers above one",
        "yes",
    )
    return answer == "yes"


def counted(count: int, singular: str, plural: str) -> str:
    """A count and its noun, as the active language says it: "22 venues", "22 mekân"."""
    name = plural if count != 1 and takes_plural_after_numbers() else singular
    return f"{count} {name}"


def wagtail_items_count_label(paginator) -> str:
    """Wagtail's listings count as "{count} {verbose_name_plural}" whatever the language;
    core's AppConfig puts this in its place on Wagtail's paginator."""
    return counted(paginator.count, paginator.verbose_name, paginator.verbose_name_plural)
