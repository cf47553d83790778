"""The registry of kinds of call: what the shared views, admin and retention need to know
about a kind besides its model's hooks. A kind registers one `ApplicationKind` (see
applications/README.md); this app never imports the apps that add kinds."""

from typing import Any, ClassVar

_KINDS: dict[type, "ApplicationKind"] = {}


class ApplicationKind:
    """One kind of call. Subclass, set the attributes, and `register_kind(MyKind())`."""

    model: ClassVar[type]  # a BaseApplication subclass
    form_class: ClassVar[type]  # an ApplicantFieldsMixin ModelForm with `service_fields()`
    rate_scope: ClassVar[str]  # the rate limit's counter
    # Public pages: the form and the applicant's private page (extend the shared ones).
    apply_template: ClassVar[str] = "applications/apply.html"
    status_template: ClassVar[str] = "applications/status.html"
    # Admin: the summary panel and the erasure confirmation (extend the shared ones).
    summary_template: ClassVar[str] = "applications/admin/application_summary.html"
    erase_template: ClassVar[str] = "applications/admin/confirm_erase.html"
    admin_url_namespace: ClassVar[str]
    # The decisions the team can take in the edit form (and in bulk), as (status, label).
    decisions: ClassVar[list[tuple[str, Any]]] = []
    # Decisions offered in bulk on the list: (status, action type, button, aria label).
    bulk_decisions: ClassVar[list[tuple[str, str, Any, Any]]] = []

    def form_kwargs(self, request, page, call) -> dict[str, Any]:
        """What the form needs besides the data (e.g. the call's stand types)."""
        return {}

    def status_context(self, application) -> dict[str, Any]:
        """What the private status page needs besides the application."""
        return {}

    def applicant_name(self, application) -> str:
        """How the admin names an application in its messages."""
        return application.contact_name

    def summary_context(self, application) -> dict[str, Any]:
        """What the admin summary panel needs besides the application and its history."""
        return {}

    def page_context(self, request, page) -> dict[str, Any]:
        """The page's context under the form and the status page."""
        return page.get_context(request)


def register_kind(kind: ApplicationKind) -> ApplicationKind:
    _KINDS[kind.model] = kind
    return kind


def kinds() -> list[ApplicationKind]:
    return list(_KINDS.values())


def kind_for(model_or_instance) -> ApplicationKind:
    model = model_or_instance if isinstance(model_or_instance, type) else type(model_or_instance)
    return _KINDS[model]
