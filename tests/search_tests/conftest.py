"""The corpus of pages every search test reads, built once per module and rolled back."""

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale

from demo.builders import make_home, make_standard_page, translate

from .corpus import CORPUS


@pytest.fixture(scope="module")
def module_corpus(django_db_setup, django_db_blocker):
    """The pages above in both languages, built once for the module and rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = make_home()
        english = Locale.objects.get(language_code="en")
        pages = {}
        for key, (turkish_fields, english_fields) in CORPUS.items():
            page = make_standard_page(home, slug=key, **turkish_fields)
            pages[("tr", key)] = page
            if english_fields:
                pages[("en", key)] = translate(page, english, slug=f"{key}-en", **english_fields)
        yield pages
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def corpus(module_corpus, db):
    """The module's pages; what a test writes on top is rolled back after it."""
    return module_corpus
