from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StokConfig(AppConfig):
    name = "stok"
    verbose_name = _("STOK civil society school")

    def ready(self) -> None:
        from core.versions import public_models

        from .models import StokModule, StokSettings

        # The catalogue, trainings and ROTA results show modules and the platform's address.
        public_models.register(StokModule, StokSettings)
