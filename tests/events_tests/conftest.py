"""The events index (and its English translation) every events test builds on."""

import pytest
from wagtail.models import Locale

from demo.builders import make_events_index, translate


@pytest.fixture
def index(home):
    english = Locale.objects.get(language_code="en")
    index = make_events_index(home)
    translate(index, english, title="Events", slug="events")
    return index
