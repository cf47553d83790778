"""After restoring a backup: does the site serve it? Point the command at the restored
database (DATABASE_URL) with the production SECRET_KEY: the private links are signed with
it. It prints counts and row numbers only, never anything personal."""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.models import Site

from applications.kinds import kinds


def get(client: Client, url: str):
    """GET an absolute URL of the site through Django, in this process (no network)."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.get(path, HTTP_HOST=parts.netloc, secure=parts.scheme == "https")


def serves_private_page(client: Client, application) -> int | None:
    """None when the private link shows this application's status page, else the HTTP
    status (or 0 for a page that is not this application's)."""
    response = get(client, application.status_url())
    if response.status_code != 200:
        return response.status_code
    html = response.content.decode()
    received = format_date(timezone.localtime(application.created_at), "c")
    if 'class="application-status"' not in html or f'datetime="{received}"' not in html:
        return 0
    return None


class Command(BaseCommand):
    help = (
        "Check a restored database (point DATABASE_URL at it; same SECRET_KEY): every "
        "migration applied, each site's home pages answer, and every application that is "
        "not anonymised has its private link answering 200 with its status page. Prints "
        "counts only; exit status 1 on any problem."
    )

    def handle(self, *args, **options):
        problems: list[str] = []
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            problems.append(f"{len(pending)} migration(s) not applied: run migrate")
        client = Client()
        pages = 0
        for site in Site.objects.select_related("root_page"):
            for page in site.root_page.get_translations(inclusive=True).live():
                status = get(client, page.full_url).status_code
                pages += 1
                if status != 200:
                    problems.append(f"page {page.pk}: answered {status}")
        self.stdout.write(f"Home pages: {pages} answer")
        for kind in kinds():
            model = kind.model
            label = model._meta.label
            total = model.objects.count()
            erased = model.objects.filter(anonymised_at__isnull=False).count()
            served = 0
            for application in model.objects.not_anonymised().order_by("pk").iterator():
                status = serves_private_page(client, application)
                if status is None:
                    served += 1
                else:
                    problems.append(f"{label} {application.pk}: private link answered {status}")
            self.stdout.write(
                f"{label}: {total} application(s), {erased} anonymised, "
                f"{served} private link(s) answer 200"
            )
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"The restored site has {len(problems)} problem(s).")
        self.stdout.write("The restored site serves every application.")
