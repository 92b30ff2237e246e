"""/api/v1 of participation: `router` (staff, login or token) and `public_router` (/public/)."""

from penata.participation.api.public import public_router
from penata.participation.api.staff import router

__all__ = ["public_router", "router"]
