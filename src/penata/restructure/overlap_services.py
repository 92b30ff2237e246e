"""Review of overlapping duties: runs over the current structure, decisions, scenario operations.

A run (`overlap_run_start`) is a background task (`overlap_tasks.overlap_run_execute`) that
loads every duty of the positions in force, calls the pure `overlap.find_overlaps` and stores
one `OverlapFinding` per cluster. Pairs whose units are an ancestor and a descendant (a bidang
and its own seksi) are left out: a bidang that repeats its seksi's duty delegates it, it does
not duplicate it. A decision is keyed by the duty ids *and* the hash of their texts, so it is
applied to the same finding in every later run and a dismissed finding returns only when one
of its texts changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from penata.core.audit import record, snapshot
from penata.core.dating import today, valid_on
from penata.core.errors import ApplicationError, NotFound, PermissionDenied, ValidationFailed
from penata.org.models import Duty, Instansi, Position, Unit
from penata.restructure.graph_loader import graph_from_db
from penata.restructure.models import (
    OverlapDecision,
    OverlapDecisionStatus,
    OverlapFinding,
    OverlapRun,
    OverlapRunStatus,
    Scenario,
    ScenarioOperation,
    ScenarioStatus,
)
from penata.restructure.overlap import DEFAULT_THRESHOLD, Statement, find_overlaps
from penata.restructure.selectors import can_write
from penata.restructure.services.scenarios import scenario_add_operation, scenario_create

RUN_FIELDS = ("status", "threshold", "duty_count", "finding_count", "pair_count")
DECISION_FIELDS = ("status", "owner_unit_id", "reason", "scenario_id")
# Progress rows are written at most this many times per run (each is one UPDATE).
PROGRESS_STEPS = 50


class OverlapError(StrEnum):
    THRESHOLD = "overlap.threshold"
    RUN_ACTIVE = "overlap.run_active"
    OWNER_REQUIRED = "overlap.owner_required"
    OWNER_UNKNOWN = "overlap.owner_unknown"
    REASON_REQUIRED = "overlap.reason_required"
    STATUS_UNKNOWN = "overlap.status_unknown"
    NOT_CONFIRMED = "overlap.not_confirmed"
    MODE_UNKNOWN = "overlap.mode_unknown"
    NOTHING_TO_CHANGE = "overlap.nothing_to_change"
    SCENARIO_NOT_DRAFT = "overlap.scenario_not_draft"
    RUN_FINISHED = "overlap.run_finished"


class RunStopped(Exception):
    """The run was cancelled or expired while its worker was still searching."""


def text_hash(statement: str) -> str:
    """Hash of a duty statement, blind to case and spacing."""
    normal = " ".join(statement.split()).casefold()
    return hashlib.sha256(normal.encode()).hexdigest()[:16]


def finding_key(duties: Sequence[tuple[int, str]]) -> str:
    """The key of a cluster from its (duty id, text hash) members, in any order."""
    members = "|".join(f"{duty_id}:{digest}" for duty_id, digest in sorted(duties))
    return hashlib.sha256(members.encode()).hexdigest()


def _require_writer(actor: Any, instansi_id: int) -> None:
    if not can_write(actor, instansi_id):
        raise PermissionDenied(
            _("Hanya analis organisasi atau admin yang dapat memeriksa tumpang tindih tugas.")
        )


@transaction.atomic
def overlap_run_start(
    *, actor: Any, instansi: Instansi, threshold: float = DEFAULT_THRESHOLD
) -> OverlapRun:
    """Queue a search for overlapping duties over the structure in force today.

    The task is enqueued after commit; one run at a time per instansi."""
    _require_writer(actor, instansi.id)
    if not 0.0 < threshold <= 1.0:
        raise ValidationFailed(
            OverlapError.THRESHOLD, _("Ambang kemiripan harus lebih dari 0 dan paling besar 1.")
        )
    Instansi.objects.select_for_update().filter(pk=instansi.pk).first()
    active = OverlapRun.objects.filter(
        instansi=instansi, status__in=[OverlapRunStatus.QUEUED, OverlapRunStatus.RUNNING]
    ).first()
    if active is not None and _is_expired(active):
        minutes = settings.PENATA_OVERLAP_RUN_TIMEOUT_MINUTES
        _stop(
            actor,
            active,
            action="overlap.run_expire",
            reason=_(
                "Dihentikan otomatis: tidak selesai dalam %(minutes)s menit (proses latar "
                "belakang kemungkinan terhenti)."
            )
            % {"minutes": minutes},
        )
        active = None
    if active is not None:
        raise ApplicationError(
            OverlapError.RUN_ACTIVE,
            _("Pemeriksaan #%(run)s masih berjalan; tunggu sampai selesai.") % {"run": active.pk},
            {"run": active.pk},
        )
    run = OverlapRun.objects.create(
        instansi=instansi,
        started_by=actor if getattr(actor, "pk", None) else None,
        threshold=threshold,
    )
    record(actor=actor, action="overlap.run_start", obj=run, after=snapshot(run, RUN_FIELDS))

    from penata.restructure.overlap_tasks import overlap_run_execute

    transaction.on_commit(lambda: overlap_run_execute.enqueue(run.pk))
    return run


def _is_expired(run: OverlapRun) -> bool:
    began = run.started_at or run.created_at
    limit = dt.timedelta(minutes=settings.PENATA_OVERLAP_RUN_TIMEOUT_MINUTES)
    return timezone.now() - began > limit


def _stop(actor: Any, run: OverlapRun, *, action: str, reason: str) -> None:
    before = snapshot(run, RUN_FIELDS)
    OverlapRun.objects.filter(pk=run.pk).update(
        status=OverlapRunStatus.FAILED, error=reason, finished_at=timezone.now()
    )
    run.refresh_from_db()
    record(
        actor=actor,
        action=action,
        obj=run,
        before=before,
        after=snapshot(run, RUN_FIELDS),
        instansi_id=run.instansi_id,
    )


@transaction.atomic
def overlap_run_cancel(*, actor: Any, run: OverlapRun) -> OverlapRun:
    """Stop a queued or running run; its worker notices at its next progress step and drops
    what it found. Frees the instansi for a new run at once."""
    _require_writer(actor, run.instansi_id)
    run = OverlapRun.objects.select_for_update().get(pk=run.pk)
    if run.is_finished:
        raise ApplicationError(
            OverlapError.RUN_FINISHED,
            _("Pemeriksaan #%(run)s sudah selesai; tidak ada yang dibatalkan.") % {"run": run.pk},
            {"run": run.pk},
        )
    name = actor.get_full_name() or actor.get_username()
    reason = _("Dibatalkan oleh %(name)s.") % {"name": name}
    _stop(actor, run, action="overlap.run_cancel", reason=reason)
    return run


@dataclass(frozen=True)
class _Duty:
    id: int
    statement: str
    unit_id: int
    unit_name: str
    unit_path: str
    position_id: int
    position_title: str


def _current_duties(instansi_id: int) -> list[_Duty]:
    """Every duty of a position in force today in a unit in force today (one query)."""
    day = today()
    rows = (
        Duty.objects.filter(instansi_id=instansi_id)
        .filter(valid_on(day, "position__"), valid_on(day, "position__unit__"))
        .order_by("position__unit__path", "position_id", "sort_order", "id")
        .values_list(
            "id",
            "statement",
            "position__unit_id",
            "position__unit__name",
            "position__unit__path",
            "position_id",
            "position__title",
        )
    )
    return [_Duty(*row) for row in rows]


def _is_lineage(path_a: str, path_b: str) -> bool:
    return path_a.startswith(path_b) or path_b.startswith(path_a)


def _clusters(links: list[tuple[int, int]]) -> list[list[int]]:
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for node in sorted(parent):
        groups.setdefault(root(node), []).append(node)
    return list(groups.values())


def overlap_run_execute(run_id: int) -> OverlapRun:
    """Run the search of a queued run: progress is written as it goes (outside the final
    transaction so pages see it), findings and previous decisions are stored at the end."""
    run = OverlapRun.objects.get(pk=run_id)
    if run.status != OverlapRunStatus.QUEUED:
        return run
    OverlapRun.objects.filter(pk=run.pk).update(
        status=OverlapRunStatus.RUNNING, started_at=timezone.now()
    )
    try:
        duties = _current_duties(run.instansi_id)
        OverlapRun.objects.filter(pk=run.pk).update(duty_count=len(duties))
        last = [-1]

        def progress(done: int, total: int) -> None:
            step = max(1, total // PROGRESS_STEPS)
            if done == total or done - last[0] >= step:
                last[0] = done
                still_running = OverlapRun.objects.filter(
                    pk=run.pk, status=OverlapRunStatus.RUNNING
                ).update(progress_done=done, progress_total=total)
                if not still_running:
                    raise RunStopped

        statements = [
            Statement(
                id=str(d.id), unit=str(d.unit_id), text=d.statement, position=d.position_title
            )
            for d in duties
        ]
        result = find_overlaps(statements, threshold=run.threshold, progress=progress)
        _store_findings(run, duties, result.pairs)
    except RunStopped:  # cancelled or expired meanwhile: the row already says so
        pass
    except Exception as error:  # the run row must not stay "running" after a crash
        OverlapRun.objects.filter(pk=run.pk).update(
            status=OverlapRunStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    run.refresh_from_db()
    return run


@transaction.atomic
def _store_findings(run: OverlapRun, duties: list[_Duty], pairs: Sequence[Any]) -> None:
    locked = OverlapRun.objects.select_for_update().filter(pk=run.pk).first()
    if locked is None or locked.status != OverlapRunStatus.RUNNING:
        raise RunStopped
    by_id = {d.id: d for d in duties}
    hashes = {d.id: text_hash(d.statement) for d in duties}
    kept = []
    for pair in pairs:
        a, b = by_id[int(pair.a)], by_id[int(pair.b)]
        if _is_lineage(a.unit_path, b.unit_path):
            continue
        kept.append((a.id, b.id, pair.score, pair.terms))
    groups = _clusters([(a, b) for a, b, _, _ in kept])
    group_of = {duty_id: index for index, group in enumerate(groups) for duty_id in group}
    group_pairs: dict[int, list[tuple[int, int, float, tuple[str, ...]]]] = {}
    for item in kept:
        group_pairs.setdefault(group_of[item[0]], []).append(item)
    decisions = {
        d.key: d.status for d in OverlapDecision.objects.filter(instansi_id=run.instansi_id)
    }
    findings = []
    for index, group in enumerate(groups):
        members = group_pairs[index]
        terms: list[str] = []
        for *_pair, pair_terms in sorted(members, key=lambda m: -m[2]):
            terms.extend(t for t in pair_terms if t not in terms)
        key = finding_key([(duty_id, hashes[duty_id]) for duty_id in group])
        findings.append(
            OverlapFinding(
                run=run,
                key=key,
                score=max(m[2] for m in members),
                terms=terms[:8],
                duties=[
                    {
                        "id": duty_id,
                        "hash": hashes[duty_id],
                        "statement": by_id[duty_id].statement,
                        "unit_id": by_id[duty_id].unit_id,
                        "unit": by_id[duty_id].unit_name,
                        "position_id": by_id[duty_id].position_id,
                        "position": by_id[duty_id].position_title,
                    }
                    for duty_id in group
                ],
                pairs=[{"a": a, "b": b, "score": s, "terms": list(t)} for a, b, s, t in members],
                unit_ids=sorted({by_id[duty_id].unit_id for duty_id in group}),
                status=decisions.get(key, OverlapDecisionStatus.OPEN),
            )
        )
    OverlapFinding.objects.bulk_create(findings, batch_size=500)
    OverlapRun.objects.filter(pk=run.pk).update(
        status=OverlapRunStatus.DONE,
        finished_at=timezone.now(),
        finding_count=len(findings),
        pair_count=len(kept),
    )


@transaction.atomic
def overlap_decide(
    *,
    actor: Any,
    finding: OverlapFinding,
    status: str,
    owner_unit_id: int | None = None,
    reason: str = "",
) -> OverlapDecision:
    """Confirm (with the unit that should own the duty), dismiss (with a reason) or mark
    resolved a finding; the decision holds for the same finding in later runs."""
    instansi_id = finding.run.instansi_id
    _require_writer(actor, instansi_id)
    reason = reason.strip()
    owner: Unit | None = None
    if status == OverlapDecisionStatus.CONFIRMED:
        if owner_unit_id is None:
            raise ValidationFailed(
                OverlapError.OWNER_REQUIRED, _("Pilih unit yang seharusnya memegang tugas ini.")
            )
        owner = Unit.objects.filter(
            pk=owner_unit_id, instansi_id=instansi_id, pk__in=finding.unit_ids
        ).first()
        if owner is None:
            raise ValidationFailed(
                OverlapError.OWNER_UNKNOWN, _("Unit pemilik harus salah satu unit dalam temuan.")
            )
    elif status == OverlapDecisionStatus.DISMISSED:
        if not reason:
            raise ValidationFailed(
                OverlapError.REASON_REQUIRED, _("Tuliskan alasan temuan ini diabaikan.")
            )
    elif status != OverlapDecisionStatus.RESOLVED:
        raise ValidationFailed(OverlapError.STATUS_UNKNOWN, _("Keputusan tidak dikenal."))
    decision = (
        OverlapDecision.objects.select_for_update()
        .filter(instansi_id=instansi_id, key=finding.key)
        .first()
    )
    before = snapshot(decision, DECISION_FIELDS) if decision else None
    if decision is None:
        decision = OverlapDecision(instansi_id=instansi_id, key=finding.key)
    decision.duty_ids = [d["id"] for d in finding.duties]
    decision.status = status
    decision.owner_unit = owner
    decision.reason = reason if status == OverlapDecisionStatus.DISMISSED else ""
    decision.decided_by = actor if getattr(actor, "pk", None) else None
    decision.decided_at = timezone.now()
    decision.save()
    OverlapFinding.objects.filter(run__instansi_id=instansi_id, key=finding.key).update(
        status=status
    )
    record(
        actor=actor,
        action="overlap.decide",
        obj=decision,
        before=before,
        after=snapshot(decision, DECISION_FIELDS),
        instansi_id=instansi_id,
        extra={"finding": finding.pk, "duties": decision.duty_ids},
    )
    return decision


MODES = ("remove", "move")


@transaction.atomic
def overlap_to_scenario(
    *,
    actor: Any,
    finding: OverlapFinding,
    mode: str = "remove",
    scenario: Scenario | None = None,
) -> tuple[Scenario, list[ScenarioOperation]]:
    """Turn a confirmed finding into scenario operations on the duties of the other units.

    `remove` removes them from their posts (`duty.remove`; at enactment the old post rows keep
    the statements for the record); `move` moves them to the owner unit's post holding the duty (or,
    when it holds none, the head of the owner unit). Adds to `scenario` (a draft) or creates
    a new draft scenario. Refused operations roll everything back."""
    instansi_id = finding.run.instansi_id
    _require_writer(actor, instansi_id)
    if mode not in MODES:
        raise ValidationFailed(OverlapError.MODE_UNKNOWN, _("Pilih hapus atau pindahkan."))
    decision = OverlapDecision.objects.filter(instansi_id=instansi_id, key=finding.key).first()
    if decision is None or decision.status != OverlapDecisionStatus.CONFIRMED:
        raise ApplicationError(
            OverlapError.NOT_CONFIRMED, _("Konfirmasi temuan dan pilih unit pemiliknya dahulu.")
        )
    owner_id = decision.owner_unit_id
    others = [d for d in finding.duties if d["unit_id"] != owner_id]
    if scenario is not None:
        if scenario.instansi_id != instansi_id:
            raise NotFound("skenario")
        if scenario.status != ScenarioStatus.DRAFT:
            raise ApplicationError(
                OverlapError.SCENARIO_NOT_DRAFT,
                _("Hanya skenario berstatus draf yang dapat diubah."),
            )
    target: int | None = None
    if mode == "move":
        owned = [d for d in finding.duties if d["unit_id"] == owner_id]
        if owned:
            target = owned[0]["position_id"]
        elif owner_id is not None:
            head = (
                Position.objects.filter(unit_id=owner_id)
                .filter(valid_on())
                .order_by("-kelas_jabatan", "id")
                .first()
            )
            target = head.pk if head else None
    if not others:
        raise ApplicationError(
            OverlapError.NOTHING_TO_CHANGE, _("Tidak ada uraian tugas di luar unit pemilik.")
        )
    if scenario is None:
        summary = ", ".join(finding.terms[:3]) or _("temuan %(finding)s") % {"finding": finding.pk}
        duties = "; ".join(f"{d['unit']} — {d['statement']}" for d in finding.duties)
        scenario = scenario_create(
            actor=actor,
            instansi=finding.run.instansi,
            name=(_("Tumpang tindih: %(summary)s") % {"summary": summary})[:200],
            description=_("Dibuat dari temuan tumpang tindih tugas: %(duties)s")
            % {"duties": duties},
        )
    base = graph_from_db(scenario.instansi, scenario.base_date)
    rows = []
    for duty in others:
        if mode == "move":
            params: dict[str, Any] = {"duty": duty["id"], "position": target}
            kind = "duty.move"
        else:
            params = {"duty": duty["id"]}
            kind = "duty.remove"
        rows.append(
            scenario_add_operation(
                actor=actor, scenario=scenario, kind=kind, params=params, base=base
            )
        )
    before = snapshot(decision, DECISION_FIELDS)
    decision.scenario = scenario
    decision.save(update_fields=["scenario"])
    record(
        actor=actor,
        action="overlap.to_scenario",
        obj=decision,
        before=before,
        after=snapshot(decision, DECISION_FIELDS),
        instansi_id=instansi_id,
        extra={"mode": mode, "operations": [row.seq for row in rows]},
    )
    scenario.refresh_from_db()
    return scenario, rows
