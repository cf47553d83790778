"""The "Register" section of an event page, through the core page-sections hook (the place
"event_main"): events never imports this app."""

from django.template.loader import render_to_string

from events.models import RegistrationRoutes

from . import services


def register_section(context, page, place: str) -> str:
    if place != "event_main" or not isinstance(page, RegistrationRoutes):
        return ""
    if services.setup_for(page) is None:
        return ""
    dates = services.event_dates(page)
    return render_to_string(
        "registrations/section.html",
        {"page": page, "dates": dates, "is_series": len(dates) > 1 or page.event_type == "series"},
        context.get("request"),
    )
