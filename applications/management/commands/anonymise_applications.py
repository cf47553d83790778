import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from applications.services import anonymise_expired


class Command(BaseCommand):
    help = (
        "Anonymise applications a number of days after their call ended: stands after their "
        "festival, narrators after their open call closed (KVKK retention; default "
        "STGM_APPLICATION_RETENTION_DAYS or 365). Run it daily: it promotes and e-mails no "
        "one, a second run finds nothing due, and a row that fails is reported (exit status "
        "1) after every other row was done."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=int(settings.STGM_APPLICATION_RETENTION_DAYS),
        )

    def handle(self, *args, days: int, **options):
        report = anonymise_expired(datetime.timedelta(days=days))
        # Counts and row numbers only: nothing personal in the output.
        for label, count in report.anonymised.items():
            self.stdout.write(f"{label}: {count} anonymised")
        for label, rows in report.failed.items():
            for pk, error in rows:
                self.stderr.write(f"{label} {pk}: not anonymised ({error})")
        self.stdout.write(f"{report.total} application(s) anonymised.")
        if report.failures:
            raise CommandError(
                f"{report.failures} application(s) could not be anonymised; run the command "
                "again, and see the log for each one."
            )
