"""Enactment: propose the crosswalk of affected employees, then apply an approved scenario to
the database in one transaction.

Rows change by effective dating, never in place: every unit and position the plan closes gets
`valid_to` = effective date, every row it opens `valid_from` = effective date and the legal
basis; duties are copied onto opened posts; assignments on closed posts end the day before
and restart on the post the confirmed crosswalk names. The structure on any earlier date reads
exactly as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from penata.core.audit import record, snapshot
from penata.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from penata.org.models import Duty, Position, Unit
from penata.people.models import Assignment
from penata.restructure.errors import RestructureError
from penata.restructure.graph import NodeId, OperationRefused, OrgGraph
from penata.restructure.graph.enactment import EnactmentPlan, plan_enactment
from penata.restructure.graph.model import is_new_id
from penata.restructure.graph_loader import graph_from_db
from penata.restructure.models import (
    Enactment,
    PositionRole,
    Scenario,
    ScenarioStatus,
)
from penata.restructure.selectors import can_enact, scenario_engine

UNIT_FIELDS = ("parent", "kind", "code", "name", "valid_from", "valid_to", "legal_basis")
POSITION_FIELDS = (
    "unit",
    "title",
    "kind",
    "jf_jenjang",
    "kelas_jabatan",
    "eselon",
    "reports_to",
    "is_unit_head",
    "is_penyetaraan",
    "valid_from",
    "valid_to",
    "legal_basis",
)
DUTY_FIELDS = ("position", "statement", "output_unit", "volume", "period", "time_norm_minutes")
ASSIGNMENT_FIELDS = ("employee", "position", "start", "end", "sk_number", "acting")


@dataclass(frozen=True)
class CrosswalkRow:
    """One assignment on a post that closes, and the post the scenario proposes for it."""

    assignment: int
    employee: int
    name: str
    nip: str
    acting: str
    old_position: int
    old_title: str
    old_unit: str
    old_kind: str
    reason: str  # "removed" (post abolished) or "replaced" (post re-issued as a new row)
    target: NodeId | None
    target_title: str
    target_unit: str
    target_kind: str

    @property
    def changed(self) -> bool:
        """True when the person's post, unit or kind really changes (not only re-issued)."""
        return (
            self.target != self.old_position
            or self.target_unit != self.old_unit
            or self.target_kind != self.old_kind
            or self.target_title != self.old_title
        )


@dataclass(frozen=True)
class CrosswalkProposal:
    effective_date: dt.date
    plan: EnactmentPlan
    rows: tuple[CrosswalkRow, ...]


def _base_and_after(scenario: Scenario, effective_date: dt.date) -> tuple[OrgGraph, OrgGraph]:
    base = graph_from_db(scenario.instansi, effective_date - dt.timedelta(days=1))
    try:
        after = scenario_engine(scenario).apply_all(base)
    except OperationRefused as refused:
        raise ApplicationError(
            RestructureError.STALE,
            _(
                "Skenario tidak lagi sesuai dengan struktur sehari sebelum tanggal berlaku: "
                "%(errors)s"
            )
            % {"errors": refused},
            {"errors": [e.as_dict() for e in refused.errors], "index": refused.index},
        ) from refused
    return base, after


def scenario_crosswalk(scenario: Scenario, *, effective_date: dt.date) -> CrosswalkProposal:
    """Propose where each assignment on a closing post goes (the analyst reviews it)."""
    base, after = _base_and_after(scenario, effective_date)
    plan = plan_enactment(base, after)
    day_before = effective_date - dt.timedelta(days=1)
    closing = [p for p in plan.close_positions if isinstance(p, int)]
    rows: list[CrosswalkRow] = []
    assignments = (
        Assignment.objects.filter(
            instansi_id=scenario.instansi_id, position_id__in=closing, start__lte=day_before
        )
        .filter(Q(end__isnull=True) | Q(end__gte=day_before))
        .order_by("position_id", "acting", "employee__name", "id")
        .values_list(
            "id", "employee_id", "employee__name", "employee__nip", "acting", "position_id"
        )
    )
    for assignment_id, employee_id, name, nip, acting, position_id in assignments:
        old = base.positions[position_id]
        target = plan.proposed_target(position_id, employee_id, bool(acting))
        new = after.positions.get(target) if target is not None else None
        rows.append(
            CrosswalkRow(
                assignment=assignment_id,
                employee=employee_id,
                name=name,
                nip=nip,
                acting=acting,
                old_position=position_id,
                old_title=old.title,
                old_unit=base.unit_label(old.unit),
                old_kind=old.kind,
                reason="replaced" if position_id in after.positions else "removed",
                target=target,
                target_title=new.title if new else "",
                target_unit=after.unit_label(new.unit) if new else "",
                target_kind=new.kind if new else "",
            )
        )
    return CrosswalkProposal(effective_date, plan, tuple(rows))


