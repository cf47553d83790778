"""The team's side of the open call for narrators: the shared application view set
(applications.viewsets) with the narrator's columns (average score) and filters, and a
reviewer's own score and note on the edit form. Only the "Narrator reviewers" group and
superusers reach it (model permissions)."""

import django_filters
from django import forms
from django.db.models import Avg, Count
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn

from applications.statuses import SelectionStatus
from applications.viewsets import ApplicationDecisionForm, ApplicationViewSet, title_column
from core.provinces import sorted_province_choices

from . import services
from .kind import narrator_kind
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

    def save_extra(self, application, user) -> None:
        data = self.cleaned_data
        if data.get("score"):
            services.review(application, user, data["score"], data.get("review_note", ""))


def format_average(application: NarratorApplication) -> str:
    average = getattr(application, "average_score", None)
    if average is None:
        return "—"
    return f"{number_format(round(average, 1), 1)} ({application.review_count})"


class NarratorApplicationViewSet(ApplicationViewSet):
    kind = narrator_kind
    model = NarratorApplication
    icon = "openquote"
    menu_label = _("Narrator applications")
    menu_order = 221
    add_to_admin_menu = True
    url_prefix = "applications/narrators"
    filterset_class = NarratorApplicationFilterSet
    search_fields = ["contact_name", "organisation", "email", "summary"]
    list_display = [
        title_column("contact_name", _("Name"), narrator_kind),
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
    decision_form_class = NarratorDecisionForm
    extra_panels = [FieldPanel("score"), FieldPanel("review_note")]

    def get_queryset(self, request):
        return NarratorApplication.objects.select_related("call").annotate(
            average_score=Avg("reviews__score"), review_count=Count("reviews")
        )
