"""The events app's models, one module per concern; imported from here by the rest."""

from django.apps import apps

from .base import (
    EVENT_PAGE_TYPES,
    EVENT_REGISTRATION_HOOK,
    EVENT_SEARCH_FIELDS,
    EventFields,
    EventIndexPage,
    OccurrenceSpec,
    RegistrationRoutes,
    event_panels,
)
from .festival import (
    FESTIVAL_APPLICATION_STATUS_HOOK,
    FESTIVAL_APPLY_HOOK,
    FestivalPage,
    FestivalSession,
    FestivalStandType,
    ProgrammeDay,
)
from .meetings import MeetingPage
from .occurrences import (
    Occurrence,
    OccurrenceQuerySet,
    longest_duration,
    occurrences_changed,
    untranslated_event_keys,
)
from .power_stories import Performance, PowerStoriesEventPage
from .series import SERIES_HORIZON, EventSeriesPage, OccurrenceChange
from .venues import AccessibilityFeature, Venue

EVENT_PAGE_MODELS: list[type[EventFields]] = [
    FestivalPage,
    MeetingPage,
    EventSeriesPage,
    PowerStoriesEventPage,
]


def event_page_models() -> list[type[EventFields]]:
    """Every event page type, this app's and those a higher app defines (a STOK training)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, EventFields) and not model._meta.abstract
    ]


__all__ = [
    "EVENT_PAGE_MODELS",
    "EVENT_PAGE_TYPES",
    "EVENT_REGISTRATION_HOOK",
    "EVENT_SEARCH_FIELDS",
    "FESTIVAL_APPLICATION_STATUS_HOOK",
    "FESTIVAL_APPLY_HOOK",
    "SERIES_HORIZON",
    "AccessibilityFeature",
    "EventFields",
    "EventIndexPage",
    "EventSeriesPage",
    "FestivalPage",
    "FestivalSession",
    "FestivalStandType",
    "MeetingPage",
    "Occurrence",
    "OccurrenceChange",
    "OccurrenceQuerySet",
    "OccurrenceSpec",
    "Performance",
    "PowerStoriesEventPage",
    "ProgrammeDay",
    "RegistrationRoutes",
    "Venue",
    "event_page_models",
    "event_panels",
    "longest_duration",
    "occurrences_changed",
    "untranslated_event_keys",
]
