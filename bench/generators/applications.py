"""Stand applications, bulk-created with a consistent status and stand number (approved
applications hold a numbered stand, the others none) as the services would leave them, and
the valid POST the bench sends to the open call."""

import datetime
from urllib.parse import urlencode

from bench.generators.base import (
    PROVINCES,
    WORDS_TR,
    Context,
    Generator,
    Target,
    app_installed,
    zone,
)

# A valid application; "{n}" becomes a new value in every request (the bench's Lua script).
POST_FIELDS = {
    "organisation": "Bench Derneği {n}",
    "legal_form": "association",
    "province": "06",
    "themes": "education",
    "contact_name": "Bench Kişi",
    "email": "bench{n}@example.org",
    "phone": "0532 123 45 67",
    "exhibit": "Broşürler ve atölye.",
    "chairs": "2",
    "people": "2",
    "consent": "on",
}


class StandApplications(Generator):
    """1,000 stand applications (x scale): 60 % on the open call of festival 1, the rest on
    past festivals."""

    name = "applications"
    version = 1
    count = 1000

    def available(self) -> bool:
        return app_installed("applications")

    def generate(self, ctx: Context) -> dict[str, int]:
        from applications.models import StandApplication
        from events.models import FestivalPage

        festivals = list(FestivalPage.objects.filter(locale=ctx.tr).order_by("pk"))
        open_call = next((f for f in festivals if f.slug == "festival-1"), None)
        if open_call is None:
            return {}
        past = [f for f in festivals if f.slug.startswith("festival-") and f is not open_call]
        total = ctx.count(self.count)
        open_types = list(open_call.stand_types.all())
        numbers: dict[int, int] = {}
        rows = []
        for number in range(1, total + 1):
            festival = open_call if number % 5 < 3 or not past else ctx.random.choice(past)
            status, stand_number = pick_status(ctx, festival, festival is open_call, numbers)
            types = open_types if festival is open_call else []
            rows.append(application(ctx, number, festival, types, status, stand_number))
        StandApplication.objects.bulk_create(rows, batch_size=500)
        log_submissions(festivals)
        return {"stand applications": total}

    def targets(self, ctx: Context) -> list[Target]:
        from events.models import FestivalPage

        festival = FestivalPage.objects.live().filter(locale=ctx.tr, slug="festival-1").first()
        if festival is None:
            return []
        apply = f"{festival.url}{festival.reverse_subpage('apply')}"
        fields = dict(POST_FIELDS)
        stand_type = festival.stand_types.first()
        if stand_type is not None:
            fields["stand_type"] = str(stand_type.pk)
        return [
            Target("stand application form (GET)", apply, cacheable=False),
            Target(
                "stand application (valid POST, a new organisation each time)",
                apply,
                method="POST",
                body=urlencode(fields, safe="{}"),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                csrf=True,
                cacheable=False,
            ),
        ]


def pick_status(ctx: Context, festival, is_open_call: bool, numbers: dict[int, int]):
    """Open call: mostly submitted; past festivals: mostly approved. An approved application
    takes the festival's next stand number, or is rejected once the stands are gone."""
    from applications.models import ApplicationStatus

    if is_open_call:
        status = ctx.random.choice(
            [ApplicationStatus.SUBMITTED] * 3
            + [ApplicationStatus.APPROVED, ApplicationStatus.WAITLISTED]
        )
    else:
        status = ctx.random.choice(
            [ApplicationStatus.APPROVED] * 3
            + [ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN]
        )
    if status != ApplicationStatus.APPROVED:
        return status, None
    numbers[festival.pk] = numbers.get(festival.pk, 0) + 1
    if numbers[festival.pk] > (festival.stands or 0):
        return ApplicationStatus.REJECTED, None
    return status, numbers[festival.pk]


def application(ctx: Context, number: int, festival, types: list, status, stand_number: int | None):
    """An unsaved application with its themes and duplicate key."""
    from applications.models import LegalForm, StandApplication, ThematicArea

    row = StandApplication(
        festival=festival,
        stand_type=types[0] if types else None,
        status=status,
        language="tr" if number % 4 else "en",
        organisation=f"{ctx.sentence(WORDS_TR, 2)[:-1]} Derneği {number}",
        legal_form=ctx.random.choice(list(LegalForm.values)),
        province=PROVINCES[number % len(PROVINCES)],
        contact_name=f"Kişi {number}",
        email=f"basvuru{number}@example.org",
        phone="+905321234567",
        exhibit=ctx.sentence(WORDS_TR, 30),
        chairs=2,
        people=2,
        stand_number=stand_number,
        consent_at=datetime.datetime.now(tz=zone()),
    )
    row.set_themes(ctx.random.sample(list(ThematicArea.values), 2))
    row.dedupe_key = row.compute_dedupe_key()
    return row


def log_submissions(festivals: list) -> None:
    """The history entry of each application, as submitting it would leave."""
    from django.contrib.contenttypes.models import ContentType

    from applications.models import ApplicationLogEntry, LogAction, StandApplication

    content_type = ContentType.objects.get_for_model(StandApplication)
    ApplicationLogEntry.objects.bulk_create(
        [
            ApplicationLogEntry(
                content_type=content_type,
                object_id=row.pk,
                action=LogAction.SUBMITTED,
                to_status=row.status,
            )
            for row in StandApplication.objects.filter(festival__in=festivals)
        ],
        batch_size=500,
    )
