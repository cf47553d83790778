"""The public flow of the ROTA page, served from its routes (models.RotaPage):

- the page (`""`): the introduction and the start form; with `?key=` it sends a returning
  organisation to where it stopped;
- `start/` (POST): a new private link and its first round, then step 1;
- `step/<n>/?key=`: one area's statements; "Next" saves and moves on, "Save and finish
  later" keeps what is answered and shows the private link;
- `result/?key=`: scores, chart, strengths, areas to improve, prescriptions and the change
  since the previous round; `again/` starts a new round, `erase/` erases the link.

Every answer that depends on the key is private (never cached, never indexed)."""

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from applications.views import (
    count_submission,
    privacy_url,
    private,
    see_other,
    submissions_used_up,
)
from core.versions import content_generation, versioned_get_or_set

from . import services
from .forms import AreaForm, StartForm
from .models import Assessment, RotaPage
from .scoring import read_result


def route_url(request: HttpRequest, page: RotaPage, route: str, *args, **query) -> str:
    url = page.get_url(request) + page.reverse_subpage(route, args=args)
    return f"{url}?{urlencode(query)}" if query else url


def link_of(request: HttpRequest, page: RotaPage, assessment: Assessment) -> str:
    """The private link to come back by (absolute, to copy or bookmark)."""
    return request.build_absolute_uri(route_url(request, page, "index", key=assessment.link_token))


def assessment_for(request: HttpRequest, page: RotaPage) -> Assessment:
    """The assessment of the request's key, taken with this page in any language; 404 if
    the key is unknown, tampered with or erased."""
    token = request.POST.get("key") or request.GET.get("key", "")
    assessment = Assessment.from_token(token)
    if assessment is None or assessment.page.translation_key != page.translation_key:
        raise Http404
    return assessment


def render(request: HttpRequest, page: RotaPage, template: str, status: int = 200, **context):
    context = {"page": page, "self": page, **context}
    response = TemplateResponse(request, f"rota/{template}", context, status=status)
    return private(response) if "assessment" in context else response


def serve_index(request: HttpRequest, page: RotaPage) -> HttpResponse:
    if request.GET.get("key"):
        assessment = assessment_for(request, page)
        round_ = services.current_round(assessment)
        step = services.first_open_step(page, services.answers_of(round_))
        if round_.is_completed or step is None:
            return see_other(route_url(request, page, "result", key=assessment.link_token))
        return see_other(route_url(request, page, "step", step, key=assessment.link_token))
    return render_index(request, page, StartForm())


def render_index(
    request: HttpRequest, page: RotaPage, form: StartForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        page,
        "rota_page.html",
        status=status,
        form=form,
        privacy_url=privacy_url(request),
        areas_html=areas_html(request, page),
    )


def areas_html(request: HttpRequest, page: RotaPage) -> SafeString:
    """The list of the questionnaire's areas: read from its StreamField and rendered once
    per content generation and language (a preview shows the draft's, never kept)."""

    def compute() -> str:
        return render_to_string("rota/includes/areas.html", {"areas": page.area_list()}, request)

    if getattr(request, "is_preview", False):
        return mark_safe(compute())  # noqa: S308 - our template
    key = f"rota-areas:{content_generation()}:{page.pk}:{get_language()}"
    return mark_safe(versioned_get_or_set(key, compute))  # noqa: S308 - our template


def serve_start(request: HttpRequest, page: RotaPage) -> HttpResponse:
    if request.method != "POST":
        return see_other(page.get_url(request))
    form = StartForm(request.POST)
    if submissions_used_up("rota-start", request):
        form.is_valid()
        form.add_error(
            None, _("Too many assessments started from your connection. Please try again later.")
        )
        return private(render_index(request, page, form, status=429))
    if not form.is_valid():
        return private(render_index(request, page, form, status=400))
    assessment = services.start_assessment(page, form.cleaned_data, get_language())
    count_submission("rota-start", request)
    return see_other(route_url(request, page, "step", 1, key=assessment.link_token))


