"""Changes to single dates of a series: picked among the series' own dates, one per date, and
a whole range (a holiday, a closure) cancelled at once with one reason."""

import datetime

import pytest
from recurrence import deserialize
from wagtail.test.utils.form_data import inline_formset

from demo.builders import aware, make_event, make_events_index
from events.models import EventSeriesPage, Occurrence, OccurrenceChange
from events.services import cancel_series_dates
from tests.test_events_admin import series_form_data

D = datetime.date


@pytest.fixture
def series(home):
    """Weekly on Thursdays at 15:00 from 3 January 2030, with 17 January already moved online."""
    page = make_event(
        make_events_index(home),
        model=EventSeriesPage,
        title="Çay Saati",
        start=aware(2030, 1, 3, 15),
        end=aware(2030, 1, 3, 17),
        recurrences=deserialize("RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20300331T000000Z"),
        date_changes=[OccurrenceChange(date=D(2030, 1, 17), status="moved_online")],
    )
    return page


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def test_a_change_picks_its_date_among_the_series_dates(admin_client, series):
    html = admin_client.get(edit_url(series)).content.decode()
    assert '<select name="date_changes-0-date"' in html
    assert '<option value="2030-01-17" selected>17 Ocak 2030 Perşembe</option>' in html
    # The template for a new change offers the same dates, and no day without a meeting.
    assert 'name="date_changes-__prefix__-date"' in html
    assert html.count('value="2030-01-24"') == 2
    assert 'value="2030-01-25"' not in html


def test_two_changes_on_the_same_date_are_refused(admin_client, series):
    data = series_form_data(
        title=series.title,
        slug=series.slug,
        start="2030-01-03 15:00",
        end="2030-01-03 17:00",
        recurrences="RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20300331T000000Z",
        date_changes=inline_formset(
            [
                {"date": "2030-01-24", "status": "cancelled", "reason": "Tatil"},
                {"date": "2030-01-24", "status": "moved_online", "reason": ""},
            ]
        ),
    )
    response = admin_client.post(edit_url(series), data)
    assert response.status_code == 200
    assert "Bu tarihte zaten bir değişiklik var" in response.content.decode()
    assert series.date_changes.count() == 1


def test_a_range_is_cancelled_in_a_draft_with_one_reason_keeping_earlier_changes(
    series, admin_user
):
    result = cancel_series_dates(series, D(2030, 1, 10), D(2030, 1, 31), "Bayram", admin_user)
    assert result.cancelled == [D(2030, 1, 10), D(2030, 1, 24), D(2030, 1, 31)]
    assert result.already_changed == [D(2030, 1, 17)]
    # A draft: the live page and its stored dates wait for the editor to publish.
    assert OccurrenceChange.objects.filter(page=series).count() == 1
    assert not Occurrence.objects.filter(page=series, status="cancelled").exists()

    result.revision.publish(user=admin_user)
    cancelled = Occurrence.objects.filter(page=series, status="cancelled").order_by("start")
    assert [(o.start.date(), o.note) for o in cancelled] == [
        (D(2030, 1, 10), "Bayram"),
        (D(2030, 1, 24), "Bayram"),
        (D(2030, 1, 31), "Bayram"),
    ]
    assert Occurrence.objects.get(page=series, start__date=D(2030, 1, 17)).status == (
        "moved_online"
    )


def cancel_url(page) -> str:
    return f"/admin/events/series/{page.pk}/cancel-dates/"


def test_the_series_menu_offers_to_cancel_a_range(admin_client, series):
    html = admin_client.get(edit_url(series)).content.decode()
    assert cancel_url(series) in html
    assert "Bir tarih aralığını iptal et" in html


def test_the_range_form_cancels_and_sends_the_editor_back_to_publish(admin_client, series):
    form = admin_client.get(cancel_url(series))
    assert form.status_code == 200
    assert "Bir tarih aralığını iptal et" in form.content.decode()
    response = admin_client.post(
        cancel_url(series),
        {"first": "2030-02-01", "last": "2030-02-15", "reason": "Salon kapalı"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == edit_url(series)
    assert "2 buluşma yeni bir taslakta iptal edildi" in response.content.decode()
    draft = EventSeriesPage.objects.get(pk=series.pk).get_latest_revision_as_object()
    assert {(c.date, c.reason) for c in draft.date_changes.all() if c.status == "cancelled"} == {
        (D(2030, 2, 7), "Salon kapalı"),
        (D(2030, 2, 14), "Salon kapalı"),
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"first": "2030-02-15", "last": "2030-02-01", "reason": "X"}, "ilk gününde ya da"),
        ({"first": "2030-01-04", "last": "2030-01-09", "reason": "X"}, "bu günler arasında"),
        ({"first": "2030-01-01", "last": "2031-06-01", "reason": "X"}, "en fazla bir yıl"),
        ({"first": "bayram", "last": "2030-01-09", "reason": ""}, "Bu alan zorunludur"),
    ],
)
def test_a_bad_range_gets_a_clear_message_and_cancels_nothing(admin_client, series, data, message):
    response = admin_client.post(cancel_url(series), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert series.get_latest_revision_as_object().date_changes.count() == 1


def test_only_series_pages_have_a_range_form(admin_client, home):
    meeting = make_event(make_events_index(home))
    assert admin_client.get(cancel_url(meeting), follow=True).status_code == 404
