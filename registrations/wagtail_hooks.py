"""Registrations in the admin and on event pages: the view sets, the dashboard panel, the
event's routes (events.models.EVENT_REGISTRATION_HOOK) and its "Register" section."""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet

from applications.permissions import register_received_only
from core.sections import PAGE_SECTIONS_HOOK
from events.models import EVENT_REGISTRATION_HOOK

from .models import REGISTERED, Registration
from .sections import register_section
from .views import serve
from .viewsets import RegistrationSetupViewSet, RegistrationsPanel, RegistrationViewSet

register_received_only(Registration)
hooks.register(EVENT_REGISTRATION_HOOK, serve)
hooks.register(PAGE_SECTIONS_HOOK, register_section)


class RegistrationsGroup(ViewSetGroup):
    menu_label = _("Registrations")
    menu_icon = "list-ul"
    menu_order = 221
    items = (RegistrationViewSet, RegistrationSetupViewSet)


register_snippet(RegistrationsGroup)


@hooks.register("construct_homepage_panels")
def add_registrations_panel(request, panels) -> None:
    if request.user.has_perm("registrations.view_registration"):
        panels.append(RegistrationsPanel())


def registration_rows() -> list[tuple[str, int, int]]:
    """People with a place, by their province and the year of their date."""
    counted = (
        Registration.objects.filter(status=REGISTERED)
        .order_by()
        .values("province", year=ExtractYear("date"))
        .annotate(count=Count("pk"))
    )
    return [(row["province"], row["year"], row["count"]) for row in counted]


@hooks.register("impact_series")  # the map and the impact page (places) count them
def registration_series() -> list[dict]:
    return [
        {
            "kind": "registration",
            "label": _("People registered for a date"),
            "rows": registration_rows,
            "counted": ngettext_lazy(
                "%(count)d person registered", "%(count)d people registered", "count"
            ),
        }
    ]
