"""Production settings for the app servers the resilience tests start (tests/resilience.py),
changed only where a test server needs it: static files from the finders (no collectstatic
and manifest), and the environment a test sets (the test database, its own Redis)."""

from config.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
