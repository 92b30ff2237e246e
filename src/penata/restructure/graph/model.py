"""The in-memory organisation graph: units, positions, duties and who holds which post.

Pure Python (no Django): built from plain rows by `penata.restructure.graph_loader` or by
tests, changed only through `GraphEditor`, which copies a dict on its first write and patches
the derived indexes in place of rebuilding them. A graph is never mutated once built, so
scenario steps share every node they do not touch with the graph before them.

Nodes are named tuples, not frozen dataclasses: as immutable, and a province's 200,000
duties are built five times faster (a frozen dataclass sets each field through
`object.__setattr__`).

Node ids are the database ids (int) of existing rows, or strings `"new:N"` for nodes that a
scenario creates.
"""

from __future__ import annotations

from collections.abc import (
    Callable,
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    Sequence,
    ValuesView,
)
from decimal import Decimal
from typing import Any, Final, NamedTuple, TypeAlias, TypeVar

from penata.core.gc_tuning import gc_paused
from penata.core.numbers import format_number
from penata.core.reference import MANAGERIAL_KINDS

NodeId: TypeAlias = int | str
NEW_PREFIX: Final = "new:"
ROLES: Final = {"koordinator": "Koordinator", "subkoordinator": "Subkoordinator"}


def id_key(node_id: NodeId | None) -> tuple[int, int, str]:
    """Sort key putting existing ids first (numeric order), then `new:N` by N."""
    if node_id is None:
        return (-1, 0, "")
    if isinstance(node_id, int):
        return (0, node_id, "")
    tail = node_id.removeprefix(NEW_PREFIX)
    if tail != node_id and tail.isdigit():
        return (1, int(tail), "")
    return (2, 0, node_id)


def parse_node_id(value: object) -> NodeId | None:
    """A node id from a form or JSON value: "12" → 12, "new:3" stays, "" / None → None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return text


def is_new_id(node_id: NodeId | None) -> bool:
    return isinstance(node_id, str) and node_id.startswith(NEW_PREFIX)


class UnitNode(NamedTuple):
    id: NodeId
    parent: NodeId | None
    kind: str
    code: str
    name: str
    sort_order: int = 0


class PositionNode(NamedTuple):
    """A post. `incumbents` hold it definitively; `acting` are Plt/Plh holders.

    `role` is the Koordinator/Subkoordinator team role of a functional post (a role, not a
    tree node: DOMAIN §2.4). `former_kind`/`former_eselon` keep what a post was before
    penyetaraan, for TPP rules that pay by the former position.
    """

    id: NodeId
    unit: NodeId
    title: str
    kind: str
    jenjang: str = ""
    kelas: int | None = None
    eselon: str = ""
    reports_to: NodeId | None = None
    is_unit_head: bool = False
    incumbents: tuple[int, ...] = ()
    acting: tuple[int, ...] = ()
    role: str = ""
    is_penyetaraan: bool = False
    former_kind: str = ""
    former_eselon: str = ""
    sort_order: int = 0

    @property
    def is_managerial(self) -> bool:
        return self.kind in MANAGERIAL_KINDS


def decimal_text(value: Decimal) -> str:
    """A duty's volume or time norm in a sentence, as the active language writes it: a whole
    number without decimals (30), otherwise with its own digits (2,50 / 2.50)."""
    return format_number(value, trim=value == value.to_integral_value())


class DutyNode(NamedTuple):
    """An uraian tugas: `volume` per `period`, annualised by `period_factor` (× 12 a month…)."""

    id: NodeId
    position: NodeId
    statement: str
    output_unit: str
    volume: Decimal
    period: str
    period_factor: Decimal
    time_norm: Decimal

    @property
    def annual_volume(self) -> Decimal:
        return self.volume * self.period_factor

    @property
    def workload_minutes(self) -> Decimal:
        return self.volume * self.period_factor * self.time_norm


class DeferredDuties(Mapping[NodeId, DutyNode]):
    """Duty nodes made on first use. The loader reads 200,000 duty rows of a province and adds
    up each post's workload while reading; the metrics need no more than that, so a page that
    never looks at a single duty never pays for making their nodes. `make` returns the nodes
    in the loader's order; it runs once (with the garbage collector paused, like the load)."""

    __slots__ = ("_count", "_make", "_nodes")

    def __init__(self, make: Callable[[], dict[NodeId, DutyNode]], count: int) -> None:
        self._make: Callable[[], dict[NodeId, DutyNode]] | None = make
        self._nodes: dict[NodeId, DutyNode] | None = None
        self._count = count

    def _all(self) -> dict[NodeId, DutyNode]:
        nodes = self._nodes
        if nodes is None:
            assert self._make is not None
            nodes = self._nodes = gc_paused(self._make)()
            self._make = None  # lets the rows go
        return nodes

    def __getitem__(self, key: NodeId) -> DutyNode:
        return self._all()[key]

    def __iter__(self) -> Iterator[NodeId]:
        return iter(self._all())

    def __len__(self) -> int:
        return self._count if self._nodes is None else len(self._nodes)

    def __contains__(self, key: object) -> bool:
        return key in self._all()

    def get(self, key: NodeId, default: Any = None) -> Any:
        return self._all().get(key, default)

    def keys(self) -> KeysView[NodeId]:
        return self._all().keys()

    def values(self) -> ValuesView[DutyNode]:
        return self._all().values()

    def items(self) -> ItemsView[NodeId, DutyNode]:
        return self._all().items()


