from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .lockouts import LockoutPermissionPolicy, lockout_viewset
from .publishing import remember_loaded_state

register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt), exact_class=True)

# After the hooks that answer the request themselves (wagtail-localize's translation editor
# takes over the edit view of a translated page): only the page editor's own saves are noted.
hooks.register("before_edit_page", remember_loaded_state, order=100)


@hooks.register("register_admin_viewset")
def register_lockouts():
    return lockout_viewset
