import pytest
from wagtail.models import Locale

from demo.builders import make_home
from tests.e2e.snapshot import move_sequences_past_rows


def pytest_configure(config):
    """With -n (xdist's default "load" distribution), send the tests of one xdist group to
    one worker: tests/demo/ is such a group, so the demo is loaded once, not once per worker."""
    if getattr(config.option, "dist", None) == "load":
        config.option.dist = "loadgroup"


@pytest.fixture
def home(db):
    """The Turkish home page (default site root) with a live English translation."""
    return make_home()


@pytest.fixture
def english_home(home):
    return home.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language, whatever an earlier test activated
    (a leaked activation made Turkish messages come out in English)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached navigation and fragments must not leak from one test to the next."""
    from django.core.cache import cache

    from core.versions import local_copies

    cache.clear()
    local_copies.clear()
    yield
    cache.clear()
    local_copies.clear()


@pytest.fixture(autouse=True)
def sequences_past_restored_rows(request):
    """Django's serialized rollback puts the migrations' rows back with their ids but leaves
    PostgreSQL's sequences where they were (at 1 after an empty database was restored), so
    a test's first insert could take an id that exists: move each sequence past its rows."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("serialized_rollback")):
        return
    request.getfixturevalue("transactional_db")
    move_sequences_past_rows()