def _check_rows_can_close(plan: EnactmentPlan) -> dict[str, Any]:
    units = Unit.objects.select_for_update().in_bulk(
        [u for u in plan.close_units if isinstance(u, int)]
    )
    positions = Position.objects.select_for_update().in_bulk(
        [p for p in plan.close_positions if isinstance(p, int)]
    )
    # Rows in force the day before already start before the effective date; only a closing
    # that another enactment scheduled stands in the way.
    for row in [*units.values(), *positions.values()]:
        if row.valid_to is not None:
            raise ApplicationError(
                RestructureError.CONFLICT,
                _("“%(row)s” sudah dijadwalkan berakhir %(day)s oleh penetapan lain.")
                % {"row": row, "day": f"{row.valid_to:%d-%m-%Y}"},
            )
    return {"units": units, "positions": positions}


def _check_crosswalk(
    proposal: CrosswalkProposal, crosswalk: Mapping[int, NodeId | None]
) -> dict[int, NodeId | None]:
    after = proposal.plan.after
    missing = [row for row in proposal.rows if row.assignment not in crosswalk]
    if missing:
        names = ", ".join(row.name for row in missing[:5])
        if len(missing) > 5:
            message = ngettext(
                "Padanan jabatan belum dikonfirmasi untuk %(names)s dan %(more)d lainnya.",
                "Padanan jabatan belum dikonfirmasi untuk %(names)s dan %(more)d lainnya.",
                len(missing) - 5,
            ) % {"names": names, "more": len(missing) - 5}
        else:
            message = _("Padanan jabatan belum dikonfirmasi untuk %(names)s.") % {"names": names}
        raise ValidationFailed(
            RestructureError.CROSSWALK_INCOMPLETE,
            message,
            {"assignments": [row.assignment for row in missing]},
        )
    confirmed: dict[int, NodeId | None] = {}
    for row in proposal.rows:
        target = crosswalk[row.assignment]
        if target is None and not row.acting:
            raise ValidationFailed(
                RestructureError.CROSSWALK_TARGET,
                _("%(name)s harus mendapat jabatan tujuan (bukan pelaksana tugas).")
                % {"name": row.name},
                {"assignment": row.assignment},
            )
        if target is not None and target not in after.positions:
            raise ValidationFailed(
                RestructureError.CROSSWALK_TARGET,
                _("Jabatan tujuan %(target)s untuk %(name)s tidak ada dalam struktur baru.")
                % {"target": target, "name": row.name},
                {"assignment": row.assignment},
            )
        confirmed[row.assignment] = target
    return confirmed


def _depth(graph: OrgGraph, unit_id: NodeId) -> int:
    return len(graph.ancestors(unit_id))


