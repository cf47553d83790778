"""The programme page's call to request: a programme page (home.StandardPage) with a live
request page under it shows a link to its form after its body (the "after_body" place of
core.sections), so that home never imports this app."""

from django.template.loader import render_to_string
from wagtail.models import Page

from .models import CoachingRequestPage


def request_section(context, page: Page, place: str) -> str:
    if place != "after_body":
        return ""
    request_page = (
        CoachingRequestPage.objects.child_of(page).live().public().order_by("path").first()
    )
    if request_page is None:
        return ""
    return render_to_string(
        "coaching/includes/request_section.html",
        {"request_page": request_page},
        request=context.get("request"),
    )
