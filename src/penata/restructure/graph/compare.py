"""Compare two structures: metrics side by side, what changed, and whom it affects.

Both graphs must speak the same ids (a scenario's graph keeps the ids of the baseline; two
dates are lined up first with `OrgGraph.relabel`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from penata.core.i18n import gettext_noop
from penata.core.i18n import translate as _
from penata.core.reference import JF_JENJANG, POSITION_KINDS
from penata.restructure.graph.metrics import (
    DEFAULT_METRICS_CONFIG,
    MetricsConfig,
    StructureMetrics,
    structure_metrics,
)
from penata.restructure.graph.model import (
    ROLES,
    DutyNode,
    NodeId,
    OrgGraph,
    PositionNode,
    decimal_text,
    id_key,
)

# Label and which direction is an improvement ("lower"/"higher"/None = neutral). Labels are
# the Indonesian source text, translated when shown (`MetricDelta.label`, `Change.kind_label`,
# `AffectedEmployee.reason_labels`).
METRIC_LABELS: dict[str, tuple[str, str | None]] = {
    "units": (gettext_noop("Jumlah unit"), None),
    "positions": (gettext_noop("Jumlah jabatan"), None),
    "managerial_positions": (gettext_noop("Jabatan manajerial"), "lower"),
    "nonmanagerial_positions": (gettext_noop("Jabatan nonmanajerial"), None),
    "vacant_positions": (gettext_noop("Jabatan lowong"), None),
    "people": (gettext_noop("Jumlah pegawai"), None),
    "managerial_people": (gettext_noop("Pegawai di jabatan manajerial"), None),
    "managerial_ratio_positions": (gettext_noop("Rasio manajerial (jabatan)"), "lower"),
    "managerial_ratio_people": (gettext_noop("Rasio manajerial (pegawai)"), "lower"),
    "layers": (gettext_noop("Jumlah lapis manajerial"), "lower"),
    "span_mean": (gettext_noop("Rentang kendali rata-rata"), "higher"),
    "span_median": (gettext_noop("Rentang kendali median"), "higher"),
    "managers_below": (gettext_noop("Manajer di bawah rentang sehat"), "lower"),
    "managers_above": (gettext_noop("Manajer di atas rentang sehat"), "lower"),
    "decision_path_mean": (gettext_noop("Jalur keputusan rata-rata (langkah)"), "lower"),
    "decision_path_max": (gettext_noop("Jalur keputusan terpanjang (langkah)"), "lower"),
    "decision_path_unresolved": (
        gettext_noop("Jabatan tanpa jalur ke pengambil keputusan"),
        "lower",
    ),
    "abk_need": (gettext_noop("Kebutuhan pegawai ABK (desimal)"), None),
    "abk_need_rounded": (gettext_noop("Kebutuhan pegawai ABK (dibulatkan)"), None),
    "abk_existing": (gettext_noop("Pegawai yang ada (per jabatan)"), None),
    "abk_gap": (gettext_noop("Selisih kebutuhan − yang ada"), None),
}

CHANGE_LABELS: dict[str, str] = {
    "unit.added": gettext_noop("Unit baru"),
    "unit.removed": gettext_noop("Unit dihapus"),
    "unit.renamed": gettext_noop("Unit berganti nama"),
    "unit.moved": gettext_noop("Unit pindah induk"),
    "unit.kind": gettext_noop("Jenis unit berubah"),
    "position.added": gettext_noop("Jabatan baru"),
    "position.removed": gettext_noop("Jabatan dihapus"),
    "position.moved": gettext_noop("Jabatan pindah unit"),
    "position.converted": gettext_noop("Jabatan disetarakan"),
    "position.kind": gettext_noop("Jenis jabatan berubah"),
    "position.renamed": gettext_noop("Jabatan berganti nama"),
    "position.reports_to": gettext_noop("Atasan langsung berubah"),
    "position.head": gettext_noop("Kepala unit berubah"),
    "position.role": gettext_noop("Peran koordinator berubah"),
    "duty.added": gettext_noop("Uraian tugas baru"),
    "duty.removed": gettext_noop("Uraian tugas dihapus"),
    "duty.moved": gettext_noop("Uraian tugas pindah jabatan"),
    "duty.changed": gettext_noop("Volume/norma waktu berubah"),
}

AFFECTED_REASONS: dict[str, str] = {
    "post_removed": gettext_noop("jabatannya dihapus"),
    "post_changed": gettext_noop("pindah ke jabatan lain"),
    "unit_changed": gettext_noop("unit kerjanya berubah"),
    "kind_changed": gettext_noop("jenis jabatannya berubah"),
    "title_changed": gettext_noop("nama jabatannya berubah"),
    "acting_ended": gettext_noop("penugasan Plt/Plh berakhir"),
}


@dataclass(frozen=True)
class MetricDelta:
    key: str
    label: str  # in the active language when `compare` ran
    base: float | int | None
    other: float | int | None
    better: str | None

    @property
    def delta(self) -> float | int | None:
        if self.base is None or self.other is None:
            return None
        value = self.other - self.base
        return round(value, 4) if isinstance(value, float) else value

    @property
    def trend(self) -> str:
        """ "better", "worse", "same" or "neutral" (for colouring)."""
        delta = self.delta
        if delta is None or delta == 0:
            return "same"
        if self.better is None:
            return "neutral"
        improved = delta < 0 if self.better == "lower" else delta > 0
        return "better" if improved else "worse"


@dataclass(frozen=True)
class Change:
    kind: str
    object_type: str
    object_id: NodeId
    label: str
    before: str
    after: str

    @property
    def kind_label(self) -> str:
        return _(CHANGE_LABELS[self.kind]) if self.kind in CHANGE_LABELS else self.kind

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kind_label": self.kind_label,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "label": self.label,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class PostRef:
    position: NodeId
    title: str
    unit: NodeId
    unit_name: str
    kind: str
    jenjang: str
    acting: bool

    @property
    def kind_label(self) -> str:
        label = POSITION_KINDS.get(self.kind, self.kind)
        if self.jenjang:
            label += f" {JF_JENJANG.get(self.jenjang, self.jenjang)}"
        return label

    def as_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "title": self.title,
            "unit": self.unit,
            "unit_name": self.unit_name,
            "kind": self.kind,
            "jenjang": self.jenjang,
            "acting": self.acting,
        }


@dataclass(frozen=True)
class AffectedEmployee:
    employee: int
    name: str
    nip: str
    before: PostRef | None
    after: PostRef | None
    reasons: tuple[str, ...]

    @property
    def reason_labels(self) -> list[str]:
        return [_(AFFECTED_REASONS[r]) if r in AFFECTED_REASONS else r for r in self.reasons]

    def as_dict(self) -> dict[str, Any]:
        return {
            "employee": self.employee,
            "name": self.name,
            "nip": self.nip,
            "before": self.before.as_dict() if self.before else None,
            "after": self.after.as_dict() if self.after else None,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class Comparison:
    base: StructureMetrics
    other: StructureMetrics
    metrics: tuple[MetricDelta, ...]
    changes: tuple[Change, ...]
    affected: tuple[AffectedEmployee, ...]

    @property
    def change_counts(self) -> dict[str, int]:
        counts = Counter(c.kind for c in self.changes)
        return {k: counts[k] for k in CHANGE_LABELS if counts[k]}

    def changed_ids(self) -> dict[str, dict[NodeId, str]]:
        """Per object type, id → the strongest change kind (for highlighting charts)."""
        rank = {"added": 3, "removed": 3, "moved": 2, "converted": 2}
        out: dict[str, dict[NodeId, str]] = {"unit": {}, "position": {}, "duty": {}}
        for change in self.changes:
            verb = change.kind.split(".", 1)[1]
            current = out[change.object_type].get(change.object_id)
            if current is None or rank.get(verb, 1) > rank.get(current, 1):
                out[change.object_type][change.object_id] = verb
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "metrics": [
                {
                    "key": m.key,
                    "label": m.label,
                    "base": m.base,
                    "other": m.other,
                    "delta": m.delta,
                    "trend": m.trend,
                }
                for m in self.metrics
            ],
            "abk": {"base": self.base.abk.as_dict(), "other": self.other.abk.as_dict()},
            "change_counts": self.change_counts,
            "changes": [c.as_dict() for c in self.changes],
            "affected": [a.as_dict() for a in self.affected],
        }


def compare(
    base: OrgGraph,
    other: OrgGraph,
    config: MetricsConfig = DEFAULT_METRICS_CONFIG,
    *,
    base_metrics: StructureMetrics | None = None,
    other_metrics: StructureMetrics | None = None,
) -> Comparison:
    """Everything that differs between two structures (pass metrics already computed to
    avoid computing them twice)."""
    left = base_metrics or structure_metrics(base, config)
    right = other_metrics or structure_metrics(other, config)
    left_headline, right_headline = left.headline(), right.headline()
    metrics = tuple(
        MetricDelta(key, _(label), left_headline.get(key), right_headline.get(key), better)
        for key, (label, better) in METRIC_LABELS.items()
    )
    changes = (
        _unit_changes(base, other) + _position_changes(base, other) + _duty_changes(base, other)
    )
    return Comparison(left, right, metrics, tuple(changes), tuple(_affected(base, other)))


def _differing(left: Mapping[NodeId, object], right: Mapping[NodeId, object]) -> list[NodeId]:
    """Ids whose node differs, sorted. Graphs from one scenario share unchanged node objects,
    so an identity check settles most ids without comparing fields."""
    if left is right:
        return []
    ids = [k for k, v in left.items() if (w := right.get(k)) is not v and w != v]
    ids += [k for k in right if k not in left]
    return sorted(ids, key=id_key)


def _unit_changes(base: OrgGraph, other: OrgGraph) -> list[Change]:
    out: list[Change] = []
    for uid in _differing(base.units, other.units):
        before, after = base.units.get(uid), other.units.get(uid)
        if before is None and after is not None:
            out.append(
                Change(
                    "unit.added",
                    "unit",
                    uid,
                    after.name,
                    "",
                    _("di bawah %(unit)s", unit=other.unit_label(after.parent)),
                )
            )
        elif after is None and before is not None:
            out.append(
                Change(
                    "unit.removed",
                    "unit",
                    uid,
                    before.name,
                    _("di bawah %(unit)s", unit=base.unit_label(before.parent)),
                    "",
                )
            )
        elif before is not None and after is not None:
            if (before.name, before.code) != (after.name, after.code):
                out.append(
                    Change(
                        "unit.renamed",
                        "unit",
                        uid,
                        after.name,
                        f"{before.name} ({before.code})",
                        f"{after.name} ({after.code})",
                    )
                )
            if before.parent != after.parent:
                out.append(
                    Change(
                        "unit.moved",
                        "unit",
                        uid,
                        after.name,
                        base.unit_label(before.parent),
                        other.unit_label(after.parent),
                    )
                )
            if before.kind != after.kind:
                out.append(Change("unit.kind", "unit", uid, after.name, before.kind, after.kind))
    return out


def _kind_text(node: PositionNode) -> str:
    label = POSITION_KINDS.get(node.kind, node.kind)
    if node.jenjang:
        label += f" {JF_JENJANG.get(node.jenjang, node.jenjang)}"
    if node.eselon:
        label = _("%(kind)s (eselon %(eselon)s)", kind=label, eselon=node.eselon)
    return label


def _placed_text(graph: OrgGraph, node: PositionNode) -> str:
    return _("%(kind)s di %(unit)s", kind=_kind_text(node), unit=graph.unit_label(node.unit))


def _head_text(is_unit_head: bool) -> str:
    return _("kepala unit") if is_unit_head else _("bukan kepala unit")


def _position_changes(base: OrgGraph, other: OrgGraph) -> list[Change]:
    out: list[Change] = []
    for pid in _differing(base.positions, other.positions):
        before, after = base.positions.get(pid), other.positions.get(pid)
        if before is None and after is not None:
            out.append(
                Change(
                    "position.added",
                    "position",
                    pid,
                    after.title,
                    "",
                    _placed_text(other, after),
                )
            )
            continue
        if after is None and before is not None:
            out.append(
                Change(
                    "position.removed",
                    "position",
                    pid,
                    before.title,
                    _placed_text(base, before),
                    "",
                )
            )
            continue
        assert before is not None and after is not None
        label = after.title
        if before.unit != after.unit:
            out.append(
                Change(
                    "position.moved",
                    "position",
                    pid,
                    label,
                    base.unit_label(before.unit),
                    other.unit_label(after.unit),
                )
            )
        if (before.kind, before.jenjang, before.eselon) != (
            after.kind,
            after.jenjang,
            after.eselon,
        ):
            converted = after.is_penyetaraan and not before.is_penyetaraan
            out.append(
                Change(
                    "position.converted" if converted else "position.kind",
                    "position",
                    pid,
                    label,
                    f"{before.title}: {_kind_text(before)}",
                    f"{after.title}: {_kind_text(after)}",
                )
            )
        elif before.title != after.title:
            out.append(
                Change("position.renamed", "position", pid, label, before.title, after.title)
            )
        if before.reports_to != after.reports_to:
            out.append(
                Change(
                    "position.reports_to",
                    "position",
                    pid,
                    label,
                    base.position_label(before.reports_to),
                    other.position_label(after.reports_to),
                )
            )
        if before.is_unit_head != after.is_unit_head:
            out.append(
                Change(
                    "position.head",
                    "position",
                    pid,
                    label,
                    _head_text(before.is_unit_head),
                    _head_text(after.is_unit_head),
                )
            )
        if before.role != after.role:
            out.append(
                Change(
                    "position.role",
                    "position",
                    pid,
                    label,
                    ROLES.get(before.role, "—"),
                    ROLES.get(after.role, "—"),
                )
            )
    return out


def _workload_text(duty: DutyNode) -> str:
    return _(
        "%(volume)s %(output)s × %(norm)s menit",
        volume=decimal_text(duty.volume),
        output=duty.output_unit,
        norm=decimal_text(duty.time_norm),
    )


def _duty_changes(base: OrgGraph, other: OrgGraph) -> list[Change]:
    out: list[Change] = []
    for did in _differing(base.duties, other.duties):
        before, after = base.duties.get(did), other.duties.get(did)
        if before is None and after is not None:
            out.append(
                Change(
                    "duty.added",
                    "duty",
                    did,
                    after.statement,
                    "",
                    other.position_label(after.position),
                )
            )
        elif after is None and before is not None:
            out.append(
                Change(
                    "duty.removed",
                    "duty",
                    did,
                    before.statement,
                    base.position_label(before.position),
                    "",
                )
            )
        elif before is not None and after is not None:
            if before.position != after.position:
                out.append(
                    Change(
                        "duty.moved",
                        "duty",
                        did,
                        after.statement,
                        base.position_label(before.position),
                        other.position_label(after.position),
                    )
                )
            if (before.volume, before.time_norm) != (after.volume, after.time_norm):
                out.append(
                    Change(
                        "duty.changed",
                        "duty",
                        did,
                        after.statement,
                        _workload_text(before),
                        _workload_text(after),
                    )
                )
    return out


def _post_ref(graph: OrgGraph, pid: NodeId, acting: bool) -> PostRef:
    node = graph.positions[pid]
    return PostRef(
        pid, node.title, node.unit, graph.unit_label(node.unit), node.kind, node.jenjang, acting
    )


def _posts_of(graph: OrgGraph, employees: set[int]) -> dict[int, list[tuple[NodeId, bool]]]:
    """Employee → [(post id, acting?)] for the given employees, definitive posts first."""
    held: dict[int, list[tuple[NodeId, bool]]] = {}
    for pid, node in graph.positions.items():
        for employee in node.incumbents:
            if employee in employees:
                held.setdefault(employee, []).append((pid, False))
        for employee in node.acting:
            if employee in employees:
                held.setdefault(employee, []).append((pid, True))
    for posts in held.values():
        posts.sort(key=lambda post: (post[1], id_key(post[0])))
    return held


def _affected(base: OrgGraph, other: OrgGraph) -> list[AffectedEmployee]:
    # Only holders of a post that changed (or whose unit changed) can be affected.
    candidates: set[int] = set()
    changed_units = set(_differing(base.units, other.units))
    for pid in _differing(base.positions, other.positions):
        for graph in (base, other):
            node = graph.positions.get(pid)
            if node is not None:
                candidates.update(node.incumbents, node.acting)
    if changed_units:
        for node in base.positions.values():
            if node.unit in changed_units:
                candidates.update(node.incumbents, node.acting)
    if not candidates:
        return []
    before_posts = _posts_of(base, candidates)
    after_posts = _posts_of(other, candidates)
    out: list[AffectedEmployee] = []
    for employee in sorted(candidates):
        befores = before_posts.get(employee, [])
        afters = after_posts.get(employee, [])
        definitive_before = [p for p, acting in befores if not acting]
        definitive_after = [p for p, acting in afters if not acting]
        pairs: list[tuple[PostRef | None, PostRef | None, list[str]]] = []
        # Definitive posts: pair each old post with the new one (same id first).
        unmatched_after = [p for p in definitive_after if p not in definitive_before]
        for pid in definitive_before:
            if pid in definitive_after:
                pairs.append((_post_ref(base, pid, False), _post_ref(other, pid, False), []))
            else:
                target = unmatched_after.pop(0) if unmatched_after else None
                reasons = ["post_changed"] if target is not None else []
                if pid not in other.positions:
                    reasons.insert(0, "post_removed")
                pairs.append(
                    (
                        _post_ref(base, pid, False),
                        _post_ref(other, target, False) if target is not None else None,
                        reasons,
                    )
                )
        for pid in unmatched_after:
            pairs.append((None, _post_ref(other, pid, False), ["post_changed"]))
        # Acting (Plt/Plh) posts.
        acting_after = {p for p, acting in afters if acting}
        for pid, acting in befores:
            if acting and pid not in acting_after:
                pairs.append((_post_ref(base, pid, True), None, ["acting_ended"]))
            elif acting:
                pairs.append((_post_ref(base, pid, True), _post_ref(other, pid, True), []))
        for before, after, reasons in pairs:
            if before is not None and after is not None:
                if before.unit != after.unit:
                    reasons.append("unit_changed")
                if (before.kind, before.jenjang) != (after.kind, after.jenjang):
                    reasons.append("kind_changed")
                if before.title != after.title and before.position == after.position:
                    reasons.append("title_changed")
            if not reasons:
                continue
            person = base.people.get(employee) or other.people.get(employee)
            out.append(
                AffectedEmployee(
                    employee=employee,
                    name=person.name if person else f"#{employee}",
                    nip=person.nip if person else "",
                    before=before,
                    after=after,
                    reasons=tuple(dict.fromkeys(reasons)),
                )
            )
    return out