@transaction.atomic
def scenario_enact(
    *,
    actor: Any,
    scenario: Scenario,
    legal_basis: str,
    effective_date: dt.date,
    crosswalk: Mapping[int, NodeId | None],
) -> Enactment:
    """Apply an approved scenario from `effective_date` under `legal_basis`, carrying each
    affected assignment to the post named in the confirmed `crosswalk` (assignment id →
    post id of the new structure; None ends a Plt/Plh). All or nothing."""
    scenario = Scenario.objects.select_for_update().select_related("instansi").get(pk=scenario.pk)
    if not can_enact(actor, scenario.instansi_id):
        raise PermissionDenied(_("Penetapan struktur hanya oleh analis organisasi."))
    if scenario.status != ScenarioStatus.APPROVED:
        raise ApplicationError(
            RestructureError.NOT_APPROVED,
            _("Skenario “%(name)s” belum disetujui admin (status: %(status)s).")
            % {"name": scenario.name, "status": scenario.get_status_display()},
        )
    legal_basis = legal_basis.strip()
    if not legal_basis:
        raise ValidationFailed(
            RestructureError.LEGAL_BASIS_BLANK,
            _("Dasar hukum wajib diisi (mis. Perwali Surakarta No. 12 Tahun 2026)."),
        )
    proposal = scenario_crosswalk(scenario, effective_date=effective_date)
    plan = proposal.plan
    if plan.is_empty:
        raise ApplicationError(
            RestructureError.NOTHING_TO_ENACT, _("Skenario tidak mengubah struktur apa pun.")
        )
    closing = _check_rows_can_close(plan)
    confirmed = _check_crosswalk(proposal, crosswalk)
    day_before = effective_date - dt.timedelta(days=1)
    late = Assignment.objects.filter(
        position_id__in=list(closing["positions"]), start__gt=day_before
    ).first()
    if late is not None:
        raise ApplicationError(
            RestructureError.CONFLICT,
            _("Penugasan %(assignment)s dimulai pada/sesudah tanggal berlaku; selesaikan dulu.")
            % {"assignment": late},
        )
    try:
        enactment = _write(actor, scenario, plan, closing, confirmed, legal_basis, effective_date)
    except IntegrityError as error:
        raise ApplicationError(
            RestructureError.CONFLICT,
            _(
                "Struktur baru bertabrakan dengan data yang ada (kode unit atau nama jabatan "
                "yang sama): %(error)s"
            )
            % {"error": error},
        ) from error
    return enactment


