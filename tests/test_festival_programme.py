"""The festival programme: sessions by day, filters by day and kind (plain GET), <time>
markup, the English translation, and the page form's rules for the call."""

import pytest
from wagtail.models import Locale

from demo.builders import aware, locales, make_events_index, make_festival, translate
from events.choices import SessionKind
from events.forms import FestivalPageForm
from events.models import FestivalPage, FestivalSession

pytestmark = pytest.mark.django_db


def sessions() -> list[FestivalSession]:
    turkish, _ = locales()
    return [
        FestivalSession(
            locale=turkish,
            kind=SessionKind.WORKSHOP,
            title="Erişilebilir etkinlik atölyesi",
            start=aware(2030, 10, 5, 13),
            end=aware(2030, 10, 5, 14, 30),
            space="Atölye 1",
            speakers="Engelsiz Yaşam Derneği",
            accessibility_notes="Türk İşaret Dili",
        ),
        FestivalSession(
            locale=turkish,
            kind=SessionKind.PANEL,
            title="Yerelde dayanışma paneli",
            start=aware(2030, 10, 6, 15),
            end=aware(2030, 10, 6, 16, 30),
            space="Büyük Salon",
            language="tr_en",
        ),
    ]


@pytest.fixture
def festival(home):
    index = make_events_index(home)
    translate(index, Locale.objects.get(language_code="en"), title="Events", slug="events")
    return make_festival(index, sessions=sessions())


def test_programme_by_day_with_time_markup(client, festival):
    html = client.get(festival.url).content.decode()
    assert "Erişilebilir etkinlik atölyesi" in html and "Yerelde dayanışma paneli" in html
    assert '<time datetime="2030-10-05T13:00:00+03:00">13:00</time>' in html
    assert '<time datetime="2030-10-05">5 Ekim 2030 Cumartesi</time>' in html
    assert html.index("Erişilebilir etkinlik") < html.index("Yerelde dayanışma")
    assert "Türk İşaret Dili" in html and "Atölye 1" in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("?day=2030-10-06", "Yerelde dayanışma", "Erişilebilir etkinlik atölyesi"),
        ("?kind=workshop", "Erişilebilir etkinlik atölyesi", "Yerelde dayanışma"),
        ("?day=2030-10-05&kind=panel", "Bu filtrelere uyan oturum yok", "Yerelde dayanışma"),
    ],
)
def test_filters_by_day_and_kind(client, festival, query, shown, hidden):
    html = client.get(festival.url + query).content.decode()
    programme = html[html.index('id="festival-programme"') :]
    assert shown in programme and hidden not in programme.split("</form>", 1)[1]


@pytest.mark.parametrize("query", ["?day=nonsense", "?day=2030-13-45", "?kind=<script>", "?day="])
def test_bad_filters_show_everything_never_500(client, festival, query):
    response = client.get(festival.url + query)
    assert response.status_code == 200
    assert "Yerelde dayanışma paneli" in response.content.decode()


def test_programme_is_translated_with_the_page(client, festival):
    english = Locale.objects.get(language_code="en")
    translation = festival.copy_for_translation(english)
    session = translation.sessions.get(kind=SessionKind.PANEL)
    session.title = "Solidarity at local level"
    session.save()
    translation.save_revision().publish()
    html = client.get(translation.url).content.decode()
    assert "Solidarity at local level" in html
    assert "Turkish and English" in html and "Programme" in html
    assert translation.sessions.get(kind=SessionKind.PANEL).start == aware(2030, 10, 6, 15)


def test_page_form_checks_the_call(festival):
    form_class = FestivalPage.get_edit_handler().get_form_class()
    form = form_class(instance=festival, for_user=None)
    assert issubclass(form_class, FestivalPageForm)
    form.cleaned_data = {
        "applications_open": aware(2030, 5, 1),
        "applications_close": aware(2030, 4, 1),
        "stands": None,
    }
    form._errors = {}
    FestivalPageForm.clean(form)
    assert "applications_close" in form.errors and "stands" in form.errors
