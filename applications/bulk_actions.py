"""Bulk decisions on the applications of a kind, each through services.transition (places
kept): one action class per decision the kind lists in `bulk_decisions`."""

from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from . import services
from .kinds import ApplicationKind


class DecisionBulkAction(SnippetBulkAction):
    template_name = "applications/admin/confirm_bulk_decision.html"
    status: str = ""
    kind: ApplicationKind

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        view = kwargs["self"]
        result = services.bulk_change_status(objects, cls.status, view.request.user)
        for application, reason in result.refused:
            messages.warning(view.request, f"{cls.kind.applicant_name(application)}: {reason}")
        return len(result.changed), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d application changed.", "%(count)d applications changed.", num_parent_objects
        ) % {"count": num_parent_objects}


def bulk_actions_for(kind: ApplicationKind) -> list[type[DecisionBulkAction]]:
    """The bulk action classes of a kind's `bulk_decisions` (register each with the
    `register_bulk_action` hook)."""
    return [
        type(
            f"{kind.model.__name__}{action_type.title()}BulkAction",
            (DecisionBulkAction,),
            {
                "kind": kind,
                "models": [kind.model],
                "status": status,
                "action_type": action_type,
                "display_name": label,
                "aria_label": aria_label,
                "action_priority": 10 * (position + 1),
            },
        )
        for position, (status, action_type, label, aria_label) in enumerate(kind.bulk_decisions)
    ]
