"""The demo's past open call: closed, in both languages, applications in mixed statuses with
a few reviews, and loading it again changes nothing."""

from wagtail.models import Locale

from applications.models import SelectionStatus
from home.demo import load_home
from stories.demo import load_open_call
from stories.models import NarratorApplication, NarratorReview, OpenCallState

SS = SelectionStatus


def test_demo_open_call_is_closed_bilingual_and_idempotent(client, db):
    home = load_home()
    call = load_open_call(home)
    counts = (NarratorApplication.objects.count(), NarratorReview.objects.count())
    load_open_call(home)
    assert (NarratorApplication.objects.count(), NarratorReview.objects.count()) == counts
    assert call.state() == OpenCallState.CLOSED
    statuses = set(NarratorApplication.objects.values_list("status", flat=True))
    assert statuses == {SS.SUBMITTED, SS.SHORTLISTED, SS.SELECTED, SS.DECLINED, SS.WITHDRAWN}
    assert set(NarratorApplication.objects.values_list("language", flat=True)) == {"tr", "en"}
    assert counts[1] >= 5
    english = call.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.title != call.title
    assert "Başvurular kapandı" in client.get(call.url).content.decode()
    assert "Applications closed" in client.get(english.url).content.decode()
    assert "Deniz Aksoy" not in client.get(call.url).content.decode()