def serve_step(request: HttpRequest, page: RotaPage, number: int) -> HttpResponse:
    assessment = assessment_for(request, page)
    area = page.area(number)
    if area is None:
        raise Http404
    round_ = services.current_round(assessment)
    token = assessment.link_token
    if round_.is_completed:
        return see_other(route_url(request, page, "result", key=token))
    scale = page.scale_labels()
    if request.method == "POST":
        form = AreaForm(request.POST, area=area, scale=scale)
        valid = form.is_valid()
        services.save_answers(round_, area, form.answers())
        action = request.POST.get("action", "next")
        if action == "later":
            return see_other(route_url(request, page, "step", number, key=token, saved=1))
        if action == "back" and number > 1:
            return see_other(route_url(request, page, "step", number - 1, key=token))
        if valid:
            answered = services.answers_of(round_)
            open_step = services.first_open_step(page, answered)
            if open_step is None:
                services.complete_round(page, round_)
                return see_other(route_url(request, page, "result", key=token))
            following = number + 1 if number < len(page.area_list()) else open_step
            return see_other(route_url(request, page, "step", following, key=token))
        status = 400
    else:
        form = AreaForm(initial=_initial(services.answers_of(round_)), area=area, scale=scale)
        status = 200
    return render(
        request,
        page,
        "step.html",
        status=status,
        assessment=assessment,
        area=area,
        form=form,
        number=number,
        total=len(page.area_list()),
        saved=request.GET.get("saved") == "1",
        private_link=link_of(request, page, assessment),
    )


def _initial(answers: dict[str, int]) -> dict[str, str]:
    return {f"s_{key}": str(value) for key, value in answers.items()}


def serve_result(request: HttpRequest, page: RotaPage) -> HttpResponse:
    assessment = assessment_for(request, page)
    return render_result(request, page, assessment, profile_form(assessment))


def profile_form(assessment: Assessment) -> StartForm:
    return StartForm(initial={name: getattr(assessment, name) for name in services.PROFILE_FIELDS})


def render_result(
    request: HttpRequest,
    page: RotaPage,
    assessment: Assessment,
    form: StartForm,
    status: int = 200,
) -> HttpResponse:
    rounds = list(assessment.rounds.order_by("-number"))
    completed = [r for r in rounds if r.is_completed]
    if not completed:
        step = services.first_open_step(page, services.answers_of(rounds[0])) or 1
        return see_other(route_url(request, page, "step", step, key=assessment.link_token))
    latest = completed[0]
    previous = completed[1] if len(completed) > 1 else None
    result = read_result(page, services.scores_of(latest), services.scores_of(previous))
    return render(
        request,
        page,
        "result.html",
        status=status,
        assessment=assessment,
        result=result,
        round=latest,
        previous=previous,
        open_round=rounds[0] if not rounds[0].is_completed else None,
        private_link=link_of(request, page, assessment),
        form=form,
        updated=request.GET.get("updated") == "1",
        privacy_url=privacy_url(request),
    )


def serve_profile(request: HttpRequest, page: RotaPage) -> HttpResponse:
    """The organisation changes its details or its consent from the result page."""
    assessment = assessment_for(request, page)
    if request.method != "POST":
        return see_other(route_url(request, page, "result", key=assessment.link_token))
    form = StartForm(request.POST)
    if not form.is_valid():
        return render_result(request, page, assessment, form, status=400)
    services.update_profile(assessment, form.cleaned_data)
    return see_other(route_url(request, page, "result", key=assessment.link_token, updated=1))


def serve_again(request: HttpRequest, page: RotaPage) -> HttpResponse:
    assessment = assessment_for(request, page)
    if request.method != "POST":
        return see_other(route_url(request, page, "result", key=assessment.link_token))
    services.start_new_round(assessment)
    return see_other(route_url(request, page, "step", 1, key=assessment.link_token))


def serve_erase(request: HttpRequest, page: RotaPage) -> HttpResponse:
    assessment = assessment_for(request, page)
    if request.method != "POST":
        return see_other(route_url(request, page, "result", key=assessment.link_token))
    if request.POST.get("confirm") != "yes":
        return render(
            request,
            page,
            "erase.html",
            status=400,
            assessment=assessment,
            error=_("Tick the box to confirm that you want to erase your assessment."),
        )
    services.erase(assessment)
    return private(render(request, page, "erased.html"))
