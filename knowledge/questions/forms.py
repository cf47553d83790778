"""The public "Ask a question" form."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.forms import ApplicantFieldsMixin
from core.provinces import sorted_province_choices

from ..models import KnowledgeTopicPage, Question


class QuestionForm(ApplicantFieldsMixin, forms.ModelForm):
    """Organisation, contact person, e-mail, province, topic, question and consent (the
    contact, consent and honeypot are shared with every application form)."""

    class Meta:
        model = Question
        fields = ["organisation", "contact_name", "email", "province", "topic", "question"]
        labels = {
            "organisation": _("Organisation"),
            "contact_name": _("Contact person"),
            "email": _("E-mail"),
            "province": _("Province"),
            "topic": _("Topic"),
            "question": _("Your question"),
        }
        help_texts = {
            "organisation": _("Optional. The association, foundation or group you ask for."),
            "email": _("We send the answer here, with a private link to read it again."),
            "topic": _("Optional. Choose the closest one; the team can change it."),
            "question": _(
                "As precisely as you can, e.g. the legal form of your organisation and what "
                "you have already tried. Please do not write other people's personal data."
            ),
        }
        widgets = {
            "question": forms.Textarea(attrs={"rows": 7}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        error_messages = {
            "contact_name": {"required": _("Enter the name of the contact person.")},
            "province": {"required": _("Choose your province.")},
            "question": {
                "required": _("Write your question."),
                "max_length": _("Keep the question under 3,000 characters."),
            },
        }

    def __init__(self, *args: Any, topics=None, privacy_url: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].error_messages.update(
            required=_("Enter an e-mail address: we send the answer there."),
            invalid=_("Enter a valid e-mail address, e.g. ad@ornek.org.tr"),
        )
        self.fields["province"].choices = [("", "—"), *sorted_province_choices()]
        topic = self.fields["topic"]
        topic.queryset = topics if topics is not None else KnowledgeTopicPage.objects.none()
        topic.empty_label = _("I am not sure")
        topic.error_messages["invalid_choice"] = _("Choose one of the topics in the list.")
        self.add_consent(privacy_url)
        self.add_honeypot()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name in ("contact_name", "organisation"):  # single spaces, as typed otherwise
            if isinstance(cleaned.get(name), str):
                cleaned[name] = " ".join(cleaned[name].split())
        return cleaned

    def clean_question(self) -> str:
        text = self.cleaned_data.get("question", "").strip()
        if len(text.split()) < 3:
            raise forms.ValidationError(_("Write your question in a full sentence."))
        return text

    def service_fields(self) -> dict[str, Any]:
        """The cleaned values the submit service stores."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
