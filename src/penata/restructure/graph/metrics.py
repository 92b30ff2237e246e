"""Structure metrics of an `OrgGraph`: layers, spans of control, decision paths, managerial
ratio, counts by kind and eselon, ABK need against existing staff, per unit and per
Perangkat Daerah.

Definitions (docs/restructure.md explains them for analysts):

- **Layer** of a managerial post: 1 for a managerial post with no managerial superior on its
  reporting line, otherwise 1 + the layer of its nearest managerial superior.
  `layers` = the deepest layer (depth of the managerial tree).
- **Span of control** of a managerial post, two ways: *in positions* = the posts reporting to
  it directly; *in people* = each managerial direct-report post counts as one (filled or not:
  it still has to be led), plus the definitive holders of each non-managerial direct-report
  post (a vacant one counts zero). The healthy range (default 3–12 [U], configurable) is
  read on `span_basis` (default people).
- **Decision path** of a non-managerial post = the hops up its reporting line to the official
  who decides for its service: the head of the nearest unit at or above its own whose kind is
  in `decider_unit_kinds` (default: the Perangkat Daerah kinds). A post whose line never
  reaches that official is counted as unresolved.
- **Managerial ratio** = managerial posts / all posts, and the same over people.
- **ABK** (PermenPAN-RB 1/2020): workload = Σ annual volume × time norm; need = workload /
  WKE; rounded need per post by `penata.workload.rules.need_round`; gap = rounded need −
  existing (definitive holders). Plt/Plh holders are not counted as existing staff.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from penata.core.gc_tuning import gc_paused
from penata.core.reference import ESELON, MANAGERIAL_KINDS, PERANGKAT_DAERAH_KINDS, POSITION_KINDS
from penata.restructure.graph.model import NodeId, OrgGraph, PositionNode, id_key
from penata.workload.rules import DEFAULT_CONFIG, AbkConfig, display, need_round

SpanStatus = Literal["below", "within", "above"]


@dataclass(frozen=True)
class MetricsConfig:
    span_min: int = 3  # [U] a common rule of thumb, not regulation
    span_max: int = 12  # [U]
    span_basis: Literal["people", "positions"] = "people"
    decider_unit_kinds: frozenset[str] = PERANGKAT_DAERAH_KINDS
    abk: AbkConfig = field(default=DEFAULT_CONFIG)

    def __post_init__(self) -> None:
        if not 0 <= self.span_min <= self.span_max:
            raise ValueError("span_min must be between 0 and span_max")
        if self.span_basis not in ("people", "positions"):
            raise ValueError("span_basis must be 'people' or 'positions'")

    def as_dict(self) -> dict[str, Any]:
        return {
            "span_min": self.span_min,
            "span_max": self.span_max,
            "span_basis": self.span_basis,
            "decider_unit_kinds": sorted(self.decider_unit_kinds),
            "effective_minutes": int(self.abk.effective_minutes),
            "rounding": self.abk.rounding,
        }


DEFAULT_METRICS_CONFIG = MetricsConfig()


class ManagerSpan(NamedTuple):
    """One managerial post's span of control (a named tuple: a province has 18,000)."""

    position: NodeId
    title: str
    unit: NodeId
    unit_name: str
    kind: str
    layer: int
    span_positions: int
    span_people: int
    status: SpanStatus


@dataclass(frozen=True)
class PerangkatDaerahSummary:
    """One Perangkat Daerah (decider unit): decision paths, layers and staffing."""

    unit: NodeId
    name: str
    decider: NodeId | None
    decider_title: str
    paths: int
    path_mean: float | None
    path_max: int | None
    unresolved: int
    layers: int
    positions: int
    people: int
    need: Decimal
    need_rounded: int

    @property
    def gap(self) -> int:
        return self.need_rounded - self.people


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    positions: int
    people: int


@dataclass(frozen=True)
class AbkTotals:
    workload_minutes: Decimal
    need: Decimal
    need_rounded: int
    existing: int

    @property
    def gap(self) -> int:
        return self.need_rounded - self.existing

    def as_dict(self) -> dict[str, Any]:
        return {
            "workload_minutes": float(display(self.workload_minutes, 2)),
            "need": float(display(self.need, 4)),
            "need_rounded": self.need_rounded,
            "existing": self.existing,
            "gap": self.gap,
        }


