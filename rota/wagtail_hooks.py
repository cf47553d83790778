"""ROTA in the admin: the results report (Reports menu) for the team."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import VIEW_PERMISSION, ReportView, erase_view


@hooks.register("register_admin_urls")
def register_rota_urls():
    return [
        path("rota/results/", ReportView.as_view(), name="rota_report"),
        path("rota/results/<int:pk>/erase/", erase_view, name="rota_erase"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_rota_report_menu_item():
    return ReportMenuItem(_("ROTA results"), reverse("rota_report"), icon_name="table", order=900)
