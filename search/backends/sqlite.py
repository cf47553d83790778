"""SQLite FTS5 search with title matches ranked above body matches, ranked in one pass."""

from django.db.models import Case, FloatField, Func, IntegerField, Value, When
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

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

    def search(self, config, start, stop, score_field=None):
        """The stock search ranks with a correlated subquery that runs the whole FTS match
        again for every matching row: quadratic, 8 s for a word on 1,500 pages. Here the
        match runs once for the scores, the results are ordered in Python, and only the
        requested slice is fetched. Counts and facets need no ranking at all."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return super().search(config, start, stop, score_field)
        matches = self._matches(query, config)
        found = self.queryset.filter(
            pk__in=matches.values_list("index_entry__object_id", flat=True)
        )
        if stop is None and score_field is None:
            return found.order_by("-pk")[start:stop]

        scores: dict[str, float] = {}
        for object_id, score in matches.values_list("index_entry__object_id", "score"):
            scores[str(object_id)] = min(score, scores.get(str(object_id), score))
        ranked = sorted(
            found.values_list("pk", flat=True), key=lambda pk: (scores.get(str(pk), 0.0), -pk)
        )[start:stop]
        if not ranked:
            return self.queryset.none()
        results = self.queryset.filter(pk__in=ranked).annotate(
            _rank=Case(
                *[When(pk=pk, then=Value(place)) for place, pk in enumerate(ranked)],
                output_field=IntegerField(),
            )
        )
        if score_field is not None:
            results = results.annotate(
                **{
                    score_field: Case(
                        *[When(pk=pk, then=Value(scores.get(str(pk), 0.0))) for pk in ranked],
                        output_field=FloatField(),
                    )
                }
            )
        return results.order_by("_rank")

    def _matches(self, query, config):
        """The index entries matching `query`, with their scores (the stock backend's)."""
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS,
            self.build_search_query(query, config=config),
        )
        content_types = get_descendants_content_types_pks(self.queryset.model)
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=content_types)
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
        )


class TitleWeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = TitleWeightedSQLiteSearchQueryCompiler
