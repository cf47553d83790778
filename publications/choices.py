from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationKind(models.TextChoices):
    REPORT = "report", _("Report")
    POLICY = "policy", _("Policy recommendation")
    STRATEGY = "strategy", _("Strategy document")
    BRIEF = "brief", _("Briefing note")
    GUIDE = "guide", _("Guide")


class PublicationLanguage(models.TextChoices):
    TURKISH = "tr", _("Turkish")
    ENGLISH = "en", _("English")
    BOTH = "tr_en", _("Turkish and English")


class PublicationTopic(models.TextChoices):
    LOCALISATION = "localisation", _("Localisation")
    HUMANITARIAN = "humanitarian", _("Humanitarian action")
    FUNDING = "funding", _("Funding of local organisations")
    PARTNERSHIP = "partnership", _("Equal partnerships")
    CAPACITY = "capacity", _("Organisational capacity")
    PARTICIPATION = "participation", _("Participation and representation")
