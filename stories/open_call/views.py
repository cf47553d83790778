"""The open call's `apply/` and `application/` routes: the shared flow (applications.views)
for the narrator kind; OpenCallPage's routes call it."""

from applications.views import CallFlow

from .kind import narrator_kind

narrator_flow = CallFlow(narrator_kind)
