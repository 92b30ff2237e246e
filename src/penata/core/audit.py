"""Record audit events. Services call `record` inside their transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from penata.core import request_context
from penata.core.models import AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """Field values of `obj` as JSON-safe plain values (foreign keys by id)."""
    out: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        out[name] = _plain(getattr(obj, attname))
    return out


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """Only the fields whose value changed: {field: [before, after]}."""
    keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
    return {
        k: [before.get(k), after.get(k)]
        for k in keys
        if _plain(before.get(k)) != _plain(after.get(k))
    }


def record(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: Any = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    instansi_id: int | None = None,
    extra: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit event; `before`/`after` are reduced to the changed fields."""
    info = request_context.current()
    changes: dict[str, Any] = diff(before or {}, after or {})
    if extra:
        changes = {**changes, "_": dict(extra)}
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = obj.pk if object_id is None else object_id
        instansi_id = instansi_id or getattr(obj, "instansi_id", None)
    # Commands and tasks may pass a label such as "sistem" instead of a signed-in user.
    is_user = getattr(actor, "pk", None) and getattr(actor, "is_authenticated", False)
    user = actor if is_user else None
    return AuditEvent.objects.create(
        instansi_id=instansi_id,
        actor=user,
        actor_label=(user.get_username() if user else str(actor or "sistem"))[:150],
        action=action,
        object_type=object_type or "",
        object_id="" if object_id is None else str(object_id),
        object_repr=(str(obj) if obj is not None else "")[:255],
        changes=changes,
        ip=info.ip,
        request_id=info.request_id,
    )
