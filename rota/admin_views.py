"""The team's report in the admin: aggregates per area, per province, legal form or year,
and the named results of the organisations that consented (never any other one by one)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from . import reports, services
from .models import Assessment, RotaPage

VIEW_PERMISSION = "rota.view_assessment"
ERASE_PERMISSION = "rota.delete_assessment"


class ReportForm(forms.Form):
    page = forms.ModelChoiceField(
        label=gettext_lazy("Tool"), queryset=RotaPage.objects.none(), required=False
    )
    by = forms.ChoiceField(
        label=gettext_lazy("Group by"),
        choices=[(key, label) for key, (_f, label) in reports.GROUPINGS.items()],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One entry per tool: its page in the default (source) language.
        self.fields["page"].queryset = RotaPage.objects.filter(
            locale=Locale.get_default()
        ).order_by("title")


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "rota/admin/report.html"
    page_title = gettext_lazy("ROTA results")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ReportForm(self.request.GET or None)
        form.is_valid()
        data = getattr(form, "cleaned_data", {})
        page = data.get("page") or form.fields["page"].queryset.first()
        by = data.get("by") or "province"
        context.update(form=form, tool=page, by=by)
        if page is None:
            return context
        # Area titles in the editor's language where the tool is translated.
        shown = page.get_translation_or_none(Locale.get_active()) or page
        areas = shown.area_list()
        keys = [area.key for area in areas]
        rows, hidden = reports.breakdown(page, by)
        overall = reports.overall(page)
        context.update(
            areas=areas,
            overall=overall.cells(keys),
            overall_rounds=overall.rounds,
            rows=[(row, row.cells(keys)) for row in rows],
            hidden=hidden,
            min_group=reports.MIN_GROUP,
            group_label=reports.GROUPINGS[by][1],
            named=[(a, [scores.get(k) for k in keys]) for a, scores in reports.named_results(page)],
            can_erase=self.request.user.has_perm(ERASE_PERMISSION),
        )
        return context


def erase_view(request, pk: int):
    """The team erases a named result (on the organisation's request): POST only."""
    if not request.user.has_perm(ERASE_PERMISSION):
        raise PermissionDenied
    assessment = get_object_or_404(Assessment.objects.named_with_consent(), pk=pk)
    if request.method == "POST":
        services.erase(assessment)
        messages.success(request, _("The assessment is erased."))
    return redirect(reverse("rota_report"))
