from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The site-wide kernel: base page, blocks, i18n, cache versions, Turkish text. No pages."""

    name = "core"
    verbose_name = _("Core")
