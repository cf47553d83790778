"""The team's side in the Wagtail admin: the "Applications" menu.

Stand applications are a snippet view set (list with filters and search, counts per status,
CSV/Excel export, bulk decisions, history); editing an application means taking a decision
or adding a note, both through services.py. Only users with the model's view permission
(the "Stand reviewers" group, superusers) reach any of it.
"""

import datetime
import json

import django_filters
from django import forms
from django.contrib.admin.utils import label_for_field, quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from core.turkish import capfirst
from events.models import FestivalPage

from . import services
from .models import (
    ApplicationEmail,
    ApplicationStatus,
    LegalForm,
    StandApplication,
    ThematicArea,
)

S = ApplicationStatus


class StandApplicationFilterSet(WagtailFilterSet):
    festival = django_filters.ModelChoiceFilter(
        label=_("Festival"),
        queryset=FestivalPage.objects.filter(stand_applications__isnull=False)
        .distinct()
        .order_by("-edition_year"),
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=S.choices)
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


class ApplicationDecisionForm(WagtailAdminModelForm):
    """The edit form of every kind of application: a decision and/or a note for the team;
    the applicant's data is not edited here. Each kind lists its `decisions`."""

    decisions: list[tuple[str, str]] = []

    decision = forms.ChoiceField(label=_("Decision"), required=False)
    note = forms.CharField(
        label=_("Add a note for the team"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen only by reviewers; erased with the application's personal data."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [("", _("No change")), *self.decisions]


class DecisionForm(ApplicationDecisionForm):
    decisions = [
        (S.APPROVED, _("Approve (give a stand)")),
        (S.WAITLISTED, _("Put on the waiting list")),
        (S.REJECTED, _("Reject")),
        (S.WITHDRAWN, _("Mark as withdrawn")),
    ]

    class Meta:
        model = StandApplication
        fields: list[str] = []


class ApplicationSummaryPanel(Panel):
    """Read-only: what the applicant sent, the history and the e-mails sent. Each kind of
    application says its admin URL namespace and its summary template."""

    url_namespace = "stand_applications"
    summary_template = "applications/admin/application_summary.html"

    class BoundPanel(Panel.BoundPanel):
        @property
        def template_name(self):
            return self.panel.summary_template

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            application = self.instance
            namespace = self.panel.url_namespace
            context.update(
                application=application,
                history=services.history_of(application),
                emails=services.emails_of(application),
                export_url=reverse(f"{namespace}:export_one", args=[quote(application.pk)]),
                erase_url=reverse(f"{namespace}:erase", args=[quote(application.pk)]),
            )
            return context


class ApplicationIndexView(IndexView):
    """The list with the counts per status (of the filtered list, whatever the status)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = services.status_counts(self.filtered_queryset_for_counts())
        label = self.model.status_label
        context["status_counts"] = [(label(code), code, n) for code, n in counts.items()]
        return context

    def to_row_dict(self, item):
        """Exported rows read as the list does: choices by their labels ("Dernek", not
        "association"), yes/no, times in Istanbul to the second."""
        row = super().to_row_dict(item)
        for name, value in row.items():
            label = getattr(item, f"get_{name}_display", None)
            if callable(label):
                row[name] = label()
            elif isinstance(value, bool):
                row[name] = gettext("Yes") if value else gettext("No")
            elif isinstance(value, datetime.datetime):
                row[name] = timezone.localtime(value).replace(tzinfo=None, microsecond=0)
        return row

    def get_heading(self, queryset, field):
        """Wagtail's heading, capitalised by the language's rules ("İl", not "Il")."""
        override = self.export_headings.get(field)
        try:
            label = force_str(override or label_for_field(field, queryset.model))
        except (AttributeError, FieldDoesNotExist):
            label = field
        return capfirst(label, get_language())

    def filtered_queryset_for_counts(self):
        queryset = self.model.objects.all()
        if self.filters is not None:
            data = self.filters.data.copy()
            data.pop("status", None)
            queryset = type(self.filters)(data, queryset=queryset).qs
        return queryset


class StandApplicationEditView(EditView):
    def save_instance(self):
        application = self.object
        decision = self.form.cleaned_data.get("decision")
        note = self.form.cleaned_data.get("note", "").strip()
        if decision:
            application = services.change_status(
                application, decision, self.request.user, note=note
            )
        elif note:
            services.add_note(application, note, self.request.user)
        return application

    def form_valid(self, form):
        self.form = form
        try:
            return super().form_valid(form)
        except services.ApplicationError as error:
            form.add_error("decision", str(error.message))
            self.produced_error_message = str(error.message)
            return self.form_invalid(form)

    def get_success_message(self, instance=None):
        return _("Application of “%(organisation)s” saved.") % {
            "organisation": (instance or self.object).organisation
        }


class ApplicationPrivacyViewsMixin:
    """KVKK views of an application view set: one applicant's data as JSON, and erasure."""

    erase_template_name = "applications/admin/confirm_erase.html"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("export/<str:pk>/", self.export_one_view, name="export_one"),
            path("erase/<str:pk>/", self.erase_view, name="erase"),
        ]

    def export_one_view(self, request, pk):
        """KVKK access request: everything held about one applicant, as JSON."""
        if not self.permission_policy.user_has_permission(request.user, "change"):
            return HttpResponse(status=403)
        application = get_object_or_404(self.model, pk=pk)
        data = services.export_application(application, request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2, default=str),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="application-{application.pk}.json"'
        )
        return response

    def erase_view(self, request, pk):
        """KVKK erasure: anonymise after a confirmation (POST)."""
        if not self.permission_policy.user_has_permission(request.user, "change"):
            return HttpResponse(status=403)
        application = get_object_or_404(self.model, pk=pk)
        if request.method == "POST":
            services.anonymise(application, request.user)
            messages.success(request, _("The applicant's personal data was erased."))
            return redirect(self.get_url_name("list"))
        return TemplateResponse(
            request,
            self.erase_template_name,
            {"application": application, "header_icon": self.icon},
        )


