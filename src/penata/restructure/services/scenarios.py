"""Scenario lifecycle: create, add operations, undo/redo, submit, approve/reject, reopen.

Each service locks the scenario row, checks the actor's role, validates, writes and records
an audit event. Operations are validated on the structure the earlier operations produce.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from penata.core.audit import record, snapshot
from penata.core.dating import today
from penata.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from penata.org.models import Instansi
from penata.restructure.errors import RestructureError
from penata.restructure.graph import OperationRefused, OrgGraph, operation_from
from penata.restructure.graph.errors import OperationError
from penata.restructure.graph_loader import graph_from_db
from penata.restructure.models import Scenario, ScenarioOperation, ScenarioStatus
from penata.restructure.selectors import (
    can_approve,
    can_write,
    scenario_engine,
    scenario_operations,
)

SCENARIO_FIELDS = (
    "name",
    "description",
    "base_date",
    "status",
    "cursor",
    "submitted_by",
    "decided_by",
    "decision_note",
)
# Operations that create a node get their `new:N` id from the scenario, not from the form.
CREATING_KINDS = frozenset({"unit.create", "position.create"})


def _refusal(errors: list[OperationError], prefix: str = "") -> ValidationFailed:
    first = errors[0]
    return ValidationFailed(
        str(first.code),
        prefix + " ".join(e.message for e in errors),
        {"errors": [e.as_dict() for e in errors]},
    )


def _locked(scenario: Scenario) -> Scenario:
    return Scenario.objects.select_for_update().select_related("instansi").get(pk=scenario.pk)


def _require_writer(actor: Any, scenario: Scenario) -> None:
    if not can_write(actor, scenario.instansi_id):
        raise PermissionDenied(
            _("Hanya analis organisasi atau admin yang dapat mengubah skenario.")
        )


def _require_draft(scenario: Scenario) -> None:
    if scenario.status != ScenarioStatus.DRAFT:
        raise ApplicationError(
            RestructureError.NOT_DRAFT,
            _(
                "Skenario “%(name)s” berstatus %(status)s; buka kembali sebagai draf untuk "
                "mengubahnya."
            )
            % {"name": scenario.name, "status": scenario.get_status_display()},
        )


@transaction.atomic
def scenario_create(
    *,
    actor: Any,
    instansi: Instansi,
    name: str,
    description: str = "",
    base_date: dt.date | None = None,
) -> Scenario:
    """Start a draft scenario on the structure in force on `base_date` (default today)."""
    if not can_write(actor, instansi.id):
        raise PermissionDenied(_("Hanya analis organisasi atau admin yang dapat membuat skenario."))
    if not name.strip():
        raise ValidationFailed(RestructureError.NAME_BLANK, _("Nama skenario wajib diisi."))
    scenario = Scenario.objects.create(
        instansi=instansi,
        name=name.strip(),
        description=description.strip(),
        base_date=base_date or today(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    record(
        actor=actor,
        action="scenario.create",
        obj=scenario,
        after=snapshot(scenario, SCENARIO_FIELDS),
    )
    return scenario


@transaction.atomic
def scenario_add_operation(
    *,
    actor: Any,
    scenario: Scenario,
    kind: str,
    params: Mapping[str, Any],
    base: OrgGraph | None = None,
) -> ScenarioOperation:
    """Append an operation after the cursor (dropping undone ones), validated on the structure
    the active operations produce. Refused with the operation's own error code.

    `base` may pass the structure of the scenario's base date when the caller already loaded
    it (`selectors.scenario_base`), to avoid loading it twice in one request."""
    scenario = _locked(scenario)
    _require_writer(actor, scenario)
    _require_draft(scenario)
    operations = scenario_operations(scenario)
    engine = scenario_engine(scenario, operations)
    values = dict(params)
    if kind in CREATING_KINDS:
        values["new_id"] = engine.next_new_id()
    try:
        operation = operation_from(kind, values)
    except OperationRefused as refused:
        raise _refusal(refused.errors) from refused
    graph = engine.replay(base or graph_from_db(scenario.instansi, scenario.base_date)).graph
    errors = operation.validate(graph)
    if errors:
        raise _refusal(errors)
    description = operation.describe(graph)[:500]
    dropped = [op.seq for op in operations if op.seq > scenario.cursor]
    if dropped:
        ScenarioOperation.objects.filter(scenario=scenario, seq__gt=scenario.cursor).delete()
    row = ScenarioOperation.objects.create(
        instansi_id=scenario.instansi_id,
        scenario=scenario,
        seq=scenario.cursor + 1,
        kind=operation.kind,
        params=operation.to_params(),
        description=description,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    before = snapshot(scenario, SCENARIO_FIELDS)
    scenario.cursor += 1
    scenario.save(update_fields=["cursor", "updated_at"])
    record(
        actor=actor,
        action="scenario.operation_add",
        obj=scenario,
        before=before,
        after=snapshot(scenario, SCENARIO_FIELDS),
        extra={
            "seq": row.seq,
            "kind": row.kind,
            "params": row.params,
            "description": description,
            "dropped": dropped,
        },
    )
    return row


def _move_cursor(actor: Any, scenario: Scenario, step: int) -> Scenario:
    scenario = _locked(scenario)
    _require_writer(actor, scenario)
    _require_draft(scenario)
    total = scenario.operations.count()
    target = scenario.cursor + step
    if target < 0:
        raise ApplicationError(
            RestructureError.NOTHING_TO_UNDO, _("Tidak ada operasi yang dapat dibatalkan.")
        )
    if target > total:
        raise ApplicationError(
            RestructureError.NOTHING_TO_REDO, _("Tidak ada operasi yang dapat diulang.")
        )
    before = snapshot(scenario, SCENARIO_FIELDS)
    scenario.cursor = target
    scenario.save(update_fields=["cursor", "updated_at"])
    record(
        actor=actor,
        action="scenario.undo" if step < 0 else "scenario.redo",
        obj=scenario,
        before=before,
        after=snapshot(scenario, SCENARIO_FIELDS),
    )
    return scenario


@transaction.atomic
def scenario_undo(*, actor: Any, scenario: Scenario) -> Scenario:
    """Take back the last operation in force (it stays, to be redone)."""
    return _move_cursor(actor, scenario, -1)


@transaction.atomic
def scenario_redo(*, actor: Any, scenario: Scenario) -> Scenario:
    """Bring back the next undone operation."""
    return _move_cursor(actor, scenario, +1)


def _set_status(
    actor: Any,
    scenario: Scenario,
    action: str,
    status: str,
    **fields: Any,
) -> Scenario:
    before = snapshot(scenario, SCENARIO_FIELDS)
    scenario.status = status
    for name, value in fields.items():
        setattr(scenario, name, value)
    scenario.save()
    record(
        actor=actor,
        action=action,
        obj=scenario,
        before=before,
        after=snapshot(scenario, SCENARIO_FIELDS),
    )
    return scenario


@transaction.atomic
def scenario_submit(*, actor: Any, scenario: Scenario) -> Scenario:
    """Send a draft to the admin for approval; every operation in force must still apply."""
    scenario = _locked(scenario)
    _require_writer(actor, scenario)
    _require_draft(scenario)
    if scenario.cursor == 0:
        raise ApplicationError(
            RestructureError.EMPTY, _("Skenario belum memiliki operasi yang berlaku.")
        )
    engine = scenario_engine(scenario)
    try:
        engine.apply_all(graph_from_db(scenario.instansi, scenario.base_date))
    except OperationRefused as refused:
        raise ApplicationError(
            RestructureError.STALE,
            _("%(errors)s Perbaiki skenario sebelum diajukan.") % {"errors": refused},
            {"errors": [e.as_dict() for e in refused.errors], "index": refused.index},
        ) from refused
    return _set_status(
        actor,
        scenario,
        "scenario.submit",
        ScenarioStatus.SUBMITTED,
        submitted_by=actor,
        submitted_at=timezone.now(),
        decided_by=None,
        decided_at=None,
        decision_note="",
    )


def _require_submitted_for_decision(actor: Any, scenario: Scenario) -> None:
    if not can_approve(actor, scenario.instansi_id):
        raise PermissionDenied(_("Persetujuan skenario hanya oleh admin BKPSDM."))
    if scenario.status != ScenarioStatus.SUBMITTED:
        raise ApplicationError(
            RestructureError.NOT_SUBMITTED,
            _("Skenario “%(name)s” belum diajukan (status: %(status)s).")
            % {"name": scenario.name, "status": scenario.get_status_display()},
        )
    if scenario.submitted_by_id is not None and scenario.submitted_by_id == getattr(
        actor, "pk", None
    ):
        raise ApplicationError(
            RestructureError.SELF_APPROVAL,
            _("Skenario tidak dapat diputus oleh pengaju yang sama; minta admin lain."),
        )


@transaction.atomic
def scenario_approve(*, actor: Any, scenario: Scenario, note: str = "") -> Scenario:
    """Approve a submitted scenario (admin, not the one who submitted it)."""
    scenario = _locked(scenario)
    _require_submitted_for_decision(actor, scenario)
    return _set_status(
        actor,
        scenario,
        "scenario.approve",
        ScenarioStatus.APPROVED,
        decided_by=actor,
        decided_at=timezone.now(),
        decision_note=note.strip(),
    )


@transaction.atomic
def scenario_reject(*, actor: Any, scenario: Scenario, note: str) -> Scenario:
    """Send a submitted scenario back, saying why."""
    scenario = _locked(scenario)
    _require_submitted_for_decision(actor, scenario)
    if not note.strip():
        raise ValidationFailed(
            RestructureError.NOTE_REQUIRED, _("Tuliskan alasan penolakan untuk analis.")
        )
    return _set_status(
        actor,
        scenario,
        "scenario.reject",
        ScenarioStatus.REJECTED,
        decided_by=actor,
        decided_at=timezone.now(),
        decision_note=note.strip(),
    )


@transaction.atomic
def scenario_reopen(*, actor: Any, scenario: Scenario) -> Scenario:
    """Take a submitted, rejected or approved scenario back to draft (approval lapses)."""
    scenario = _locked(scenario)
    _require_writer(actor, scenario)
    if scenario.status in (ScenarioStatus.DRAFT, ScenarioStatus.ENACTED):
        raise ApplicationError(
            RestructureError.NOT_REJECTED,
            _("Skenario berstatus %(status)s tidak dapat dibuka kembali.")
            % {"status": scenario.get_status_display()},
        )
    return _set_status(
        actor,
        scenario,
        "scenario.reopen",
        ScenarioStatus.DRAFT,
        submitted_by=None,
        submitted_at=None,
        decided_by=None,
        decided_at=None,
    )
