import datetime
from dataclasses import dataclass

from django import forms
from django.db import models
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from recurrence.fields import RecurrenceField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.i18n import any_view_restrictions, original_translation_pk
from home.mixins import BasePage
from home.navigation import navigation_version
from home.provinces import Province, sorted_province_choices
from home.versions import current_version, retire, versioned_get_or_set

from . import recurrence as series_dates
from .choices import (
    AccessibilityProvision,
    AllocationMode,
    AttendanceMode,
    EventStatus,
    EventType,
    SeriesKind,
    SessionKind,
    SessionLanguage,
)
from .forms import EventPageForm, FestivalPageForm, SeriesPageForm
from .panels import NextDatesPanel
from .widgets import WagtailRecurrenceWidget

# Recurring series are materialised this far ahead; `manage.py extend_occurrences`
# (daily) keeps the window rolling.
SERIES_HORIZON = datetime.timedelta(days=730)


class Venue(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    province = models.CharField(_("province"), max_length=2, choices=sorted_province_choices())
    district = models.CharField(_("district"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    access_notes = models.TextField(
        _("access notes"),
        blank=True,
        help_text=_("Step-free entrance, nearest accessible stop, parking..."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("province"), FieldPanel("district")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("access_notes"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [
        SynchronizedField("province", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_province_display()})"

    @property
    def city(self) -> str:
        return ", ".join(filter(None, [self.district, self.get_province_display()]))

    @property
    def province_name(self) -> str:
        return self.get_province_display()

    @property
    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            "https://www.openstreetmap.org/?mlat="
            f"{self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"
        )


class AccessibilityFeature(models.Model):
    """One row per provision (seeded by a migration), so events can be filtered by them."""

    code = models.CharField(max_length=30, unique=True, choices=AccessibilityProvision.choices)

    class Meta:
        ordering = ["id"]
        verbose_name = _("accessibility provision")
        verbose_name_plural = _("accessibility provisions")

    def __str__(self) -> str:
        return str(self.get_code_display())


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
        return (
            self.attendance_mode != AttendanceMode.IN_PERSON
            or self.status == EventStatus.MOVED_ONLINE
        )

    def occurrence_specs(self, until: datetime.datetime) -> list[OccurrenceSpec]:
        """The dates to store for this event; a single date unless a subclass says otherwise."""
        return [
            OccurrenceSpec(
                self.start, self.end, self.start, self.status, self.status_note, self.venue
            )
        ]

    @classmethod
    def search_results_meta(cls, pages, query: str) -> dict[int, dict]:
        from .search import event_results_meta  # imports these models

        return event_results_meta(pages, query)

    def upcoming_occurrences(self, limit: int = 10):
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
]


class EventIndexPage(RoutablePageMixin, BasePage):
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
        from .views import event_listing

        return event_listing(request, self)

    @path("calendar/")
    @path("calendar/<int:year>/<int:month>/")
    def calendar(self, request, year: int | None = None, month: int | None = None):
        from .views import event_calendar

        return event_calendar(request, self, year, month)


# The applications app plugs its views into a festival page through these Wagtail hooks, so
# that events never imports it: each hook is `fn(request, festival, **kwargs) -> HttpResponse`.
FESTIVAL_APPLY_HOOK = "festival_stand_application_view"
FESTIVAL_APPLICATION_STATUS_HOOK = "festival_stand_application_status_view"


class CallState(models.TextChoices):
    NONE = "none", _("No call for stands")
    NOT_YET_OPEN = "not_yet_open", _("Applications not yet open")
    OPEN = "open", _("Applications open")
    FULL = "full", _("All stands taken: join the waiting list")
    CLOSED = "closed", _("Applications closed")


@dataclass(frozen=True)
class StandTypeAvailability:
    stand_type: "FestivalStandType"  # the call page's row (applications point to it)
    label: str  # its name in the language of the page asking
    description: str
    count: int
    taken: int

    @property
    def remaining(self) -> int:
        return max(self.count - self.taken, 0)


@dataclass(frozen=True)
class StandCall:
    """What the festival page says about its call for stands at one moment."""

    state: str
    opens: datetime.datetime | None
    closes: datetime.datetime | None
    stands: int
    taken: int
    types: list[StandTypeAvailability]

    @property
    def remaining(self) -> int:
        return max(self.stands - self.taken, 0)

    @property
    def accepts_applications(self) -> bool:
        return self.state in (CallState.OPEN, CallState.FULL)

    @property
    def state_label(self) -> str:
        return CallState(self.state).label


@dataclass(frozen=True)
class ProgrammeDay:
    day: datetime.date
    sessions: list["FestivalSession"]


#: Other editions a festival page lists; the events listing has them all.
OTHER_EDITIONS_SHOWN = 6


class FestivalPage(RoutablePageMixin, EventFields, BasePage):
    edition_year = models.PositiveSmallIntegerField(_("edition year"))
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    stands = models.PositiveIntegerField(
        _("stands"),
        null=True,
        blank=True,
        help_text=_("The stands of the edition; while applications are open, the stands offered."),
    )
    organisations = models.PositiveIntegerField(_("organisations"), null=True, blank=True)
    cities = models.PositiveIntegerField(_("cities represented"), null=True, blank=True)
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    workshops = models.PositiveIntegerField(_("workshops"), null=True, blank=True)
    applications_open = models.DateTimeField(
        _("applications open"), null=True, blank=True, help_text=_("Istanbul time")
    )
    applications_close = models.DateTimeField(
        _("applications close"), null=True, blank=True, help_text=_("Istanbul time")
    )
    allocation_mode = models.CharField(
        _("allocation"),
        max_length=20,
        choices=AllocationMode.choices,
        default=AllocationMode.REVIEWED,
        help_text=_(
            "Reviewed: the team approves each application. First come, first served: "
            "applications are approved automatically while stands remain, then waitlisted."
        ),
    )

    event_type = EventType.FESTIVAL
    base_form_class = FestivalPageForm

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("edition_year"), FieldPanel("theme")]),
        *event_panels(),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("stands"), FieldPanel("organisations")]),
                FieldRowPanel([FieldPanel("cities"), FieldPanel("participants")]),
                FieldPanel("workshops"),
            ],
            heading=_("Figures of the edition"),
        ),
        InlinePanel("sessions", heading=_("Programme"), label=_("session")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("applications_open"), FieldPanel("applications_close")]),
                FieldPanel("allocation_mode"),
                InlinePanel("stand_types", heading=_("Stand types (optional)"), label=_("type")),
            ],
            heading=_("Stand applications"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        *EVENT_SEARCH_FIELDS,
        index.SearchField("theme"),
        # A session's words find its festival; the result names the sessions (events.search).
        index.RelatedFields(
            "sessions",
            [
                index.SearchField("title"),
                index.SearchField("speakers"),
                index.SearchField("space"),
                index.SearchField("description"),
            ],
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("stands", overridable=False),
        SynchronizedField("applications_open", overridable=False),
        SynchronizedField("applications_close", overridable=False),
        SynchronizedField("allocation_mode", overridable=False),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")

    def figures(self) -> list[tuple[str, int]]:
        pairs = [
            (_("stands"), self.stands),
            (_("organisations"), self.organisations),
            (_("cities"), self.cities),
            (_("participants"), self.participants),
            (_("workshops"), self.workshops),
        ]
        return [(label, value) for label, value in pairs if value]

    def other_editions(self) -> dict:
        """The "Other editions" table: the newest other live festivals in this language
        (OTHER_EDITIONS_SHOWN of them), and the festivals archive (the events listing,
        filtered) when there are more. Cached until a page is published, moved or deleted
        (the navigation version), as every festival shows it."""
        key = f"other-editions:{navigation_version()}:{self.pk}"

        def compute() -> dict:
            editions = FestivalPage.objects.live()
            if any_view_restrictions():
                editions = editions.public()
            editions = editions.filter(locale_id=self.locale_id).exclude(pk=self.pk)
            newest = list(editions.order_by("-edition_year", "-pk")[: OTHER_EDITIONS_SHOWN + 1])
            archive = ""
            if len(newest) > OTHER_EDITIONS_SHOWN:
                archive = f"{self.get_parent().get_url()}?type={EventType.FESTIVAL}&when=past"
            return {"editions": newest[:OTHER_EDITIONS_SHOWN], "archive_url": archive}

        return versioned_get_or_set(key, compute)

    # --- The call for stands -------------------------------------------------------------

    def call_festival(self) -> "FestivalPage":
        """The page that holds the call: the original (first created) of the translations,
        so that Turkish and English applications share one set of stands."""
        if not self.pk:
            return self
        original_pk = original_translation_pk(self)
        if original_pk == self.pk:
            return self
        return FestivalPage.objects.filter(pk=original_pk).first() or self

    @cached_property
    def current_stand_call(self) -> StandCall:
        """The call as this request shows it: the page and the stand form both need it."""
        return self.stand_call()

    def stand_call(self, now: datetime.datetime | None = None) -> StandCall:
        """The state of the call and the stands left. Stands are counted through the reverse
        relation `stand_applications` (the applications app), without importing it."""
        festival = self.call_festival()
        now = now or timezone.now()
        if festival == self:
            types, own_types = list(festival.stand_types.all()), {}
        else:
            # The call's rows (applications point to them) and this translation's names of
            # them, in one query.
            rows = list(FestivalStandType.objects.filter(page_id__in=[festival.pk, self.pk]))
            types = [row for row in rows if row.page_id == festival.pk]
            own_types = {row.translation_key: row for row in rows if row.page_id == self.pk}
        taken_by_type: dict[int | None, int] = {}
        applications = getattr(festival, "stand_applications", None)
        if applications is not None and festival.pk:
            rows = (
                applications.filter(stand_number__isnull=False)
                .values("stand_type_id")
                .annotate(n=Count("pk"))
            )
            taken_by_type = {row["stand_type_id"]: row["n"] for row in rows}
        taken = sum(taken_by_type.values())
        stands = festival.stands or 0
        availability = []
        for stand_type in types:
            own = own_types.get(stand_type.translation_key, stand_type)
            availability.append(
                StandTypeAvailability(
                    stand_type,
                    own.name,
                    own.description,
                    stand_type.count,
                    taken_by_type.get(stand_type.pk, 0),
                )
            )
        if not festival.applications_open or not festival.applications_close or not stands:
            state = CallState.NONE
        elif now < festival.applications_open:
            state = CallState.NOT_YET_OPEN
        elif now >= festival.applications_close:
            state = CallState.CLOSED
        elif taken >= stands:
            state = CallState.FULL
        else:
            state = CallState.OPEN
        return StandCall(
            state,
            festival.applications_open,
            festival.applications_close,
            stands,
            taken,
            availability,
        )

    def stand_number_ranges(self) -> dict[int | None, range]:
        """Stand numbers by type: one contiguous range per type in panel order, or 1..stands."""
        festival = self.call_festival()
        types = list(festival.stand_types.all())
        if not types:
            return {None: range(1, (festival.stands or 0) + 1)}
        ranges, first = {}, 1
        for stand_type in types:
            ranges[stand_type.pk] = range(first, first + stand_type.count)
            first += stand_type.count
        return ranges

    # --- The programme -------------------------------------------------------------------

    def programme(self, day: str = "", kind: str = "") -> dict:
        """Sessions by day, filtered by a day (YYYY-MM-DD) and a kind; unknown values ignored."""
        sessions = list(self.sessions.all())
        days = sorted({timezone.localtime(s.start).date() for s in sessions})
        kinds = [
            (k, label) for k, label in SessionKind.choices if any(s.kind == k for s in sessions)
        ]
        try:
            selected_day = datetime.date.fromisoformat(day) if day else None
        except ValueError:
            selected_day = None
        if selected_day not in days:
            selected_day = None
        selected_kind = kind if kind in dict(kinds) else ""
        shown = [
            s
            for s in sessions
            if (selected_day is None or timezone.localtime(s.start).date() == selected_day)
            and (not selected_kind or s.kind == selected_kind)
        ]
        by_day: dict[datetime.date, list[FestivalSession]] = {}
        for session in sorted(shown, key=lambda s: (s.start, s.sort_order or 0)):
            by_day.setdefault(timezone.localtime(session.start).date(), []).append(session)
        return {
            "days": days,
            "kinds": kinds,
            "day": selected_day,
            "kind": selected_kind,
            "schedule": [ProgrammeDay(d, items) for d, items in by_day.items()],
            "has_sessions": bool(sessions),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme"] = self.programme(
            request.GET.get("day", "")[:10], request.GET.get("kind", "")[:20]
        )
        context["stand_call"] = self.current_stand_call
        return context

    # --- Routes served by the applications app (through hooks) ---------------------------

    def _hooked_view(self, name: str, request: HttpRequest, **kwargs) -> HttpResponse:
        for view in hooks.get_hooks(name):
            return view(request, self, **kwargs)
        raise Http404

    @path("apply/", name="apply")
    def apply(self, request: HttpRequest) -> HttpResponse:
        return self._hooked_view(FESTIVAL_APPLY_HOOK, request)

    @path("application/", name="application")
    def application(self, request: HttpRequest) -> HttpResponse:
        # The private key travels in the query string, which the logs never record.
        return self._hooked_view(FESTIVAL_APPLICATION_STATUS_HOOK, request)


class FestivalStandType(TranslatableMixin, Orderable):
    """A kind of stand at a festival (e.g. standard, corner, food), with its own count."""

    page = ParentalKey(FestivalPage, on_delete=models.CASCADE, related_name="stand_types")
    name = models.CharField(_("name"), max_length=100)
    count = models.PositiveIntegerField(_("number of stands"))
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("count")]), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("count", overridable=False)]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("stand type")
        verbose_name_plural = _("stand types")

    def __str__(self) -> str:
        return self.name


