"""Organisational Coaching and Tailor-Made trainings (demo/content/coaching.yaml): a request
page under each programme page, in both languages, and sample requests from invented
organisations in every status, made through the request services (no e-mail is sent)."""

import datetime

from django.utils import timezone
from wagtail.models import Page

from coaching import services
from coaching.models import REQUEST_MODELS, CoachingRequestPage
from demo.tools import get_locale, translate, upsert_page
from home.models import StandardPage

from .data import Texts, read


def load_coaching(home: Page) -> list[CoachingRequestPage]:
    """Create or update the two request pages and their sample requests."""
    content = read("coaching")
    english = get_locale("en")
    t = Texts()
    pages = {}
    programmes = StandardPage.objects.child_of(home).get(slug="programlar")
    for spec in content["pages"]:
        programme_page = StandardPage.objects.child_of(programmes).get(slug=spec["parent"])
        page = upsert_page(
            programme_page,
            CoachingRequestPage,
            t(spec["slug"]),
            title=t(spec["title"]),
            intro=t(spec["intro"]),
            what_to_expect=t.html(spec["what_to_expect"]),
            programme=spec["programme"],
        )
        translate(page, english, t.glossary)
        pages[spec["programme"]] = page
    load_requests(pages, content["requests"])
    return list(pages.values())


def load_requests(pages: dict[str, CoachingRequestPage], specs: list[dict]) -> None:
    """Sample requests (invented organisations), each taken through its steps."""
    now = timezone.now()
    for n, spec in enumerate(specs, start=1):
        page = pages[spec["programme"]]
        email = f"talep{n}@example.org"
        if REQUEST_MODELS[page.programme].objects.filter(page=page, email=email).exists():
            continue
        received = now - datetime.timedelta(days=spec["days_ago"])
        request = services.submit_request(
            page,
            {
                "organisation": spec["organisation"],
                "province": spec["province"],
                "legal_form": spec["legal_form"],
                "need": " ".join(spec["need"].split()),
                "areas": f",{','.join(spec['areas'])},",
                "preferred_format": spec["preferred_format"],
                "preferred_period": spec["preferred_period"],
                "contact_name": spec["contact_name"],
                "email": email,
                "phone": "",
            },
            spec["language"],
            now=received,
            notify=False,
        )
        for step in spec.get("steps", []):
            request = take_step(request, step, received, now)


def take_step(request, step: dict, received: datetime.datetime, now: datetime.datetime):
    when = received + datetime.timedelta(days=step["days"])
    options = {"notify": False, "now": when, "reason": step.get("reason", "")}
    if "expert" in step:
        services.assign(request, expert_name=step["expert"])
    status = step["status"]
    if status == "in_design":
        return services.start_design(request, **options)
    if status == "scheduled":
        start = (now + datetime.timedelta(days=step["date_in"])) if "date_in" in step else when
        return services.schedule(request, start.date(), **options)
    if status == "completed":
        return services.complete(request, **options)
    return services.decline(request, options.pop("reason"), **options)
