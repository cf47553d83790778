from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The site-wide kernel: base page, blocks, i18n, cache generations, Turkish text. No pages."""

    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db import models
        from django.db.models.signals import pre_save
        from wagtail.admin.forms.models import register_form_field_override

        from . import public, publishing, versions

        versions.register_wagtail_models()
        # First in INSTALLED_APPS: the content generation's on-commit bump then runs before
        # the front-end cache's purge (pagecache.frontend), so a CDN that fetches a purged
        # page again never gets the page cache's old copy.
        versions.connect()
        # A draft save (Wagtail's autosave) never writes a page back behind a publish.
        pre_save.connect(publishing.refuse_stale_draft_save, dispatch_uid="stgm-stale-draft")

        # A web address typed without its scheme is taken as https in every admin form, as
        # Django 6 will do (Django 5.2 warns about every form that does not say so).
        register_form_field_override(models.URLField, override={"assume_scheme": "https"})

        # `.public()` costs no query while no page is private (core/public.py).
        public.install()

        # Wagtail's listings and reports count as "{count} {verbose_name_plural}" in every
        # language ("22 mekânlar"); Turkish keeps the noun singular after a number.
        from wagtail.admin.paginator import WagtailPaginator

        from .admin_wording import wagtail_items_count_label

        WagtailPaginator.items_count_label = property(wagtail_items_count_label)
