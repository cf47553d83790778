from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """Applications to STGM's calls: festival stands here, Power Stories narrators in
    `stories` (`NarratorApplication`).

    The shared machinery (statuses and transitions, the private link, e-mails and their log,
    history and notes, KVKK consent, duplicates, rate limit, anonymisation and retention,
    the admin's counts and KVKK views) serves every kind of application; this app never
    imports the apps that add kinds (retention reaches them through a Wagtail hook).
    """

    name = "applications"
    verbose_name = _("Applications")

    # --- Cache generations (core.versions): kept apart from the rest of this config ---------
    def ready(self) -> None:
        from core.versions import APPLICATIONS, public_models

        from .models import StandApplication

        # An application changes the "stands left" and the call's state on the festival page.
        public_models.register(StandApplication, generation=APPLICATIONS)
