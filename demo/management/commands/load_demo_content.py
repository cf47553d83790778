import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo.loader import load_all
from demo.loader.home import point_site_at_base_url
from home.models import HomePage

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "stgm-demo")


class Command(BaseCommand):
    help = "Create or update the bilingual demo content and a dev-only admin account."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has a home page.",
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if if_empty and HomePage.objects.exists():
            # `make run PORT=...` may serve on another port than last time.
            point_site_at_base_url()
            self.stdout.write(
                "Demo content already present; nothing to do but point the site at its port."
            )
            return
        # Not one transaction: the loader is idempotent, so an interrupted run is simply
        # run again.
        load_all()
        self.ensure_admin()
        self.stdout.write(self.style.SUCCESS("Demo content loaded in Turkish and English."))

    def ensure_admin(self) -> None:
        user_model = get_user_model()
        if user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            return
        # With a name, the account page saves at once (it asks for one), so the demo editor
        # can switch the admin to English there.
        user_model.objects.create_superuser(
            DEMO_ADMIN_USERNAME,
            "admin@example.com",
            DEMO_ADMIN_PASSWORD,
            first_name="Demo",
            last_name="Editör",
        )
        self.stdout.write(f"Admin login: {DEMO_ADMIN_USERNAME} / {DEMO_ADMIN_PASSWORD}")
