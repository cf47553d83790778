"""Reminders the day before a date, and notices of cancelled dates (each sent once; the
e-mails themselves go through the worker's queue). Run hourly by a timer: see
docs/production.md."""

from django.core.management.base import BaseCommand

from registrations import services


class Command(BaseCommand):
    help = "Queue registration reminders (the day before) and notices of cancelled dates."

    def handle(self, *args, **options) -> None:
        reminded = services.send_reminders()
        told = services.notify_cancelled_dates()
        self.stdout.write(f"{reminded} reminders, {told} cancellation notices queued.")
