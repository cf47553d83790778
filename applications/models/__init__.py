"""Applications to STGM's calls: the kind-neutral machinery (`base`, `records`) and the
festival-stand kind (`applications.stands.models`, registered here under this app's
label). The Power Stories narrator kind lives in `stories.open_call`."""

from ..stands.models import LegalForm, StandApplication, ThematicArea  # noqa: E402, I001
from ..statuses import (
    ALL_STATUS_CHOICES,
    OPEN_STATUSES,
    SELECTION_OPEN_STATUSES,
    SELECTION_TRANSITIONS,
    TRANSITIONS,
    ApplicationStatus,
    SelectionStatus,
)
from .base import ANONYMISED, ApplicationQuerySet, BaseApplication, dedupe_key, new_access_key
from .records import ApplicationEmail, ApplicationLogEntry, EmailState, LogAction

__all__ = [
    "ALL_STATUS_CHOICES",
    "ANONYMISED",
    "OPEN_STATUSES",
    "SELECTION_OPEN_STATUSES",
    "SELECTION_TRANSITIONS",
    "TRANSITIONS",
    "ApplicationEmail",
    "ApplicationLogEntry",
    "ApplicationQuerySet",
    "ApplicationStatus",
    "BaseApplication",
    "EmailState",
    "LegalForm",
    "LogAction",
    "SelectionStatus",
    "StandApplication",
    "ThematicArea",
    "dedupe_key",
    "new_access_key",
]
