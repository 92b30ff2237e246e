"""/api/v1/kinerja: SKP plans, cascade, evaluations, the activity log and the dashboards.

Handlers parse input, call one selector or service and shape the answer. Who may do what is
decided by the services and selectors (the same rules as the web pages): out-of-reach
objects answer 404; an action that is not the caller's (only the pejabat penilai approves
and rates; nobody rates themselves) answers 403 with a specific code.
"""

from ninja import Router

router = Router(tags=["Kinerja (SKP)"])

# The operations register themselves on `router` when their modules load.
from penata.performance.api import activity, dashboards, skp  # noqa: E402, F401
