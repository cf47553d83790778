"""The two status sets a kind of call can use, and what may follow what.

They are kind-neutral and live here, not with the kinds, because the history and e-mail log
rows (`ApplicationLogEntry`, `ApplicationEmail`) must know every status of every kind when
their model is defined (their `choices`, and migration 0003): a kind chooses one set and
declares it on its model (`status` choices, `transitions`, `open_statuses`,
`decision_statuses`). A new set goes here too, added to `ALL_STATUS_CHOICES`.

- `ApplicationStatus`, places decided by the team or first come, first served: submitted →
  approved / waitlisted / rejected (festival stands).
- `SelectionStatus`, a panel of reviewers: submitted → shortlisted → selected / declined
  (the Power Stories narrators).
Both end in `withdrawn`, which the applicant can reach from any open status.
- `AnswerStatus`, a question to the team: received → answered / closed (the Information
  Center's "Ask a question", knowledge.questions). No withdrawal: there is nothing to give
  back, and retention erases the asker's data.
- `RequestStatus`, a service the team designs with the requester: received → in design →
  scheduled → completed, or declined (with a reason) from any open step (Organisational
  Coaching and Tailor-Made trainings, coaching). No withdrawal either: the requester
  writes to the team, who decline.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

WITHDRAWN = "withdrawn"


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not accepted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


S = ApplicationStatus
# Which status may follow which; anything else is refused. Rejected and withdrawn are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.SUBMITTED: frozenset({S.APPROVED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.WAITLISTED: frozenset({S.APPROVED, S.REJECTED, S.WITHDRAWN}),
    S.APPROVED: frozenset({S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
OPEN_STATUSES = (S.SUBMITTED, S.WAITLISTED)


class SelectionStatus(models.TextChoices):
    """A call decided by a panel of reviewers: a shortlist, then a selection."""

    SUBMITTED = "submitted", _("Submitted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    SELECTED = "selected", _("Selected")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


SS = SelectionStatus
SELECTION_TRANSITIONS: dict[str, frozenset[str]] = {
    SS.SUBMITTED: frozenset({SS.SHORTLISTED, SS.DECLINED, SS.WITHDRAWN}),
    SS.SHORTLISTED: frozenset({SS.SELECTED, SS.DECLINED, SS.WITHDRAWN}),
    SS.SELECTED: frozenset({SS.WITHDRAWN}),
    SS.DECLINED: frozenset(),
    SS.WITHDRAWN: frozenset(),
}
SELECTION_OPEN_STATUSES = (SS.SUBMITTED, SS.SHORTLISTED)


class AnswerStatus(models.TextChoices):
    """A question the team answers (or closes without an answer)."""

    RECEIVED = "received", _("Received")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


AS = AnswerStatus
ANSWER_TRANSITIONS: dict[str, frozenset[str]] = {
    AS.RECEIVED: frozenset({AS.ANSWERED, AS.CLOSED}),
    AS.ANSWERED: frozenset({AS.CLOSED}),
    AS.CLOSED: frozenset(),
}
ANSWER_OPEN_STATUSES = (AS.RECEIVED,)


class RequestStatus(models.TextChoices):
    """A request for a service the team designs and delivers (coaching, a training)."""

    RECEIVED = "received", _("Received")
    IN_DESIGN = "in_design", _("In design")
    SCHEDULED = "scheduled", _("Scheduled")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")


RS = RequestStatus
REQUEST_TRANSITIONS: dict[str, frozenset[str]] = {
    RS.RECEIVED: frozenset({RS.IN_DESIGN, RS.DECLINED}),
    RS.IN_DESIGN: frozenset({RS.SCHEDULED, RS.DECLINED}),
    # A date that falls through sends the request back to design.
    RS.SCHEDULED: frozenset({RS.COMPLETED, RS.IN_DESIGN, RS.DECLINED}),
    RS.COMPLETED: frozenset(),
    RS.DECLINED: frozenset(),
}
REQUEST_OPEN_STATUSES = (RS.RECEIVED, RS.IN_DESIGN, RS.SCHEDULED)

# Every status any kind of application can have (history and e-mail log rows).
ALL_STATUS_CHOICES = list(
    {
        code: label
        for code, label in [
            *ApplicationStatus.choices,
            *SelectionStatus.choices,
            *AnswerStatus.choices,
            *RequestStatus.choices,
        ]
    }.items()
)
