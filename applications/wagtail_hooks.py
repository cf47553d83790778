from wagtail import hooks
from wagtail.snippets.models import register_snippet

from events.models import FESTIVAL_APPLICATION_STATUS_HOOK, FESTIVAL_APPLY_HOOK

from . import views
from .bulk_actions import ApproveBulkAction, RejectBulkAction, WaitlistBulkAction
from .models import ApplicationEmail, StandApplication
from .panels import OpenApplicationsPanel
from .permissions import register_received_only
from .viewsets import ApplicationsGroup

register_received_only(StandApplication, ApplicationEmail)

# The festival page's routes `apply/` and `application/` (declared in events.models).
hooks.register(FESTIVAL_APPLY_HOOK, views.stand_apply)
hooks.register(FESTIVAL_APPLICATION_STATUS_HOOK, views.stand_application_status)

register_snippet(ApplicationsGroup)

for action in (ApproveBulkAction, WaitlistBulkAction, RejectBulkAction):
    hooks.register("register_bulk_action", action)


@hooks.register("construct_homepage_panels")
def add_open_applications_panel(request, panels):
    if request.user.has_perm(f"applications.view_{StandApplication._meta.model_name}"):
        panels.append(OpenApplicationsPanel())
