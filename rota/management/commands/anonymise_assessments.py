import datetime

from django.conf import settings
from django.core.management.base import BaseCommand

from rota.services import anonymise_expired


class Command(BaseCommand):
    help = (
        "Erase ROTA assessments untouched for a number of days: the organisation's name and "
        "consent go and the private link stops working; the anonymous scores stay for the "
        "totals (KVKK retention; default STGM_APPLICATION_RETENTION_DAYS or 365). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=int(settings.STGM_APPLICATION_RETENTION_DAYS)
        )

    def handle(self, *args, days: int, **options):
        count = anonymise_expired(datetime.timedelta(days=days))
        self.stdout.write(f"{count} assessment(s) erased.")
