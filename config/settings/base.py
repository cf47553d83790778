"""Settings shared by every environment: safe by default (DEBUG off, no secrets)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy

from config import policies

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"
VAR_DIR = Path(os.environ.get("STGM_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "core",
    "home",
    "events",
    "applications",  # festival stand applications and the machinery every call shares
    "stories",
    "rota",  # the ROTA self-assessment tool (its page, assessments, aggregate report)
    "knowledge",  # the Information Center: knowledge base and "Ask a question"
    "registrations",  # registration for the dates of meetings and recurring gatherings
    "coaching",  # requests for Organisational Coaching and Tailor-Made trainings
    "stok",  # STOK: the module catalogue, face-to-face trainings, the platform's address
    "publications",  # the publications library (LAG, TIF, URG reports and recommendations)
    "places",  # the map of the 81 provinces, province pages and the impact page
    "search",
    "pagecache",  # the full-page cache (production middleware) and the CDN purge handlers
    "demo",  # the demo loader and its content files (imports every app; no app imports it)
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "recurrence",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "csp",  # django-csp's system checks; its middleware is config.security's subclass
    "axes",  # failed admin logins: lockouts per user name + address (core/lockouts.py)
]

# One middleware list for every settings module, so the tests run the production stack;
# settings switch parts off (STGM_PAGE_CACHE_SECONDS = 0: the page cache passes through).
MIDDLEWARE = [
    "config.health.HealthCheckMiddleware",  # /healthz, before host checks and redirects
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Finds the page of a Wagtail URL from cached steps, in one query (core/routing.py).
    "core.middleware.PageRoutingMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    # Below WhiteNoise: static files carry their own policy (WHITENOISE_ADD_HEADERS_FUNCTION).
    "config.security.CrossOriginResourcePolicyMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a lockout into a page
]

# django-axes checks each login first; it authenticates no one itself.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.versions.generations_context",
            ],
        },
    },
]

# The embedded default is a SQLite file; DATABASE_URL switches any settings module to
# another database (PostgreSQL in CI and production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# Several processes may share a SQLite file (the worker, the bench's gunicorn workers): WAL
# lets readers go on while one writes, and a write transaction takes the lock when it begins
# (IMMEDIATE) and waits for it, rather than failing midway with "database is locked".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Turkish first and default, English second.
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", "Türkçe"), ("en", "English")]
# The language switcher names each language in itself; the admin names content languages in
# the editor's language ("İngilizce" in the Turkish admin), from Django's catalogues.
WAGTAIL_CONTENT_LANGUAGES = [("tr", gettext_lazy("Turkish")), ("en", gettext_lazy("English"))]
WAGTAIL_I18N_ENABLED = True
# Submitting a page for translation creates the translation as a draft, published when the
# translator publishes it. wagtail-localize's default (True) publishes it at once when the
# source is live, with the source's text wherever nothing is translated yet.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Europe/Istanbul"
# A day with its weekday in each language's order ("Wednesday 9 December 2026").
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work (e-mail, search indexing): immediate unless a worker backend is set.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "STGM <etkinlik@stgm.org.tr>")

WAGTAIL_SITE_NAME = "STGM"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Wagtail's database backend, with per-language PostgreSQL configurations (search/backends/).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "LANGUAGE_CONFIGS": {"tr": "turkish", "en": "english"},
        "SEARCH_CONFIG": "simple",
    }
}
# Office files for downloads; audio, video and captions for the stories told on stage.
WAGTAILDOCS_EXTENSIONS = [
    *["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"],
    *["mp3", "m4a", "mp4", "webm", "vtt"],
]
# A few minutes of 720p video; longer recordings belong on a video service (click to load).
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin's date pickers write these formats, and the forms must read them back: Django
# parses with the admin language's DATE(TIME)_INPUT_FORMATS plus ISO, and neither Turkish
# nor English accepts "02.12.2026" (every date typed or picked failed: "Enter a valid
# date/time"). ISO is accepted in every language and reads the same in both.
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"

# --- This project's own settings, each with its default (production.py reads several from
# the environment; docs/production.md lists the variables). ---------------------------------
# Full-page cache of anonymous page views in the shared cache, seconds (0: off).
STGM_PAGE_CACHE_SECONDS = 0
# `s-maxage` a CDN in front may keep the pages the page cache may store (0: headers unchanged).
STGM_FRONTEND_CACHE_SECONDS = 0
# Proxies in front (addresses or CIDR networks) whose X-Forwarded-For is believed; empty: the
# peer's address is the client's (core/client.py, for every limiter).
STGM_TRUSTED_PROXIES: list[str] = []
# Applications accepted from one address within the window (invalid ones are not counted),
# sized for a shared address: an NGO office or a festival's Wi-Fi.
STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS = 30
STGM_APPLICATION_RATE_WINDOW = 60 * 60
# Days after its call ended that an application is anonymised (KVKK), by the daily command.
STGM_APPLICATION_RETENTION_DAYS = 365

SECURE_CONTENT_TYPE_NOSNIFF = True
# The policies of every settings module (config/policies.py); production adds its origins.
PERMISSIONS_POLICY = policies.PERMISSIONS_POLICY
CONTENT_SECURITY_POLICY, STGM_ADMIN_CONTENT_SECURITY_POLICY = policies.content_security_policies()
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Frames: DENY everywhere; Wagtail's preview views (framed by the page editor) opt back in to
# SAMEORIGIN, and the CSP's frame-ancestors follows each response's X-Frame-Options
# (config/security.py), so the two headers never disagree.
X_FRAME_OPTIONS = "DENY"
# Cross-Origin-Resource-Policy: pages, documents and media answered by Django; static files
# (WhiteNoise) also same-site, so a static host on a sibling subdomain keeps working.
STGM_CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
STGM_STATIC_CROSS_ORIGIN_RESOURCE_POLICY = "same-site"
WHITENOISE_ADD_HEADERS_FUNCTION = policies.static_file_headers

# --- Admin login lockouts: django-axes (core/lockouts.py) -----------------------------------
# Five failed sign-ins for one user name from one address lock that pair (not the user name
# everywhere, not the address for other names) for the cool-off; editors see the lockouts
# and unlock them in the admin (Settings > Login lockouts).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client.client_address"
AXES_LOCKOUT_CALLABLE = "core.lockouts.lockout_response"
AXES_ENABLE_ADMIN = False  # the Django admin is not served; Wagtail's admin lists lockouts
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins (addresses are personal data)
AXES_VERBOSE = False
# django-ratelimit (public forms) counts in the default cache, by core.client's address.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "core.client.client_address"
RATELIMIT_FAIL_OPEN = True  # counters unreadable (cache down): take the application

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
