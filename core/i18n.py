"""Which URL each language has for the page being shown (switcher, hreflang, sitemap).

Results are memoised on the request: the header, the switcher and the hreflang links all
need them, and each lookup is a query.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageViewRestriction, Site

from .versions import versioned_get_or_set


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # True when the page has no translation in this language and the link goes to that
    # language's home page instead.
    is_fallback: bool = False


def _memo(request: HttpRequest, key, compute):
    cache = request.__dict__.setdefault("_stgm_i18n", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def site_roots(request: HttpRequest) -> dict[str, Page]:
    """Language code -> the site's home page in that language (live or not)."""
    from .versions import content_generation

    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)

    def compute():
        roots = site.root_page.get_translations(inclusive=True).select_related("locale")
        return {root.locale.language_code: root for root in roots}

    key = f"site-roots:{content_generation()}:{site.pk}"
    return _memo(request, "roots", lambda: versioned_get_or_set(key, compute))


def any_view_restrictions() -> bool:
    """Whether any page is private; when none is, `.public()` and its query can be skipped."""
    from .versions import content_generation

    key = f"any-view-restrictions:{content_generation()}"
    return versioned_get_or_set(key, PageViewRestriction.objects.exists)


def localized_root(request: HttpRequest) -> Page | None:
    roots = site_roots(request)
    return roots.get(get_language()) or roots.get(settings.LANGUAGE_CODE)


def live_translation_urls(page: Page, request: HttpRequest | None = None) -> dict[str, str]:
    """Language code -> URL of every live, public translation of `page` (itself included).

    Cached between requests until a page is published, moved or deleted (the navigation
    version): the switcher and the hreflang links of every page need it.
    """
    from .versions import content_generation

    def compute():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        if any_view_restrictions():
            translations = translations.public()
        return {p.locale.language_code: p.get_url(request) for p in translations}

    if request is None:
        return compute()
    site = Site.find_for_request(request)
    key = f"translation-urls:{content_generation()}:{getattr(site, 'pk', None)}:{page.pk}"
    return _memo(request, ("translations", page.pk), lambda: versioned_get_or_set(key, compute))


def original_translation_pk(page: Page) -> int:
    """The pk of the first created of the page's translations (drafts included), which
    holds what all of them share, e.g. a call's applications. Cached like the page tree:
    only deleting a page can change it, and that bumps the content generation."""
    from .versions import content_generation

    key = f"original-translation:{content_generation()}:{page.translation_key}"

    def compute() -> int:
        translations = Page.objects.filter(translation_key=page.translation_key)
        return translations.order_by("pk").values_list("pk", flat=True).first() or page.pk

    return versioned_get_or_set(key, compute)


def active_locale_id(request: HttpRequest) -> int | None:
    root = localized_root(request)
    if root is not None and root.locale.language_code == get_language():
        return root.locale_id
    return _memo(request, "locale", lambda: Locale.get_active().pk)


# Private links carry their signed token in this query parameter (applications' status
# pages, ROTA): such a view is announced to no one (no hreflang, no canonical).
PRIVATE_QUERY_PARAMETERS = frozenset({"key"})


def is_private_view(request: HttpRequest) -> bool:
    return any(name in request.GET for name in PRIVATE_QUERY_PARAMETERS)


def query_suffix(request: HttpRequest) -> str:
    """The request's query string ("?type=festival&page=2"), the same in every language:
    filters, searches and private keys use codes, slugs and tokens, not words."""
    return f"?{urlencode(request.GET, doseq=True)}" if request.GET else ""


def routed_suffix(request: HttpRequest, page: Page) -> str:
    """The sub-page of a RoutablePageMixin page being shown ("calendar/2026/12/", "apply/"),
    empty on the page itself. Routes belong to the page type, so every translation has the
    same ones."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not hasattr(page, "reverse_subpage"):
        return ""
    try:
        return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:  # a route of another page of the request: nothing to add
        return ""


def view_urls(request: HttpRequest, page: Page) -> dict[str, str]:
    """Language code -> URL of the view being shown in that language: the page's live
    translation, the same routed sub-page and the same query string."""
    suffix = routed_suffix(request, page) + query_suffix(request)
    return {code: url + suffix for code, url in live_translation_urls(page, request).items()}


def language_links(request: HttpRequest, page: Page | None = None) -> list[LanguageLink]:
    current = get_language()
    urls = view_urls(request, page) if page is not None else {}
    roots = site_roots(request)
    links = []
    for code, name in settings.LANGUAGES:
        if page is None:
            url = translate_url(request.path, code) + query_suffix(request)
            links.append(LanguageLink(code, name, url, code == current))
        elif code in urls:
            links.append(LanguageLink(code, name, urls[code], code == current))
        else:
            home = roots.get(code)
            url = home.get_url(request) if home else f"/{code}/"
            links.append(LanguageLink(code, name, url, code == current, is_fallback=True))
    return links
