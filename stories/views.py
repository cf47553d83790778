from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext

from applications import ratelimit
from applications import services as shared
from applications.models import SelectionStatus
from applications.views import privacy_url, private

from . import services
from .call_forms import NarratorApplicationForm
from .forms import StoryFilterForm
from .models import (
    NarratorApplication,
    OpenCallPage,
    OpenCallState,
    StoryIndexPage,
    StoryPage,
    Theme,
)

STORIES_PER_PAGE = 12


def story_listing(request: HttpRequest, index: StoryIndexPage) -> HttpResponse:
    """The archive: filters from the query string, then one page of story cards."""
    stories = StoryPage.objects.in_index(index)
    facets = stories.facets()
    themes = list(Theme.objects.used_by(stories, index.locale_id))
    form = StoryFilterForm(request.GET, themes=themes, **facets)
    filters = form.filters()
    results = stories.filtered(**filters).for_listing()
    page_obj = Paginator(results, STORIES_PER_PAGE).get_page(request.GET.get("page"))
    # The cards' themes are all among the archive's themes: no need for another lookup.
    by_key = {theme.translation_key: theme for theme in themes}
    for story in page_obj:
        story.display_themes = story.localized_themes(by_key)
    return index.render(
        request,
        context_overrides={"form": form, "page_obj": page_obj, "is_filtered": bool(filters)},
    )


# --- The open call for narrators: routes of OpenCallPage ---------------------------------
# Shaped like Wagtail's FormMixin.serve(): GET shows the form, POST goes through
# `process_narrator_application()`, then a landing response. Every answer to a POST, and
# every private page, is private and never stored by a cache (applications.views.private).

RATE_SCOPE = "narrator-application"


def narrator_apply(request: HttpRequest, page: OpenCallPage) -> HttpResponse:
    form_kwargs = {"privacy_url": privacy_url(request)}
    if request.method == "POST":
        return process_narrator_application(request, page, form_kwargs)
    if request.method not in ("GET", "HEAD"):
        return private(HttpResponse(status=405))
    form = NarratorApplicationForm(**form_kwargs) if page.accepts_applications() else None
    return render_call_apply(request, page, form)


def render_call_apply(
    request: HttpRequest,
    page: OpenCallPage,
    form: NarratorApplicationForm | None,
    status: int = 200,
    message: str = "",
) -> HttpResponse:
    context = page.get_context(request)
    context.update(form=form, message=message, message_is_error=status >= 400)
    response = TemplateResponse(
        request, "stories/open_call_apply.html", context, status=status
    ).render()
    return private(response)


def process_narrator_application(
    request: HttpRequest, page: OpenCallPage, form_kwargs: dict
) -> HttpResponse:
    if not page.accepts_applications():
        return render_call_apply(request, page, None, 403, OpenCallState(page.state()).label)
    form = NarratorApplicationForm(request.POST, **form_kwargs)
    if form.is_spam:
        return render_call_apply(
            request, page, None, 400, gettext("The application could not be sent.")
        )
    if not ratelimit.hit(RATE_SCOPE, request):
        return render_call_apply(
            request,
            page,
            form,
            429,
            gettext("Too many applications from your connection. Please try again in an hour."),
        )
    if not form.is_valid():
        return render_call_apply(request, page, form, 400)
    language = get_language() or page.locale.language_code
    try:
        application = services.submit_narrator_application(page, form.service_fields(), language)
    except shared.DuplicateApplication as error:
        return render_call_apply(request, page, None, 409, str(error.message))
    except shared.CallNotOpen as error:
        return render_call_apply(request, page, None, 403, str(error.message))
    messages.success(request, gettext("Thank you: we received your application."))
    response = HttpResponseRedirect(
        f"{page.url}{page.reverse_subpage('application')}?key={application.link_token}"
    )
    response.status_code = 303
    return private(response)


def narrator_application_status(request: HttpRequest, page: OpenCallPage) -> HttpResponse:
    """The applicant's private page: status, and withdrawal (POST + confirmation)."""
    token = request.GET.get("key", "")
    application = NarratorApplication.from_token(token)
    if application is None or application.call_id != page.call_page().pk:
        raise Http404
    error = ""
    status = 200
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            error = gettext("Tick the box to confirm that you want to withdraw.")
            status = 400
        else:
            try:
                shared.withdraw(application)
            except shared.ApplicationError as refused:
                error, status = str(refused.message), 409
            else:
                messages.success(request, gettext("Your application is withdrawn."))
                response = HttpResponseRedirect(request.get_full_path())
                response.status_code = 303
                return private(response)
    elif request.method not in ("GET", "HEAD"):
        return private(HttpResponse(status=405))
    context = page.get_context(request)
    context.update(application=application, statuses=SelectionStatus, error=error, key=token)
    response = TemplateResponse(
        request, "stories/open_call_application.html", context, status=status
    ).render()
    return private(response)
