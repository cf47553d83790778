"""SQLite FTS5 search with title matches ranked above body matches."""

from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)

# bm25() takes one weight per column of the FTS table, in its order: autocomplete, body, title.
TITLE_WEIGHT = 5.0


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        table = SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", []


class TitleWeightedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        # bm25() already scores the whole MATCH expression for a row (lower is better); the
        # stock backend combines one bm25() per sub-query arithmetically, which inverts the
        # order for queries such as And(Or(...), Or(...)). One weighted bm25() is the score.
        return WeightedBM25()


class TitleWeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = TitleWeightedSQLiteSearchQueryCompiler
