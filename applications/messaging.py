"""The team writes to applicants from the admin, for every kind of call: one bulk action,
"Write", on each kind's list. It serves the three cases with one form:

- one applicant: the "Write to the applicant" button of the edit page (the action with
  that application's id);
- a selection: ticked rows of the list;
- everyone in a status (or any filter): filter the list, then "Select all in listing" or
  the list's "Write to everyone in this list" button; the action reads the same filters
  and search as the list, so it writes to exactly the applications the list shows.

The form asks one subject and message per language its recipients read
(services.write_to_applicants)."""

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from . import services
from .kinds import kinds
from .services.messages import language_name

ACTION_TYPE = "message"


class ApplicantMessageForm(forms.Form):
    """A subject and a message for each language the recipients read."""

    def __init__(self, *args: Any, languages: list[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.languages = list(languages)
        for code in self.languages:
            values = {"language": language_name(code)}
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject (%(language)s)") % values,
                max_length=200,
                error_messages={"required": _("Write the subject in %(language)s.") % values},
            )
            self.fields[f"message_{code}"] = forms.CharField(
                label=_("Message (%(language)s)") % values,
                widget=forms.Textarea(attrs={"rows": 8}),
                max_length=5000,
                help_text=_(
                    "Sent to the applicants who read %(language)s, after a greeting with "
                    "their name and followed by their private link."
                )
                % values,
                error_messages={"required": _("Write the message in %(language)s.") % values},
            )

    def texts(self) -> dict[str, services.MessageText]:
        return {
            code: services.MessageText(
                self.cleaned_data[f"subject_{code}"], self.cleaned_data[f"message_{code}"]
            )
            for code in self.languages
        }


def listing_queryset(model, request):
    """The applications the kind's admin list shows for this request (its filters, search
    and ordering), built by the list view itself so that the two never differ."""
    view_function = model.snippet_viewset.index_view
    view = view_function.view_class(**view_function.view_initkwargs)
    view.setup(request)
    return view.get_queryset()


def message_url(model, *, ids: list[Any] = (), query: str = "", next_url: str = "") -> str:
    """The "Write" action for these applications (or for everyone the list's `query`
    shows)."""
    url = reverse(
        "wagtail_bulk_action", args=(model._meta.app_label, model._meta.model_name, ACTION_TYPE)
    )
    params = [("id", str(pk)) for pk in ids] or [("id", "all")]
    query = f"{query}&" if query else ""
    if next_url:
        params.append(("next", next_url))
    return f"{url}?{query}{urlencode(params)}"


class MessageBulkAction(SnippetBulkAction):
    display_name = _("Write")
    action_type = ACTION_TYPE
    aria_label = _("Write to the selected applicants")
    template_name = "applications/admin/confirm_message.html"
    action_priority = 5
    form_class = ApplicantMessageForm

    @classproperty
    def models(cls):
        return [kind.model for kind in kinds()]

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_all_objects_in_listing_query(self, parent_id):
        return listing_queryset(self.model, self.request).values_list("pk", flat=True)

    def recipients(self) -> list:
        objects, _no_access = self.get_actionable_objects()
        return services.reachable(objects)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "languages": services.languages_of(self.recipients())}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reachable = {application.pk for application in self.recipients()}
        for item in context["items"]:
            item["reachable"] = item["item"].pk in reachable
        context["recipient_count"] = len(reachable)
        return context

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        view = kwargs["self"]
        try:
            written = services.write_to_applicants(
                objects, view.cleaned_form.texts(), view.request.user
            )
        except services.ApplicationError as error:
            messages.error(view.request, str(error.message))
            return 0, 0
        return len(written), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return None
        return ngettext(
            "Message queued for %(count)d applicant, in their language.",
            "Message queued for %(count)d applicants, each in their language.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


def message_one_url(application) -> str:
    """The "Write to the applicant" button of the edit page."""
    model = type(application)
    edit_url = reverse(
        f"{model.snippet_viewset.get_url_name('edit')}", args=[quote(application.pk)]
    )
    return message_url(model, ids=[application.pk], next_url=edit_url)
