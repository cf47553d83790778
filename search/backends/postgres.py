"""PostgreSQL full-text search with one text search configuration per language."""

import copy
from collections import defaultdict
from functools import reduce
from operator import or_

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale, TranslatableMixin

DEFAULT_LANGUAGE_CONFIGS = {"tr": "turkish", "en": "english"}


class LocalisedPostgresIndex(PostgresIndex):
    """Indexes each object with its locale's configuration (a Turkish page with `turkish`)."""

    def add_items(self, model, objs):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = defaultdict(list)
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            groups[self.backend.config_for_language(language)].append(obj)
        for config, group in groups.items():
            backend = copy.copy(self.backend)
            backend.config = config
            PostgresIndex(backend).add_items(model, group)


class LocalisedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        if backend.language is not None:
            return backend.config_for_language(backend.language)
        if issubclass(self.queryset.model, TranslatableMixin):
            # Asked in no particular language (e.g. the admin's page search): every language's
            # configuration, so a page matches under the one it was indexed with.
            return tuple(dict.fromkeys(backend.language_configs.values())) or backend.config
        return backend.config

    def build_tsquery(self, query, config=None):
        if isinstance(config, tuple):
            parent = super()
            queries = [parent.build_tsquery(query, config=each) for each in config]
            queries = [each for each in queries if each is not None]
            return reduce(or_, queries) if queries else None
        return super().build_tsquery(query, config=config)


class LocalisedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LocalisedPostgresSearchQueryCompiler
    index_class = LocalisedPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = params.get("LANGUAGE_CONFIGS", DEFAULT_LANGUAGE_CONFIGS)
        self.language = params.get("LANGUAGE")

    def config_for_language(self, language):
        return self.language_configs.get(language or "", self.config)
