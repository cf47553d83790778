"""Every public place an event page shows, asked as an anonymous visitor (through the page
cache and the cached fragments), for the publishing tests."""

from urllib.parse import urlparse

import icalendar
from django.test import Client
from wagtail.models import Page

from demo.builders import aware, make_event

#: An upcoming meeting, alone in its month, with a title nothing else on the test site has.
TITLE = "Yayın Denemesi Buluşması"
START = aware(2030, 3, 12, 10)
SUMMARY = "Yayın denemesinin özeti"


def make_tested_event(index: Page, **kwargs) -> Page:
    kwargs.setdefault("title", TITLE)
    kwargs.setdefault("slug", "yayin-denemesi")
    kwargs.setdefault("start", START)
    kwargs.setdefault("end", START.replace(hour=16))
    kwargs.setdefault("summary", SUMMARY)
    return make_event(index, **kwargs)


def _ics_summaries(response) -> set[str]:
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def sitemap_paths(client: Client) -> set[str]:
    index = client.get("/sitemap.xml").content.decode()
    paths = set()
    for section in {part.split("</loc>")[0] for part in index.split("<loc>")[1:]}:
        body = client.get(urlparse(section).path).content.decode()
        paths |= {urlparse(loc.split("</loc>")[0]).path for loc in body.split("<loc>")[1:]}
    return paths


def where_shown(page_path: str, page_id: int, title: str = TITLE) -> dict[str, bool]:
    """Whether each public place shows the page (an anonymous visitor, cookies off)."""
    client = Client()
    page_response = client.get(page_path)
    return {
        "page": page_response.status_code == 200 and SUMMARY in page_response.content.decode(),
        "event .ics": client.get(f"/tr/calendar/event/{page_id}.ics").status_code == 200,
        "listing": title in client.get("/tr/etkinlikler/").content.decode(),
        "calendar month": title
        in client.get(f"/tr/etkinlikler/calendar/{START.year}/{START.month}/").content.decode(),
        "site .ics": title in _ics_summaries(client.get("/tr/calendar/events.ics")),
        "rss": title in client.get("/tr/calendar/events.rss").content.decode(),
        "search": title in client.get("/tr/search/", {"q": "yayın"}).content.decode(),
        "sitemap": page_path in sitemap_paths(client),
        "home page": title in client.get("/tr/").content.decode(),
    }


#: What `where_shown` answers for a live page, and for one that is not.
EVERYWHERE = {
    place: True
    for place in (
        "page",
        "event .ics",
        "listing",
        "calendar month",
        "site .ics",
        "rss",
        "search",
        "sitemap",
        "home page",
    )
}
NOWHERE = dict.fromkeys(EVERYWHERE, False)
