"""Plan an enactment: which rows close and which open when a scenario's structure replaces
the current one (pure; the service writes the plan to the database).

Units and positions are effective-dated rows whose foreign keys point at other rows, so a
row must be replaced (closed and opened anew) not only when it changes itself but also when a
row it points at is replaced: a unit whose parent opens anew, a post whose unit or superior
opens anew. A post whose duties change is replaced too, so the duties of the old row stay as
they were for the structure on past dates.
"""

from __future__ import annotations

from dataclasses import dataclass

from penata.restructure.graph.model import DutyNode, NodeId, OrgGraph, PositionNode, id_key


def _position_row(node: PositionNode) -> tuple[object, ...]:
    return (
        node.unit,
        node.title,
        node.kind,
        node.jenjang,
        node.kelas,
        node.eselon,
        node.reports_to,
        node.is_unit_head,
        node.is_penyetaraan,
        node.role,
        node.former_kind,
        node.former_eselon,
    )


def _duties_of(graph: OrgGraph, position_id: NodeId) -> dict[NodeId, DutyNode]:
    return {d: graph.duties[d] for d in graph.position_duties(position_id)}


@dataclass(frozen=True)
class EnactmentPlan:
    base: OrgGraph
    after: OrgGraph
    close_units: tuple[NodeId, ...]
    open_units: tuple[NodeId, ...]
    close_positions: tuple[NodeId, ...]
    open_positions: tuple[NodeId, ...]

    @property
    def replaced_units(self) -> tuple[NodeId, ...]:
        closing = set(self.close_units)
        return tuple(u for u in self.open_units if u in closing)

    @property
    def replaced_positions(self) -> tuple[NodeId, ...]:
        closing = set(self.close_positions)
        return tuple(p for p in self.open_positions if p in closing)

    @property
    def is_empty(self) -> bool:
        return not (
            self.close_units or self.open_units or self.close_positions or self.open_positions
        )

    def summary(self) -> dict[str, int]:
        return {
            "units_closed": len(self.close_units),
            "units_opened": len(self.open_units),
            "units_replaced": len(self.replaced_units),
            "positions_closed": len(self.close_positions),
            "positions_opened": len(self.open_positions),
            "positions_replaced": len(self.replaced_positions),
            "duties_opened": sum(len(self.after.position_duties(p)) for p in self.open_positions),
        }

    def proposed_target(self, position_id: NodeId, employee: int, acting: bool) -> NodeId | None:
        """Where the scenario put a holder of a closing post: the same post id when it lives
        on, else the first post holding them in the new structure; None when nowhere (a Plt
        of an abolished post)."""
        after = self.after
        own = after.positions.get(position_id)
        if own is not None and employee in (own.acting if acting else own.incumbents):
            return position_id
        for pid in sorted(after.positions, key=id_key):
            node = after.positions[pid]
            if employee in (node.acting if acting else node.incumbents):
                return pid
        return None


def plan_enactment(base: OrgGraph, after: OrgGraph) -> EnactmentPlan:
    """Rows to close (ids of `base`) and to open (ids of `after`, parents and superiors
    first) to turn `base` into `after`."""
    opened_units: set[NodeId] = set()
    order = after.tree_order()
    for uid in order:
        unit = after.units[uid]
        if base.units.get(uid) != unit or unit.parent in opened_units:
            opened_units.add(uid)

    opened_positions: set[NodeId] = set()
    for pid, node in after.positions.items():
        old = base.positions.get(pid)
        if (
            old is None
            or node.unit in opened_units
            or _position_row(old) != _position_row(node)
            or _duties_of(base, pid) != _duties_of(after, pid)
        ):
            opened_positions.add(pid)
    queue = list(opened_positions)
    while queue:
        for sub in after.subordinates(queue.pop()):
            if sub not in opened_positions:
                opened_positions.add(sub)
                queue.append(sub)

    close_units = tuple(
        sorted(
            (u for u in base.units if u not in after.units or u in opened_units),
            key=id_key,
        )
    )
    close_positions = tuple(
        sorted(
            (p for p in base.positions if p not in after.positions or p in opened_positions),
            key=id_key,
        )
    )
    return EnactmentPlan(
        base=base,
        after=after,
        close_units=close_units,
        open_units=tuple(u for u in order if u in opened_units),
        close_positions=close_positions,
        open_positions=tuple(_superiors_first(after, opened_positions)),
    )


def _superiors_first(graph: OrgGraph, ids: set[NodeId]) -> list[NodeId]:
    """Opened posts ordered so that a superior comes before its subordinates."""
    out: list[NodeId] = []
    placed: set[NodeId] = set()
    for pid in sorted(ids, key=id_key):
        chain: list[NodeId] = []
        current: NodeId | None = pid
        while current is not None and current in ids and current not in placed:
            if current in chain:
                break
            chain.append(current)
            current = graph.positions[current].reports_to
        for member in reversed(chain):
            placed.add(member)
            out.append(member)
    return out
