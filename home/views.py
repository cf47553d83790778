from django.contrib.sitemaps.views import index as django_sitemap_index
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.caching import cacheable_page
from core.versions import content_generation

from .sitemap import render_urlset, sitemap_sections


@cacheable_page
@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


#: Seconds the rendered sitemap index is kept at most (a publish retires it sooner: its key
#: carries the content generation).
SITEMAP_INDEX_SECONDS = 60 * 60
#: What a kept sitemap index answers with besides its body.
KEPT_HEADERS = ("Content-Type", "Last-Modified", "X-Robots-Tag")


@cacheable_page
@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """The sitemap index: one sitemap file per MultilingualSitemap.limit pages. It lists
    one line per file, so it grows with the site; it lists pages only, so it is rendered
    once per content generation and host, and kept."""
    key = f"sitemap-index:{content_generation()}:{request.scheme}:{request.get_host()}"
    kept = cache.get(key)
    if kept is None:
        response = django_sitemap_index(
            request, sitemaps=sitemap_sections(request), sitemap_url_name="sitemap_section"
        )
        response.render()
        kept = (
            response.content,
            {name: response[name] for name in KEPT_HEADERS if name in response},
        )
        cache.set(key, kept, SITEMAP_INDEX_SECONDS)
    content, headers = kept
    return HttpResponse(content, headers=headers)


@cacheable_page
@require_GET
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """One file of the sitemap (`?p=2` for the second): Django's view (its 404s and
    headers), its page rendered without the template engine."""
    response = django_sitemap(request, sitemaps=sitemap_sections(request), section=section)
    response.content = render_urlset(response.context_data["urlset"])
    return response