class UnitBreakdown(NamedTuple):
    """One unit: its own posts (`positions`…) and its whole subtree (`subtree_*`)."""

    unit: NodeId
    parent: NodeId | None
    name: str
    kind: str
    depth: int
    perangkat_daerah: NodeId | None
    positions: int
    managerial_positions: int
    people: int
    need: Decimal
    need_rounded: int
    subtree_positions: int
    subtree_people: int
    subtree_need: Decimal
    subtree_need_rounded: int

    @property
    def gap(self) -> int:
        return self.need_rounded - self.people

    @property
    def subtree_gap(self) -> int:
        return self.subtree_need_rounded - self.subtree_people


@dataclass(frozen=True)
class StructureMetrics:
    units: int
    positions: int
    managerial_positions: int
    vacant_positions: int
    people: int
    managerial_people: int
    layers: int
    layer_counts: tuple[tuple[int, int], ...]
    spans: tuple[ManagerSpan, ...]
    span_distribution: tuple[tuple[int, int], ...]
    span_mean: float | None
    span_median: float | None
    decision_path_mean: float | None
    decision_path_max: int | None
    decision_path_unresolved: int
    perangkat_daerah: tuple[PerangkatDaerahSummary, ...]
    by_kind: tuple[KindCount, ...]
    by_eselon: tuple[tuple[str, int], ...]
    abk: AbkTotals
    per_unit: tuple[UnitBreakdown, ...]
    config: MetricsConfig

    @property
    def nonmanagerial_positions(self) -> int:
        return self.positions - self.managerial_positions

    @property
    def managerial_ratio_positions(self) -> float | None:
        return self.managerial_positions / self.positions if self.positions else None

    @property
    def managerial_ratio_people(self) -> float | None:
        return self.managerial_people / self.people if self.people else None

    @property
    def outside_range(self) -> tuple[ManagerSpan, ...]:
        return tuple(s for s in self.spans if s.status != "within")

    @property
    def managers_below(self) -> int:
        return sum(1 for s in self.spans if s.status == "below")

    @property
    def managers_above(self) -> int:
        return sum(1 for s in self.spans if s.status == "above")

    def headline(self) -> dict[str, float | int | None]:
        """The scalar metrics, by stable key (what a comparison puts side by side)."""
        return {
            "units": self.units,
            "positions": self.positions,
            "managerial_positions": self.managerial_positions,
            "nonmanagerial_positions": self.nonmanagerial_positions,
            "vacant_positions": self.vacant_positions,
            "people": self.people,
            "managerial_people": self.managerial_people,
            "managerial_ratio_positions": _round(self.managerial_ratio_positions),
            "managerial_ratio_people": _round(self.managerial_ratio_people),
            "layers": self.layers,
            "span_mean": _round(self.span_mean, 2),
            "span_median": self.span_median,
            "managers_below": self.managers_below,
            "managers_above": self.managers_above,
            "decision_path_mean": _round(self.decision_path_mean, 2),
            "decision_path_max": self.decision_path_max,
            "decision_path_unresolved": self.decision_path_unresolved,
            "abk_need": float(display(self.abk.need, 2)),
            "abk_need_rounded": self.abk.need_rounded,
            "abk_existing": self.abk.existing,
            "abk_gap": self.abk.gap,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline(),
            "config": self.config.as_dict(),
            "layer_counts": [{"layer": k, "positions": n} for k, n in self.layer_counts],
            "span_distribution": [{"span": k, "managers": n} for k, n in self.span_distribution],
            "spans": [_span_dict(s) for s in self.spans],
            "outside_range": [_span_dict(s) for s in self.outside_range],
            "perangkat_daerah": [_pd_dict(p) for p in self.perangkat_daerah],
            "by_kind": [
                {"kind": k.kind, "label": k.label, "positions": k.positions, "people": k.people}
                for k in self.by_kind
            ],
            "by_eselon": [{"eselon": e or None, "positions": n} for e, n in self.by_eselon],
            "abk": self.abk.as_dict(),
            "per_unit": [_unit_dict(u) for u in self.per_unit],
        }


def _round(value: float | None, places: int = 4) -> float | None:
    return None if value is None else round(value, places)


def _span_dict(s: ManagerSpan) -> dict[str, Any]:
    return {
        "position": s.position,
        "title": s.title,
        "unit": s.unit,
        "unit_name": s.unit_name,
        "kind": s.kind,
        "layer": s.layer,
        "span_positions": s.span_positions,
        "span_people": s.span_people,
        "status": s.status,
    }


