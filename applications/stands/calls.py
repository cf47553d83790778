"""The festival's call for stands: capacity by stand type, stand numbers, the festival row
lock. The data (stands, dates, allocation mode, `FestivalStandType`) stays on the festival
page in `events`; events never imports this (the page finds its call section and its
`apply/` and `application/` routes through Wagtail hooks)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.versions import APPLICATIONS, CONTENT, generation, versioned_get_or_set
from events.models import FestivalPage, FestivalStandType

from ..calls import CallState, CallStatus, PageCall, register_call

#: How long the stands taken are kept at most; a change retires them at once.
CALL_SECONDS = 60 * 60


@dataclass(frozen=True)
class StandTypeAvailability:
    stand_type: FestivalStandType | None  # the call page's row (applications point to it)
    label: str  # its name in the language of the page asking
    description: str
    count: int
    taken: int

    @property
    def remaining(self) -> int:
        return max(self.count - self.taken, 0)


@dataclass(frozen=True)
class StandCallStatus(CallStatus):
    """The call's state with the stands left by type."""

    types: list[StandTypeAvailability] = field(default_factory=list)

    @property
    def stands(self) -> int:
        return self.places or 0


@register_call
class FestivalCall(PageCall):
    page_model = FestivalPage
    state_labels = {
        CallState.NONE: _("No call for stands"),
        CallState.FULL: _("All stands taken: join the waiting list"),
    }
    not_open_message = _("Applications for this festival are not open.")
    closed_message = _("Applications for this festival are closed.")

    @classmethod
    def lock(cls, page_pk: int) -> FestivalPage:
        """Every allocation for a festival waits its turn here. Its stand types come along:
        the call and the stand numbers both read them."""
        return (
            FestivalPage.objects.select_for_update(of=("self",))
            .prefetch_related("stand_types")
            .get(pk=page_pk)
        )

    def places(self, original: FestivalPage) -> int:
        return original.stands or 0

    def status(
        self,
        now: datetime.datetime | None = None,
        types: dict[int | None, StandTypeAvailability] | None = None,
    ) -> StandCallStatus:
        """The call's state with the stands left by type, read in the page's language
        (`types`: the availability if the caller has it)."""
        original = self.original()
        now = now or timezone.now()
        if types is None:
            types = self.availability(original)
        places, taken = self.places(original), sum(a.taken for a in types.values())
        return StandCallStatus(
            self.state(original, now, places, taken),
            original.applications_open,
            original.applications_close,
            places,
            taken,
            self.state_labels,
            [a for key, a in types.items() if key is not None],
        )

    def shown_status(self) -> StandCallStatus:
        """The state with the stands taken as of the last change to an application or a
        page (the generations `applications` and `content`): counting them reads every
        stand given, which grows with the festival."""
        original = self.original()
        key = ":".join(
            map(
                str,
                (
                    "stand-call",
                    generation(CONTENT),
                    generation(APPLICATIONS),
                    self.page.pk,
                    original.pk,
                ),
            )
        )
        types = versioned_get_or_set(key, lambda: self.availability(original), CALL_SECONDS)
        return self.status(types=types)

    def availability(self, original: FestivalPage) -> dict[int | None, StandTypeAvailability]:
        """Stands taken by type (one query through the reverse relation), keyed by the call's
        stand type rows and named in this translation's words; stands without a type (a
        festival without types) under None."""
        page = self.page
        if original == page:
            types, own_types = list(original.stand_types.all()), {}
        else:
            # The call's rows (applications point to them) and this translation's names of
            # them, in one query.
            rows = list(FestivalStandType.objects.filter(page_id__in=[original.pk, page.pk]))
            types = [row for row in rows if row.page_id == original.pk]
            own_types = {row.translation_key: row for row in rows if row.page_id == page.pk}
        taken_by_type: dict[int | None, int] = {}
        if original.pk:
            rows = (
                original.stand_applications.filter(stand_number__isnull=False)
                .values("stand_type_id")
                .annotate(n=Count("pk"))
            )
            taken_by_type = {row["stand_type_id"]: row["n"] for row in rows}
        availability: dict[int | None, StandTypeAvailability] = {}
        for stand_type in types:
            own = own_types.get(stand_type.translation_key, stand_type)
            availability[stand_type.pk] = StandTypeAvailability(
                stand_type,
                own.name,
                own.description,
                stand_type.count,
                taken_by_type.pop(stand_type.pk, 0),
            )
        untyped = sum(taken_by_type.values())  # no types, or a type since deleted
        if untyped:
            availability[None] = StandTypeAvailability(None, "", "", 0, untyped)
        return availability


def stand_call(festival: FestivalPage, now: datetime.datetime | None = None) -> StandCallStatus:
    """The state of the festival's call and the stands left, as this page's language says."""
    return FestivalCall(festival).status(now)


def stand_number_ranges(festival: FestivalPage) -> dict[int | None, range]:
    """Stand numbers by type: one contiguous range per type in panel order, or 1..stands.
    `festival` is the call's page."""
    types = list(festival.stand_types.all())
    if not types:
        return {None: range(1, (festival.stands or 0) + 1)}
    ranges, first = {}, 1
    for stand_type in types:
        ranges[stand_type.pk] = range(first, first + stand_type.count)
        first += stand_type.count
    return ranges


def free_number(
    festival: FestivalPage, stand_type_id: int | None, call: StandCallStatus | None = None
) -> int | None:
    """The lowest free stand number for this stand type at the (locked) call festival, or
    None when it is full; `call` is the call's state if the caller has just read it."""
    call = call or stand_call(festival)
    if call.taken >= call.stands:
        return None
    ranges = stand_number_ranges(festival)
    if None not in ranges:
        if stand_type_id not in ranges:
            return None
        for availability in call.types:
            if availability.stand_type.pk == stand_type_id and availability.remaining <= 0:
                return None
    numbers = ranges.get(stand_type_id if None not in ranges else None, range(0))
    return lowest_free_number(festival, numbers)


def lowest_free_number(festival: FestivalPage, numbers: range) -> int | None:
    """The lowest of `numbers` (consecutive) that no application of the festival holds,
    found by the database on its (festival, stand number) index: the first number, or the
    one after the lowest number given whose next is not given; None when all are given."""
    if not numbers:
        return None
    given = festival.stand_applications.order_by()
    in_range = given.filter(stand_number__gte=numbers.start, stand_number__lt=numbers.stop)
    following = given.filter(stand_number=OuterRef("stand_number") + 1)
    found = in_range.aggregate(
        lowest=Min("stand_number"),
        before_gap=Min(
            "stand_number", filter=Q(~Exists(following), stand_number__lt=numbers.stop - 1)
        ),
    )
    if found["lowest"] is None or found["lowest"] > numbers.start:
        return numbers.start
    return None if found["before_gap"] is None else found["before_gap"] + 1
