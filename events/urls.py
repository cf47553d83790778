"""Calendar files and feeds, under the language prefix (config/urls.py includes them inside
i18n_patterns), so /tr/... and /en/... give the same events in their own language."""

from django.urls import path

from . import feeds, syndication

app_name = "event_feeds"

urlpatterns = [
    path("calendar/event/<int:page_id>.ics", feeds.event_ics, name="event_ics"),
    path("calendar/events.ics", feeds.events_ics, name="events_ics"),
    path("calendar/events.rss", syndication.UpcomingEventsFeed(), name="events_rss"),
    path("calendar/events.atom", syndication.UpcomingEventsAtomFeed(), name="events_atom"),
]
