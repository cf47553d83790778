"""The stand applications in the admin: the shared view set with the stand's columns and
filters (festival, status, city, legal form, theme, proposed for a freed stand)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn

from events.models import FestivalPage

from ..models import ApplicationStatus, LegalForm, StandApplication, ThematicArea
from ..viewsets import ApplicationDecisionForm, ApplicationViewSet, title_column
from .kind import stand_kind
from .services import set_stand_number


class StandApplicationFilterSet(WagtailFilterSet):
    festival = django_filters.ModelChoiceFilter(
        label=_("Festival"),
        queryset=FestivalPage.objects.filter(stand_applications__isnull=False)
        .distinct()
        .order_by("-edition_year"),
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ApplicationStatus.choices)
    province = django_filters.ChoiceFilter(
        label=_("City"),
        choices=StandApplication._meta.get_field("province").choices,
    )
    legal_form = django_filters.ChoiceFilter(label=_("Legal form"), choices=LegalForm.choices)
    theme = django_filters.ChoiceFilter(
        label=_("Thematic area"), choices=ThematicArea.choices, method="filter_theme"
    )
    proposed = django_filters.BooleanFilter(
        label=_("Proposed for a freed stand"),
        field_name="proposed_at",
        lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = StandApplication
        fields = ["festival", "status", "province", "legal_form"]

    def filter_theme(self, queryset, name, value):
        return queryset.filter(themes__contains=f",{value},") if value else queryset


class StandDecisionForm(ApplicationDecisionForm):
    """Besides a decision: the stand number, set by hand for an approved application."""

    stand_number = forms.IntegerField(
        label=_("Stand number"),
        required=False,
        min_value=1,
        help_text=_(
            "Only for an approved application (or with the decision to approve it): a free "
            "number within the festival's stands. The applicant is told the new number."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("stand_number", self.instance.stand_number)

    def chosen_number(self) -> int | None:
        """The number typed, if it differs from the one the application holds."""
        number = self.cleaned_data.get("stand_number")
        return number if number and number != self.instance.stand_number else None

    def notify_decision(self) -> bool:
        # Approving with a chosen number: one e-mail, the one with the chosen number.
        return not (
            self.cleaned_data.get("decision") == ApplicationStatus.APPROVED and self.chosen_number()
        )

    def after_decision(self, application, user) -> None:
        number = self.chosen_number()
        if number:
            set_stand_number(application, number, user)


class StandApplicationViewSet(ApplicationViewSet):
    kind = stand_kind
    model = StandApplication
    menu_label = _("Stand applications")
    url_prefix = "applications/stands"
    filterset_class = StandApplicationFilterSet
    decision_form_class = StandDecisionForm
    extra_panels = [FieldPanel("stand_number")]
    search_fields = ["organisation", "contact_name", "email"]
    list_display = [
        title_column("organisation", _("Organisation"), stand_kind),
        Column("festival", label=_("Festival")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("stand_number", label=_("Stand")),
        Column("province", label=_("City"), accessor="get_province_display"),
        Column("legal_form", label=_("Legal form"), accessor="get_legal_form_display"),
        DateColumn("created_at", label=_("Received")),
    ]
    list_export = [
        "pk",
        "festival",
        "status",
        "stand_number",
        "stand_type",
        "organisation",
        "legal_form",
        "province",
        "theme_labels",
        "website",
        "contact_name",
        "email",
        "phone",
        "exhibit",
        "needs_electricity",
        "needs_table",
        "chairs",
        "people",
        "team_accessibility_needs",
        "language",
        "created_at",
    ]
    export_headings = {"pk": _("Number"), "theme_labels": _("Thematic areas")}
    export_filename = "stand-applications"

    def get_queryset(self, request):
        return StandApplication.objects.select_related("festival", "stand_type")
