"""Stand applications for the upcoming festival (demo/content/applications.yaml), in mixed
statuses, made through the applications app's services (no e-mail is sent)."""

from applications import services
from applications.models import ApplicationStatus, StandApplication
from applications.stands import services as stand_services
from events.models import FestivalPage

from .data import read


def load_applications() -> int:
    """Create the demo applications once; returns how many are new."""
    content = read("applications")
    festival = (
        FestivalPage.objects.filter(applications_open__isnull=False, locale__language_code="tr")
        .order_by("-edition_year")
        .first()
    )
    if festival is None:
        return 0
    stand_types = list(festival.stand_types.all())
    common = content["application"]
    created = 0
    for n, spec in enumerate(content["applications"], start=1):
        email = f"basvuru{n}@example.org"
        if StandApplication.objects.filter(festival=festival, email=email).exists():
            continue
        fields = {
            "organisation": spec["organisation"],
            "legal_form": spec["legal_form"],
            "province": spec["province"],
            "themes": spec["themes"],
            "website": common["website"],
            "contact_name": spec["contact_name"],
            "email": email,
            "phone": common["phone"],
            "exhibit": common["exhibit"],
            "needs_electricity": spec.get("needs_electricity", False),
            "needs_table": common["needs_table"],
            "chairs": common["chairs"],
            "people": common["people"],
            "stand_type": stand_types[spec["stand_type"]] if stand_types else None,
        }
        application = stand_services.submit_stand_application(
            festival, fields, spec["language"], notify=False
        )
        if spec["outcome"] != ApplicationStatus.SUBMITTED:
            services.change_status(application, ApplicationStatus(spec["outcome"]), notify=False)
        created += 1
    return created
