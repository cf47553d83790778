"""The site's search backend: Wagtail's database backend, tuned for a Turkish/English site.

Set as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends"``. Like
``wagtail.search.backends.database`` it picks the implementation for the default database:

* PostgreSQL: full-text search where each object is indexed with the text search
  configuration of its own locale (``LANGUAGE_CONFIGS``, e.g. ``{"tr": "turkish", "en":
  "english"}``) and a query uses the configuration of the language it is asked in (the
  ``LANGUAGE`` option, given per query by the site search; otherwise, for translatable models,
  every configured language at once). Untranslatable models use ``SEARCH_CONFIG``.
* SQLite (FTS5): the stock backend, with title matches weighted above body matches.

Turkish case folding and stemming that the databases get wrong are handled in Python, in the
indexed text itself (``core.search_text``, ``core.mixins.BasePage``), so they work on both.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        from .postgres import LocalisedPostgresSearchBackend

        return LocalisedPostgresSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as database_backend

    backend = database_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite import TitleWeightedSQLiteSearchBackend

        return TitleWeightedSQLiteSearchBackend(params)
    return backend
