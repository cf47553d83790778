"""The team's side of the open call for narrators, on the shared application admin
(applications.viewsets): list with average score, filters, search, counts per status, CSV
and Excel export; a decision, a score and notes on each application; KVKK export and
erasure. Only the "Narrator reviewers" group and superusers reach it (model permissions)."""

import django_filters
from django import forms
from django.db.models import Avg, Count
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from applications import services as shared
from applications.models import SelectionStatus
from applications.viewsets import (
    ApplicationDecisionForm,
    ApplicationIndexView,
    ApplicationPrivacyViewsMixin,
    ApplicationSummaryPanel,
)
from core.provinces import sorted_province_choices

from . import services
from .models import NarratorApplication, OpenCallPage

SS = SelectionStatus


class NarratorApplicationFilterSet(WagtailFilterSet):
    call = django_filters.ModelChoiceFilter(
        label=_("Open call"),
        queryset=OpenCallPage.objects.filter(narrator_applications__isnull=False)
        .distinct()
        .order_by("-applications_open"),
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SS.choices)
    preferred_province = django_filters.ChoiceFilter(
        label=_("Preferred province"), choices=sorted_province_choices()
    )
    city = django_filters.ChoiceFilter(label=_("City"), choices=sorted_province_choices())

    class Meta:
        model = NarratorApplication
        fields = ["call", "status", "preferred_province", "city"]


class NarratorDecisionForm(ApplicationDecisionForm):
    """Besides a decision and a note for the team: the reviewer's own score and note."""

    decisions = [
        (SS.SHORTLISTED, _("Shortlist")),
        (SS.SELECTED, _("Select as a narrator")),
        (SS.DECLINED, _("Decline")),
        (SS.WITHDRAWN, _("Mark as withdrawn")),
    ]

    score = forms.TypedChoiceField(
        label=_("Your score"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("No score yet")), *[(n, str(n)) for n in range(1, 6)]],
        help_text=_("1 (weak) to 5 (strong). Each reviewer gives one score; yours replaces it."),
    )
    review_note = forms.CharField(
        label=_("Your review note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = NarratorApplication
        fields: list[str] = []

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if self.instance.pk and for_user is not None:
            own = self.instance.reviews.filter(reviewer=for_user).first()
            if own is not None:
                self.initial.update(score=own.score, review_note=own.note)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("review_note", "").strip() and not cleaned.get("score"):
            self.add_error("score", _("Give a score with your review note."))
        return cleaned


class NarratorSummaryPanel(ApplicationSummaryPanel):
    url_namespace = "narrator_applications"
    summary_template = "stories/admin/narrator_application_summary.html"

    class BoundPanel(ApplicationSummaryPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(
                reviews=self.instance.reviews.select_related("reviewer"),
                average_score=services.average_score(self.instance),
            )
            return context


class NarratorApplicationEditView(EditView):
    def save_instance(self):
        application = self.object
        data = self.form.cleaned_data
        user = self.request.user
        if data.get("score"):
            services.review(application, user, data["score"], data.get("review_note", ""))
        if data.get("decision"):
            application = services.change_status(
                application, data["decision"], user, note=data.get("note", "").strip()
            )
        elif data.get("note", "").strip():
            shared.add_note(application, data["note"], user)
        return application

    def form_valid(self, form):
        self.form = form
        try:
            return super().form_valid(form)
        except shared.ApplicationError as error:
            form.add_error("decision", str(error.message))
            self.produced_error_message = str(error.message)
            return self.form_invalid(form)

    def get_success_message(self, instance=None):
        return _("Application of “%(name)s” saved.") % {"name": (instance or self.object)}


def format_average(application: NarratorApplication) -> str:
    average = getattr(application, "average_score", None)
    if average is None:
        return "—"
    return f"{number_format(round(average, 1), 1)} ({application.review_count})"


class NarratorApplicationViewSet(ApplicationPrivacyViewsMixin, SnippetViewSet):
    model = NarratorApplication
    icon = "openquote"
    menu_label = _("Narrator applications")
    menu_order = 221
    add_to_admin_menu = True
    url_prefix = "applications/narrators"
    admin_url_namespace = "narrator_applications"
    index_view_class = ApplicationIndexView
    index_results_template_name = "applications/admin/listing_results.html"
    edit_view_class = NarratorApplicationEditView
    filterset_class = NarratorApplicationFilterSet
    erase_template_name = "stories/admin/confirm_erase.html"
    search_fields = ["contact_name", "organisation", "email", "summary"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    ordering = ["-created_at"]
    list_display = [
        TitleColumn("contact_name", label=_("Name"), url_name="narrator_applications:edit"),
        Column("call", label=_("Open call")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column(
            "average_score",
            label=_("Average score (reviews)"),
            accessor=format_average,
            sort_key="average_score",
        ),
        Column("city", label=_("City"), accessor="get_city_display"),
        Column(
            "preferred_province",
            label=_("Preferred province"),
            accessor="get_preferred_province_display",
        ),
        DateColumn("created_at", label=_("Received")),
    ]
    list_export = [
        "pk",
        "call",
        "status",
        "average_score",
        "review_count",
        "contact_name",
        "organisation",
        "city",
        "email",
        "phone",
        "summary",
        "why_it_matters",
        "preferred_province",
        "accessibility_needs",
        "language",
        "created_at",
    ]
    export_headings = {
        "pk": _("Number"),
        "average_score": _("Average score"),
        "review_count": _("Reviews"),
    }
    export_filename = "narrator-applications"
    panels = [
        NarratorSummaryPanel(heading=_("Application")),
        FieldPanel("score"),
        FieldPanel("review_note"),
        FieldPanel("decision"),
        FieldPanel("note"),
    ]

    def get_form_class(self, for_update=False):
        return NarratorDecisionForm

    def get_queryset(self, request):
        return NarratorApplication.objects.select_related("call").annotate(
            average_score=Avg("reviews__score"), review_count=Count("reviews")
        )
