"""The public registration form: name, organisation, e-mail, phone (optional), province,
accessibility needs, the event's own questions, KVKK consent."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.forms import ApplicantFieldsMixin, normalise_phone
from core.provinces import sorted_province_choices

from .models import Registration

QUESTION_PREFIX = "question_"


class RegistrationForm(ApplicantFieldsMixin, forms.ModelForm):
    class Meta:
        model = Registration
        fields = [
            "contact_name",
            "organisation",
            "email",
            "phone",
            "province",
            "accessibility_needs",
        ]
        labels = {
            "contact_name": _("Name and surname"),
            "organisation": _("Organisation"),
            "email": _("E-mail"),
            "phone": _("Phone"),
            "province": _("Province"),
            "accessibility_needs": _("Accessibility needs"),
        }
        help_texts = {
            "organisation": _("Optional. The association, foundation or group you come from."),
            "email": _("We send the confirmation here, with a private link to cancel."),
            "phone": _("Optional. Only if the team may need to call you about this date."),
            "accessibility_needs": _(
                "Optional. e.g. step-free access, a companion, large print, captions."
            ),
        }
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "contact_name": {"required": _("Enter your name.")},
            "province": {"required": _("Choose your province.")},
        }

    def __init__(self, *args: Any, questions=None, privacy_url: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].error_messages.update(
            required=_("Enter an e-mail address: we send the confirmation there."),
            invalid=_("Enter a valid e-mail address, e.g. ad@ornek.org.tr"),
        )
        self.fields["province"].choices = [("", "—"), *sorted_province_choices()]
        self.questions = list(questions or [])
        for n, block in enumerate(self.questions):
            self.fields[f"{QUESTION_PREFIX}{n}"] = block.block.form_field(block.value)
        self.add_consent(privacy_url)
        self.add_honeypot()

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "")
        return normalise_phone(phone) if phone.strip() else ""

    def question_fields(self) -> list:
        return [self[f"{QUESTION_PREFIX}{n}"] for n in range(len(self.questions))]

    def answers(self) -> list[dict[str, str]]:
        """Each question with its answer as the registrant read them (choices by label)."""
        answers = []
        for n in range(len(self.questions)):
            field = self[f"{QUESTION_PREFIX}{n}"]
            value = self.cleaned_data.get(field.name, "")
            choices = dict(getattr(field.field, "choices", []) or [])
            answer = str(choices.get(value, value)) if value else ""
            answers.append({"question": str(field.label), "answer": answer})
        return answers

    def service_fields(self) -> dict[str, Any]:
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        fields["answers"] = self.answers()
        return fields