class FestivalSession(TranslatableMixin, Orderable):
    """One session of a festival's programme: a workshop, panel, talk, performance or the
    stand hours."""

    page = ParentalKey(FestivalPage, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(
        _("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.WORKSHOP
    )
    title = models.CharField(_("title"), max_length=200)
    start = models.DateTimeField(_("starts"), help_text=_("Istanbul time"))
    end = models.DateTimeField(_("ends"), help_text=_("Istanbul time"))
    space = models.CharField(_("space or room"), max_length=100, blank=True)
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=SessionLanguage.choices,
        default=SessionLanguage.TURKISH,
    )
    accessibility_notes = models.CharField(
        _("accessibility notes"),
        max_length=300,
        blank=True,
        help_text=_("Sign language, captions, step-free access, quiet space..."),
    )
    description = models.TextField(_("description"), max_length=1000, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("space"), FieldPanel("speakers")]),
        FieldPanel("accessibility_notes"),
        FieldPanel("description"),
    ]
    override_translatable_fields = [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("language", overridable=False),
        SynchronizedField("speakers"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return self.title


class MeetingPage(EventFields, BasePage):
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


class EventSeriesPage(EventFields, BasePage):
    """A recurring gathering (Tea Time, Power of Change): one page, many dates."""

    series_kind = models.CharField(
        _("series"), max_length=30, choices=SeriesKind.choices, default=SeriesKind.TEA_TIME
    )
    recurrences = RecurrenceField(
        _("repeats"),
        help_text=_(
            "Weekly or monthly rule, extra dates, excluded dates and an end. Every date takes "
            "the time of the first meeting above."
        ),
    )

    event_type = EventType.SERIES
    base_form_class = SeriesPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("series_kind"),
        *event_panels(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("recurrences", widget=WagtailRecurrenceWidget),
                NextDatesPanel(heading=_("Next dates (as last saved)")),
            ],
        ),
        InlinePanel("date_changes", heading=_("Changes to single dates"), label=_("change")),
    ]
    search_fields = [*BasePage.search_fields, *EVENT_SEARCH_FIELDS]
    override_translatable_fields = [SynchronizedField("recurrences", overridable=False)]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("recurring gathering")
        verbose_name_plural = _("recurring gatherings")

    def occurrence_specs(self, until: datetime.datetime) -> list[OccurrenceSpec]:
        duration = self.end - self.start
        changes = {change.date: change for change in self.date_changes.all()}
        specs = []
        for start in series_dates.expand(self.recurrences, self.start, self.start, until):
            change = changes.get(start.date())
            if change is None:
                specs.append(
                    OccurrenceSpec(
                        start, start + duration, start, self.status, self.status_note, self.venue
                    )
                )
                continue
            new_start = change.new_start or start
            new_end = change.new_end or new_start + duration
            specs.append(
                OccurrenceSpec(new_start, new_end, start, change.status, change.reason, self.venue)
            )
        return specs

    @property
    def recurrences_text(self) -> str:
        return series_dates.describe(self.recurrences)

    def next_dates(self, count: int = 8) -> list[datetime.datetime]:
        now = timezone.now()
        dates = series_dates.expand(self.recurrences, self.start, now, now + SERIES_HORIZON)
        return dates[:count]


