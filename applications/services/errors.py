"""Why a change is refused: a reason the applicant or the team should read."""

from typing import Any


class ApplicationError(Exception):
    """A change refused for a reason the applicant or the team should read; `field` names
    the admin form field it is about, if one."""

    field: str = ""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


class InvalidTransition(ApplicationError):
    pass


class NoPlaceAvailable(ApplicationError):
    """Every place of the call (of the application's type) is taken."""


class CallNotOpen(ApplicationError):
    pass


class DuplicateApplication(ApplicationError):
    def __init__(self, application) -> None:
        super().__init__(application.duplicate_message())
        self.application = application
