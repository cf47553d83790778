"""The questions an editor adds to an event's registration form, as StreamField blocks.
Each block makes one form field (`form_field()`); the answers are kept with their question,
as the registrant read it, in `Registration.answers`."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from applications.stands.models import ThematicArea


class QuestionBlock(blocks.StructBlock):
    required = blocks.BooleanBlock(label=_("Required"), required=False)

    def form_field(self, value) -> forms.Field:
        raise NotImplementedError


class DietaryNeedsBlock(QuestionBlock):
    def form_field(self, value) -> forms.Field:
        return forms.CharField(
            label=_("Dietary needs"),
            required=value["required"],
            max_length=300,
            help_text=_("e.g. vegetarian, vegan, gluten-free, allergies"),
        )

    class Meta:
        icon = "pick"
        label = _("Dietary needs")


class SignLanguageBlock(QuestionBlock):
    def form_field(self, value) -> forms.Field:
        return forms.TypedChoiceField(
            label=_("Do you need Turkish Sign Language (TİD) interpretation?"),
            choices=[("no", _("No")), ("yes", _("Yes"))],
            widget=forms.RadioSelect,
            required=value["required"],
        )

    class Meta:
        icon = "user"
        label = _("Sign-language interpretation")


class OrganisationFieldBlock(QuestionBlock):
    def form_field(self, value) -> forms.Field:
        return forms.ChoiceField(
            label=_("Your organisation's field"),
            choices=[("", "—"), *ThematicArea.choices],
            required=value["required"],
        )

    class Meta:
        icon = "group"
        label = _("The organisation's field")


class TextQuestionBlock(QuestionBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    help_text = blocks.CharBlock(label=_("Help text"), required=False, max_length=300)

    def form_field(self, value) -> forms.Field:
        return forms.CharField(
            label=value["question"],
            help_text=value["help_text"],
            required=value["required"],
            max_length=500,
        )

    class Meta:
        icon = "help"
        label = _("Question of your own")


class RegistrationQuestionsBlock(blocks.StreamBlock):
    dietary = DietaryNeedsBlock()
    sign_language = SignLanguageBlock()
    organisation_field = OrganisationFieldBlock()
    text = TextQuestionBlock()
