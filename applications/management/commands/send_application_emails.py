from django.core.management.base import BaseCommand

from applications.services import retry_emails


class Command(BaseCommand):
    help = "Deliver application e-mails that failed or whose background task was lost."

    def handle(self, *args, **options):
        count = retry_emails()
        self.stdout.write(f"{count} e-mail(s) tried.")
