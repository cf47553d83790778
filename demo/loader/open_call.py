"""The past (closed) Power Stories call for narrators (demo/content/open_call.yaml), with
invented applications in mixed statuses and a few reviews, made through the open call's
services (no e-mail is sent)."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from applications.models import SelectionStatus
from demo.tools import get_locale, translate, upsert_page
from stories.models import NarratorApplication, OpenCallPage
from stories.open_call import services

from .data import Texts, at, read

SS = SelectionStatus
# The steps from "submitted" to each outcome.
PATHS = {
    SS.SUBMITTED: [],
    SS.SHORTLISTED: [SS.SHORTLISTED],
    SS.SELECTED: [SS.SHORTLISTED, SS.SELECTED],
    SS.DECLINED: [SS.DECLINED],
    SS.WITHDRAWN: [SS.WITHDRAWN],
}


def demo_reviewers(spec: dict) -> list:
    """Reviewers without a password (they cannot log in) in the narrator reviewers' group."""
    group = Group.objects.filter(name=spec["group"]).first()
    users = []
    for username in spec["usernames"]:
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        if created:
            user.set_unusable_password()
            user.save()
        if group is not None:
            user.groups.add(group)
        users.append(user)
    return users


def load_open_call(home: Page) -> OpenCallPage:
    """Create or update the closed call in both languages and its sample applications."""
    content = read("open_call")
    t = Texts()
    spec = content["page"]
    opens = at(spec["opens"], spec["opens_at"])
    closes = at(spec["closes"], spec["closes_at"])
    call = upsert_page(
        home,
        OpenCallPage,
        t(spec["slug"]),
        title=t(spec["title"]),
        intro=t(spec["intro"]),
        applications_open=opens,
        applications_close=closes,
    )
    translate(call, get_locale("en"), t.glossary)

    reviewers = demo_reviewers(content["reviewers"])
    common = content["application"]
    for n, applicant in enumerate(content["applicants"], start=1):
        email = f"anlatici{n}@example.org"
        if NarratorApplication.objects.filter(call=call, email=email).exists():
            continue
        application = services.submit_narrator_application(
            call,
            {
                "contact_name": applicant["contact_name"],
                "organisation": applicant["organisation"],
                "city": applicant["city"],
                "email": email,
                "phone": common["phone"],
                "summary": common["summary"],
                "why_it_matters": common["why_it_matters"],
                "preferred_province": applicant["preferred_province"],
                "accessibility_needs": applicant.get("accessibility_needs", ""),
            },
            applicant["language"],
            now=opens + datetime.timedelta(days=n),
            notify=False,
        )
        for reviewer, score in zip(reviewers, applicant["scores"], strict=False):
            services.review(application, reviewer, score)
        for status in PATHS[SS(applicant["outcome"])]:
            services.change_status(application, status, notify=False)
    return call
