from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    """Registration for the dates of meetings and recurring gatherings: a kind of call on the
    shared machinery (applications) whose places are counted per date, with a waiting list,
    reminders and a sign-in sheet. Events never imports this app: it serves the event's
    `register/` routes and its "Register" section through hooks (events.models, core.sections).
    """

    name = "registrations"
    verbose_name = _("Registrations")

    def ready(self) -> None:
        from core.versions import APPLICATIONS, public_models

        from . import kind  # noqa: F401 - registers the registration kind of call
        from .models import Registration, RegistrationSetup

        # A registration changes the places left that the event page shows; the settings
        # change its "Register" section.
        public_models.register(Registration, generation=APPLICATIONS)
        public_models.register(RegistrationSetup)
