from django.core.management.base import BaseCommand

from events.services import extend_series_occurrences


class Command(BaseCommand):
    help = "Roll the stored dates of every live recurring series forward (run daily)."

    def handle(self, *args, **options):
        count = extend_series_occurrences()
        self.stdout.write(f"Stored dates refreshed for {count} series.")