class StandApplicationViewSet(ApplicationPrivacyViewsMixin, SnippetViewSet):
    model = StandApplication
    icon = "form"
    menu_label = _("Stand applications")
    url_prefix = "applications/stands"
    admin_url_namespace = "stand_applications"
    index_view_class = ApplicationIndexView
    index_results_template_name = "applications/admin/listing_results.html"
    edit_view_class = StandApplicationEditView
    filterset_class = StandApplicationFilterSet
    search_fields = ["organisation", "contact_name", "email"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    ordering = ["-created_at"]
    list_display = [
        TitleColumn("organisation", label=_("Organisation"), url_name="stand_applications:edit"),
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
    export_headings = {
        "pk": _("Number"),
        "theme_labels": _("Thematic areas"),
    }
    export_filename = "stand-applications"
    panels = [
        ApplicationSummaryPanel(heading=_("Application")),
        FieldPanel("decision"),
        FieldPanel("note"),
    ]

    def get_form_class(self, for_update=False):
        return DecisionForm

    def get_queryset(self, request):
        return StandApplication.objects.select_related("festival", "stand_type")


class ApplicationEmailViewSet(SnippetViewSet):
    """What was sent to applicants, and whether it went."""

    model = ApplicationEmail
    icon = "mail"
    menu_label = _("E-mails sent")
    url_prefix = "applications/emails"
    admin_url_namespace = "application_emails"
    list_display = [
        TitleColumn("subject", label=_("Subject"), url_name="application_emails:inspect"),
        Column("status", label=_("About status"), accessor="get_status_display"),
        Column("language", label=_("Language")),
        Column("state", label=_("Delivery"), accessor="get_state_display"),
        Column("attempts", label=_("Attempts")),
        DateColumn("created_at", label=_("Queued at")),
    ]
    list_filter = ["state", "status"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "subject",
        "to_address",
        "language",
        "state",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "body",
    ]
    copy_view_enabled = False

    def get_queryset(self, request):
        """Only the e-mails of the kinds of application the user may see."""
        queryset = ApplicationEmail.objects.all()
        if request.user.is_superuser:
            return queryset
        allowed = [
            content_type.pk
            for content_type in ContentType.objects.filter(
                pk__in=queryset.order_by().values("content_type").distinct()
            )
            if request.user.has_perm(f"{content_type.app_label}.view_{content_type.model}")
        ]
        return queryset.filter(content_type__in=allowed)


class ApplicationsGroup(ViewSetGroup):
    menu_label = _("Applications")
    menu_icon = "form"
    menu_order = 220
    items = (StandApplicationViewSet, ApplicationEmailViewSet)
