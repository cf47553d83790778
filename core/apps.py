from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The site-wide kernel: base page, blocks, i18n, cache generations, Turkish text. No pages."""

    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from . import versions

        versions.register_wagtail_models()
        # First in INSTALLED_APPS: the content generation's on-commit bump then runs before
        # the front-end cache's purge (pagecache.frontend), so a CDN that fetches a purged
        # page again never gets the page cache's old copy.
        versions.connect()
