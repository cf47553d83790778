"""The registration kind's entry in the shared registry: the admin, retention and e-mails
of every kind read it."""

from django.utils.translation import gettext_lazy as _

from applications.kinds import ApplicationKind, register_kind

from .forms import RegistrationForm
from .models import CANCELLED, REGISTERED, Registration


class RegistrationKind(ApplicationKind):
    model = Registration
    form_class = RegistrationForm
    rate_scope = "event-registration"
    apply_template = "registrations/register.html"
    status_template = "registrations/status.html"
    summary_template = "registrations/admin/summary.html"
    erase_template = "registrations/admin/confirm_erase.html"
    admin_url_namespace = "registrations"
    decisions = [
        (REGISTERED, _("Give a place (from the waiting list)")),
        (CANCELLED, _("Cancel the registration")),
    ]

    def status_context(self, application) -> dict:
        from .services import email_context

        return email_context(application)


registration_kind = register_kind(RegistrationKind())
