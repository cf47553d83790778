from django.contrib.sitemaps.views import index as django_sitemap_index
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.caching import cacheable_page

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


@cacheable_page
@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """The sitemap index: one sitemap file per MultilingualSitemap.limit pages."""
    return django_sitemap_index(
        request, sitemaps=sitemap_sections(request), sitemap_url_name="sitemap_section"
    )


@cacheable_page
@require_GET
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """One file of the sitemap (`?p=2` for the second): Django's view (its 404s and
    headers), its page rendered without the template engine."""
    response = django_sitemap(request, sitemaps=sitemap_sections(request), section=section)
    response.content = render_urlset(response.context_data["urlset"])
    return response
