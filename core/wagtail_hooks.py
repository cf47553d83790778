from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .lockouts import LockoutPermissionPolicy, lockout_viewset

register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt), exact_class=True)


@hooks.register("register_admin_viewset")
def register_lockouts():
    return lockout_viewset
