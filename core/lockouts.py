"""Admin login lockouts (django-axes): the page a locked-out sign-in sees, and the list of
lockouts in Wagtail's admin (Settings > Login lockouts), where an editor unlocks one.

django-axes counts failed sign-ins per user name + address (`AXES_LOCKOUT_PARAMETERS`) in its
`AccessAttempt` table; a pair at `AXES_FAILURE_LIMIT` is refused until `AXES_COOLOFF_TIME`
has passed or someone unlocks it here. Unlocking is axes' own `reset()` for the pair.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy


def cool_off_seconds(request: HttpRequest | None = None) -> int:
    cool_off = get_cool_off(request)
    return int(cool_off.total_seconds()) if cool_off else 0


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """`AXES_LOCKOUT_CALLABLE`: a page in the admin's language instead of axes' bare text."""
    seconds = cool_off_seconds(request)
    response = render(
        request,
        "core/lockout.html",
        {"minutes": max(1, -(-seconds // 60)) if seconds else 0},
        status=429,
    )
    if seconds:
        response["Retry-After"] = str(seconds)
    return response


def is_locked(attempt: AccessAttempt) -> bool:
    return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """A lockout is never added or edited by hand: it may be seen and unlocked (deleted)."""

    def user_has_permission(self, user, action: str) -> bool:
        if action in ("add", "change"):
            return False
        if action == "view":
            action = "delete"
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in ("add", "change")]
        return super().users_with_any_permission(actions or ["delete"])


class LockoutIndexView(generic.IndexView):
    page_title = gettext_lazy("Login lockouts")

    def get_base_queryset(self) -> QuerySet[AccessAttempt]:
        return AccessAttempt.objects.order_by("-attempt_time")

    def get_list_more_buttons(self, instance: AccessAttempt) -> list[MenuItem]:
        url = self.get_delete_url(instance)
        return [MenuItem(_("Unlock"), url=url, icon_name="lock-open", priority=10)] if url else []


class UnlockView(generic.DeleteView):
    """Wagtail's delete confirmation, worded as an unlock, calling axes' reset."""

    template_name = "core/unlock.html"
    page_title = gettext_lazy("Unlock")
    success_message = gettext_lazy("'%(object)s' can sign in again from that address.")

    def get_page_subtitle(self) -> str:
        return attempt_label(self.object)

    @cached_property
    def confirmation_message(self) -> str:
        return _(
            "Unlock the user name '%(username)s' from the address %(address)s? The next "
            "sign-in with the right password is let in at once."
        ) % {"username": self.object.username, "address": self.object.ip_address}

    def get_success_message(self) -> str:
        return self.success_message % {"object": self.object.username}

    def delete_action(self) -> None:
        reset(ip=self.object.ip_address, username=self.object.username)


def attempt_label(attempt: AccessAttempt) -> str:
    return f"{attempt.username} · {attempt.ip_address}"


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = gettext_lazy("Login lockouts")
    add_to_settings_menu = True
    copy_view_enabled = False
    add_to_reference_index = False
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView
    search_fields = ["username", "ip_address"]
    form_fields = ["username"]  # no add or edit view is reachable (the policy)

    @property
    def list_display(self) -> list[str | Column]:
        return [
            "username",  # the title column, with the Unlock button
            Column("ip_address", label=gettext_lazy("Address")),
            Column("failures_since_start", label=gettext_lazy("Failed sign-ins")),
            BooleanColumn("is_locked", label=gettext_lazy("Locked out"), accessor=is_locked),
            DateColumn("attempt_time", label=gettext_lazy("Last attempt")),
        ]


lockout_viewset = LockoutViewSet("login_lockouts")
