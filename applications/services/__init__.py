"""The rules that change applications of every kind, one module per use case. Views, admin
actions, commands and tests call these; a kind's own rules are its model's hooks
(applications.models.base) and, for stands, applications.stands.services.

- submission: a new application (lock, state, duplicates, the kind's allocation)
- transitions: a change of status, withdrawal, bulk decisions
- mail: the e-mail of each status, its log, delivery and retries
- privacy: KVKK export, anonymisation, retention
- history: history entries, notes, counts per status
- messages: the team writes to applicants, each in their language

Every write that must hold under concurrency runs in `transaction.atomic()` with the call
page's row locked (`select_for_update`); e-mail is queued with `transaction.on_commit`.
"""

from .errors import (
    ApplicationError,
    CallNotOpen,
    DuplicateApplication,
    InvalidTransition,
    NoPlaceAvailable,
)
from .history import add_note, emails_of, history_of, record, status_counts
from .mail import (
    EMAIL_MAX_ATTEMPTS,
    deliver_email,
    enqueue_delivery,
    queue_email,
    queue_status_email,
    render_email,
    render_status_email,
    retry_emails,
)
from .messages import (
    MessageText,
    MissingMessageText,
    languages_of,
    reachable,
    write_to_applicants,
)
from .privacy import anonymise, anonymise_expired, export_application
from .submission import save_new_application, submit
from .transitions import BulkResult, bulk_change_status, change_status, transition, withdraw

__all__ = [
    "EMAIL_MAX_ATTEMPTS",
    "ApplicationError",
    "BulkResult",
    "CallNotOpen",
    "DuplicateApplication",
    "InvalidTransition",
    "MessageText",
    "MissingMessageText",
    "NoPlaceAvailable",
    "add_note",
    "anonymise",
    "anonymise_expired",
    "bulk_change_status",
    "change_status",
    "deliver_email",
    "emails_of",
    "enqueue_delivery",
    "export_application",
    "history_of",
    "languages_of",
    "queue_email",
    "queue_status_email",
    "reachable",
    "record",
    "render_email",
    "render_status_email",
    "retry_emails",
    "save_new_application",
    "status_counts",
    "submit",
    "transition",
    "withdraw",
    "write_to_applicants",
]
