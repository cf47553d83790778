"""The team writes to applicants: one, a selection or everyone in a status, each in their
own language. The team writes one text per language its recipients use (not one per
applicant: a call has dozens of applicants and a handful of things to tell them all); each
e-mail wraps the text in the applicant's greeting and private link, is logged with the
application (its e-mails and its history) and delivered by the worker after the commit."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from ..models import BaseApplication, LogAction
from .errors import ApplicationError
from .history import record
from .mail import queue_email, render_email

MESSAGE_TEMPLATE = "applications/email/message.txt"


@dataclass(frozen=True)
class MessageText:
    """What the team wrote for the applicants of one language."""

    subject: str
    body: str

    @property
    def is_complete(self) -> bool:
        return bool(self.subject.strip() and self.body.strip())


class MissingMessageText(ApplicationError):
    """Some recipients' language has no text: nothing is sent."""


def language_name(code: str) -> str:
    """The language's name in the active language ("İngilizce" in the Turkish admin)."""
    return str(get_language_info(code)["name_translated"])


def reachable(applications: Iterable[BaseApplication]) -> list[BaseApplication]:
    """The applications a message can go to: not anonymised, with an address."""
    return [a for a in applications if not a.is_anonymised and a.email_recipient()]


def languages_of(applications: Iterable[BaseApplication]) -> list[str]:
    """The languages the recipients read, in the site's order of languages."""
    used = {application.language for application in reachable(applications)}
    return [code for code, _name in settings.LANGUAGES if code in used]


def render_message(application: BaseApplication, text: MessageText) -> tuple[str, str]:
    """Subject and body of the message to one applicant, in their language."""
    subject = " ".join(text.subject.split())
    return render_email(
        application, MESSAGE_TEMPLATE, {"subject": subject, "message": text.body.strip()}
    )


def write_to_applicants(
    applications: Iterable[BaseApplication], texts: dict[str, MessageText], user=None
) -> list[BaseApplication]:
    """Send each reachable application the text of its language; returns those written
    to. Refuses (MissingMessageText, nothing sent) when a recipient's language has no
    complete text."""
    recipients = reachable(applications)
    missing = [
        code
        for code in languages_of(recipients)
        if code not in texts or not texts[code].is_complete
    ]
    if missing:
        raise MissingMessageText(
            _(
                "Write the subject and the message in every language of the recipients: "
                "%(languages)s."
            )
            % {"languages": ", ".join(language_name(code) for code in missing)}
        )
    with transaction.atomic():
        for application in recipients:
            subject, body = render_message(application, texts[application.language])
            queue_email(application, subject, body)
            record(application, LogAction.MESSAGE, user, text=subject)
    return recipients
