import datetime

from django.conf import settings
from django.core.management.base import BaseCommand

from applications.services import anonymise_expired


class Command(BaseCommand):
    help = (
        "Anonymise applications a number of days after their call ended: stands after their "
        "festival, narrators after their open call closed (KVKK retention; default "
        "STGM_APPLICATION_RETENTION_DAYS or 365). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=int(settings.STGM_APPLICATION_RETENTION_DAYS),
        )

    def handle(self, *args, days: int, **options):
        count = anonymise_expired(datetime.timedelta(days=days))
        self.stdout.write(f"{count} application(s) anonymised.")
