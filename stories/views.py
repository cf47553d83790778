from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from applications.models import SelectionStatus
from applications.views import privacy_url, private, process_application, withdrawal

from . import services
from .call_forms import NarratorApplicationForm
from .forms import StoryFilterForm
from .models import (
    NarratorApplication,
    OpenCallPage,
    OpenCallState,
    StoryIndexPage,
    StoryPage,
)

STORIES_PER_PAGE = 12


def story_listing(request: HttpRequest, index: StoryIndexPage) -> HttpResponse:
    """The archive: filters from the query string, then one page of story cards."""
    stories = StoryPage.objects.in_index(index)
    choices = index.filter_choices()
    themes = choices["themes"]
    form = StoryFilterForm(request.GET, **choices)
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
    language = get_language() or page.locale.language_code
    return process_application(
        request,
        NarratorApplicationForm(request.POST, **form_kwargs),
        lambda form, status, message: render_call_apply(request, page, form, status, message),
        lambda fields: services.submit_narrator_application(page, fields, language),
        f"{page.url}{page.reverse_subpage('application')}",
        RATE_SCOPE,
    )


def narrator_application_status(request: HttpRequest, page: OpenCallPage) -> HttpResponse:
    """The applicant's private page: status, and withdrawal (POST + confirmation)."""
    token = request.GET.get("key", "")
    application = NarratorApplication.from_token(token)
    if application is None or application.call_id != page.call_page().pk:
        raise Http404
    response, error, status = withdrawal(request, application)
    if response is not None:
        return response
    context = page.get_context(request)
    context.update(application=application, statuses=SelectionStatus, error=error, key=token)
    response = TemplateResponse(
        request, "stories/open_call_application.html", context, status=status
    ).render()
    return private(response)
