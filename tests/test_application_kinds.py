"""The call machinery is kind-neutral: each kind registers itself (applications.kinds,
applications.calls), the festival page gets its call section through core.sections' hook,
and one page's call is shared by its translations."""

import pytest
from django.template import Context
from wagtail.models import Locale

from applications.calls import CallState, call_for
from applications.kinds import kind_for, kinds
from applications.models import StandApplication
from applications.stands.sections import festival_call_section
from core.sections import render_page_sections
from demo.builders import make_events_index, make_festival, translate
from events.models import FestivalPage
from stories.models import NarratorApplication, OpenCallPage
from tests.test_open_call import make_call

pytestmark = pytest.mark.django_db


def test_both_kinds_are_registered_with_their_calls():
    assert {kind.model for kind in kinds()} >= {StandApplication, NarratorApplication}
    assert kind_for(StandApplication).admin_url_namespace == "stand_applications"
    assert kind_for(NarratorApplication).admin_url_namespace == "narrator_applications"
    for kind in kinds():
        assert kind.form_class._meta.model is kind.model
        assert kind.model.call_page_field in {f.name for f in kind.model._meta.fields}


def test_a_translation_shares_the_original_call(home):
    en = Locale.objects.get(language_code="en")
    index = make_events_index(home)
    translate(index, en, title="Events", slug="events")
    festival = make_festival(index, stands=3, english=True)
    english = festival.get_translation(en)
    assert call_for(english).original().pk == festival.pk
    assert call_for(english).status().state == CallState.OPEN
    call = make_call(home)
    english_call = call.get_translation(en)
    assert isinstance(call_for(english_call).original(), OpenCallPage)
    assert call_for(english_call).original().pk == call.pk
    assert call_for(english_call).status().places is None  # no places: never full


def test_the_call_section_is_only_on_festival_pages_at_its_place(home, rf):
    festival = FestivalPage.objects.get(pk=make_festival(make_events_index(home)).pk)
    context = Context({"request": rf.get(festival.url), "page": festival})
    assert festival_call_section(context, festival, "event_main") == ""
    assert festival_call_section(context, home, "festival_call") == ""
    html = render_page_sections(context, festival, "festival_call")
    assert 'class="stand-call"' in html and festival.reverse_subpage("apply") in html
