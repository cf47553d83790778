"""The public side of every kind of call, served as routes of the page that holds it: the
form at `<page>/apply/`, the applicant's private page at `<page>/application/?key=<signed
key>`. The festival page reaches these through the hooks that events.models declares (events
never imports this app); stories' OpenCallPage calls them from its routes.

One flow for every kind, shaped like Wagtail's `FormMixin.serve()`: `serve_apply()` shows
the form (GET) or hands a POST to `process_form_submission()`, which answers with
`render_landing_page()` (a 303 to the private page) or the form again. A kind overrides
nothing here: it says what differs through its `ApplicationKind` (form, templates, form
arguments, page context). Every answer to a POST, and every private page, is marked private
and never stored by a cache.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from redis.exceptions import RedisError
from wagtail.models import Site

from . import services
from .calls import CallStatus, call_for
from .kinds import ApplicationKind


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


def submission_rate(group: str, request: HttpRequest) -> tuple[int, int]:
    """Accepted applications allowed per address, and the window in seconds (settings)."""
    return (
        int(settings.STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS),
        int(settings.STGM_APPLICATION_RATE_WINDOW),
    )


def submission_usage(scope: str, request: HttpRequest, count: bool = False) -> dict | None:
    """django-ratelimit's usage of the client's address (core.client) in this window, in
    the shared cache; `count=True` counts one more application. None when the cache cannot
    be reached: an outage of the counters never closes the forms (RATELIMIT_FAIL_OPEN covers
    a cache that answers nothing, this a cache that raises; /healthz reports the outage)."""
    try:
        return get_usage(
            request, group=scope, key="ip", rate=submission_rate, method="POST", increment=count
        )
    except RedisError:
        return None


def submissions_used_up(scope: str, request: HttpRequest) -> bool:
    """Whether the address has no accepted application left in this window (checked without
    counting: a form sent back with errors costs nothing)."""
    usage = submission_usage(scope, request)
    return usage is not None and usage["count"] >= usage["limit"]


def count_submission(scope: str, request: HttpRequest) -> None:
    """Count one accepted application against the address."""
    submission_usage(scope, request, count=True)


def see_other(url: str) -> HttpResponse:
    """A private 303 to `url`: the answer to a POST that worked."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return private(response)


def withdrawal(
    request: HttpRequest, application, unticked: str = "", done: str = ""
) -> tuple[HttpResponse | None, str, int]:
    """What an applicant's private page does with a request: a POST withdraws the
    application once the box is ticked (then a 303 back to the page); anything but GET,
    HEAD or POST is refused. Returns a response to send at once (or None), and the error
    and status to show the page with. A kind may word the refusal of an unticked box and
    the confirmation (`unticked`, `done`)."""
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            return None, unticked or _("Tick the box to confirm that you want to withdraw."), 400
        try:
            services.withdraw(application)
        except services.ApplicationError as refused:
            return None, str(refused.message), 409
        messages.success(request, done or _("Your application is withdrawn."))
        return see_other(request.get_full_path()), "", 303
    if request.method not in ("GET", "HEAD"):
        return private(HttpResponse(status=405)), "", 405
    return None, "", 200


class CallFlow:
    """The submit / status / withdraw flow of one kind of call."""

    # What the landing says after a submission (a kind may thank for "a request").
    thanks = gettext_lazy("Thank you: we received your application.")

    def __init__(self, kind: ApplicationKind) -> None:
        self.kind = kind

    # --- The form: GET, POST, landing -------------------------------------------------

    def serve_apply(self, request: HttpRequest, page) -> HttpResponse:
        # A GET shows the call as kept between two changes; a POST (which changes it) reads
        # it afresh, and the submission again under the call's lock (services.submit).
        call = call_for(page)
        call = call.status() if request.method == "POST" else call.shown_status()
        form_kwargs = {
            **self.kind.form_kwargs(request, page, call),
            "privacy_url": privacy_url(request),
        }
        if request.method == "POST":
            return self.process_form_submission(request, page, call, form_kwargs)
        if request.method not in ("GET", "HEAD"):
            return private(HttpResponse(status=405))
        form = self.kind.form_class(**form_kwargs) if call.accepts_applications else None
        return self.render_form(request, page, call, form)

    def render_form(
        self,
        request: HttpRequest,
        page,
        call: CallStatus,
        form,
        status: int = 200,
        message: str = "",
    ) -> HttpResponse:
        context = self.kind.page_context(request, page)
        context.update(call=call, form=form, message=message, message_is_error=status >= 400)
        response = TemplateResponse(
            request, self.kind.apply_template, context, status=status
        ).render()
        return private(response)

    def process_form_submission(
        self, request: HttpRequest, page, call: CallStatus, form_kwargs: dict
    ) -> HttpResponse:
        """The honeypot, the per-address limit, the form, then the submit service; every
        refusal shows the form page again, keeping what was typed where it can. Only an
        accepted application counts against the limit."""

        def again(form, status: int, message: str) -> HttpResponse:
            return self.render_form(request, page, call, form, status, message)

        if not call.accepts_applications:
            return again(None, 403, call.state_label)
        form = self.kind.form_class(request.POST, **form_kwargs)
        if form.is_spam:
            return again(None, 400, _("The application could not be sent."))
        if submissions_used_up(self.kind.rate_scope, request):
            return again(
                form,
                429,
                _(
                    "Many applications were sent from your connection in the last hour, so "
                    "we cannot take another one from it just now. Your answers are kept "
                    "below: please send the form again later."
                ),
            )
        if not form.is_valid():
            return again(form, 400, "")
        language = get_language() or page.locale.language_code
        try:
            application = services.submit(self.kind.model, page, form.service_fields(), language)
        except services.DuplicateApplication as error:
            return again(None, 409, str(error.message))
        except services.CallNotOpen as error:
            return again(None, 403, str(error.message))
        count_submission(self.kind.rate_scope, request)
        return self.render_landing_page(request, page, application)

    def render_landing_page(self, request: HttpRequest, page, application) -> HttpResponse:
        messages.success(request, str(self.thanks))
        status_page = f"{page.url}{page.reverse_subpage('application')}"
        return see_other(f"{status_page}?key={application.link_token}")

    # --- The applicant's private page: status and withdrawal ----------------------------

    def serve_status(self, request: HttpRequest, page) -> HttpResponse:
        token = request.GET.get("key", "")
        model = self.kind.model
        application = model.from_token(token)
        if application is None or (
            getattr(application, f"{model.call_page_field}_id") != call_for(page).original().pk
        ):
            raise Http404
        response, error, status = withdrawal(request, application)
        if response is not None:
            return response
        context = self.kind.page_context(request, page)
        context.update(
            application=application,
            error=error,
            key=token,
            reason=application.status_reason(),
            **self.kind.status_context(application),
        )
        response = TemplateResponse(
            request, self.kind.status_template, context, status=status
        ).render()
        return private(response)
