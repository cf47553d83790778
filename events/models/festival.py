"""Festivals: editions with a programme of sessions and the data of a call for stands."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.i18n import any_view_restrictions
from core.mixins import BasePage
from core.versions import content_generation, versioned_get_or_set

from ..choices import (
    AllocationMode,
    EventType,
    SessionKind,
    SessionLanguage,
)
from ..forms import FestivalPageForm
from .base import EVENT_SEARCH_FIELDS, EventFields, event_panels

# The applications app plugs its views into a festival page through these Wagtail hooks, so
# that events never imports it: each hook is `fn(request, festival, **kwargs) -> HttpResponse`.
# The call's data (dates, stands, allocation mode, stand types) are this page's fields; its
# machinery (state, capacity, stand numbers, locking) is applications.stands.calls, and its
# section on the page comes through the page-sections hook (the place "festival_call").
FESTIVAL_APPLY_HOOK = "festival_stand_application_view"
FESTIVAL_APPLICATION_STATUS_HOOK = "festival_stand_application_status_view"


def programme_choice(day: str, kind: str) -> str:
    """What distinguishes one view of the programme from another, for keeping its part of
    the page: a day that is a date and a kind that exists (anything else shows the whole
    programme, as `FestivalPage.programme` ignores it)."""
    try:
        day = datetime.date.fromisoformat(day).isoformat() if day else ""
    except ValueError:
        day = ""
    return f"{day}/{kind if kind in SessionKind.values else ''}"


@dataclass(frozen=True)
class ProgrammeDay:
    day: datetime.date
    sessions: list["FestivalSession"]


#: Other editions a festival page lists; the events listing has them all.
OTHER_EDITIONS_SHOWN = 6


# The figures of an edition, in the order pages show them.
FESTIVAL_FIGURES = [
    ("stands", _("stands")),
    ("organisations", _("organisations")),
    ("cities", _("cities")),
    ("participants", _("participants")),
    ("workshops", _("workshops")),
]


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
    # Reports give some figures as minimums ("600+"): the site keeps the qualifier.
    organisations_at_least = models.BooleanField(_("organisations: or more (+)"), default=False)
    participants_at_least = models.BooleanField(_("participants: or more (+)"), default=False)
    workshops_at_least = models.BooleanField(_("workshops: or more (+)"), default=False)
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
                FieldRowPanel([FieldPanel("stands"), FieldPanel("cities")]),
                *(
                    FieldRowPanel([FieldPanel(name), FieldPanel(f"{name}_at_least")])
                    for name in ("organisations", "participants", "workshops")
                ),
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

    def figure_texts(self) -> dict[str, str]:
        """The figures given, in the active language's number format: "1.000+" in Turkish,
        "1,000+" in English."""
        texts = {}
        for name, _label in FESTIVAL_FIGURES:
            value = getattr(self, name)
            if value:
                plus = "+" if getattr(self, f"{name}_at_least", False) else ""
                texts[name] = number_format(value, force_grouping=True) + plus
        return texts

    def figures(self) -> list[tuple[str, str]]:
        texts = self.figure_texts()
        return [(label, texts[name]) for name, label in FESTIVAL_FIGURES if name in texts]

    def other_editions(self) -> dict:
        """The "Other editions" table: the newest other live festivals in this language
        (OTHER_EDITIONS_SHOWN of them), and the festivals archive (the events listing,
        filtered) when there are more. Cached until a page is published, moved or deleted
        (the content generation), as every festival shows it."""
        key = f"other-editions:{content_generation()}:{self.pk}"

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
        day, kind = request.GET.get("day", "")[:10], request.GET.get("kind", "")[:20]
        # Read only when its part of the page is not kept already (events.page_fragments).
        context["programme"] = SimpleLazyObject(lambda: self.programme(day, kind))
        context["programme_choice"] = programme_choice(day, kind)
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
        TranslatableField("speakers"),  # groups ("Youth organisations") read in each language
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return self.title