class PersonNode(NamedTuple):
    """Who an employee id is, for listing the people a change affects."""

    id: int
    name: str
    nip: str = ""


Node = TypeVar("Node", UnitNode, PositionNode, DutyNode, PersonNode)


def replace(node: Node, /, **changes: Any) -> Node:
    """A copy of `node` with `changes` applied (the nodes' `dataclasses.replace`)."""
    return node._replace(**changes)


# Index values are read-only: built as lists (no copying into tuples for 200,000 duties),
# replaced by new tuples when an editor patches them.
Index: TypeAlias = dict[NodeId | None, Sequence[NodeId]]


def _group(pairs: Iterable[tuple[NodeId | None, NodeId]]) -> Index:
    grouped: dict[NodeId | None, list[NodeId]] = {}
    for key, value in pairs:
        members = grouped.get(key)
        if members is None:
            grouped[key] = [value]
        else:
            members.append(value)
    return grouped  # type: ignore[return-value]


class OrgGraph:
    """An immutable snapshot of one structure, with lazily built, shared indexes."""

    __slots__ = (
        "_children",
        "_position_duties",
        "_post_abk",
        "_subordinates",
        "_unit_positions",
        "duties",
        "people",
        "positions",
        "units",
    )

    def __init__(
        self,
        units: Mapping[NodeId, UnitNode],
        positions: Mapping[NodeId, PositionNode],
        duties: Mapping[NodeId, DutyNode],
        people: Mapping[int, PersonNode] | None = None,
        *,
        indexes: tuple[Index | None, Index | None, Index | None, Index | None] | None = None,
        post_abk: tuple[object, dict[NodeId, Any]] | None = None,
    ) -> None:
        self.units: Mapping[NodeId, UnitNode] = units
        self.positions: Mapping[NodeId, PositionNode] = positions
        self.duties: Mapping[NodeId, DutyNode] = duties
        self.people: Mapping[int, PersonNode] = people if people is not None else {}
        children, unit_positions, subordinates, position_duties = indexes or (None,) * 4
        # Per-post ABK figures, kept by `metrics` and carried over by the editor for every
        # post whose duties did not change: (config key, {post id: figures}).
        self._post_abk: tuple[object, dict[NodeId, Any]] | None = post_abk
        self._children = children
        self._unit_positions = unit_positions
        self._subordinates = subordinates
        self._position_duties = position_duties

    @classmethod
    def build(
        cls,
        units: Iterable[UnitNode],
        positions: Iterable[PositionNode] = (),
        duties: Iterable[DutyNode] = (),
        people: Iterable[PersonNode] = (),
        *,
        post_abk: tuple[object, dict[NodeId, Any]] | None = None,
    ) -> OrgGraph:
        return cls(
            {u.id: u for u in units},
            {p.id: p for p in positions},
            {d.id: d for d in duties},
            {p.id: p for p in people},
            post_abk=post_abk,
        )

    def __repr__(self) -> str:
        return (
            f"<OrgGraph {len(self.units)} units, {len(self.positions)} positions, "
            f"{len(self.duties)} duties>"
        )

    # Indexes -----------------------------------------------------------------------------

    def children_index(self) -> Index:
        if self._children is None:
            self._children = _group((u.parent, u.id) for u in self.units.values())
        return self._children

    def unit_positions_index(self) -> Index:
        if self._unit_positions is None:
            self._unit_positions = _group((p.unit, p.id) for p in self.positions.values())
        return self._unit_positions

    def subordinates_index(self) -> Index:
        if self._subordinates is None:
            self._subordinates = _group(
                (p.reports_to, p.id) for p in self.positions.values() if p.reports_to is not None
            )
        return self._subordinates

    def position_duties_index(self) -> Index:
        if self._position_duties is None:
            self._position_duties = _group((d.position, d.id) for d in self.duties.values())
        return self._position_duties

    # Reads -------------------------------------------------------------------------------

    def children(self, unit_id: NodeId | None) -> Sequence[NodeId]:
        return self.children_index().get(unit_id, ())

    def unit_positions(self, unit_id: NodeId) -> Sequence[NodeId]:
        return self.unit_positions_index().get(unit_id, ())

    def subordinates(self, position_id: NodeId) -> Sequence[NodeId]:
        return self.subordinates_index().get(position_id, ())

    def position_duties(self, position_id: NodeId) -> Sequence[NodeId]:
        return self.position_duties_index().get(position_id, ())

    def head_of(self, unit_id: NodeId) -> PositionNode | None:
        """The post heading the unit (the lowest id if data marks several)."""
        heads = [
            self.positions[p]
            for p in self.unit_positions(unit_id)
            if self.positions[p].is_unit_head
        ]
        return min(heads, key=lambda p: id_key(p.id)) if heads else None

    def roots(self) -> list[NodeId]:
        """Units without a parent in the graph, in display order."""
        roots = [
            u.id for u in self.units.values() if u.parent is None or u.parent not in self.units
        ]
        return self.sorted_units(roots)

    def sorted_units(self, unit_ids: Iterable[NodeId]) -> list[NodeId]:
        units = self.units
        return sorted(unit_ids, key=lambda u: (units[u].sort_order, units[u].name, id_key(u)))

    def sorted_positions(self, position_ids: Iterable[NodeId]) -> list[NodeId]:
        positions = self.positions
        return sorted(
            position_ids,
            key=lambda p: (
                not positions[p].is_unit_head,
                positions[p].sort_order,
                positions[p].title,
                id_key(p),
            ),
        )

    def tree_order(self) -> list[NodeId]:
        """Every unit, parents before children, siblings in display order."""
        order: list[NodeId] = []
        stack = list(reversed(self.roots()))
        seen: set[NodeId] = set()
        while stack:
            unit_id = stack.pop()
            if unit_id in seen:
                continue
            seen.add(unit_id)
            order.append(unit_id)
            stack.extend(reversed(self.sorted_units(self.children(unit_id))))
        return order

    def ancestors(self, unit_id: NodeId) -> list[NodeId]:
        """Parent first, up to the root (stops on a cycle in bad data)."""
        chain: list[NodeId] = []
        current = self.units[unit_id].parent if unit_id in self.units else None
        while current is not None and current in self.units and current not in chain:
            if current == unit_id:
                break
            chain.append(current)
            current = self.units[current].parent
        return chain

    def is_within(self, unit_id: NodeId, ancestor_id: NodeId) -> bool:
        """True when `unit_id` is `ancestor_id` or lies below it."""
        return unit_id == ancestor_id or ancestor_id in self.ancestors(unit_id)

    def subtree(self, unit_id: NodeId) -> list[NodeId]:
        """The unit and every unit below it, preorder."""
        out: list[NodeId] = []
        stack = [unit_id]
        seen: set[NodeId] = set()
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            out.append(current)
            stack.extend(self.children(current))
        return out

    def reporting_chain(self, position_id: NodeId) -> list[NodeId]:
        """Superiors from the direct one up (stops on a cycle in bad data)."""
        chain: list[NodeId] = []
        seen = {position_id}
        current = self.positions[position_id].reports_to
        while current is not None and current in self.positions and current not in seen:
            chain.append(current)
            seen.add(current)
            current = self.positions[current].reports_to
        return chain

    def next_manager_up(self, position_id: NodeId) -> NodeId | None:
        """The nearest managerial superior of a post, skipping non-managerial ones."""
        for superior in self.reporting_chain(position_id):
            if self.positions[superior].is_managerial:
                return superior
        return None

    def posts_of(self) -> dict[int, list[tuple[NodeId, bool]]]:
        """Employee id → [(position id, acting?)], definitive posts first."""
        held: dict[int, list[tuple[NodeId, bool]]] = {}
        for pid in sorted(self.positions, key=id_key):
            position = self.positions[pid]
            for employee in position.incumbents:
                held.setdefault(employee, []).append((pid, False))
        for pid in sorted(self.positions, key=id_key):
            for employee in self.positions[pid].acting:
                held.setdefault(employee, []).append((pid, True))
        return held

    def unit_label(self, unit_id: NodeId | None) -> str:
        if unit_id is None:
            return "—"
        unit = self.units.get(unit_id)
        return unit.name if unit else f"#{unit_id}"

    def position_label(self, position_id: NodeId | None, *, with_unit: bool = True) -> str:
        if position_id is None:
            return "—"
        position = self.positions.get(position_id)
        if position is None:
            return f"#{position_id}"
        if not with_unit:
            return position.title
        return f"{position.title} — {self.unit_label(position.unit)}"

    def edit(self) -> GraphEditor:
        return GraphEditor(self)

    def relabel(
        self,
        unit_map: Mapping[NodeId, NodeId],
        position_map: Mapping[NodeId, NodeId],
        duty_map: Mapping[NodeId, NodeId],
    ) -> OrgGraph:
        """A copy whose ids are renamed (old row → successor row), e.g. to line up two dates.

        Ids missing from a map stay as they are.
        """

        def u(x: NodeId | None) -> NodeId | None:
            return unit_map.get(x, x) if x is not None else None

        def p(x: NodeId | None) -> NodeId | None:
            return position_map.get(x, x) if x is not None else None

        units = {}
        for node in self.units.values():
            new_id = u(node.id)
            assert new_id is not None
            units[new_id] = replace(node, id=new_id, parent=u(node.parent))
        positions = {}
        for post in self.positions.values():
            new_id = p(post.id)
            new_unit = u(post.unit)
            assert new_id is not None and new_unit is not None
            positions[new_id] = replace(
                post, id=new_id, unit=new_unit, reports_to=p(post.reports_to)
            )
        duties = {}
        for duty in self.duties.values():
            new_id = duty_map.get(duty.id, duty.id)
            new_position = p(duty.position)
            assert new_position is not None
            duties[new_id] = replace(duty, id=new_id, position=new_position)
        return OrgGraph(units, positions, duties, self.people)


