from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "coaching"
    verbose_name = _("Coaching and tailor-made trainings")

    def ready(self) -> None:
        from . import kinds  # noqa: F401 - registers the two kinds of request

        # Requests are not on core.versions' allow-list: no public page shows one (the
        # requester's page is private, never cached).
