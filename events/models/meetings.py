"""Meetings: one-off gatherings (Strong Civil Society Meetings)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.mixins import BasePage

from ..choices import (
    EventType,
)
from .base import EVENT_SEARCH_FIELDS, EventFields, RegistrationRoutes, event_panels


class MeetingPage(RegistrationRoutes, EventFields, BasePage):
    campaign = models.CharField(
        _("campaign"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Strong Civil Society Meetings"),
    )
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    outcomes = models.TextField(_("what participants raised"), blank=True)

    event_type = EventType.MEETING

    content_panels = [
        *Page.content_panels,
        FieldPanel("campaign"),
        *event_panels(),
        MultiFieldPanel(
            [FieldPanel("participants"), FieldPanel("outcomes")], heading=_("Outcomes")
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        *EVENT_SEARCH_FIELDS,
        index.SearchField("campaign"),
        index.SearchField("outcomes"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
