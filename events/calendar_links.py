"""The "add to calendar" links of an event: Google Calendar's and Outlook on the web's forms
(the .ics file itself is built in `ical`)."""

import datetime
from urllib.parse import quote, urlencode

from django.conf import settings

from .ical import _ical_end, _local

GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
OUTLOOK_CALENDAR = "https://outlook.live.com/calendar/0/action/compose"


def google_calendar_url(
    title: str,
    start: datetime.datetime,
    end: datetime.datetime,
    all_day: bool,
    details: str,
    location: str,
) -> str:
    """Google Calendar's event template: UTC times (unambiguous) shown in Istanbul time."""
    if all_day:
        first = _local(start).date()
        dates = f"{first:%Y%m%d}/{_ical_end(start, end, True):%Y%m%d}"
    else:
        utc_start, utc_end = start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
        dates = f"{utc_start:%Y%m%dT%H%M%SZ}/{utc_end:%Y%m%dT%H%M%SZ}"
    params = {
        "action": "TEMPLATE",
        "text": title,
        "dates": dates,
        "details": details,
        "location": location,
        "ctz": settings.TIME_ZONE,
    }
    return f"{GOOGLE_CALENDAR}?{urlencode(params, quote_via=quote)}"


def outlook_calendar_url(
    title: str,
    start: datetime.datetime,
    end: datetime.datetime,
    all_day: bool,
    details: str,
    location: str,
) -> str:
    """Outlook on the web's compose form: ISO times with their offset."""
    if all_day:
        startdt = _local(start).date().isoformat()
        enddt = _ical_end(start, end, True).isoformat()
    else:
        startdt = _local(start).replace(microsecond=0).isoformat()
        enddt = _local(end).replace(microsecond=0).isoformat()
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": startdt,
        "enddt": enddt,
        "allday": "true" if all_day else "false",
        "body": details,
        "location": location,
    }
    return f"{OUTLOOK_CALENDAR}?{urlencode(params, quote_via=quote)}"
