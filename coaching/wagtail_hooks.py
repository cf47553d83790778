"""Requests in the admin: the two kinds' view sets, the dashboard panel, and the call to
request on programme pages."""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from applications.permissions import register_received_only
from core.sections import PAGE_SECTIONS_HOOK

from .models import CoachingRequest, TailorMadeRequest
from .panels import KINDS, OpenRequestsPanel
from .sections import request_section
from .viewsets import RequestsGroup

register_received_only(CoachingRequest, TailorMadeRequest)
register_snippet(RequestsGroup)
hooks.register(PAGE_SECTIONS_HOOK, request_section)


@hooks.register("construct_homepage_panels")
def add_open_requests_panel(request, panels) -> None:
    kinds = [
        kind
        for kind in KINDS
        if request.user.has_perm(f"coaching.view_{kind.model._meta.model_name}")
    ]
    if kinds:
        panels.append(OpenRequestsPanel(kinds))


def request_rows() -> list[tuple[str, int, int]]:
    """Coaching and Tailor-Made requests, by the organisation's province and the year received."""
    rows: list[tuple[str, int, int]] = []
    for model in (CoachingRequest, TailorMadeRequest):
        counted = (
            model.objects.order_by()
            .values("province", year=ExtractYear("created_at"))
            .annotate(count=Count("pk"))
        )
        rows += [(row["province"], row["year"], row["count"]) for row in counted]
    return rows


@hooks.register("impact_series")  # the map and the impact page (places) count them
def request_series() -> list[dict]:
    return [
        {
            "kind": "request",
            "label": _("Coaching and Tailor-Made requests"),
            "rows": request_rows,
            "counted": ngettext_lazy("%(count)d request", "%(count)d requests", "count"),
        }
    ]
