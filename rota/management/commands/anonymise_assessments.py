import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rota.services import anonymise_expired


class Command(BaseCommand):
    help = (
        "Erase ROTA assessments untouched for a number of days: the organisation's name and "
        "consent go and the private link stops working; the anonymous scores stay for the "
        "totals (KVKK retention; default STGM_APPLICATION_RETENTION_DAYS or 365). Run it daily: "
        "a second run finds nothing due, and a row that fails is reported (exit status 1) "
        "after every other row was done."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=int(settings.STGM_APPLICATION_RETENTION_DAYS)
        )

    def handle(self, *args, days: int, **options):
        erased, failed = anonymise_expired(datetime.timedelta(days=days))
        # Counts and row numbers only: nothing personal in the output.
        for pk, error in failed:
            self.stderr.write(f"assessment {pk}: not erased ({error})")
        self.stdout.write(f"{erased} assessment(s) erased.")
        if failed:
            raise CommandError(
                f"{len(failed)} assessment(s) could not be erased; run the command again."
            )