class OccurrenceChange(TranslatableMixin, Orderable):
    """One date of a series cancelled, postponed or moved, without touching the others."""

    page = ParentalKey(EventSeriesPage, on_delete=models.CASCADE, related_name="date_changes")
    date = models.DateField(_("date of the meeting"))
    status = models.CharField(
        _("change"),
        max_length=20,
        choices=[
            (EventStatus.CANCELLED, EventStatus.CANCELLED.label),
            (EventStatus.POSTPONED, EventStatus.POSTPONED.label),
            (EventStatus.RESCHEDULED, EventStatus.RESCHEDULED.label),
            (EventStatus.MOVED_ONLINE, EventStatus.MOVED_ONLINE.label),
        ],
        default=EventStatus.CANCELLED,
    )
    new_start = models.DateTimeField(_("new start"), null=True, blank=True)
    new_end = models.DateTimeField(_("new end"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("reason"),
    ]
    override_translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("new_start", overridable=False),
        SynchronizedField("new_end", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("change to one date")
        verbose_name_plural = _("changes to single dates")


class PowerStoriesEventPage(EventFields, BasePage):
    """Power Stories on stage: narrators tell their stories, in one or several provinces."""

    narrators_intro = models.TextField(_("about the narrators"), blank=True)

    event_type = EventType.POWER_STORIES

    content_panels = [
        *Page.content_panels,
        *event_panels(),
        FieldPanel("narrators_intro"),
        InlinePanel("performances", heading=_("Performances"), label=_("performance")),
    ]
    search_fields = [*BasePage.search_fields, *EVENT_SEARCH_FIELDS]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Power Stories event")
        verbose_name_plural = _("Power Stories events")

    def performances_with_venues(self) -> list["Performance"]:
        return list(self.performances.select_related("venue"))

    def occurrence_specs(self, until: datetime.datetime) -> list[OccurrenceSpec]:
        performances = self.performances_with_venues()
        if not performances:
            return super().occurrence_specs(until)
        return [
            OccurrenceSpec(
                p.start, p.end, p.start, self.status, self.status_note, p.venue or self.venue
            )
            for p in performances
        ]


class Performance(TranslatableMixin, Orderable):
    page = ParentalKey(PowerStoriesEventPage, on_delete=models.CASCADE, related_name="performances")
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("venue"),
        FieldPanel("note"),
    ]
    override_translatable_fields = [
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("performance")
        verbose_name_plural = _("performances")


OCCURRENCES_VERSION_KEY = "events:occurrences-version"


def occurrences_changed() -> None:
    """Retire the cached untranslated-event keys (now and when the transaction commits)."""
    retire(OCCURRENCES_VERSION_KEY)


def untranslated_event_keys(locale_id: int) -> list:
    """Translation keys of the events stored in other languages but not in this one: the
    few whose dates a listing in this language shows in their original language. Cached
    until occurrences are stored again (events.services)."""
    version = current_version(OCCURRENCES_VERSION_KEY)

    def compute() -> list:
        # One pass over the (translation_key, locale) index, grouped by event; NOT IN over the
        # same table took 390 ms at the bench's 390,000 dates, this 109 ms (under load).
        by_event = Occurrence.objects.order_by().values("translation_key")
        counted = by_event.annotate(here=models.Count("pk", filter=Q(locale_id=locale_id)))
        return list(counted.filter(here=0).values_list("translation_key", flat=True))

    return versioned_get_or_set(f"events:untranslated:{version}:{locale_id}", compute)


def longest_duration() -> datetime.timedelta:
    """The longest stored date (end - start), read from the index on `duration` and cached
    until occurrences are stored again."""
    version = current_version(OCCURRENCES_VERSION_KEY)

    def compute() -> datetime.timedelta:
        longest = Occurrence.objects.aggregate(longest=models.Max("duration"))["longest"]
        return longest or datetime.timedelta(0)

    return versioned_get_or_set(f"events:longest-duration:{version}", compute)


class OccurrenceQuerySet(models.QuerySet):
    def visible_in(self, locale: Locale | int) -> "OccurrenceQuerySet":
        """This language's occurrences, plus those of events not (yet) translated into it.

        The untranslated events are looked up once and cached: asked per row (NOT EXISTS),
        the question made the listing scan every stored date (30 ms at 38,000 dates)."""
        locale_id = getattr(locale, "pk", locale)
        own = Q(locale_id=locale_id)
        fallback = untranslated_event_keys(locale_id)
        return self.filter(own | Q(translation_key__in=fallback) if fallback else own)

    # A date that has not ended started at most `longest_duration()` ago: bounding the start
    # too turns these into ranges of the (locale, start) index, read in order. Bounded by the
    # end alone, the database sorted every upcoming date for the first twelve (235 ms at the
    # bench's 390,000 dates; 2.6 ms bounded).
    def upcoming(self, now: datetime.datetime | None = None) -> "OccurrenceQuerySet":
        now = now or timezone.now()
        return self.filter(end__gte=now, start__gte=now - longest_duration()).order_by(
            "start", "pk"
        )

    def past(self, now: datetime.datetime | None = None) -> "OccurrenceQuerySet":
        now = now or timezone.now()
        # A date ends after it starts: one that has ended started before now.
        return self.filter(end__lt=now, start__lt=now).order_by("-start", "-pk")

    def between(self, start: datetime.datetime, end: datetime.datetime) -> "OccurrenceQuerySet":
        """Occurrences overlapping [start, end)."""
        earliest = start - longest_duration()
        return self.filter(start__lt=end, start__gte=earliest, end__gte=start).order_by(
            "start", "pk"
        )

    def with_provision(self, code: str) -> "OccurrenceQuerySet":
        return self.filter(accessibility_codes__contains=f",{code},")

    def for_listing(self) -> "OccurrenceQuerySet":
        return self.select_related("page", "locale", "venue")


class Occurrence(models.Model):
    """A stored date of an event page, so listings and the calendar query one table.

    Kept in step with the pages by events.services.sync_occurrences (on publish, unpublish,
    delete, move and translation).
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="event_occurrences")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    event_type = models.CharField(max_length=20, choices=EventType.choices)
    start = models.DateTimeField()
    end = models.DateTimeField()
    # end - start, stored so that the longest is one index read (see longest_duration()).
    duration = models.DurationField(default=datetime.timedelta(0))
    original_start = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=EventStatus.choices)
    note = models.CharField(max_length=300, blank=True)
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    province = models.CharField(max_length=2, blank=True, choices=Province.choices)
    is_online = models.BooleanField(default=False)
    is_recurring = models.BooleanField(default=False)
    accessibility_codes = models.CharField(max_length=300, blank=True)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["locale", "start"]),
            models.Index(fields=["locale", "end"]),
            # visible_in()'s NOT EXISTS looks up (translation_key, locale) for every row;
            # without this index SQLite scans a whole locale per row (90 s at 38k rows).
            models.Index(fields=["translation_key", "locale"]),
            models.Index(fields=["duration"]),
        ]
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")

    def __str__(self) -> str:
        return f"{self.page.title} @ {self.start:%Y-%m-%d %H:%M}"

    @property
    def accessibility_list(self) -> list[str]:
        labels = dict(AccessibilityProvision.choices)
        return [labels[code] for code in self.accessibility_codes.split(",") if code in labels]

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED


EVENT_PAGE_MODELS: list[type[EventFields]] = [
    FestivalPage,
    MeetingPage,
    EventSeriesPage,
    PowerStoriesEventPage,
]
