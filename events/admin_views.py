"""The events' own admin views: the rule preview under the series' rule editor, and
cancelling a range of a series' dates."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from django.views.decorators.http import require_GET
from django.views.generic import FormView
from recurrence import Recurrence, deserialize
from recurrence.exceptions import DeserializationError
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import CancelDatesForm
from .models import EventSeriesPage
from .rule_summary import preview
from .services import cancel_series_dates

PREVIEW_TEMPLATE = "events/admin/rule_preview.html"


def parse_rule(text: str) -> Recurrence | None:
    """The rule as the widget wrote it, or None when it cannot be read."""
    try:
        return deserialize(text or "")
    except (DeserializationError, ValueError, TypeError):
        return None


def parse_start(text: str) -> datetime.datetime | None:
    """The first meeting's start as the admin's date-time field sends it (Istanbul time)."""
    try:
        return forms.DateTimeField().clean(text)
    except forms.ValidationError:
        return None


@require_GET
def recurrence_preview(request: HttpRequest) -> HttpResponse:
    """The rule's summary and next dates, as the page editor shows them under the rule."""
    rule = parse_rule(request.GET.get("recurrences", ""))
    start = parse_start(request.GET.get("start", ""))
    context = {"problem": "", "summary": "", "dates": []}
    if rule is None:
        context["problem"] = _("This rule cannot be read; check its days and its end.")
    elif start is None:
        context["problem"] = _("Give the first meeting's start to see the rule and its dates.")
    else:
        result = preview(rule, start)
        context.update(summary=result.summary, dates=[(moment, None) for moment in result.dates])
    return render(request, PREVIEW_TEMPLATE, context)


# What the editor is told after cancelling a range: (dates of the result, level, message).
RANGE_NOTICES = [
    (
        "cancelled",
        messages.success,
        ngettext_lazy(
            "%(count)d meeting cancelled in a new draft: publish the page to show it.",
            "%(count)d meetings cancelled in a new draft: publish the page to show them.",
            "count",
        ),
    ),
    (
        "already_changed",
        messages.warning,
        ngettext_lazy(
            "%(count)d meeting in the range already had a change and kept it.",
            "%(count)d meetings in the range already had a change and kept it.",
            "count",
        ),
    ),
]


class CancelDatesView(WagtailAdminTemplateMixin, FormView):
    """One reason, one cancellation per meeting in the range, saved as a draft to publish."""

    form_class = CancelDatesForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = gettext_lazy("Cancel a range of dates")
    header_icon = "date"

    def dispatch(self, request, page_id: int, *args, **kwargs):
        self.page = get_object_or_404(EventSeriesPage, pk=page_id)
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        # The rule as the editor last saved it, draft included.
        self.series = self.page.get_latest_revision_as_object()
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.page.get_admin_display_title()

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "series": self.series}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            action_url=self.request.path,
            submit_button_label=_("Cancel these meetings"),
            submit_button_active_label=_("Cancelling…"),
            **kwargs,
        )

    def form_valid(self, form: CancelDatesForm) -> HttpResponse:
        data = form.cleaned_data
        result = cancel_series_dates(
            self.page, data["first"], data["last"], data["reason"], user=self.request.user
        )
        for attribute, notify, text in RANGE_NOTICES:
            count = len(getattr(result, attribute))
            if count:
                notify(self.request, text % {"count": count})
        return redirect(reverse("wagtailadmin_pages:edit", args=[self.page.pk]))
