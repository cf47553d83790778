from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventType(models.TextChoices):
    FESTIVAL = "festival", _("Festival")
    MEETING = "meeting", _("Meeting")
    SERIES = "series", _("Recurring gathering")
    POWER_STORIES = "power_stories", _("Power Stories")
    TRAINING = "training", _("Training")


class EventStatus(models.TextChoices):
    # "As planned": a date's status, unlike a request's "Scheduled" (booked) in other apps.
    SCHEDULED = "scheduled", pgettext_lazy("event status", "Scheduled")
    POSTPONED = "postponed", _("Postponed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    CANCELLED = "cancelled", _("Cancelled")
    MOVED_ONLINE = "moved_online", _("Moved online")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class AccessibilityProvision(models.TextChoices):
    SIGN_LANGUAGE = "sign_language", _("Turkish Sign Language interpretation")
    WHEELCHAIR = "wheelchair", _("Wheelchair access")
    LIVE_CAPTIONS = "live_captions", _("Live captions")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    EASY_READ = "easy_read", _("Easy-read materials")
    QUIET_ROOM = "quiet_room", _("Quiet room")


class SeriesKind(models.TextChoices):
    TEA_TIME = "tea_time", _("Tea Time Meetings")
    POWER_OF_CHANGE = "power_of_change", _("Talking about the Power of Change")
    OTHER = "other", _("Other gatherings")


class AllocationMode(models.TextChoices):
    REVIEWED = "reviewed", _("Reviewed by the team")
    FIRST_COME = "first_come", _("First come, first served")


class SessionKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    PANEL = "panel", _("Panel")
    TALK = "talk", _("Talk")
    PERFORMANCE = "performance", _("Performance")
    STANDS = "stands", _("Stand hours")


class SessionLanguage(models.TextChoices):
    TURKISH = "tr", _("Turkish")
    ENGLISH = "en", _("English")
    BOTH = "tr_en", _("Turkish and English")
    SIGN = "tr_tid", _("Turkish with Turkish Sign Language")


def attends_online(attendance_mode: str, status: str) -> bool:
    """Whether people can take part online: an online or mixed event, or one moved online."""
    return attendance_mode != AttendanceMode.IN_PERSON or status == EventStatus.MOVED_ONLINE
