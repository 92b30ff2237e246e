"""Who is acting and from where, for the audit trail, without threading it through every call."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestInfo:
    request_id: str = ""
    ip: str | None = None


# Outside a request (commands, tasks, tests) events carry no request id and no address.
NO_REQUEST = RequestInfo()
_current: ContextVar[RequestInfo] = ContextVar("penata_request", default=NO_REQUEST)


def current() -> RequestInfo:
    return _current.get()


def set_current(info: RequestInfo) -> object:
    return _current.set(info)


def reset(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]
