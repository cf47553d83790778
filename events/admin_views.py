"""The events' own admin views: the rule preview under the series' rule editor."""

import datetime

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from recurrence import Recurrence, deserialize
from recurrence.exceptions import DeserializationError

from .rule_summary import preview

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
