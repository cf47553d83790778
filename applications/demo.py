"""Demo stand applications for the upcoming festival, in mixed statuses (idempotent)."""

from events.models import FestivalPage

from .models import ApplicationStatus, StandApplication
from .stands import services

S = ApplicationStatus

# organisation, legal form, province, themes, contact, language, stand type index, outcome
DEMO = [
    (
        "Engelsiz Yaşam Derneği",
        "association",
        "06",
        ["disability"],
        "Ayşe Demir",
        "tr",
        0,
        S.APPROVED,
    ),
    (
        "Pati Dostları Derneği",
        "association",
        "35",
        ["animal_rights"],
        "Mehmet Kaya",
        "tr",
        1,
        S.APPROVED,
    ),
    (
        "Yeşil Gelecek Vakfı",
        "foundation",
        "34",
        ["environment"],
        "Elif Şahin",
        "tr",
        0,
        S.SUBMITTED,
    ),
    (
        "Kadın Emeği Kooperatifi",
        "cooperative",
        "27",
        ["women", "solidarity"],
        "Zeynep Arslan",
        "tr",
        0,
        S.SUBMITTED,
    ),
    (
        "Van Gençlik İnisiyatifi",
        "platform",
        "65",
        ["children_youth"],
        "Deniz Çelik",
        "en",
        0,
        S.WAITLISTED,
    ),
    ("Deprem Dayanışma Ağı", "platform", "31", ["disaster"], "Can Öztürk", "tr", 1, S.REJECTED),
    (
        "Kültür Köprüsü Derneği",
        "association",
        "26",
        ["culture", "migration"],
        "Selin Aydın",
        "en",
        0,
        S.WITHDRAWN,
    ),
]


def load_applications() -> int:
    """Create the demo applications once (no e-mail is sent); returns how many are new."""
    festival = (
        FestivalPage.objects.filter(applications_open__isnull=False, locale__language_code="tr")
        .order_by("-edition_year")
        .first()
    )
    if festival is None:
        return 0
    stand_types = list(festival.stand_types.all())
    created = 0
    for n, (name, form, province, themes, contact, language, type_index, outcome) in enumerate(
        DEMO
    ):
        email = f"basvuru{n + 1}@example.org"
        if StandApplication.objects.filter(festival=festival, email=email).exists():
            continue
        fields = {
            "organisation": name,
            "legal_form": form,
            "province": province,
            "themes": themes,
            "website": "https://example.org",
            "contact_name": contact,
            "email": email,
            "phone": "+903121234567",
            "exhibit": "Broşürler, fotoğraf sergisi ve kısa bir atölye.",
            "needs_electricity": type_index == 1,
            "needs_table": True,
            "chairs": 2,
            "people": 2,
            "stand_type": stand_types[type_index] if stand_types else None,
        }
        application = services.submit_stand_application(festival, fields, language, notify=False)
        if outcome != S.SUBMITTED:
            services.change_status(application, outcome, notify=False)
        created += 1
    return created
