"""Which URL each language has for the page being shown (switcher, hreflang, sitemap)."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # True when the page has no translation in this language and the link goes to that
    # language's home page instead.
    is_fallback: bool = False


def live_translation_urls(page: Page, request: HttpRequest | None = None) -> dict[str, str]:
    """Language code -> URL of every live, public translation of `page` (itself included)."""
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    return {p.locale.language_code: p.get_url(request) for p in translations}


def localized_home(request: HttpRequest, language_code: str) -> Page | None:
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def language_links(request: HttpRequest, page: Page | None = None) -> list[LanguageLink]:
    current = get_language()
    urls = live_translation_urls(page, request) if page is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        if page is None:
            links.append(
                LanguageLink(code, name, translate_url(request.path, code), code == current)
            )
        elif code in urls:
            links.append(LanguageLink(code, name, urls[code], code == current))
        else:
            home = localized_home(request, code)
            url = home.get_url(request) if home else f"/{code}/"
            links.append(LanguageLink(code, name, url, code == current, is_fallback=True))
    return links
