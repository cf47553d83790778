"""Whole-database snapshots for the browser tests: taken once, restored before each test.

On SQLite a snapshot is an in-memory copy made with SQLite's backup API (milliseconds to
restore, search index and sequences included). On other databases it is Django's JSON
serialization of every migrated model, loaded with save signals muted (the snapshot already
holds what they would derive: search index, reference index, translation state).
"""

import sqlite3
from contextlib import ExitStack
from unittest import mock

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.models import signals


def cache_content_types() -> None:
    """Fill Django's content-type cache from the database.

    Restored rows keep their ids, which may differ from what the cache remembers; and
    deserializing a Wagtail task with a cold cache makes its __init__ create a content-type
    row that the restored rows then overwrite. A cache read from the database avoids both.
    """
    ContentType.objects.clear_cache()
    for content_type in ContentType.objects.all():
        ContentType.objects._add_to_cache(connection.alias, content_type)


class Snapshot:
    def __init__(self) -> None:
        connection.ensure_connection()
        self._copy: sqlite3.Connection | None = None
        self._json: str | None = None
        if connection.vendor == "sqlite":
            self._copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self._copy)
        else:
            self._json = connection.creation.serialize_db_to_string()

    def restore(self) -> None:
        connection.ensure_connection()
        if self._copy is not None:
            self._copy.backup(connection.connection)
        else:
            cache_content_types()
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            with ExitStack() as stack:
                for signal in (signals.pre_save, signals.post_save, signals.m2m_changed):
                    stack.enter_context(mock.patch.object(signal, "send", return_value=[]))
                connection.creation.deserialize_db_from_string(self._json)
            # Rows came back with their ids; move each sequence past them (PostgreSQL).
            move_sequences_past_rows()
        cache_content_types()

    def close(self) -> None:
        if self._copy is not None:
            self._copy.close()


def move_sequences_past_rows() -> None:
    """Move each PostgreSQL sequence past the ids of its table's rows (nothing elsewhere)."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
