"""The applications app in the admin and on the festival page: the stand kind's view set,
bulk decisions and dashboard panel, the festival's `apply/` and `application/` routes and its
call section (hooks declared by events and core, so events never imports this app)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet

from core.sections import PAGE_SECTIONS_HOOK
from events.models import FESTIVAL_APPLICATION_STATUS_HOOK, FESTIVAL_APPLY_HOOK

from .bulk_actions import bulk_actions_for
from .messaging import MessageBulkAction
from .models import ApplicationEmail, StandApplication
from .permissions import register_received_only
from .stands.kind import stand_kind
from .stands.panels import OpenApplicationsPanel
from .stands.sections import festival_call_section
from .stands.viewsets import StandApplicationViewSet
from .views import CallFlow
from .viewsets import ApplicationEmailViewSet

register_received_only(StandApplication, ApplicationEmail)

# The festival page's routes `apply/` and `application/` (declared in events.models), and
# its call section (the place "festival_call").
stand_flow = CallFlow(stand_kind)
hooks.register(FESTIVAL_APPLY_HOOK, stand_flow.serve_apply)
hooks.register(FESTIVAL_APPLICATION_STATUS_HOOK, stand_flow.serve_status)
hooks.register(PAGE_SECTIONS_HOOK, festival_call_section)


class ApplicationsGroup(ViewSetGroup):
    menu_label = _("Applications")
    menu_icon = "form"
    menu_order = 220
    items = (StandApplicationViewSet, ApplicationEmailViewSet)


register_snippet(ApplicationsGroup)

for action in bulk_actions_for(stand_kind):
    hooks.register("register_bulk_action", action)
# "Write" on the list of every kind of application (narrators' too).
hooks.register("register_bulk_action", MessageBulkAction)


@hooks.register("construct_homepage_panels")
def add_open_applications_panel(request, panels):
    if request.user.has_perm(f"applications.view_{StandApplication._meta.model_name}"):
        panels.append(OpenApplicationsPanel())
