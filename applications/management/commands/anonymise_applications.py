import datetime

from django.conf import settings
from django.core.management.base import BaseCommand

from applications.services import anonymise_after_festivals


class Command(BaseCommand):
    help = (
        "Anonymise stand applications a number of days after their festival ended "
        "(KVKK retention; default STGM_APPLICATION_RETENTION_DAYS or 365). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=int(getattr(settings, "STGM_APPLICATION_RETENTION_DAYS", 365)),
        )

    def handle(self, *args, days: int, **options):
        count = anonymise_after_festivals(datetime.timedelta(days=days))
        self.stdout.write(f"{count} application(s) anonymised.")
