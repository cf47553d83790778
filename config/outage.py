"""A database outage answers 503, never 500: the site's own page, in the visitor's language,
with `Retry-After`; the next request after the database returns is served as usual.

Django turns an exception raised anywhere in a request (a view, a middleware, a template,
the 404 page) into the response of `handler500`, with the exception still being handled.
This handler answers 503 when that exception says the database cannot be reached
(`OperationalError`: refused, timed out, restarting; `InterfaceError`: a connection that
broke), and Django's own 500 page otherwise. Django still reports the exception (logs,
Sentry): the team sees the outage. The page is rendered without a request context, so that
it touches neither the database nor the session.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.views import defaults

#: Exceptions that say the database is unreachable rather than that our code is wrong.
DATABASE_OUTAGE = (OperationalError, InterfaceError)
#: Seconds a client (or a crawler) should wait before asking again.
RETRY_AFTER_SECONDS = 30
TEMPLATE = "503.html"


def visitor_language(request: HttpRequest) -> str:
    """The language of the address (/en/...), else the one LocaleMiddleware chose, else
    Turkish: the page is in the language of the page the visitor asked for."""
    language = translation.get_language_from_path(request.path_info)
    if language:
        return language
    active = translation.get_language()
    codes = {code for code, _name in settings.LANGUAGES}
    return active if active in codes else settings.LANGUAGE_CODE


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """503 with the site's page for a database outage, in the visitor's language."""
    language = visitor_language(request)
    with translation.override(language):
        body = loader.get_template(TEMPLATE).render({"LANGUAGE_CODE": language})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"  # a CDN must not keep the outage
    response["Content-Language"] = language
    return response


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """`handler500`: 503 for a database outage, Django's 500 page for anything else."""
    if isinstance(sys.exc_info()[1], DATABASE_OUTAGE):
        return database_unavailable(request)
    return defaults.server_error(request, template_name)
