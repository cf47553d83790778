"""The public side of registration, served as routes of the event page (through the hook
events.models.EVENT_REGISTRATION_HOOK): `register/` (the form for a single date, or the
list of a series' dates), `register/<date>/` (the form for one date) and the registrant's
private page `registration/?key=<signed key>`, where they cancel. Built from the shared
flow's pieces (applications.views): private answers, the per-address limit, the landing."""

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from applications import services as shared
from applications.views import (
    count_submission,
    privacy_url,
    private,
    see_other,
    submissions_used_up,
    withdrawal,
)
from events.models import EventSeriesPage

from . import services
from .kind import registration_kind
from .models import Registration


def serve(request: HttpRequest, page, route: str, date: str = "") -> HttpResponse:
    """The hook: one function for the event's three routes."""
    if route == "registration":
        return serve_status(request, page)
    if services.setup_for(page) is None:
        raise Http404
    if not date and isinstance(page, EventSeriesPage):
        return render(request, page, {"dates": services.event_dates(page)})
    day = parse_date(date) if date else single_date(page)
    event_date = services.event_date(page, day) if day else None
    if event_date is None:
        raise Http404
    return serve_form(request, page, event_date)


def parse_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def single_date(page) -> datetime.date | None:
    occurrence = (
        services.Occurrence.objects.filter(page_id=services.original_event(page).pk)
        .order_by("start")
        .first()
    )
    return timezone.localdate(occurrence.original_start) if occurrence else None


def render(request: HttpRequest, page, context: dict, status: int = 200) -> HttpResponse:
    full = Page.get_context(page, request)
    full.update(context)
    return private(
        TemplateResponse(request, registration_kind.apply_template, full, status=status).render()
    )


def serve_form(request: HttpRequest, page, event_date: services.EventDate) -> HttpResponse:
    setup = services.setup_for(page)
    kwargs = {"questions": list(setup.questions), "privacy_url": privacy_url(request)}

    def again(form, status: int = 200, message: str = "") -> HttpResponse:
        return render(
            request,
            page,
            {
                "event_date": event_date,
                "form": form,
                "message": message,
                "message_is_error": status >= 400,
            },
            status,
        )

    if request.method not in ("GET", "HEAD", "POST"):
        return private(HttpResponse(status=405))
    if not event_date.accepts_registrations:
        status = 403 if request.method == "POST" else 200
        return again(None, status, event_date.state_label)
    if request.method != "POST":
        return again(registration_kind.form_class(**kwargs))
    form = registration_kind.form_class(request.POST, **kwargs)
    if form.is_spam:
        return again(None, 400, _("The registration could not be sent."))
    if submissions_used_up(registration_kind.rate_scope, request):
        return again(
            form,
            429,
            _(
                "Many registrations were sent from your connection in the last hour, so we "
                "cannot take another one from it just now. Your answers are kept below: please "
                "send the form again later."
            ),
        )
    if not form.is_valid():
        return again(form, 400)
    language = get_language() or page.locale.language_code
    try:
        registration = services.register(page, event_date.date, form.service_fields(), language)
    except shared.DuplicateApplication as error:
        return again(None, 409, str(error.message))
    except shared.CallNotOpen as error:
        return again(None, 403, str(error.message))
    count_submission(registration_kind.rate_scope, request)
    if registration.status == services.WAITLISTED:
        messages.success(request, _("Thank you: you are on the waiting list for this date."))
    else:
        messages.success(request, _("Thank you: you are registered."))
    status_page = f"{page.url}{page.reverse_subpage('registration')}"
    return see_other(f"{status_page}?key={registration.link_token}")


def serve_status(request: HttpRequest, page) -> HttpResponse:
    token = request.GET.get("key", "")
    registration = Registration.from_token(token)
    if registration is None or registration.event_id != services.original_event(page).pk:
        raise Http404
    response, error, status = withdrawal(
        request,
        registration,
        unticked=_("Tick the box to confirm that you want to cancel."),
        done=_("Your registration is cancelled."),
    )
    if response is not None:
        return response
    context = Page.get_context(page, request)
    context.update(
        application=registration,
        error=error,
        key=token,
        reason=registration.status_reason(),
        **registration_kind.status_context(registration),
    )
    response = TemplateResponse(
        request, registration_kind.status_template, context, status=status
    ).render()
    return private(response)
