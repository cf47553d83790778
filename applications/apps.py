from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """Applications to STGM's calls: the kind-neutral machinery (calls, statuses and
    transitions, the private link, e-mails and their log, history and notes, KVKK consent,
    duplicates, rate limit, anonymisation and retention, one public flow and one admin view
    set) and the festival-stand kind (`applications.stands`); the Power Stories narrators
    are a kind in `stories.open_call`. This app never imports the apps that add kinds: they
    register themselves (applications.kinds, applications.calls); see README.md here.
    """

    name = "applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from core.versions import APPLICATIONS, public_models

        from .models import StandApplication
        from .stands import kind  # noqa: F401 - registers the stand kind of call

        # An application changes the "stands left" and the call's state on the festival page.
        public_models.register(StandApplication, generation=APPLICATIONS)
