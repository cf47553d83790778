from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

# A database outage answers 503 with the site's page, anything else Django's 500.
handler500 = "config.outage.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("sitemap-<section>.xml", home_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# "/" has no pattern: LocaleMiddleware redirects it to /tr/ or /en/ by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
