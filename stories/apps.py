from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from core.navigation import invalidate_navigation

        from .models import Narrator, Testimonial, Theme
        from .open_call import kind  # noqa: F401 - registers the narrator kind of call

        # The home page's cached stories section is keyed by the navigation version, which
        # page publishing already bumps; these snippets show there too.
        for model in (Narrator, Testimonial, Theme):
            post_save.connect(invalidate_navigation, sender=model, dispatch_uid=f"nav-{model}")
            post_delete.connect(invalidate_navigation, sender=model, dispatch_uid=f"nav-d-{model}")
