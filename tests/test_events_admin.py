"""Editors create and change events in the Wagtail admin; bad input gets a clear message."""

import datetime
import re

from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from demo.builders import make_events_index, make_home, make_venue
from events.models import EventSeriesPage, FestivalPage, MeetingPage, Occurrence, Venue


def series_form_data(**overrides) -> dict:
    data = {
        "title": "Çay Saati İzmir",
        "slug": "cay-saati-izmir",
        "summary": "Her çarşamba çay eşliğinde sohbet.",
        "series_kind": "tea_time",
        "start": "2030-01-02 15:00",
        "end": "2030-01-02 17:00",
        "recurrences": "RRULE:FREQ=WEEKLY;UNTIL=20300130T000000Z",
        "attendance_mode": "in_person",
        "online_url": "",
        "organisers": "STGM",
        "registration_info": rich_text(""),
        "status": "scheduled",
        "status_note": "",
        "body": streamfield([]),
        "date_changes": inline_formset(
            [{"date": "2030-01-16", "status": "cancelled", "reason": "Salon bakımda"}]
        ),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


class EventAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home()
        self.index = make_events_index(self.home)
        self.venue = make_venue(name="İzmir Kültürpark", province="35")
        self.user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        self.client.force_login(self.user)

    def add_url(self, model) -> str:
        return f"/admin/pages/add/events/{model._meta.model_name}/{self.index.pk}/"

    def test_editor_creates_a_weekly_series_with_one_cancelled_date_and_publishes(self):
        data = series_form_data(venue=str(self.venue.pk), **{"action-publish": "publish"})
        response = self.client.post(self.add_url(EventSeriesPage), data)
        self.assertEqual(response.status_code, 302)
        page = EventSeriesPage.objects.get(title="Çay Saati İzmir")
        self.assertTrue(page.live)
        statuses = list(
            Occurrence.objects.filter(page=page).order_by("start").values_list("status", flat=True)
        )
        expected = ["scheduled", "scheduled", "cancelled", "scheduled", "scheduled"]
        self.assertEqual(statuses, expected)
        self.assertEqual(Occurrence.objects.filter(page=page, province="35").count(), 5)

    def test_the_editor_form_loads_the_recurrence_widget_without_a_second_jquery(self):
        response = self.client.get(self.add_url(EventSeriesPage))
        html = response.content.decode()
        self.assertEqual(response.status_code, 200)
        self.assertIn("recurrence/js/recurrence-widget.js", html)
        self.assertIn("events/js/recurrence-jquery.js", html)
        self.assertNotIn("admin/js/vendor/jquery/jquery", html)

    def test_end_before_start_is_refused_with_a_message(self):
        data = series_form_data(end="2030-01-02 14:00", **{"action-publish": "publish"})
        response = self.client.post(self.add_url(EventSeriesPage), data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Bitiş, başlangıçtan sonra olmalı.")
        self.assertFalse(EventSeriesPage.objects.exists())

    def test_a_rule_that_yields_no_date_is_refused(self):
        data = series_form_data(
            recurrences="RRULE:FREQ=WEEKLY;UNTIL=20291201T000000Z",
            date_changes=inline_formset([]),
            **{"action-publish": "publish"},
        )
        response = self.client.post(self.add_url(EventSeriesPage), data)
        self.assertContains(response, "Bu kural ilk buluşmadan sonra hiç tarih vermiyor.")

    def test_a_change_on_a_date_without_a_meeting_is_refused(self):
        data = series_form_data(
            date_changes=inline_formset(
                [{"date": "2030-01-17", "status": "cancelled", "reason": "Yok"}]
            ),
            **{"action-publish": "publish"},
        )
        response = self.client.post(self.add_url(EventSeriesPage), data)
        self.assertContains(response, "Dizinin bu tarihte bir buluşması yok.")

    def test_online_meeting_needs_its_link(self):
        data = nested_form_data(
            {
                "title": "Çevrim içi buluşma",
                "slug": "cevrim-ici",
                "summary": "Özet",
                "start": "2030-03-01 10:00",
                "end": "2030-03-01 12:00",
                "attendance_mode": "online",
                "online_url": "",
                "organisers": "STGM",
                "registration_info": rich_text(""),
                "status": "scheduled",
                "body": streamfield([]),
                "comments": inline_formset([]),
                "action_publish": "action-publish",
            }
        )
        response = self.client.post(self.add_url(MeetingPage), data)
        self.assertContains(response, "Çevrim içi katılım bağlantısını girin.")

    def test_next_dates_panel_shows_saved_dates_with_changes(self):
        data = series_form_data(
            start=(datetime.date.today() + datetime.timedelta(days=2)).strftime("%Y-%m-%d 15:00"),
            end=(datetime.date.today() + datetime.timedelta(days=2)).strftime("%Y-%m-%d 17:00"),
            recurrences="RRULE:FREQ=WEEKLY",
            date_changes=inline_formset([]),
        )
        self.client.post(self.add_url(EventSeriesPage), data)
        page = EventSeriesPage.objects.get()
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(response, 'class="next-dates"')
        self.assertContains(response, "15:00", count=None)

    def test_venues_are_translatable_snippets(self):
        english = Locale.objects.get(language_code="en")
        translated = self.venue.copy_for_translation(english)
        translated.name = "İzmir Kültürpark (EN)"
        translated.save()
        versions = Venue.objects.filter(translation_key=self.venue.translation_key)
        self.assertEqual(versions.count(), 2)
        response = self.client.get("/admin/snippets/events/venue/")
        self.assertContains(response, "İzmir Kültürpark")


def festival_form_data(sessions: list[dict], **overrides) -> dict:
    data = {
        "title": "Sivil Sesler Festivali 2031",
        "slug": "sivil-sesler-festivali-2031",
        "edition_year": "2031",
        "theme": "",
        "summary": "Sivil toplumun festivali.",
        "start": "2031-10-04 10:00",
        "end": "2031-10-05 18:00",
        "attendance_mode": "in_person",
        "online_url": "",
        "organisers": "STGM",
        "registration_info": rich_text(""),
        "status": "scheduled",
        "status_note": "",
        "allocation_mode": "reviewed",
        "body": streamfield([]),
        "sessions": inline_formset(sessions),
        "stand_types": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def session(start: str, end: str) -> dict:
    return {
        "kind": "workshop",
        "language": "tr",
        "title": "Erişilebilirlik atölyesi",
        "start": start,
        "end": end,
        "space": "Salon 1",
        "speakers": "",
        "accessibility_notes": "",
        "description": "",
    }


class FestivalAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.index = make_events_index(make_home())
        user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        self.client.force_login(user)
        self.url = f"/admin/pages/add/events/festivalpage/{self.index.pk}/"

    def test_a_session_after_the_festival_is_refused_with_the_festival_days(self):
        data = festival_form_data([session("2031-10-07 10:00", "2031-10-07 12:00")])
        response = self.client.post(self.url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "Oturumlar festival günlerinde yapılır: 4 Ekim 2031 – 5 Ekim 2031."
        )
        self.assertFalse(FestivalPage.objects.exists())

    def test_sessions_on_the_festival_days_are_saved(self):
        data = festival_form_data(
            [
                session("2031-10-04 10:00", "2031-10-04 12:00"),
                session("2031-10-05 16:00", "2031-10-05 19:00"),
            ]
        )
        response = self.client.post(self.url, data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(FestivalPage.objects.get().sessions.count(), 2)


def test_the_turkish_admin_capitalises_turkish_labels(admin_client):
    """Django's capfirst makes "Il" of "il": the catalogue writes the capital itself."""
    html = admin_client.get("/admin/snippets/events/venue/add/").content.decode()
    labels = dict(re.findall(r'<label[^>]*for="id_(province|district)"[^>]*>\s*([^<]*?)\s*<', html))
    assert labels == {"province": "İl", "district": "İlçe"}
