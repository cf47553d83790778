"""The series' rule editor reads in the editor's language: its label, its JavaScript strings,
a plain-language summary of the rule and its next dates, refreshed as the rule changes."""

import datetime
from html import unescape

import pytest
from django.utils import translation
from recurrence import deserialize
from wagtail.users.models import UserProfile

from demo.builders import aware, make_event, make_events_index
from events.models import EventSeriesPage
from events.rule_summary import preview, summarise, turkish_dative_suffix

THURSDAYS_UNTIL_MARCH = "RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20270304T000000Z"


def test_the_recurrence_field_has_its_own_label_not_the_model_field_name():
    field = EventSeriesPage._meta.get_field("recurrences")
    with translation.override("en"):
        assert str(field.verbose_name) == "repeats"
    with translation.override("tr"):
        assert str(field.verbose_name) == "tekrar kuralı"


@pytest.mark.parametrize(
    ("year", "suffix"),
    [(2027, "ye"), (2026, "ya"), (2030, "a"), (2029, "a"), (2100, "e"), (2000, "e"), (2023, "e")],
)
def test_turkish_dative_suffix_follows_the_last_spoken_word(year, suffix):
    assert turkish_dative_suffix(year) == suffix


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", "Her Perşembe 15:00, 4 Mart 2027'ye kadar"),
        ("en", "Every Thursday at 15:00 until 4 March 2027"),
    ],
)
def test_a_weekly_rule_reads_as_a_sentence(language, expected):
    with translation.override(language):
        assert summarise(deserialize(THURSDAYS_UNTIL_MARCH), aware(2026, 12, 3, 15)) == expected


@pytest.mark.parametrize(
    ("rule", "turkish", "english"),
    [
        (
            "RRULE:FREQ=MONTHLY;BYDAY=+1WE",
            "Her ayın ilk Çarşamba günü 19:00",
            "Every month on the first Wednesday at 19:00",
        ),
        (
            "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6",
            "2 haftada bir Pazartesi ve Perşembe 19:00, 6 kez",
            "Every 2 weeks on Monday and Thursday at 19:00, 6 times",
        ),
        ("", "Yalnızca ilk buluşma", "Only the first meeting"),
    ],
)
def test_other_rules_read_in_both_languages(rule, turkish, english):
    start = aware(2026, 12, 2, 19)
    with translation.override("tr"):
        assert summarise(deserialize(rule), start) == turkish
    with translation.override("en"):
        assert summarise(deserialize(rule), start) == english


def test_the_preview_gives_the_next_five_dates_from_now_in_istanbul_time():
    rule = deserialize("RRULE:FREQ=WEEKLY;BYDAY=TH")
    result = preview(rule, aware(2026, 1, 1, 15), now=aware(2026, 12, 5, 12))
    assert [moment.date() for moment in result.dates] == [
        datetime.date(2026, 12, 10),
        datetime.date(2026, 12, 17),
        datetime.date(2026, 12, 24),
        datetime.date(2026, 12, 31),
        datetime.date(2027, 1, 7),
    ]
    assert {moment.hour for moment in result.dates} == {15}


PREVIEW_URL = "/admin/events/recurrence-preview/"


def test_the_preview_endpoint_renders_the_summary_and_the_dates(admin_client):
    response = admin_client.get(
        PREVIEW_URL, {"recurrences": "RRULE:FREQ=WEEKLY;BYDAY=TH", "start": "2030-01-03 15:00"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Her Perşembe 15:00" in html
    assert html.count("<time ") == 5
    assert "3 Ocak 2030 Perşembe, 15:00" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"recurrences": "RRULE:FREQ=NEVER", "start": "2030-01-03 15:00"}, "Bu kural okunamıyor"),
        ({"recurrences": "RRULE:FREQ=WEEKLY", "start": "yarın"}, "ilk buluşmanın başlangıcını"),
    ],
)
def test_the_preview_endpoint_explains_what_it_cannot_read(admin_client, params, message):
    response = admin_client.get(PREVIEW_URL, params)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_preview_endpoint_is_for_editors_only(client):
    response = client.get(PREVIEW_URL, {"recurrences": "RRULE:FREQ=WEEKLY"})
    assert response.status_code == 302


def test_the_editor_shows_the_summary_on_load_and_loads_the_refresh_script(admin_client, home):
    index = make_events_index(home)
    page = make_event(
        index,
        model=EventSeriesPage,
        title="Çay Saati",
        start=aware(2030, 1, 3, 15),
        end=aware(2030, 1, 3, 17),
        recurrences=deserialize(THURSDAYS_UNTIL_MARCH.replace("2027", "2031")),
    )
    html = unescape(admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    assert "Her Perşembe 15:00, 4 Mart 2031'e kadar" in html
    assert 'data-rule-preview-url="/admin/events/recurrence-preview/"' in html
    assert "events/js/rule-preview.js" in html
    assert ">Tekrar kuralı<" in html.replace("\n", "").replace("  ", "")


@pytest.mark.parametrize(
    ("language", "present", "absent"),
    [("tr", '"Add rule": "Kural ekle"', None), ("en", None, "Kural ekle")],
)
def test_the_admin_javascript_catalogue_translates_the_rule_editor(
    admin_client, admin_user, language, present, absent
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    script = admin_client.get("/admin/jsi18n/").content.decode()
    if present:
        assert present in script
        assert '"Thursday": "Per\\u015fembe"' in script
    if absent:
        assert absent not in script


def test_a_new_series_says_what_the_summary_needs(admin_client, home):
    index = make_events_index(home)
    html = admin_client.get(f"/admin/pages/add/events/eventseriespage/{index.pk}/")
    assert "Kuralı ve tarihlerini görmek için ilk buluşmanın başlangıcını girin." in (
        html.content.decode()
    )
