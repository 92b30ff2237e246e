from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def penata(request: HttpRequest) -> dict[str, Any]:
    return {"PENATA_DEMO": settings.DEMO_MODE, "PENATA_VERSION": "0.1.0"}
