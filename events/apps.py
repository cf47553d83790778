from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from core.versions import public_models

        from . import signals  # noqa: F401
        from .models import AccessibilityFeature, Venue

        # Shown on event pages and in the listing's filters. The festival's orderables (stand
        # types, sessions, performances, changed dates) are saved only when their page is
        # published, which retires the content generation already.
        public_models.register(Venue, AccessibilityFeature)
