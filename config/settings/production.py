"""Production: everything from the environment; see README "Production".

Several app servers behind a proxy share nothing but PostgreSQL, Redis and the media store:
the cache, form rate-limit counters and the page cache live in Redis, sessions in Redis and
PostgreSQL (cached_db); login lockouts in PostgreSQL (django-axes); media on S3-compatible
object storage; background work in the database queue (`manage.py db_worker`).
"""

import os
from datetime import timedelta

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.logs import logging_config

from ..policies import content_security_policies
from .base import *  # noqa: F403


def require_env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = require_env("ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or [
    f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")
]

# --- Database: PostgreSQL, persistent connections checked before reuse ---------------------
# Parsed here (not only in base.py) so that this module alone says what production uses.
DATABASES = {
    "default": dj_database_url.parse(
        require_env("DATABASE_URL"),
        # A sync gunicorn worker holds at most one connection: keep it open between
        # requests, and ping a reused one before handing it out.
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": int(os.environ.get("DB_CONNECT_TIMEOUT", "5")),
        **DATABASES["default"].get("OPTIONS", {}),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)  # noqa: F405 - from base

# --- Cache and sessions: Redis, shared by every app server ---------------------------------
# With Redis down the site serves uncached (config/cache.py): each operation is a miss, one
# try every OUTAGE_RETRY_SECONDS, a log line a minute; when it is back, every cache
# generation is retired (a publish during the outage could not retire them).
CACHES = {
    "default": {
        "BACKEND": "config.cache.ReusedClientRedisCache",
        "LOCATION": require_env("REDIS_URL"),
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "stgm"),
        "TIMEOUT": 300,
        "OPTIONS": {
            "socket_connect_timeout": 2,
            "socket_timeout": 2,
            "OUTAGE_RETRY_SECONDS": 5,
            "OUTAGE_LOG_SECONDS": 60,
            "ON_RECONNECT": ["core.versions.bump_all"],
        },
    }
}
# Sessions are read from Redis and kept in the database too: an editor stays logged in
# through a Redis outage or restart. `manage.py clearsessions` (daily) deletes expired rows.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Wagtail looks renditions up in the "renditions" cache and writes each one back on every
# use: kept in each process, an image costs no round trip to Redis. Its key carries the
# image's file hash, so a replaced image is a new key on every server at once.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 60 * 60,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# --- Files: static through WhiteNoise, media on object storage or local disk ---------------
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    # django-storages reads its AWS_* settings; boto3 takes the credentials from its usual
    # variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or the machine's role.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "media")
    AWS_DEFAULT_ACL = None  # the bucket's policy decides
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=86400"}
MEDIA_HOST = (
    f"https://{AWS_S3_CUSTOM_DOMAIN}"
    if AWS_STORAGE_BUCKET_NAME and AWS_S3_CUSTOM_DOMAIN
    else os.environ.get("MEDIA_HOST", "")
)

# --- Uploads: types and sizes ---------------------------------------------------------------
# Wagtail's own limits (base.py): images gif/jpg/png/webp/avif up to 10 MB, documents
# csv/docx/odt/pdf/pptx/txt/xlsx/mp3/vtt up to 20 MB. Here: the request body, the size kept
# in memory, and the pixels of an image (a decompression bomb is small on the wire).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # non-file form data
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger files spool to a temporary file
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Background work: the database queue, run by `manage.py db_worker` ----------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = SERVER_EMAIL

# --- HTTPS and security headers -------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12  # an editor's working day

# Content-Security-Policy and Permissions-Policy (config/policies.py, as in every settings
# module), with the media host and the CSP_EXTRA_* origins (comma-separated) added.
CONTENT_SECURITY_POLICY, STGM_ADMIN_CONTENT_SECURITY_POLICY = content_security_policies(
    media=[MEDIA_HOST] if MEDIA_HOST else [],
    extra={
        directive: env_list(f"CSP_EXTRA_{name}_SRC")
        for directive, name in (
            ("script-src", "SCRIPT"),
            ("style-src", "STYLE"),
            ("img-src", "IMG"),
            ("frame-src", "FRAME"),
        )
    },
    upgrade_insecure_requests=SECURE_SSL_REDIRECT,
)

# --- Full-page cache of anonymous page views (pagecache/), in Redis; 0 turns it off -------
STGM_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# --- Front-end cache: a CDN or caching proxy in front, purged on publish --------------------
# wagtail.contrib.frontend_cache backends from the environment; none set means no purging.
# pagecache/frontend.py decides what to purge (the page, its translations, its ancestors,
# the feeds and the sitemap) after the commit; the purge itself is a background task, so the
# worker (`manage.py db_worker`) is the machine that talks to the CDN or the proxy.
WAGTAILFRONTENDCACHE: dict[str, dict] = {}
for _number, _location in enumerate(env_list("FRONTEND_CACHE_PURGE_URL")):
    # Varnish, nginx or any proxy that accepts PURGE; one backend per proxy (each caches).
    if not _location.startswith(("http://", "https://")):
        raise ImproperlyConfigured("FRONTEND_CACHE_PURGE_URL takes http:// or https:// URLs.")
    WAGTAILFRONTENDCACHE[f"proxy{_number}"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": _location,
    }
if os.environ.get("CLOUDFLARE_BEARER_TOKEN") or os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": require_env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": require_env("CLOUDFLARE_ZONEID"),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    # Credentials: boto3's usual variables or the machine's role, as for S3 media.
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
if env_list("FRONTEND_CACHE_HOSTNAMES"):  # default: every host name (Wagtail's "*")
    for _backend in WAGTAILFRONTENDCACHE.values():
        _backend["HOSTNAMES"] = env_list("FRONTEND_CACHE_HOSTNAMES")
# Wagtail would rewrite each URL's /tr/ prefix into /en/ as well; translations have their
# own slugs, and pagecache/frontend.py lists every language's URLs itself.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
if WAGTAILFRONTENDCACHE:
    # For the redirects app's purge of old URLs; without Wagtail's own page handlers.
    INSTALLED_APPS = [*INSTALLED_APPS, "pagecache.apps.FrontendCacheConfig"]  # noqa: F405
# Cache-Control s-maxage on anonymous pages the page cache may store (0: headers unchanged).
STGM_FRONTEND_CACHE_SECONDS = int(os.environ.get("FRONTEND_CACHE_SECONDS", "0"))
# --- End of the front-end cache section -----------------------------------------------------

# --- Admin login lockouts (django-axes, in the database) and the client's address ----------
# Failed sign-ins for one user name from one address before that pair is locked, and for how
# long (seconds); editors unlock earlier in the admin (Settings > Login lockouts).
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(seconds=int(os.environ.get("LOGIN_COOLOFF_SECONDS", str(15 * 60))))
# The proxies (addresses or CIDR networks, comma-separated) whose X-Forwarded-For is believed,
# e.g. "127.0.0.1" for nginx on the same machine; empty: the peer's address is the client's.
STGM_TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Stand and narrator applications accepted per address per hour (invalid ones do not count).
STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS = int(
    os.environ.get("APPLICATIONS_PER_ADDRESS_PER_HOUR", "30")
)

# --- Logs: JSON lines on standard error, no personal data (config/logs.py) ------------------
LOGGING = logging_config(os.environ.get("LOG_LEVEL", "INFO").upper())

# --- Error reporting: Sentry (or a compatible service) only when a DSN is given -------------
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    from config.sentry import sentry_options

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        # Nothing of the applicant: no body, query string, cookie, variable or e-mail.
        **sentry_options(),
    )
