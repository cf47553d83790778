"""Requests in the admin: the two kinds' view sets, the dashboard panel, and the call to
request on programme pages."""

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
