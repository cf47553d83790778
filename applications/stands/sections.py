"""The call for stands on the festival page, through the core page-sections hook (the
place "festival_call" in events/festival_page.html): events never imports this app."""

from django.template.loader import render_to_string

from events.models import FestivalPage

from .calls import FestivalCall


def festival_call_section(context, page, place: str) -> str:
    if place != "festival_call" or not isinstance(page, FestivalPage):
        return ""
    call = FestivalCall(page).shown_status()
    if call.state == "none":
        return ""
    return render_to_string(
        "applications/stands/call.html", {"call": call, "page": page}, context.get("request")
    )
