from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Publications")

    def ready(self) -> None:
        from core.versions import public_models

        from .models import AuthoringGroup

        # A group's name shows on its publications, the library's filters and feed.
        public_models.register(AuthoringGroup)
