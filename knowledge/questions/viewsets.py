"""The team's side of "Ask a question": the shared application view set with the answer
on the edit form, and the action that turns an answered question into a draft entry."""

import django_filters
from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn

from applications import services as shared
from applications.services.messages import language_name
from applications.statuses import AnswerStatus
from applications.viewsets import ApplicationDecisionForm, ApplicationViewSet, title_column
from core.provinces import sorted_province_choices

from . import services
from .kind import question_kind
from .models import Question

AS = AnswerStatus


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=AS.choices)
    province = django_filters.ChoiceFilter(label=_("Province"), choices=sorted_province_choices())
    # Languages named in the editor's language ("İngilizce"), not in themselves.
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.WAGTAIL_CONTENT_LANGUAGES
    )

    class Meta:
        model = Question
        fields = ["status", "province", "language"]


class QuestionDecisionForm(ApplicationDecisionForm):
    """Besides a decision and a note: the team's answer, sent with "Send the answer"."""

    answer_text = forms.CharField(
        label=_("Answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Written in the language the question was asked in. The asker gets it by e-mail "
            "and on their private page when you choose “Send the answer”."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("answer_text", self.instance.answer)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == AS.ANSWERED and not cleaned.get("answer_text", "").strip():
            self.add_error("answer_text", _("Write the answer before sending it."))
        return cleaned

    def save_extra(self, application, user) -> None:
        text = self.cleaned_data.get("answer_text", "")
        if text.strip() != application.answer:
            services.set_answer(application, text, user)


class QuestionViewSet(ApplicationViewSet):
    kind = question_kind
    model = Question
    icon = "help"
    menu_label = _("Questions")
    menu_order = 222
    add_to_admin_menu = True
    url_prefix = "knowledge/questions"
    filterset_class = QuestionFilterSet
    search_fields = ["contact_name", "organisation", "email", "question"]
    list_display = [
        title_column("contact_name", _("Contact person"), question_kind),
        Column("organisation", label=_("Organisation")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("province", label=_("Province"), accessor="get_province_display"),
        Column("topic", label=_("Topic")),
        Column("language", label=_("Language"), accessor=lambda q: language_name(q.language)),
        DateColumn("created_at", label=_("Received")),
    ]
    list_export = [
        "pk",
        "status",
        "organisation",
        "contact_name",
        "email",
        "province",
        "topic",
        "question",
        "answer",
        "language",
        "created_at",
        "decided_at",
    ]
    export_filename = "questions"
    decision_form_class = QuestionDecisionForm
    extra_panels = [FieldPanel("answer_text")]

    def get_queryset(self, request):
        return Question.objects.select_related("topic", "index")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("entry/<str:pk>/", self.draft_entry_view, name="draft_entry"),
        ]

    def draft_entry_view(self, request, pk):
        """Turn an answered question into a draft knowledge-base entry (after a
        confirmation), then open it in the page editor."""
        if not self.permission_policy.user_has_permission(request.user, "change"):
            return HttpResponse(status=403)
        question = get_object_or_404(Question, pk=pk)
        edit_url = reverse(self.get_url_name("edit"), args=[quote(question.pk)])
        if request.method == "POST":
            try:
                entry = services.draft_entry(question, request.user)
            except shared.ApplicationError as error:
                messages.error(request, str(error.message))
                return redirect(edit_url)
            messages.success(
                request, _("Draft entry “%(title)s” created.") % {"title": entry.title}
            )
            return redirect("wagtailadmin_pages:edit", entry.pk)
        return TemplateResponse(
            request,
            "knowledge/admin/confirm_draft_entry.html",
            {"question": question, "header_icon": self.icon, "edit_url": edit_url},
        )
