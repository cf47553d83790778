"""The registrations in the admin: the shared application view set (list filtered by event,
date and status; CSV and Excel export; history, export and erasure of one registrant), the
settings per event, the sign-in sheet (printable, with attendance) and the dashboard panel."""

from typing import Any

import django_filters
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page
from wagtail.snippets.views.snippets import SnippetViewSet

from applications.viewsets import ApplicationViewSet, title_column
from events.models import EventSeriesPage, MeetingPage

from . import services
from .kind import registration_kind
from .models import REGISTERED, REGISTRATION_STATUS_CHOICES, Registration, RegistrationSetup


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        label=_("Event"),
        queryset=Page.objects.filter(registrations__isnull=False).distinct().order_by("title"),
    )
    date = django_filters.DateFilter(label=_("Date"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=REGISTRATION_STATUS_CHOICES)
    attended = django_filters.BooleanFilter(label=_("Attended"))

    class Meta:
        model = Registration
        fields = ["event", "date", "status", "attended"]


class RegistrationViewSet(ApplicationViewSet):
    kind = registration_kind
    model = Registration
    icon = "list-ul"
    menu_label = _("Registrations")
    url_prefix = "registrations"
    filterset_class = RegistrationFilterSet
    search_fields = ["contact_name", "organisation", "email"]
    ordering = ["date", "created_at"]
    list_display = [
        title_column("contact_name", _("Name"), registration_kind),
        Column("event", label=_("Event")),
        DateColumn("date", label=_("Date")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("organisation", label=_("Organisation")),
        Column("province", label=_("Province"), accessor="get_province_display"),
        Column("attended", label=_("Attended")),
    ]
    list_export = [
        "pk",
        "event",
        "date",
        "status",
        "contact_name",
        "organisation",
        "email",
        "phone",
        "province",
        "accessibility_needs",
        "answer_text",
        "attended",
        "language",
        "created_at",
    ]
    export_headings = {"pk": _("Number"), "answer_text": _("Answers")}
    export_filename = "registrations"

    def get_queryset(self, request):
        return Registration.objects.select_related("event")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("sign-in/<int:event_id>/<str:date>/", self.sign_in_view, name="sign_in"),
        ]

    def sign_in_view(self, request: HttpRequest, event_id: int, date: str) -> HttpResponse:
        """The sign-in sheet of one date: printable, and after the event the team ticks who
        came (POST)."""
        if not self.permission_policy.user_has_permission(request.user, "view"):
            return HttpResponse(status=403)
        day = parse_date(date)
        event = get_object_or_404(Page, pk=event_id)
        if day is None:
            return HttpResponse(status=404)
        registrants = (
            services.same_date(event.pk, day)
            .filter(status=REGISTERED)
            .order_by("contact_name", "pk")
        )
        if request.method == "POST":
            if not self.permission_policy.user_has_permission(request.user, "change"):
                return HttpResponse(status=403)
            came = {int(pk) for pk in request.POST.getlist("attended") if pk.isdigit()}
            services.mark_attendance([r for r in registrants if r.pk in came], True)
            services.mark_attendance([r for r in registrants if r.pk not in came], False)
            messages.success(request, _("Attendance saved."))
            return redirect(request.get_full_path())
        return TemplateResponse(
            request,
            "registrations/admin/sign_in_sheet.html",
            {
                "event": event,
                "day": day,
                "registrants": registrants,
                "header_icon": self.icon,
                "list_url": f"{reverse(self.get_url_name('list'))}?event={event.pk}&date={day}",
            },
        )


class RegistrationSetupViewSet(SnippetViewSet):
    """Registration for an event: open or not, places per date, the private join link and
    the form's additional questions."""

    model = RegistrationSetup
    icon = "cog"
    menu_label = _("Registration settings")
    url_prefix = "registrations/settings"
    list_display = ["event", "is_open", "capacity"]
    panels = [
        FieldPanel("event", widget=AdminPageChooser(target_models=[MeetingPage, EventSeriesPage])),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_open"), FieldPanel("capacity")]),
                FieldPanel("join_url"),
            ],
            heading=_("Places"),
        ),
        FieldPanel("questions"),
    ]


class RegistrationsPanel(Component):
    """On the dashboard: registered, waiting and cancelled for each upcoming date."""

    name = "event_registrations"
    template_name = "registrations/admin/dashboard_panel.html"
    order = 155

    def get_context_data(self, parent_context: Any = None) -> dict:
        from django.utils import timezone

        upcoming = Registration.objects.filter(date__gte=timezone.localdate())
        return {"lines": services.counts_by_date(upcoming)[:12]}
