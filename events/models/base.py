"""What every event page shares (fields, panels, search fields) and the events index."""

import datetime
from dataclasses import dataclass

from django import forms
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.mixins import BasePage

from ..choices import (
    AttendanceMode,
    EventStatus,
    EventType,
    attends_online,
)
from ..forms import EventPageForm
from .venues import AccessibilityFeature, Venue


@dataclass(frozen=True)
class OccurrenceSpec:
    """One date of an event as its page describes it, before it is stored."""

    start: datetime.datetime
    end: datetime.datetime
    original_start: datetime.datetime
    status: str = EventStatus.SCHEDULED
    note: str = ""
    venue: Venue | None = None


class EventFields(models.Model):
    """The fields every kind of event shares, with their panels."""

    search_type, search_type_label = "events", _("Events")

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences for listings.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    start = models.DateTimeField(_("starts"), help_text=_("Istanbul time"))
    end = models.DateTimeField(_("ends"), help_text=_("Istanbul time"))
    all_day = models.BooleanField(_("all day"), default=False)
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    online_url = models.URLField(_("online link"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisers = models.CharField(
        _("organisers and partners"), max_length=300, blank=True, default="STGM"
    )
    registration_info = RichTextField(
        _("registration"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("status note"),
        max_length=300,
        blank=True,
        help_text=_("Why it was postponed, cancelled or moved online; shown to visitors."),
    )
    accessibility = ParentalManyToManyField(
        AccessibilityFeature, verbose_name=_("accessibility provisions"), blank=True
    )

    event_type: str = ""
    base_form_class = EventPageForm
    route_select_related = ("venue", "image", "social_image")

    class Meta:
        abstract = True

    @property
    def sharing_image(self):
        return self.social_image or self.image

    @property
    def is_online(self) -> bool:
        return attends_online(self.attendance_mode, self.status)

    @property
    def illustration(self) -> str:
        """The site's illustration of this kind of event, shown when the page has no image
        (site/static/img/illustrations/)."""
        drawn_as = {EventType.POWER_STORIES: "story", EventType.TRAINING: "programme"}
        return drawn_as.get(self.event_type, self.event_type)

    @cached_property
    def is_past(self) -> bool:
        """Every date of the event has ended. Its page then says so and offers no registration
        and no "add to calendar" (templates of other apps rely on this too)."""
        last_end = max((spec.end for spec in self.occurrence_specs(self.end)), default=self.end)
        return last_end < timezone.now()

    def occurrence_specs(self, until: datetime.datetime) -> list[OccurrenceSpec]:
        """The dates to store for this event; a single date unless a subclass says otherwise."""
        return [
            OccurrenceSpec(
                self.start, self.end, self.start, self.status, self.status_note, self.venue
            )
        ]

    @classmethod
    def search_results_meta(cls, pages, query: str) -> dict[int, dict]:
        from ..search import event_results_meta  # imports these models

        return event_results_meta(pages, query)

    def upcoming_occurrences(self, limit: int = 10):
        from .occurrences import Occurrence

        return Occurrence.objects.filter(page=self).upcoming()[:limit]


def event_panels(date_panels: list | None = None) -> list:
    """The editor panels of EventFields, with the date panels a page type may replace."""
    return [
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            date_panels
            or [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("attendance_mode"), FieldPanel("online_url")]),
            ],
            heading=_("Place"),
        ),
        FieldPanel("accessibility", widget=forms.CheckboxSelectMultiple),
        FieldPanel("organisers"),
        MultiFieldPanel(
            [
                FieldPanel("registration_info"),
                FieldPanel("registration_url"),
                FieldPanel("is_free"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], heading=_("Status")),
        FieldPanel("body"),
    ]


# The registrations app serves an event's `register/`, `register/<date>/` and
# `registration/` routes through this Wagtail hook, so that events never imports it:
# `fn(request, page, route, **kwargs) -> HttpResponse`, route being the name of the route.
EVENT_REGISTRATION_HOOK = "event_registration_view"


class RegistrationRoutes(RoutablePageMixin):
    """The routes of registration for an event's dates (a 404 without the hook)."""

    def _registration_view(self, request: HttpRequest, route: str, **kwargs) -> HttpResponse:
        for view in hooks.get_hooks(EVENT_REGISTRATION_HOOK):
            return view(request, self, route, **kwargs)
        raise Http404

    @path("register/", name="register")
    @path("register/<str:date>/", name="register_date")
    def register(self, request: HttpRequest, date: str = "") -> HttpResponse:
        return self._registration_view(request, "register", date=date)

    @path("registration/", name="registration")
    def registration(self, request: HttpRequest) -> HttpResponse:
        # The private key travels in the query string, which the logs never record.
        return self._registration_view(request, "registration")


EVENT_SEARCH_FIELDS = [
    index.SearchField("summary"),
    index.SearchField("body"),
    index.FilterField("start"),
    index.RelatedFields(
        "venue",
        [
            index.SearchField("name"),
            index.SearchField("district"),
            index.SearchField("province_name"),
        ],
    ),
]
EVENT_PAGE_TYPES = [
    "events.FestivalPage",
    "events.MeetingPage",
    "events.EventSeriesPage",
    "events.PowerStoriesEventPage",
    # Kinds of event defined by a higher app (by name: events imports none of them).
    "stok.StokTrainingPage",
]


class EventIndexPage(RoutablePageMixin, BasePage):
    search_type, search_type_label = "events", _("Events")

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = EVENT_PAGE_TYPES

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    @path("")
    def listing(self, request):
        from ..views import event_listing

        return event_listing(request, self)

    @path("calendar/")
    @path("calendar/<int:year>/<int:month>/")
    def calendar(self, request, year: int | None = None, month: int | None = None):
        from ..views import event_calendar

        return event_calendar(request, self, year, month)
