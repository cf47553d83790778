"""Structured logs: one JSON object per line on standard error, without personal data.

Used by the production settings (Django's LOGGING) and by config/gunicorn.py (gunicorn's
error and access logs), so a log shipper reads one format from every process.

What is kept out: client addresses, query strings (a private status link or a search query
may identify someone), request bodies, and e-mail addresses or database key values in
exception messages (PostgreSQL's "Key (email)=(...)" details), which are masked.
"""

import json
import logging
import re
from datetime import UTC, datetime

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# PostgreSQL's constraint details repeat the offending values: Key (email)=(a@b.org).
PG_KEY_RE = re.compile(r"(Key \([^)]*\))=\([^)]*\)")


def scrub(text: str) -> str:
    """Mask e-mail addresses and database key values in a message or traceback."""
    text = PG_KEY_RE.sub(r"\1=(…)", text)
    return EMAIL_RE.sub("<email>", text)


class JSONFormatter(logging.Formatter):
    """A JSON line: time, level, logger, message, and the request's method, path and status."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
            "process": record.process,
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            # path_info only: never the query string, the client address or the body.
            entry["method"] = request.method
            entry["path"] = getattr(request, "path", "")
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class GunicornAccessJSONFormatter(logging.Formatter):
    """gunicorn's access records as JSON; the values come from `record.args` (a dict).

    The fields are chosen here, not by `access_log_format`: no address, no query string,
    no referrer (which can carry another site's query string).
    """

    def format(self, record: logging.LogRecord) -> str:
        atoms = record.args if isinstance(record.args, dict) else {}
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "method": atoms.get("m"),
            "path": atoms.get("U"),
            "status": _int(atoms.get("s")),
            "bytes": _int(atoms.get("B")),
            "duration_ms": round(_int(atoms.get("D")) / 1000, 1),
            "process": record.process,
        }
        return json.dumps(entry, ensure_ascii=False, default=str)


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def logging_config(level: str = "INFO") -> dict:
    """Django's LOGGING: everything as JSON lines on standard error."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JSONFormatter}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # 4xx are expected noise on a public site (bots); keep 5xx.
            "django.request": {"level": "ERROR", "propagate": True},
            "django.server": {"level": "ERROR", "propagate": True},
            # A wrong Host header is a bot or a misconfigured proxy, not an incident.
            "django.security.DisallowedHost": {"level": "ERROR", "propagate": True},
        },
    }
