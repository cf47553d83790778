"""Public views of the stand call, served as routes of the festival page (through the hooks
that events.models declares): the form at `<festival>/apply/`, the applicant's private
page at `<festival>/application/?key=<signed key>`.

Shaped like Wagtail's FormMixin.serve(): GET shows the form, POST goes through
`process_stand_application()`, then a landing response. Every answer to a POST, and every
private page, is marked private and never stored by a cache.
"""

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from events.models import FestivalPage

from . import ratelimit, services
from .forms import StandApplicationForm
from .models import ApplicationStatus, StandApplication

RATE_SCOPE = "stand-application"


def private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # Not "no-referrer": with it, browsers send `Origin: null` when the page's own form is
    # posted, and Django's CSRF check refuses the application. "same-origin" still keeps the
    # private key in the address from other sites.
    response["Referrer-Policy"] = "same-origin"
    return response


def privacy_url(request: HttpRequest) -> str:
    """The privacy notice in the visitor's language, cached until a page or the settings
    change (the content generation): every form links to it."""
    from core.versions import content_generation, versioned_get_or_set
    from home.models import SiteSettings

    site = Site.find_for_request(request)
    key = f"privacy-url:{content_generation()}:{getattr(site, 'pk', None)}:{get_language()}"

    def compute() -> str:
        page = SiteSettings.for_request(request).privacy_page
        if page is None:
            return ""
        return page.localized.get_url(request) or ""

    return versioned_get_or_set(key, compute)


def page_context(request: HttpRequest, festival: FestivalPage) -> dict:
    """Wagtail's page context (page, request) without the festival page's own: the form and
    the applicant's page show neither the programme nor the other editions."""
    return Page.get_context(festival, request)


def stand_apply(request: HttpRequest, festival: FestivalPage) -> HttpResponse:
    call = festival.current_stand_call
    form_kwargs = {
        "stand_types": [(a.stand_type.pk, a.label) for a in call.types],
        "privacy_url": privacy_url(request),
    }
    if request.method == "POST":
        return process_stand_application(request, festival, call, form_kwargs)
    if request.method not in ("GET", "HEAD"):
        return private(HttpResponse(status=405))
    form = StandApplicationForm(**form_kwargs) if call.accepts_applications else None
    return render_apply(request, festival, call, form)


def render_apply(
    request: HttpRequest,
    festival: FestivalPage,
    call,
    form: StandApplicationForm | None,
    status: int = 200,
    message: str = "",
) -> HttpResponse:
    context = page_context(request, festival)
    context.update(
        call=call, stand_call=call, form=form, message=message, message_is_error=status >= 400
    )
    response = TemplateResponse(
        request, "applications/stand_apply.html", context, status=status
    ).render()
    return private(response)


def see_other(url: str) -> HttpResponse:
    """A private 303 to `url`: the answer to a POST that worked."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return private(response)


def process_application(
    request: HttpRequest,
    form,
    render: Callable[[object, int, str], HttpResponse],
    submit: Callable[[dict], object],
    status_page_url: str,
    rate_scope: str,
) -> HttpResponse:
    """The POST of any kind of application: the honeypot, the per-address limit, the form,
    then `submit(fields)`; every refusal re-renders the form page through
    `render(form or None, status, message)`, keeping what was typed where it can."""
    if form.is_spam:
        return render(None, 400, _("The application could not be sent."))
    if not ratelimit.hit(rate_scope, request):
        return render(
            form, 429, _("Too many applications from your connection. Please try again in an hour.")
        )
    if not form.is_valid():
        return render(form, 400, "")
    try:
        application = submit(form.service_fields())
    except services.DuplicateApplication as error:
        return render(None, 409, str(error.message))
    except services.CallNotOpen as error:
        return render(None, 403, str(error.message))
    messages.success(request, _("Thank you: we received your application."))
    return see_other(f"{status_page_url}?key={application.link_token}")


def withdrawal(request: HttpRequest, application) -> tuple[HttpResponse | None, str, int]:
    """What an applicant's private page does with a request: a POST withdraws the
    application once the box is ticked (then a 303 back to the page); anything but GET,
    HEAD or POST is refused. Returns a response to send at once (or None), and the error
    and status to show the page with."""
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            return None, _("Tick the box to confirm that you want to withdraw."), 400
        try:
            services.withdraw(application)
        except services.ApplicationError as refused:
            return None, str(refused.message), 409
        messages.success(request, _("Your application is withdrawn."))
        return see_other(request.get_full_path()), "", 303
    if request.method not in ("GET", "HEAD"):
        return private(HttpResponse(status=405)), "", 405
    return None, "", 200


def process_stand_application(
    request: HttpRequest, festival: FestivalPage, call, form_kwargs: dict
) -> HttpResponse:
    if not call.accepts_applications:
        return render_apply(request, festival, call, None, 403, call.state_label)
    language = get_language() or festival.locale.language_code
    return process_application(
        request,
        StandApplicationForm(request.POST, **form_kwargs),
        lambda form, status, message: render_apply(request, festival, call, form, status, message),
        lambda fields: services.submit_stand_application(festival, fields, language),
        f"{festival.url}{festival.reverse_subpage('application')}",
        RATE_SCOPE,
    )


def stand_application_status(request: HttpRequest, festival: FestivalPage) -> HttpResponse:
    """The applicant's private page: status, stand number, and withdrawal (POST + confirm)."""
    token = request.GET.get("key", "")
    application = StandApplication.from_token(token)
    if application is None or application.festival_id != festival.call_festival().pk:
        raise Http404
    response, error, status = withdrawal(request, application)
    if response is not None:
        return response
    context = page_context(request, festival)
    context.update(
        application=application,
        stand_type=application.localized_stand_type(),
        statuses=ApplicationStatus,
        error=error,
        key=token,
    )
    response = TemplateResponse(
        request, "applications/stand_application_status.html", context, status=status
    ).render()
    return private(response)
