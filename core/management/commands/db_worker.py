"""`manage.py db_worker`: django-tasks-db's command with a worker that rides out database and
Redis outages (core.worker). Same options, plus `--max-retry-delay`. `core` comes before
`django_tasks_db` in INSTALLED_APPS, so this command is the one `manage.py` runs."""

import os
from argparse import ArgumentParser

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from core.worker import ResilientWorker


class Command(db_worker.Command):
    help = "Run the background worker; it waits out database and Redis outages."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--max-retry-delay",
            default=30.0,
            type=db_worker.valid_interval,
            help="Longest wait, in seconds, between tries to reach the database again "
            "(default: %(default)r)",
        )

    def handle(self, *, verbosity: int, reload: bool, batch: bool, **options) -> None:
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = options.pop("queue_name").split(",")
        excluded = options.pop("exclude_queues")
        excluded_queue_names = excluded.split(",") if excluded else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            batch=batch,
            **{
                name: options[name]
                for name in (
                    "interval",
                    "backend_name",
                    "startup_delay",
                    "max_tasks",
                    "worker_id",
                    "max_retry_delay",
                )
            },
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
