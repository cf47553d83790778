"""What every public application form shares: contact, KVKK consent, the honeypot, a
phone number we can call. Each kind's form (applications.stands.forms,
stories.open_call.forms) is a ModelForm with this mixin and a `service_fields()`."""

import phonenumbers
from django import forms
from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "fax_number"


def normalise_phone(value: str) -> str:
    """A Turkish (0532 123 45 67, 312 ...) or international (+49 ...) number in E.164."""
    try:
        number = phonenumbers.parse(value, "TR")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise forms.ValidationError(
            _("Enter a phone number we can call, e.g. 0532 123 45 67 or +49 30 1234567."),
            code="phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def https_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """A kind's `Meta.formfield_callback`: a web address typed without its scheme is taken as
    https (Django 6's default; the admin forms do the same, see core.apps)."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class ApplicantFieldsMixin(forms.Form):
    """Contact, consent and the honeypot: every public application form has them."""

    required_css_class = "field--required"

    def require_contact(self) -> None:
        """E-mail and phone are required: the answer goes by e-mail, and the team may call."""
        self.fields["email"].required = True
        self.fields["email"].error_messages.update(
            required=_("Enter an e-mail address: we send the answer there."),
            invalid=_("Enter a valid e-mail address, e.g. ad@ornek.org.tr"),
        )
        self.fields["phone"].required = True
        self.fields["phone"].error_messages["required"] = _("Enter a phone number.")

    def add_honeypot(self) -> None:
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def add_consent(self, privacy_url: str) -> None:
        if privacy_url:
            label = mark_safe(  # noqa: S308 - the URL comes from the site settings page
                _(
                    'I have read the <a href="%(url)s">privacy notice (KVKK)</a> and agree '
                    "that STGM processes the data in this form to handle this application."
                )
                % {"url": privacy_url}
            )
        else:
            label = _(
                "I have read the privacy notice (KVKK) and agree that STGM processes the data "
                "in this form to handle this application."
            )
        self.fields["consent"] = forms.BooleanField(
            label=label,
            required=True,
            error_messages={"required": _("We can only take the application with your consent.")},
        )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))

    def clean_phone(self) -> str:
        return normalise_phone(self.cleaned_data.get("phone", ""))
