import hashlib
import unicodedata

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from core.i18n import (
    is_private_view,
    language_links,
    localized_root,
    query_suffix,
    routed_suffix,
    view_urls,
)
from core.navigation import breadcrumb_trail, menu_items
from core.sections import render_page_sections
from core.sharing import page_description, sharing_meta_context
from core.versions import content_generation, versioned_get_or_set

register = template.Library()

#: Seconds a site-wide fragment stays in the shared cache (a new generation retires it sooner).
FRAGMENT_SECONDS = 24 * 60 * 60

DAY = "DATE_FORMAT"  # config.formats: the day with its weekday, per language


def _time(moment, fmt: str) -> str:
    return format_html(
        '<time datetime="{}">{}</time>', moment.isoformat(), date_format(moment, fmt)
    )


@register.simple_tag
def time_range(event) -> str:
    """ "12 Mart 2026 Perşembe, 19:00–21:00" with machine-readable <time> elements."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    if getattr(event, "all_day", False):
        if start.date() == end.date():
            return _time(start, DAY)
        return format_html("{} – {}", _time(start, DAY), _time(end, DAY))
    if start.date() == end.date():
        return format_html("{}, {}–{}", _time(start, DAY), _time(start, "H:i"), _time(end, "H:i"))
    return format_html(
        "{}, {} – {}, {}",
        _time(start, DAY),
        _time(start, "H:i"),
        _time(end, DAY),
        _time(end, "H:i"),
    )


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    current = context.get("page")
    current_path = current.path if current else ""
    items = menu_items(context["request"])
    return {"items": [(item, current_path.startswith(item.path)) for item in items]}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context) -> dict:
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    return {"ancestors": breadcrumb_trail(page, context["request"]), "page": page}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    return {"links": language_links(context["request"], context.get("page"))}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context) -> dict:
    page = context.get("page")
    request = context["request"]
    if page is None or is_private_view(request):
        return {"alternates": {}}
    alternates = {
        code: request.build_absolute_uri(url) for code, url in view_urls(request, page).items()
    }
    default = alternates.get(settings.LANGUAGE_CODE) or next(iter(alternates.values()), None)
    return {"alternates": alternates, "x_default": default}


@register.simple_tag(takes_context=True)
def localized_root_url(context) -> str:
    root = localized_root(context["request"])
    return root.url if root else "/"


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The view's own full URL (routed sub-page and query string included), the one its
    hreflang alternates point back to; empty on a private view (its key stays unannounced)."""
    request, page = context["request"], context.get("page")
    if page is None or is_private_view(request):
        return ""
    suffix = routed_suffix(request, page) + query_suffix(request)
    return request.build_absolute_uri(page.get_url(request) + suffix)


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    return page_description(context.get("page"))


def truncated(text: str, length: int) -> str:
    """`text|truncatechars:length`, without its walk over every character of a text that
    is short enough (as long as the limit or shorter, it is only normalised)."""
    if len(text) <= length:
        return unicodedata.normalize("NFC", text)
    return Truncator(text).chars(length)


@register.inclusion_tag("includes/sharing_meta.html", takes_context=True)
def sharing_meta(context) -> dict:
    data = sharing_meta_context(context.get("request"), context.get("page"))
    description = data.get("description") or ""
    return {
        **data,
        "og_description": truncated(description, 300),
        "twitter_description": truncated(description, 200),
    }


@register.simple_tag(takes_context=True)
def page_sections(context, page, place: str) -> SafeString:
    """What the apps above this page's app add at this place (core.sections)."""
    return render_page_sections(context, page, place)


class SitewideFragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, vary_on: list) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context: template.Context) -> SafeString:
        values = "|".join(str(value.resolve(context)) for value in self.vary_on)
        digest = hashlib.md5(values.encode(), usedforsecurity=False).hexdigest()
        key = f"fragment:{content_generation()}:{self.name}:{digest}"
        return mark_safe(  # noqa: S308 - a rendered template
            versioned_get_or_set(key, lambda: self.nodelist.render(context), FRAGMENT_SECONDS)
        )


@register.tag
def sitewide_fragment(parser, token) -> SitewideFragmentNode:
    """`{% sitewide_fragment name var ... %}...{% endsitewide_fragment %}`: a fragment that
    shows only public content and settings (the footer), rendered once per content
    generation and value of the variables, and then kept in each process
    (core.versions.versioned_get_or_set): unlike `{% cache %}`, a page read costs no round
    trip to the shared cache."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a fragment name.")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return SitewideFragmentNode(nodelist, bits[1], [parser.compile_filter(b) for b in bits[2:]])
