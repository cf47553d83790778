from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """Applications to STGM's calls: festival stands now, Power Stories narrators next.

    The shared machinery (statuses, the private link, e-mails and their log, history and
    notes, KVKK consent, anonymisation and retention) serves every kind of application;
    `StandApplication` is the first kind.
    """

    name = "applications"
    verbose_name = _("Applications")
