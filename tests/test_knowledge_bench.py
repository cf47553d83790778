"""The bench's Information Center generator: entries in both languages at a small scale,
under the index it finds (or makes), and URLs that answer."""

import pytest

from bench.generators import generators
from bench.generators.base import Context
from bench.generators.knowledge import KnowledgeEntries
from knowledge.models import EntryReads, KnowledgeEntryPage

pytestmark = pytest.mark.django_db


def test_the_generator_makes_entries_in_both_languages(home, client):
    assert any(isinstance(g, KnowledgeEntries) for g in generators())
    ctx = Context(scale=0.05)
    made = KnowledgeEntries().generate(ctx)
    assert made == {"knowledge-base entries (tr+en)": 16}
    for language in ("tr", "en"):
        entries = KnowledgeEntryPage.objects.live().filter(locale__language_code=language)
        assert entries.count() == 8
    assert EntryReads.objects.count() == 16
    targets = KnowledgeEntries().targets(ctx)
    assert len(targets) >= 4
    for target in targets:
        assert client.get(target.path).status_code == 200, target.path
