"""The programme page's call to request: a programme page (home.StandardPage) with a live
request page under it shows a link to its form after its body (the "after_body" place of
core.sections), so that home never imports this app."""

from django.template.loader import render_to_string
from wagtail.models import Page

from core.versions import content_generation, versioned_get_or_set

from .models import CoachingRequestPage


def parents_of_request_pages() -> frozenset[str]:
    """The tree paths of the pages with a live request page below them: most programme
    pages have none, and then pay no query for this section. Cached until a page changes
    (the content generation)."""

    def compute() -> frozenset[str]:
        paths = CoachingRequestPage.objects.live().values_list("path", flat=True)
        return frozenset(path[: -Page.steplen] for path in paths)

    return versioned_get_or_set(f"coaching:request-parents:{content_generation()}", compute)


def request_section(context, page: Page, place: str) -> str:
    if place != "after_body" or page.path not in parents_of_request_pages():
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
