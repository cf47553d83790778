from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from core.versions import APPLICATIONS, public_models

        from .models import Narrator, NarratorApplication, Testimonial, Theme
        from .open_call import kind  # noqa: F401 - registers the narrator kind of call

        # Snippets shown on story pages, the archive's filters and the home page's stories.
        public_models.register(Narrator, Testimonial, Theme)
        # An application changes the open call's state shown on its page.
        public_models.register(NarratorApplication, generation=APPLICATIONS)
