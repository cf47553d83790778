"""The dashboard panel: open applications per festival, for the reviewers."""

from typing import Any

from django.db.models import Count, Q
from wagtail.admin.ui.components import Component

from events.models import FestivalPage

from ..models import ApplicationStatus, StandApplication

S = ApplicationStatus


class OpenApplicationsPanel(Component):
    name = "open_stand_applications"
    template_name = "applications/admin/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context: Any = None) -> dict:
        rows = (
            StandApplication.objects.values("festival_id")
            .annotate(
                submitted=Count("pk", filter=Q(status=S.SUBMITTED)),
                waitlisted=Count("pk", filter=Q(status=S.WAITLISTED)),
                approved=Count("pk", filter=Q(status=S.APPROVED)),
                proposed=Count("pk", filter=Q(proposed_at__isnull=False, status=S.WAITLISTED)),
            )
            .filter(Q(submitted__gt=0) | Q(waitlisted__gt=0))
        )
        festivals = FestivalPage.objects.in_bulk([row["festival_id"] for row in rows])
        lines = []
        for row in rows:
            festival = festivals.get(row["festival_id"])
            if festival is None:
                continue
            lines.append({"festival": festival, "stands": festival.stands or 0, **row})
        lines.sort(key=lambda line: -line["festival"].edition_year)
        return {"lines": lines}