def _pd_dict(p: PerangkatDaerahSummary) -> dict[str, Any]:
    return {
        "unit": p.unit,
        "name": p.name,
        "decider": p.decider,
        "decider_title": p.decider_title,
        "paths": p.paths,
        "path_mean": _round(p.path_mean, 2),
        "path_max": p.path_max,
        "unresolved": p.unresolved,
        "layers": p.layers,
        "positions": p.positions,
        "people": p.people,
        "need": float(display(p.need, 4)),
        "need_rounded": p.need_rounded,
        "gap": p.gap,
    }


def _unit_dict(u: UnitBreakdown) -> dict[str, Any]:
    return {
        "unit": u.unit,
        "parent": u.parent,
        "name": u.name,
        "kind": u.kind,
        "depth": u.depth,
        "perangkat_daerah": u.perangkat_daerah,
        "positions": u.positions,
        "managerial_positions": u.managerial_positions,
        "people": u.people,
        "need": float(display(u.need, 4)),
        "need_rounded": u.need_rounded,
        "gap": u.gap,
        "subtree_positions": u.subtree_positions,
        "subtree_people": u.subtree_people,
        "subtree_need": float(display(u.subtree_need, 4)),
        "subtree_need_rounded": u.subtree_need_rounded,
        "subtree_gap": u.subtree_gap,
    }


def managerial_layers(graph: OrgGraph) -> dict[NodeId, int]:
    """Layer of every managerial post (see module docstring)."""
    positions = graph.positions
    layer: dict[NodeId, int] = {}
    for pid, node in positions.items():
        if not node.is_managerial or pid in layer:
            continue
        path: list[NodeId] = []
        on_path: set[NodeId] = set()
        current: NodeId | None = pid
        while current is not None and current not in layer and current not in on_path:
            current_node = positions.get(current)
            if current_node is None:
                current = None
                break
            on_path.add(current)
            if current_node.is_managerial:
                path.append(current)
            current = current_node.reports_to
        base = layer[current] if current is not None and current in layer else 0
        for member in reversed(path):
            base += 1
            layer[member] = base
    return layer


def _span_status(value: int, config: MetricsConfig) -> SpanStatus:
    if value < config.span_min:
        return "below"
    if value > config.span_max:
        return "above"
    return "within"


