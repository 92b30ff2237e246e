"""The one error family of Penata: a stable code, a human message, and extra details.

Faces turn it into a 4xx JSON body (`{"code", "message", "extra"}`), a message on the page,
or a CLI error with a non-zero exit status.
"""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    """A refused request: `code` is stable (e.g. `nip.length`), `message` is for people."""

    status_code = 400

    def __init__(self, code: str, message: str, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = str(message)
        self.extra = extra or {}

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "extra": self.extra}


class ValidationFailed(ApplicationError):
    """Input that breaks a rule; `extra` may carry `errors: [{field, code, message}]`."""

    status_code = 422


class NotFound(ApplicationError):
    """The object does not exist *for this actor* (out of scope looks the same as missing)."""

    status_code = 404

    def __init__(self, what: str = "object") -> None:
        super().__init__("not_found", f"Data tidak ditemukan ({what}).")


class PermissionDenied(ApplicationError):
    """The actor may see the object but may not do this to it."""

    status_code = 403

    def __init__(self, message: str = "Anda tidak berwenang melakukan tindakan ini.") -> None:
        super().__init__("forbidden", message)
