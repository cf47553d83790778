"""History and notes of any application, and the counts per status."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count

from ..models import ApplicationEmail, ApplicationLogEntry, BaseApplication, LogAction


def record(application: BaseApplication, action: str, user=None, **fields) -> ApplicationLogEntry:
    return ApplicationLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(application),
        object_id=application.pk,
        action=action,
        user=user if getattr(user, "is_authenticated", False) else None,
        **fields,
    )


def add_note(application: BaseApplication, text: str, user=None) -> ApplicationLogEntry:
    return record(application, LogAction.NOTE, user, text=text.strip())


def history_of(application: BaseApplication):
    return ApplicationLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(application), object_id=application.pk
    ).select_related("user")


def emails_of(application: BaseApplication):
    return ApplicationEmail.objects.filter(
        content_type=ContentType.objects.get_for_model(application), object_id=application.pk
    )


def status_counts(queryset) -> dict[str, int]:
    counts = {code: 0 for code, _label in queryset.model._meta.get_field("status").choices}
    for row in queryset.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts
