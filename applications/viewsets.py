"""The team's side of every kind of call in the Wagtail admin, one view set base
parameterised by the kind (`ApplicationViewSet.kind`): the list with filters, search and
counts per status, CSV/Excel export, the edit view (a decision and/or a note, plus the
kind's own fields, e.g. a reviewer's score), the summary panel, KVKK export and erasure.
A kind's view set only says its columns, filters and menu entry. Only users with the
model's view permission (the kind's reviewers group, superusers) reach any of it.
"""

import csv
import datetime
import json

from django import forms
from django.conf import settings
from django.contrib.admin.utils import label_for_field, quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.mixins import Echo
from wagtail.snippets.views.snippets import EditView, HistoryView, IndexView, SnippetViewSet

from core.turkish import capfirst

from . import services
from .kinds import ApplicationKind, kind_for
from .messaging import message_one_url, message_url
from .models import ApplicationEmail

BOM = "\ufeff".encode()


class ApplicationDecisionForm(WagtailAdminModelForm):
    """The edit form of every kind of application: a decision and/or a note for the team;
    the applicant's data is not edited here. The decisions are the kind's. A kind that
    asks more (a reviewer's score) subclasses it and saves the rest in `save_extra()`."""

    decision = forms.ChoiceField(label=_("Decision"), required=False)
    note = forms.CharField(
        label=_("Add a note for the team"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen only by reviewers; erased with the application's personal data."),
    )

    reason = forms.CharField(
        label=_("Reason for the applicant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Optional, with a decision: sent in its e-mail and shown on the applicant's "
            "private page, as you write it (write in the applicant's language)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decisions = kind_for(self._meta.model).decisions
        self.fields["decision"].choices = [("", _("No change")), *decisions]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason", "").strip() and not cleaned.get("decision"):
            self.add_error("reason", _("Choose a decision to send a reason with it."))
        return cleaned

    def save_extra(self, application, user) -> None:
        """What the kind's own fields change (through its services), before the decision."""

    def notify_decision(self) -> bool:
        """Whether the decision's own e-mail goes out (a kind whose `after_decision` sends
        a better one says no)."""
        return True

    def after_decision(self, application, user) -> None:
        """What the kind's own fields change after the decision (same transaction)."""


class ApplicationSummaryPanel(Panel):
    """Read-only: what the applicant sent, the history and the e-mails sent, in the kind's
    summary template (which extends applications/admin/application_summary.html)."""

    class BoundPanel(Panel.BoundPanel):
        @property
        def template_name(self):
            return kind_for(self.instance).summary_template

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            application = self.instance
            kind = kind_for(application)
            namespace = kind.admin_url_namespace
            context.update(
                application=application,
                history=services.history_of(application),
                emails=services.emails_of(application),
                export_url=reverse(f"{namespace}:export_one", args=[quote(application.pk)]),
                erase_url=reverse(f"{namespace}:erase", args=[quote(application.pk)]),
                message_url=message_one_url(application),
                **kind.summary_context(application),
            )
            return context


class ApplicationIndexView(IndexView):
    """The list with the counts per status (of the filtered list, whatever the status)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = services.status_counts(self.filtered_queryset_for_counts())
        label = self.model.status_label
        context["status_counts"] = [(label(code), code, n) for code, n in counts.items()]
        query = self.request.GET.copy()
        for name in ("p", "export"):
            query.pop(name, None)
        context["write_to_list_url"] = message_url(
            self.model, query=query.urlencode(), next_url=self.request.get_full_path()
        )
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

    @staticmethod
    def csv_delimiter(language: str) -> str:
        """Turkish Excel reads `;` as its list separator (the comma is its decimal mark);
        English Excel reads `,`."""
        return ";" if language.startswith("tr") else ","

    def stream_csv(self, queryset):
        """UTF-8 with a byte order mark (without it Excel reads "Örnek" as "Ã–rnek"), and
        the separator of the admin language's Excel. The rows are made while the response
        streams, after the view has returned: each in the admin's language, read now."""
        language = get_language() or settings.LANGUAGE_CODE

        def in_language(make):
            with translation.override(language):
                return make()

        fields = self.list_export
        writer = csv.DictWriter(Echo(), fieldnames=fields, delimiter=self.csv_delimiter(language))

        def rows():
            yield BOM
            yield in_language(
                lambda: writer.writerow({f: self.get_heading(queryset, f) for f in fields})
            )
            for item in queryset:
                yield in_language(
                    lambda item=item: self.write_csv_row(writer, self.to_row_dict(item))
                )

        return rows()

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def filtered_queryset_for_counts(self):
        queryset = self.model.objects.all()
        if self.filters is not None:
            data = self.filters.data.copy()
            data.pop("status", None)
            queryset = type(self.filters)(data, queryset=queryset).qs
        return queryset


class ApplicationEditView(EditView):
    def save_instance(self):
        """One transaction: a refusal of any step undoes the others (and their e-mails)."""
        application = self.object
        data = self.form.cleaned_data
        user = self.request.user
        with transaction.atomic():
            self.form.save_extra(application, user)
            note = data.get("note", "").strip()
            if data.get("decision"):
                application = services.transition(
                    application,
                    data["decision"],
                    user,
                    note=note,
                    reason=data.get("reason", ""),
                    notify=self.form.notify_decision(),
                )
            elif note:
                services.add_note(application, note, user)
            self.form.after_decision(application, user)
        return application

    def form_valid(self, form):
        self.form = form
        try:
            return super().form_valid(form)
        except services.ApplicationError as error:
            field = getattr(error, "field", "") or "decision"
            form.add_error(field if field in form.fields else None, str(error.message))
            self.produced_error_message = str(error.message)
            return self.form_invalid(form)

    def get_success_message(self, instance=None):
        application = instance or self.object
        return _("Application of “%(name)s” saved.") % {
            "name": kind_for(application).applicant_name(application)
        }


class ApplicationHistoryView(HistoryView):
    """The history icon of the list: the steps the edit page's summary panel shows (the
    application's own history, `services.history_of`), not Wagtail's log of the snippet,
    which never sees a decision taken through the services."""

    filterset_class = None

    @cached_property
    def columns(self):
        return [
            Column("what", label=_("Action")),
            Column("text", label=_("Note"), accessor=history_text),
            Column("by", label=_("By"), width="20%"),
            DateColumn("created_at", label=_("Date"), width="15%"),
        ]

    def get_base_queryset(self):
        return services.history_of(self.object)


def history_text(entry) -> str:
    """The team's note and what the applicant was told, one after the other."""
    parts = [entry.text]
    if entry.reason:
        parts.append(f"{gettext('To the applicant:')} {entry.reason}")
    return " — ".join(part for part in parts if part)


class ApplicationViewSet(SnippetViewSet):
    """The admin of one kind: set `kind`, `model`, the columns, filters and menu entry."""

    kind: ApplicationKind
    icon = "form"
    index_view_class = ApplicationIndexView
    index_results_template_name = "applications/admin/listing_results.html"
    edit_view_class = ApplicationEditView
    history_view_class = ApplicationHistoryView
    decision_form_class = ApplicationDecisionForm
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    ordering = ["-created_at"]
    export_headings = {"pk": _("Number")}
    extra_panels: list = []  # the kind's own fields, shown before the decision

    def __init__(self, *args, **kwargs):
        self.admin_url_namespace = self.kind.admin_url_namespace
        super().__init__(*args, **kwargs)

    @property
    def panels(self):
        return [
            ApplicationSummaryPanel(heading=_("Application")),
            *self.extra_panels,
            FieldPanel("decision"),
            FieldPanel("reason"),
            FieldPanel("note"),
        ]

    def get_form_class(self, for_update=False):
        return type(
            f"{self.model.__name__}DecisionForm",
            (self.decision_form_class,),
            {"Meta": type("Meta", (), {"model": self.model, "fields": []})},
        )

    # --- KVKK: one applicant's data as JSON, and erasure ---

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
            self.kind.erase_template,
            {
                "application": application,
                "header_icon": self.icon,
                "edit_url": reverse(self.get_url_name("edit"), args=[quote(application.pk)]),
            },
        )


def title_column(name: str, label, kind: ApplicationKind) -> TitleColumn:
    return TitleColumn(name, label=label, url_name=f"{kind.admin_url_namespace}:edit")


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
