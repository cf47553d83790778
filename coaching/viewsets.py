"""The team's side of the requests: one shared application view set per kind, with the
assignment and the planned date on the edit form, filters by status, province, area and
legal form, and the CSV/Excel export."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from applications.statuses import RequestStatus
from applications.viewsets import ApplicationDecisionForm, ApplicationViewSet, title_column
from core.provinces import sorted_province_choices

from . import services
from .kinds import coaching_kind, tailor_made_kind
from .models import CoachingRequest, LegalForm, RequestArea, RequestFormat, TailorMadeRequest

RS = RequestStatus


class RequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RS.choices)
    province = django_filters.ChoiceFilter(label=_("Province"), choices=sorted_province_choices())
    area = django_filters.ChoiceFilter(
        label=_("Area"), choices=RequestArea.choices, method="filter_area"
    )
    legal_form = django_filters.ChoiceFilter(label=_("Legal form"), choices=LegalForm.choices)
    preferred_format = django_filters.ChoiceFilter(
        label=_("Preferred format"), choices=RequestFormat.choices
    )

    class Meta:
        model = CoachingRequest
        fields = ["status", "province", "legal_form", "preferred_format"]

    def filter_area(self, queryset, name, value):
        return queryset.filter(areas__contains=f",{value},") if value else queryset


class TailorMadeFilterSet(RequestFilterSet):
    class Meta(RequestFilterSet.Meta):
        model = TailorMadeRequest


class RequestDecisionForm(ApplicationDecisionForm):
    """Besides a decision: who works on the request and the planned date."""

    assigned_member = forms.ModelChoiceField(
        label=_("Assigned team member"),
        queryset=get_user_model().objects.none(),
        required=False,
    )
    expert = forms.CharField(
        label=_("Assigned expert"),
        required=False,
        max_length=150,
        help_text=_("An expert from outside the team, by name."),
    )
    planned_date = forms.DateField(
        label=_("Scheduled for"),
        required=False,
        help_text=_("The date the work starts; the requester is told it when you schedule."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True).order_by("first_name", "username")
        self.fields["assigned_member"].queryset = users
        if self.instance.pk:
            self.initial.setdefault("assigned_member", self.instance.assigned_to_id)
            self.initial.setdefault("expert", self.instance.expert_name)
            self.initial.setdefault("planned_date", self.instance.scheduled_for)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == RS.DECLINED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the requester a reason for declining."))
        return cleaned

    def save_extra(self, application, user) -> None:
        data = self.cleaned_data
        services.assign(application, data.get("assigned_member"), data.get("expert", ""), user)
        if data.get("planned_date") != application.scheduled_for:
            services.set_date(application, data.get("planned_date"))


class RequestViewSet(ApplicationViewSet):
    """The list and edit views of one kind of request."""

    icon = "group"
    filterset_class = RequestFilterSet
    search_fields = ["organisation", "contact_name", "email", "need", "expert_name"]
    decision_form_class = RequestDecisionForm
    extra_panels = [
        MultiFieldPanel(
            [FieldPanel("assigned_member"), FieldPanel("expert"), FieldPanel("planned_date")],
            heading=_("Who and when"),
        )
    ]
    list_export = [
        "pk",
        "status",
        "organisation",
        "legal_form",
        "province",
        "areas",
        "preferred_format",
        "preferred_period",
        "need",
        "contact_name",
        "email",
        "phone",
        "assignee",
        "scheduled_for",
        "language",
        "created_at",
        "decided_at",
    ]
    export_headings = {
        **ApplicationViewSet.export_headings,
        "assignee": _("Assigned to"),
    }

    def get_queryset(self, request):
        return self.model.objects.select_related("assigned_to")

    @property
    def list_display(self):
        return [
            title_column("organisation", _("Organisation"), self.kind),
            Column("status", label=_("Status"), accessor="get_status_display"),
            Column("province", label=_("Province"), accessor="get_province_display"),
            Column("areas", label=_("Areas"), accessor="get_areas_display"),
            Column("preferred_format", label=_("Format"), accessor="get_preferred_format_display"),
            Column("assignee", label=_("Assigned to")),
            DateColumn("created_at", label=_("Received")),
        ]


class CoachingRequestViewSet(RequestViewSet):
    kind = coaching_kind
    model = CoachingRequest
    menu_label = _("Coaching requests")
    url_prefix = "coaching/requests"
    export_filename = "coaching-requests"


class TailorMadeRequestViewSet(RequestViewSet):
    kind = tailor_made_kind
    model = TailorMadeRequest
    filterset_class = TailorMadeFilterSet
    menu_label = _("Tailor-made training requests")
    url_prefix = "coaching/tailor-made"
    export_filename = "tailor-made-requests"


class RequestsGroup(ViewSetGroup):
    menu_label = _("Requests")
    menu_icon = "group"
    menu_order = 223
    items = (CoachingRequestViewSet, TailorMadeRequestViewSet)