@gc_paused
def structure_metrics(
    graph: OrgGraph, config: MetricsConfig = DEFAULT_METRICS_CONFIG
) -> StructureMetrics:
    """Compute every structure metric of `graph` in a few linear passes."""
    positions = graph.positions
    units = graph.units
    order = graph.tree_order()
    depth: dict[NodeId, int] = {}
    pd_of: dict[NodeId, NodeId | None] = {}
    for uid in order:
        unit = units[uid]
        parent = unit.parent if unit.parent in units else None
        depth[uid] = depth[parent] + 1 if parent is not None else 0
        inherited = pd_of.get(parent) if parent is not None else None
        pd_of[uid] = uid if unit.kind in config.decider_unit_kinds else inherited

    # Staffing and ABK per post.
    wke = config.abk.effective_minutes
    people: set[int] = set()
    managerial_people: set[int] = set()
    kind_positions: Counter[str] = Counter()
    kind_people: Counter[str] = Counter()
    eselon_count: Counter[str] = Counter()
    need_of: dict[NodeId, Decimal] = {}
    rounded_of: dict[NodeId, int] = {}
    workload_total = Decimal(0)
    managerial = vacant = 0
    zero = Decimal(0)
    post_abk = _post_abk(graph, config.abk)
    own_positions: Counter[NodeId] = Counter()
    own_managerial: Counter[NodeId] = Counter()
    own_people: Counter[NodeId] = Counter()
    own_need: dict[NodeId, Decimal] = {}
    own_rounded: Counter[NodeId] = Counter()
    for pid, node in positions.items():
        uid = node.unit
        own_positions[uid] += 1
        holders = node.incumbents
        if holders:
            people.update(holders)
            kind_people[node.kind] += len(holders)
            own_people[uid] += len(holders)
        else:
            vacant += 1
        kind_positions[node.kind] += 1
        eselon_count[node.eselon] += 1
        if node.kind in MANAGERIAL_KINDS:
            managerial += 1
            own_managerial[uid] += 1
            managerial_people.update(holders)
        workload, need, rounded = post_abk[pid]
        need_of[pid] = need
        rounded_of[pid] = rounded
        if workload:
            workload_total += workload
            own_need[uid] = own_need.get(uid, zero) + need
            own_rounded[uid] += rounded

    # Layers and spans of control.
    layer = managerial_layers(graph)
    layer_counts = Counter(layer.values())
    spans: list[ManagerSpan] = []
    subordinate_index = graph.subordinates_index()
    for pid in sorted(layer, key=id_key):
        node = positions[pid]
        subs = [positions[s] for s in subordinate_index.get(pid, ()) if s in positions]
        span_people = sum(1 if s.is_managerial else len(s.incumbents) for s in subs)
        basis = span_people if config.span_basis == "people" else len(subs)
        spans.append(
            ManagerSpan(
                position=pid,
                title=node.title,
                unit=node.unit,
                unit_name=graph.unit_label(node.unit),
                kind=node.kind,
                layer=layer[pid],
                span_positions=len(subs),
                span_people=span_people,
                status=_span_status(basis, config),
            )
        )
    basis_values = [
        s.span_people if config.span_basis == "people" else s.span_positions for s in spans
    ]

    # Decision paths, per Perangkat Daerah.
    decider_of: dict[NodeId, PositionNode | None] = {}
    for uid in order:
        if pd_of.get(uid) == uid:
            decider_of[uid] = graph.head_of(uid)
    pd_paths: dict[NodeId, list[int]] = {}
    pd_unresolved: Counter[NodeId] = Counter()
    unresolved_total = 0
    limit = len(positions) + 1
    for pid, node in positions.items():
        if node.is_managerial:
            continue
        pd = pd_of.get(node.unit)
        decider = decider_of.get(pd) if pd is not None else None
        hops = _hops(positions, pid, decider.id, limit) if decider is not None else None
        if hops is None:
            unresolved_total += 1
            if pd is not None:
                pd_unresolved[pd] += 1
        else:
            pd_paths.setdefault(pd, []).append(hops)  # type: ignore[arg-type]
    all_hops = [h for hops in pd_paths.values() for h in hops]

    # Per unit: own posts (counted above), then subtree totals bottom-up.
    pd_layer_range: dict[NodeId, tuple[int, int]] = {}
    for pid, post_layer in layer.items():
        pd = pd_of.get(positions[pid].unit)
        if pd is not None:
            low, high = pd_layer_range.get(pd, (post_layer, post_layer))
            pd_layer_range[pd] = (min(low, post_layer), max(high, post_layer))
    sub_positions: dict[NodeId, int] = {}
    sub_people: dict[NodeId, int] = {}
    sub_need: dict[NodeId, Decimal] = {}
    sub_rounded: dict[NodeId, int] = {}
    for uid in reversed(order):
        sub_positions[uid] = sub_positions.get(uid, 0) + own_positions[uid]
        sub_people[uid] = sub_people.get(uid, 0) + own_people[uid]
        sub_need[uid] = sub_need.get(uid, zero) + own_need.get(uid, zero)
        sub_rounded[uid] = sub_rounded.get(uid, 0) + own_rounded[uid]
        parent = units[uid].parent
        if parent is not None and parent in units:
            sub_positions[parent] = sub_positions.get(parent, 0) + sub_positions[uid]
            sub_people[parent] = sub_people.get(parent, 0) + sub_people[uid]
            sub_need[parent] = sub_need.get(parent, zero) + sub_need[uid]
            sub_rounded[parent] = sub_rounded.get(parent, 0) + sub_rounded[uid]
    per_unit = tuple(
        UnitBreakdown(
            unit=uid,
            parent=units[uid].parent,
            name=units[uid].name,
            kind=units[uid].kind,
            depth=depth[uid],
            perangkat_daerah=pd_of.get(uid),
            positions=own_positions[uid],
            managerial_positions=own_managerial[uid],
            people=own_people[uid],
            need=own_need.get(uid, zero),
            need_rounded=own_rounded[uid],
            subtree_positions=sub_positions[uid],
            subtree_people=sub_people[uid],
            subtree_need=sub_need[uid],
            subtree_need_rounded=sub_rounded[uid],
        )
        for uid in order
    )

    pd_rows = []
    for uid in order:
        if pd_of.get(uid) != uid:
            continue
        hops_list = pd_paths.get(uid, [])
        decider = decider_of.get(uid)
        low, high = pd_layer_range.get(uid, (0, -1))
        pd_rows.append(
            PerangkatDaerahSummary(
                unit=uid,
                name=units[uid].name,
                decider=decider.id if decider else None,
                decider_title=decider.title if decider else "",
                paths=len(hops_list),
                path_mean=statistics.fmean(hops_list) if hops_list else None,
                path_max=max(hops_list) if hops_list else None,
                unresolved=pd_unresolved[uid],
                layers=high - low + 1,
                positions=sub_positions[uid],
                people=sub_people[uid],
                need=sub_need[uid],
                need_rounded=sub_rounded[uid],
            )
        )

    by_kind = tuple(
        KindCount(kind, label, kind_positions[kind], kind_people[kind])
        for kind, label in POSITION_KINDS.items()
        if kind_positions[kind]
    ) + tuple(
        KindCount(kind, kind, kind_positions[kind], kind_people[kind])
        for kind in sorted(kind_positions)
        if kind not in POSITION_KINDS
    )
    by_eselon = tuple((e, eselon_count[e]) for e in ESELON if eselon_count[e]) + (
        (("", eselon_count[""]),) if eselon_count[""] else ()
    )
    existing = len(people)
    return StructureMetrics(
        units=len(units),
        positions=len(positions),
        managerial_positions=managerial,
        vacant_positions=vacant,
        people=existing,
        managerial_people=len(managerial_people),
        layers=max(layer.values(), default=0),
        layer_counts=tuple(sorted(layer_counts.items())),
        spans=tuple(spans),
        span_distribution=tuple(sorted(Counter(basis_values).items())),
        span_mean=statistics.fmean(basis_values) if basis_values else None,
        span_median=float(statistics.median(basis_values)) if basis_values else None,
        decision_path_mean=statistics.fmean(all_hops) if all_hops else None,
        decision_path_max=max(all_hops) if all_hops else None,
        decision_path_unresolved=unresolved_total,
        perangkat_daerah=tuple(pd_rows),
        by_kind=by_kind,
        by_eselon=by_eselon,
        abk=AbkTotals(
            workload_minutes=workload_total,
            need=workload_total / wke,
            need_rounded=sum(rounded_of.values()),
            existing=sum(len(node.incumbents) for node in positions.values()),
        ),
        per_unit=per_unit,
        config=config,
    )


