"""What a page says when it is shared: Open Graph / Twitter card data and its description.

Event pages add their JSON-LD and calendar links on top (events.templatetags.event_tags),
reusing the renditions memoised here.
"""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import SourceImageIOError

# og:image at Facebook's and LinkedIn's preferred 1.91:1; JSON-LD gets the 16:9, 4:3 and 1:1
# crops Google asks for. One query fetches all four (Image.get_renditions).
OG_SPEC = "fill-1200x630"
JSONLD_SPECS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
OG_LOCALES = {"tr": "tr_TR", "en": "en_GB"}


def sharing_renditions(page) -> dict:
    """The sharing image's renditions, memoised on the page (the OG tags and the JSON-LD of
    one response both need them)."""
    if page is None:
        return {}
    cached = getattr(page, "_sharing_renditions", None)
    if cached is not None:
        return cached
    image = getattr(page, "sharing_image", None)
    renditions = {}
    # Social networks and search engines take no SVG (the site's illustrations): share none.
    if image is not None and not image.is_svg():
        try:
            renditions = image.get_renditions(OG_SPEC, *JSONLD_SPECS)
        except (SourceImageIOError, OSError):
            # A missing original must not break the page; it is shared without an image.
            renditions = {}
    page._sharing_renditions = renditions
    return renditions


def absolute(request: HttpRequest | None, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def _text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


# What a page without a text of its own tells search engines (every page needs a description).
SITE_DESCRIPTION = _(
    "STGM, the Civil Society Development Center, supports civil-society organisations across "
    "Türkiye with trainings, meetings, festivals and the stories of their work."
)


def page_description(page) -> str:
    """The search description, else the page's own summary, introduction or hero text, else
    the site's description."""
    for name in ("search_description", "summary", "intro", "hero_text"):
        text = _text(getattr(page, name, ""))
        if text:
            return text
    return str(SITE_DESCRIPTION)


def image_alt(page, image) -> str:
    """The shared image's text alternative in the page's language. Images are not translated
    and their alt text is written in the site's first language; other languages say the
    page's title instead of showing it."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return image.default_alt_text
    return getattr(page, "seo_title", "") or page.title


def sharing_meta_context(request: HttpRequest | None, page) -> dict:
    """Open Graph and Twitter card data; a canonical link for views that are not pages
    (base.html already gives pages theirs)."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    data = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
        ],
    }
    if page is None or not hasattr(page, "get_url"):
        url = absolute(request, request.path) if request is not None else ""
        return {**data, "title": settings.WAGTAIL_SITE_NAME, "url": url, "canonical": url}
    rendition = sharing_renditions(page).get(OG_SPEC)
    image = None
    if rendition is not None:
        image = {
            "url": absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image_alt(page, rendition.image),
        }
    return {
        **data,
        "title": getattr(page, "seo_title", "") or page.title,
        "description": page_description(page),
        "url": absolute(request, page.get_url(request) or ""),
        "image": image,
    }
