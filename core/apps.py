from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The site-wide kernel: base page, blocks, i18n, cache versions, Turkish text. No pages."""

    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        # A web address typed without its scheme is taken as https in every admin form, as
        # Django 6 will do (Django 5.2 warns about every form that does not say so).
        register_form_field_override(models.URLField, override={"assume_scheme": "https"})
