"""Bench-only middleware: counts the SQL queries of each request in `X-Bench-Queries`."""

from collections.abc import Callable

from django.db import connections
from django.http import HttpRequest, HttpResponseBase


class QueryCountMiddleware:
    """Outermost middleware: every query of the request, sessions and middleware included."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        wrappers = [connections[alias].execute_wrapper(counter) for alias in connections]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response["X-Bench-Queries"] = str(count)
        return response
