"""Who may do what with applications in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class ReceivedOnlyPolicy(ModelPermissionPolicy):
    """Applications arrive through the public forms and their e-mails from the services:
    the team reviews, decides and erases them, but nobody adds one in the admin (an empty
    application would skip consent, duplicates and the stand allocation), superusers
    included."""

    def user_has_permission(self, user, action: str) -> bool:
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


def register_received_only(*models) -> None:
    """Call at the top of a wagtail_hooks module, before the models' view sets are made."""
    for model in models:
        register_permission_policy(model, ReceivedOnlyPolicy(model))
