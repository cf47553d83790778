from django.apps import AppConfig
from wagtail.contrib.frontend_cache import apps as wagtail_frontend_cache_apps


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"
    # This module defines two configs: this one is what "pagecache" in INSTALLED_APPS means.
    default = True

    def ready(self) -> None:
        from . import frontend

        # After core's receivers (core.versions.connect), so that the content generation's
        # on-commit bump runs before the CDN purge.
        frontend.connect()


class FrontendCacheConfig(wagtail_frontend_cache_apps.WagtailFrontendCacheAppConfig):
    """wagtail.contrib.frontend_cache without its page_published/page_unpublished handlers.

    Installed (by production settings, when a purge backend is configured) so that the
    redirects app purges the old URLs it redirects after a move or a rename; Wagtail's own
    handlers would purge the page a second time, since pagecache.frontend purges it already
    with everything that shows it. There is no setting to turn them off: its ready()
    connects them, so this one does not.
    """

    default = False

    def ready(self) -> None:
        pass