class _CowIndex:
    """An index shared with the source graph until the first write, then copied once."""

    __slots__ = ("_data", "_owned")

    def __init__(self, data: Index) -> None:
        self._data = data
        self._owned = False

    @property
    def data(self) -> Index:
        return self._data

    def get(self, key: NodeId | None) -> Sequence[NodeId]:
        return self._data.get(key, ())

    def _own(self) -> Index:
        if not self._owned:
            self._data = dict(self._data)
            self._owned = True
        return self._data

    def add(self, key: NodeId | None, value: NodeId) -> None:
        data = self._own()
        data[key] = (*data.get(key, ()), value)

    def discard(self, key: NodeId | None, value: NodeId) -> None:
        data = self._own()
        remaining = tuple(v for v in data.get(key, ()) if v != value)
        if remaining:
            data[key] = remaining
        else:
            data.pop(key, None)


class GraphEditor:
    """Builds the next graph from one: copy-on-write dicts, indexes patched as nodes change.

    Reads through the editor see the pending changes. `finish()` returns the new graph; the
    source graph is left as it was.
    """

    def __init__(self, graph: OrgGraph) -> None:
        self._source = graph
        self.units: Mapping[NodeId, UnitNode] = graph.units
        self.positions: Mapping[NodeId, PositionNode] = graph.positions
        self.duties: Mapping[NodeId, DutyNode] = graph.duties
        self._units_owned = self._positions_owned = self._duties_owned = False
        self._duties_changed_for: set[NodeId] = set()
        self._children = _CowIndex(graph.children_index())
        self._unit_positions = _CowIndex(graph.unit_positions_index())
        self._subordinates = _CowIndex(graph.subordinates_index())
        self._position_duties = _CowIndex(graph.position_duties_index())

    def _own_units(self) -> dict[NodeId, UnitNode]:
        if not self._units_owned:
            self.units = dict(self.units)
            self._units_owned = True
        assert isinstance(self.units, dict)
        return self.units

    def _own_positions(self) -> dict[NodeId, PositionNode]:
        if not self._positions_owned:
            self.positions = dict(self.positions)
            self._positions_owned = True
        assert isinstance(self.positions, dict)
        return self.positions

    def _own_duties(self) -> dict[NodeId, DutyNode]:
        if not self._duties_owned:
            self.duties = dict(self.duties)
            self._duties_owned = True
        assert isinstance(self.duties, dict)
        return self.duties

    # Reads with pending changes -------------------------------------------------------------

    def children(self, unit_id: NodeId) -> Sequence[NodeId]:
        return self._children.get(unit_id)

    def unit_positions(self, unit_id: NodeId) -> Sequence[NodeId]:
        return self._unit_positions.get(unit_id)

    def subordinates(self, position_id: NodeId) -> Sequence[NodeId]:
        return self._subordinates.get(position_id)

    def position_duties(self, position_id: NodeId) -> Sequence[NodeId]:
        return self._position_duties.get(position_id)

    def head_of(self, unit_id: NodeId) -> PositionNode | None:
        heads = [
            self.positions[p]
            for p in self.unit_positions(unit_id)
            if self.positions[p].is_unit_head
        ]
        return min(heads, key=lambda p: id_key(p.id)) if heads else None

    # Writes -------------------------------------------------------------------------------

    def put_unit(self, node: UnitNode) -> None:
        old = self.units.get(node.id)
        self._own_units()[node.id] = node
        if old is None:
            self._children.add(node.parent, node.id)
        elif old.parent != node.parent:
            self._children.discard(old.parent, node.id)
            self._children.add(node.parent, node.id)

    def remove_unit(self, unit_id: NodeId) -> None:
        old = self._own_units().pop(unit_id)
        self._children.discard(old.parent, unit_id)

    def put_position(self, node: PositionNode) -> None:
        old = self.positions.get(node.id)
        self._own_positions()[node.id] = node
        if old is None or old.unit != node.unit:
            if old is not None:
                self._unit_positions.discard(old.unit, node.id)
            self._unit_positions.add(node.unit, node.id)
        old_superior = old.reports_to if old is not None else None
        if old is None or old_superior != node.reports_to:
            if old_superior is not None:
                self._subordinates.discard(old_superior, node.id)
            if node.reports_to is not None:
                self._subordinates.add(node.reports_to, node.id)

    def remove_position(self, position_id: NodeId) -> None:
        old = self._own_positions().pop(position_id)
        self._unit_positions.discard(old.unit, position_id)
        if old.reports_to is not None:
            self._subordinates.discard(old.reports_to, position_id)

    def put_duty(self, node: DutyNode) -> None:
        old = self.duties.get(node.id)
        self._own_duties()[node.id] = node
        self._duties_changed_for.add(node.position)
        if old is not None:
            self._duties_changed_for.add(old.position)
        if old is None or old.position != node.position:
            if old is not None:
                self._position_duties.discard(old.position, node.id)
            self._position_duties.add(node.position, node.id)

    def remove_duty(self, duty_id: NodeId) -> None:
        old = self._own_duties().pop(duty_id)
        self._duties_changed_for.add(old.position)
        self._position_duties.discard(old.position, duty_id)

    def finish(self) -> OrgGraph:
        post_abk = self._source._post_abk
        if post_abk is not None and self._duties_changed_for:
            key, figures = post_abk
            dirty = self._duties_changed_for
            post_abk = (key, {k: v for k, v in figures.items() if k not in dirty})
        return OrgGraph(
            self.units,
            self.positions,
            self.duties,
            self._source.people,
            indexes=(
                self._children.data,
                self._unit_positions.data,
                self._subordinates.data,
                self._position_duties.data,
            ),
            post_abk=post_abk,
        )


def iter_new_numbers(ids: Iterable[NodeId]) -> Iterator[int]:
    """The N of every `new:N` id, e.g. to pick the next free one."""
    for node_id in ids:
        key = id_key(node_id)
        if key[0] == 1:
            yield key[1]
