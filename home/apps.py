from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from core.navigation import invalidate_navigation

        from .models import SiteSettings

        def on_page_deleted(sender, instance, **kwargs):
            if isinstance(instance, Page):
                invalidate_navigation()

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(invalidate_navigation, dispatch_uid=f"navigation-{signal!r}")
        post_delete.connect(on_page_deleted, dispatch_uid="navigation-page-deleted", weak=False)
        # A site's host or root changes every cached URL (menu, links to translations).
        for model in (SiteSettings, PageViewRestriction, Site):
            post_save.connect(invalidate_navigation, sender=model, dispatch_uid=f"nav-{model}")
            post_delete.connect(invalidate_navigation, sender=model, dispatch_uid=f"nav-d-{model}")