PostAbk = tuple[Decimal, Decimal, int]  # workload minutes, need, rounded need


def abk_cache_key(abk: AbkConfig) -> object:
    """What per-post ABK figures depend on besides the duties (see `OrgGraph._post_abk`)."""
    return (abk.effective_minutes, abk.rounding, abk.round_up_from)


def post_abk_figures(
    post_ids: Iterable[NodeId], workload_of: Mapping[NodeId, Decimal], abk: AbkConfig
) -> dict[NodeId, PostAbk]:
    """Need and rounded need of each post from its yearly workload (absent = no duties)."""
    zero = Decimal(0)
    empty: PostAbk = (zero, zero, 0)
    wke = abk.effective_minutes
    figures: dict[NodeId, PostAbk] = {}
    for pid in post_ids:
        workload = workload_of.get(pid)
        if workload:
            need = workload / wke
            figures[pid] = (workload, need, need_round(need, abk))
        else:
            figures[pid] = empty
    return figures


def _post_abk(graph: OrgGraph, abk: AbkConfig) -> dict[NodeId, PostAbk]:
    """Workload, need and rounded need of every post, reusing what the loader or an earlier
    graph of the same scenario computed for posts whose duties did not change."""
    key = abk_cache_key(abk)
    cached = graph._post_abk
    figures: dict[NodeId, PostAbk] = cached[1] if cached is not None and cached[0] == key else {}
    missing = [pid for pid in graph.positions if pid not in figures]
    if missing:
        zero = Decimal(0)
        duties = graph.duties
        workload_of: dict[NodeId, Decimal] = {}
        if len(missing) * 4 > len(graph.positions):
            # Most posts are new to the cache: one sweep over the duties.
            for duty in duties.values():
                owner = duty.position
                workload_of[owner] = (
                    workload_of.get(owner, zero) + duty.volume * duty.period_factor * duty.time_norm
                )
        else:
            index = graph.position_duties_index()
            for pid in missing:
                for duty_id in index.get(pid, ()):
                    duty = duties[duty_id]
                    workload_of[pid] = (
                        workload_of.get(pid, zero)
                        + duty.volume * duty.period_factor * duty.time_norm
                    )
        figures = {**figures, **post_abk_figures(missing, workload_of, abk)}
        graph._post_abk = (key, figures)
    return figures


def _hops(
    positions: Mapping[NodeId, PositionNode], start: NodeId, decider: NodeId, limit: int
) -> int | None:
    hops = 0
    current: NodeId | None = start
    while current != decider:
        node = positions.get(current) if current is not None else None
        if node is None or hops > limit:
            return None
        current = node.reports_to
        hops += 1
    return hops
