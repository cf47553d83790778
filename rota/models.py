"""The ROTA tool's page (its questionnaire, see blocks.py) and the assessments taken with it.

An `Assessment` is one organisation's private link: an optional profile (name, province,
legal form, consent) and its rounds. A `Round` is one taking of the questionnaire, linked to
the round before it, with an `Answer` per statement and, once completed, an `AreaScore` per
area: the aggregates of the team's report are plain SQL over those scores."""

from dataclasses import dataclass, field

from django.core import signing
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks as wagtail_blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from applications.models import LegalForm, new_access_key
from core.mixins import BasePage, ProgrammeMixin
from core.provinces import Province

from .blocks import AreaBlock


@dataclass
class Statement:
    key: str
    text: str


@dataclass
class Area:
    """One area of the questionnaire as the flow and the scoring use it."""

    number: int
    key: str
    title: str
    description: str
    statements: list[Statement]
    prescriptions: list = field(default_factory=list)


class RotaPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        developing, strong = cleaned.get("developing_from"), cleaned.get("strong_from")
        if developing is not None and strong is not None and developing >= strong:
            self.add_error(
                "strong_from", _("The strong band must start above the developing band.")
            )
        return cleaned


class RotaPage(ProgrammeMixin, RoutablePageMixin, BasePage):
    """The self-assessment tool: its introduction, answer scale, areas and prescriptions."""

    intro = models.TextField(_("introduction"), blank=True)
    privacy_note = models.TextField(
        _("privacy note"),
        blank=True,
        help_text=_("Shown beside the optional organisation details on the start form."),
    )
    scale = StreamField(
        [("level", wagtail_blocks.CharBlock(label=_("answer"), icon="radio-full"))],
        verbose_name=_("answer scale"),
        help_text=_("From the lowest to the highest answer; the first scores 1."),
        min_num=2,
        max_num=7,
    )
    areas = StreamField([("area", AreaBlock())], verbose_name=_("areas"), min_num=1)
    developing_from = models.PositiveSmallIntegerField(_("developing band from (%)"), default=40)
    strong_from = models.PositiveSmallIntegerField(_("strong band from (%)"), default=70)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        *ProgrammeMixin.programme_panels,
        FieldPanel("privacy_note"),
        FieldPanel("scale"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("developing_from"), FieldPanel("strong_from")])],
            heading=_("Score bands"),
            help_text=_(
                "An area's score is a percentage of the scale. Below the developing band it "
                "is 'starting'; prescriptions are written per band."
            ),
        ),
        FieldPanel("areas"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("area_titles"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types: list[str] = []
    base_form_class = RotaPageForm

    class Meta:
        verbose_name = _("ROTA self-assessment page")
        verbose_name_plural = _("ROTA self-assessment pages")

    def area_titles(self) -> str:
        return " ".join(area.title for area in self.area_list())

    def scale_labels(self) -> list[str]:
        return [str(block.value) for block in self.scale]

    def area_list(self) -> list[Area]:
        """The questionnaire's areas in order, with their statements' and prescriptions'
        block ids (the same in every translation)."""
        cached = getattr(self, "_area_list", None)
        if cached is not None:
            return cached
        areas = []
        for number, block in enumerate(self.areas, start=1):
            value = block.value
            statements = [
                Statement(item.id, str(item.value)) for item in value["statements"].bound_blocks
            ]
            areas.append(
                Area(
                    number=number,
                    key=block.id,
                    title=value["title"],
                    description=value["description"],
                    statements=statements,
                    prescriptions=list(value["prescriptions"]),
                )
            )
        self._area_list = areas
        return areas

    def area(self, number: int) -> Area | None:
        areas = self.area_list()
        return areas[number - 1] if 1 <= number <= len(areas) else None

    # --- The public flow (rota.views) ------------------------------------------------

    @path("", name="index")
    def index_route(self, request):
        from .views import serve_index

        return serve_index(request, self)

    @path("start/", name="start")
    def start_route(self, request):
        from .views import serve_start

        return serve_start(request, self)

    @path("step/<int:number>/", name="step")
    def step_route(self, request, number: int):
        from .views import serve_step

        return serve_step(request, self, number)

    @path("result/", name="result")
    def result_route(self, request):
        from .views import serve_result

        return serve_result(request, self)

    @path("again/", name="again")
    def again_route(self, request):
        from .views import serve_again

        return serve_again(request, self)

    @path("profile/", name="profile")
    def profile_route(self, request):
        from .views import serve_profile

        return serve_profile(request, self)

    @path("erase/", name="erase")
    def erase_route(self, request):
        from .views import serve_erase

        return serve_erase(request, self)


class AssessmentQuerySet(models.QuerySet):
    def not_anonymised(self) -> "AssessmentQuerySet":
        return self.filter(anonymised_at__isnull=True)

    def named_with_consent(self) -> "AssessmentQuerySet":
        """The only assessments the team may see one by one."""
        return self.not_anonymised().filter(consent=True).exclude(organisation="")


class Assessment(models.Model):
    """One organisation's private link to the tool and its profile (all of it optional)."""

    page = models.ForeignKey(
        RotaPage, verbose_name=_("tool"), on_delete=models.CASCADE, related_name="assessments"
    )
    access_key = models.CharField(
        max_length=64, unique=True, default=new_access_key, editable=False
    )
    language = models.CharField(_("language"), max_length=10, default="tr")
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    province = models.CharField(_("province"), max_length=2, choices=Province.choices, blank=True)
    legal_form = models.CharField(
        _("legal form"), max_length=20, choices=LegalForm.choices, blank=True
    )
    consent = models.BooleanField(_("the team may see the named result"), default=False)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last activity"), auto_now=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [models.Index(fields=["updated_at"])]

    def __str__(self) -> str:
        if self.organisation and self.consent:
            return self.organisation
        return str(_("Anonymous assessment"))

    # --- The private link: a signed access key; tampering or an unknown key is None ---

    @staticmethod
    def signer() -> signing.Signer:
        return signing.Signer(salt="rota.assessment")

    @property
    def link_token(self) -> str:
        return self.signer().sign(self.access_key)

    @classmethod
    def from_token(cls, token: str) -> "Assessment | None":
        try:
            key = cls.signer().unsign(token or "")
        except signing.BadSignature:
            return None
        return (
            cls.objects.select_related("page")
            .filter(access_key=key, anonymised_at__isnull=True)
            .first()
        )

    @property
    def shows_name(self) -> bool:
        return bool(self.consent and self.organisation)


class Round(models.Model):
    """One taking of the questionnaire; a later one links to the one before."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="rounds"
    )
    number = models.PositiveSmallIntegerField(_("round"), default=1)
    previous = models.OneToOneField(
        "self",
        verbose_name=_("previous round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_round",
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")
        ordering = ["assessment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "number"], name="rota_round_number")
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id}/{self.number}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class Answer(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="answers")
    area_key = models.CharField(max_length=64)
    statement_key = models.CharField(max_length=64)
    value = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["round", "statement_key"], name="rota_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.statement_key}={self.value}"


class AreaScore(models.Model):
    """An area's score in a completed round (percent of the scale), kept for the aggregates."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="scores")
    area_key = models.CharField(max_length=64)
    percent = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("area score")
        verbose_name_plural = _("area scores")
        constraints = [
            models.UniqueConstraint(fields=["round", "area_key"], name="rota_score_once")
        ]

    def __str__(self) -> str:
        return f"{self.area_key}: {self.percent}"