def _write(
    actor: Any,
    scenario: Scenario,
    plan: EnactmentPlan,
    closing: dict[str, Any],
    confirmed: dict[int, NodeId | None],
    legal_basis: str,
    effective_date: dt.date,
) -> Enactment:
    instansi_id = scenario.instansi_id
    after, base = plan.after, plan.base
    day_before = effective_date - dt.timedelta(days=1)
    user = actor if getattr(actor, "pk", None) else None

    # 1. Close the old rows.
    for row in [*closing["units"].values(), *closing["positions"].values()]:
        before = snapshot(row, ("valid_to",))
        row.valid_to = effective_date
        row.save(update_fields=["valid_to"])
        record(
            actor=actor,
            action=f"{row._meta.model_name}.close",
            obj=row,
            before=before,
            after=snapshot(row, ("valid_to",)),
            extra={"legal_basis": legal_basis, "scenario": scenario.pk},
        )

    # 2. Open units, parents first (level by level, so each level knows its parents' ids).
    unit_ids: dict[NodeId, int] = {}
    old_units: dict[Any, Unit] = closing["units"]
    levels: dict[int, list[NodeId]] = {}
    for uid in plan.open_units:
        levels.setdefault(_depth(after, uid), []).append(uid)
    paths = dict(
        Unit.objects.filter(
            id__in=[
                after.units[u].parent
                for u in plan.open_units
                if isinstance(after.units[u].parent, int)
            ]
        ).values_list("id", "path")
    )
    for depth in sorted(levels):
        fresh = []
        for uid in levels[depth]:
            unit_node = after.units[uid]
            old_unit = old_units.get(uid)
            parent = unit_node.parent
            fresh.append(
                Unit(
                    instansi_id=instansi_id,
                    parent_id=unit_ids.get(parent, parent) if parent is not None else None,
                    kind=unit_node.kind,
                    code=unit_node.code,
                    name=unit_node.name,
                    short_name=old_unit.short_name if old_unit else "",
                    sort_order=old_unit.sort_order if old_unit else unit_node.sort_order,
                    region_code=old_unit.region_code if old_unit else "",
                    valid_from=effective_date,
                    legal_basis=legal_basis,
                    path="",
                    depth=0,
                )
            )
        created = Unit.objects.bulk_create(fresh)
        for uid, unit in zip(levels[depth], created, strict=True):
            unit_ids[uid] = unit.pk
            parent_path = paths.get(unit.parent_id, "") if unit.parent_id else ""
            unit.path = f"{parent_path}{unit.pk}/"
            unit.depth = parent_path.count("/")
            paths[unit.pk] = unit.path
        Unit.objects.bulk_update(created, ["path", "depth"])
        for unit in created:
            record(
                actor=actor,
                action="unit.open",
                obj=unit,
                after=snapshot(unit, UNIT_FIELDS),
                extra={"scenario": scenario.pk},
            )

    # 3. Open positions (superiors wired after all are created), their roles and duties.
    old_positions: dict[Any, Position] = closing["positions"]
    position_ids: dict[NodeId, int] = {}
    fresh_positions = []
    for pid in plan.open_positions:
        node = after.positions[pid]
        old = old_positions.get(pid)
        unit_id = unit_ids.get(node.unit, node.unit)
        fresh_positions.append(
            Position(
                instansi_id=instansi_id,
                unit_id=unit_id,
                title=node.title,
                kind=node.kind,
                jf_jenjang=node.jenjang,
                kelas_jabatan=node.kelas,
                eselon=node.eselon,
                is_unit_head=node.is_unit_head,
                is_penyetaraan=node.is_penyetaraan,
                is_critical=old.is_critical if old else False,
                sort_order=old.sort_order if old else node.sort_order,
                valid_from=effective_date,
                legal_basis=legal_basis,
            )
        )
    created_positions = Position.objects.bulk_create(fresh_positions)
    for pid, position in zip(plan.open_positions, created_positions, strict=True):
        position_ids[pid] = position.pk

    def position_row_id(graph_id: NodeId | None) -> int | None:
        if graph_id is None:
            return None
        found = position_ids.get(graph_id)
        if found is not None:
            return found
        assert isinstance(graph_id, int) and not is_new_id(graph_id)
        return graph_id

    for pid, position in zip(plan.open_positions, created_positions, strict=True):
        position.reports_to_id = position_row_id(after.positions[pid].reports_to)
    Position.objects.bulk_update(created_positions, ["reports_to"])
    for position in created_positions:
        record(
            actor=actor,
            action="position.open",
            obj=position,
            after=snapshot(position, POSITION_FIELDS),
            extra={"scenario": scenario.pk},
        )

    old_roles = {
        r.position_id: r for r in PositionRole.objects.filter(position_id__in=list(old_positions))
    }
    roles = []
    for pid, position in zip(plan.open_positions, created_positions, strict=True):
        node = after.positions[pid]
        if not (node.role or node.former_kind):
            continue
        previous = base.positions.get(pid)
        converted_now = previous is not None and previous.kind != node.kind
        old_role = old_roles.get(pid) if isinstance(pid, int) else None
        roles.append(
            PositionRole(
                instansi_id=instansi_id,
                position=position,
                role=node.role,
                former_kind=node.former_kind,
                former_eselon=node.former_eselon,
                former_title=(
                    previous.title
                    if converted_now and previous is not None
                    else (old_role.former_title if old_role else "")
                ),
            )
        )

    old_duty_ids = [d for p in plan.open_positions for d in after.position_duties(p)]
    old_duties = Duty.objects.in_bulk([d for d in old_duty_ids if isinstance(d, int)])
    fresh_duties: list[Duty] = []
    duty_graph_ids: list[NodeId] = []
    for pid in plan.open_positions:
        for did in after.position_duties(pid):
            duty = after.duties[did]
            old_duty = old_duties.get(did)
            fresh_duties.append(
                Duty(
                    instansi_id=instansi_id,
                    position_id=position_ids[pid],
                    statement=duty.statement,
                    output_unit=duty.output_unit,
                    volume=duty.volume,
                    period=duty.period,
                    time_norm_minutes=duty.time_norm,
                    sort_order=old_duty.sort_order if old_duty else 0,
                )
            )
            duty_graph_ids.append(did)
    created_duties = Duty.objects.bulk_create(fresh_duties)
    for graph_id, duty_row in zip(duty_graph_ids, created_duties, strict=True):
        record(
            actor=actor,
            action="duty.open",
            obj=duty_row,
            after=snapshot(duty_row, DUTY_FIELDS),
            extra={"scenario": scenario.pk, "copied_from": graph_id},
        )

    # 4. Carry assignments over by the confirmed crosswalk.
    closing_assignments = Assignment.objects.select_related("employee").in_bulk(list(confirmed))
    carried: list[dict[str, Any]] = []
    new_assignments: list[Assignment] = []
    for assignment_id, target in confirmed.items():
        old_assignment = closing_assignments[assignment_id]
        before = snapshot(old_assignment, ASSIGNMENT_FIELDS)
        original_end = old_assignment.end
        old_assignment.end = day_before
        old_assignment.save(update_fields=["end"])
        record(
            actor=actor,
            action="assignment.end",
            obj=old_assignment,
            before=before,
            after=snapshot(old_assignment, ASSIGNMENT_FIELDS),
            extra={"legal_basis": legal_basis, "scenario": scenario.pk},
        )
        target_id = position_row_id(target)
        slot = None
        if target_id is not None:
            slot = len(new_assignments)
            new_assignments.append(
                Assignment(
                    instansi_id=instansi_id,
                    employee_id=old_assignment.employee_id,
                    position_id=target_id,
                    start=effective_date,
                    end=original_end if original_end and original_end >= effective_date else None,
                    sk_number=legal_basis[:100],
                    acting=old_assignment.acting,
                )
            )
        carried.append(
            {
                "assignment": assignment_id,
                "employee": old_assignment.employee_id,
                "name": old_assignment.employee.name,
                "acting": old_assignment.acting,
                "from_position": old_assignment.position_id,
                "to_position": target_id,
                "new_assignment": slot,
            }
        )
    created_assignments = Assignment.objects.bulk_create(new_assignments)
    for row in carried:
        if row["new_assignment"] is not None:
            row["new_assignment"] = created_assignments[row["new_assignment"]].pk
    for assignment in created_assignments:
        record(
            actor=actor,
            action="assignment.start",
            obj=assignment,
            after=snapshot(assignment, ASSIGNMENT_FIELDS),
            extra={"legal_basis": legal_basis, "scenario": scenario.pk},
        )

    # 5. The enactment record with the lineage of rows, then the scenario's status.
    lineage = {
        "units": {str(k): v for k, v in unit_ids.items() if isinstance(k, int)},
        "positions": {str(k): v for k, v in position_ids.items() if isinstance(k, int)},
        "duties": {
            str(g): d.pk
            for g, d in zip(duty_graph_ids, created_duties, strict=True)
            if isinstance(g, int)
        },
        "created": {
            **{k: v for k, v in unit_ids.items() if isinstance(k, str)},
            **{k: v for k, v in position_ids.items() if isinstance(k, str)},
        },
    }
    enactment = Enactment.objects.create(
        instansi_id=instansi_id,
        scenario=scenario,
        legal_basis=legal_basis,
        effective_date=effective_date,
        approved_by=scenario.decided_by,
        enacted_by=user,
        crosswalk=carried,
        lineage=lineage,
        summary={**plan.summary(), "assignments_carried": len(created_assignments)},
    )
    for role in roles:
        role.enactment = enactment
    for role in PositionRole.objects.bulk_create(roles):
        record(
            actor=actor,
            action="position_role.open",
            obj=role,
            after=snapshot(role, ("position", "role", "former_kind", "former_eselon")),
            extra={"scenario": scenario.pk},
        )
    record(
        actor=actor,
        action="enactment.create",
        obj=enactment,
        after={
            "legal_basis": legal_basis,
            "effective_date": effective_date.isoformat(),
            "scenario": scenario.pk,
        },
        extra=enactment.summary,
    )
    before = {"status": scenario.status}
    scenario.status = ScenarioStatus.ENACTED
    scenario.save(update_fields=["status", "updated_at"])
    record(
        actor=actor,
        action="scenario.enact",
        obj=scenario,
        before=before,
        after={"status": scenario.status},
        extra={"enactment": enactment.pk},
    )
    return enactment
