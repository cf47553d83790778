"""Bulk decisions on stand applications, each through services.change_status (capacity kept)."""

from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from . import services
from .models import ApplicationStatus, StandApplication


class StandDecisionBulkAction(SnippetBulkAction):
    template_name = "applications/admin/confirm_bulk_decision.html"
    status: str = ""

    @classproperty
    def models(cls):
        return [StandApplication]

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        view = kwargs["self"]
        result = services.bulk_change_status(objects, cls.status, view.request.user)
        for application, reason in result.refused:
            messages.warning(view.request, f"{application.organisation}: {reason}")
        return len(result.changed), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d application changed.", "%(count)d applications changed.", num_parent_objects
        ) % {"count": num_parent_objects}


class ApproveBulkAction(StandDecisionBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected applications")
    status = ApplicationStatus.APPROVED
    action_priority = 10


class WaitlistBulkAction(StandDecisionBulkAction):
    display_name = _("Waiting list")
    action_type = "waitlist"
    aria_label = _("Put the selected applications on the waiting list")
    status = ApplicationStatus.WAITLISTED
    action_priority = 20


class RejectBulkAction(StandDecisionBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected applications")
    status = ApplicationStatus.REJECTED
    action_priority = 30
