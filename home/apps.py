from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self) -> None:
        from core.versions import public_models

        from .models import SiteSettings

        # Every page shows the site settings (footer, contact, social links).
        public_models.register(SiteSettings)
