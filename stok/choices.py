from django.db import models
from django.utils.translation import gettext_lazy as _


class ModuleLevel(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class ModuleTopic(models.TextChoices):
    CIVIL_SOCIETY = "civil_society", _("Civil society and its history")
    RIGHTS = "rights", _("Rights-based work")
    ADVOCACY = "advocacy", _("Advocacy")
    PLANNING = "planning", _("Planning")
    ORGANISING = "organising", _("Organising basics")
    GOVERNANCE = "governance", _("Governance")
    RESOURCES = "resources", _("Resource development")
    COMMUNICATION = "communication", _("Communication")
    VOLUNTEERS = "volunteers", _("Volunteers")
    COOPERATION = "cooperation", _("Cooperation and networks")
