"""Operations on units: create, rename, move, merge, abolish."""

from __future__ import annotations

from dataclasses import dataclass

from penata.core.reference import UNIT_KINDS
from penata.restructure.graph.errors import ErrorCode, OperationError
from penata.restructure.graph.model import GraphEditor, NodeId, OrgGraph, UnitNode, replace
from penata.restructure.graph.operations.base import (
    GraphView,
    Operation,
    check_new_id,
    clash_error,
    error,
    move_positions_into,
    quote_unit,
    reparent_unit,
    title_conflicts,
)


def _code_taken(view: GraphView, code: str, except_id: NodeId | None = None) -> bool:
    wanted = code.strip().casefold()
    return any(u.code.casefold() == wanted and u.id != except_id for u in view.units.values())


def _missing_unit(view: GraphView, unit_id: NodeId | None, field: str) -> list[OperationError]:
    if unit_id is None or unit_id not in view.units:
        return [error(ErrorCode.UNIT_MISSING, f"Unit {unit_id} tidak ada dalam struktur.", field)]
    return []


@dataclass(frozen=True)
class CreateUnit(Operation):
    kind = "unit.create"
    label = "Bentuk unit baru"

    new_id: NodeId
    parent: NodeId | None
    unit_kind: str
    code: str
    name: str

    def created_ids(self) -> tuple[NodeId, ...]:
        return (self.new_id,)

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = check_new_id(graph, self.new_id, graph.units, "unit")
        if self.parent is None or self.parent not in graph.units:
            errors.append(
                error(
                    ErrorCode.UNIT_PARENT_MISSING,
                    f"Unit induk {self.parent} tidak ada dalam struktur.",
                    "parent",
                )
            )
        if self.unit_kind not in UNIT_KINDS:
            errors.append(
                error(
                    ErrorCode.UNIT_KIND_UNKNOWN,
                    f"Jenis unit {self.unit_kind!r} tidak dikenal.",
                    "unit_kind",
                )
            )
        if not self.name.strip():
            errors.append(error(ErrorCode.UNIT_NAME_BLANK, "Nama unit wajib diisi.", "name"))
        if not self.code.strip():
            errors.append(error(ErrorCode.UNIT_CODE_BLANK, "Kode unit wajib diisi.", "code"))
        elif _code_taken(graph, self.code):
            errors.append(
                error(
                    ErrorCode.UNIT_CODE_TAKEN,
                    f"Kode unit “{self.code}” sudah dipakai unit lain.",
                    "code",
                )
            )
        return errors

    def edit(self, editor: GraphEditor) -> None:
        editor.put_unit(
            UnitNode(
                id=self.new_id,
                parent=self.parent,
                kind=self.unit_kind,
                code=self.code.strip(),
                name=self.name.strip(),
                sort_order=10_000,
            )
        )

    def describe(self, graph: OrgGraph) -> str:
        kind = UNIT_KINDS.get(self.unit_kind, self.unit_kind)
        return (
            f"Bentuk unit “{self.name.strip()}” ({kind}, kode {self.code.strip()}) "
            f"di bawah {quote_unit(graph, self.parent)}."
        )


@dataclass(frozen=True)
class RenameUnit(Operation):
    kind = "unit.rename"
    label = "Ubah nama unit"

    unit: NodeId
    name: str
    code: str = ""

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_unit(graph, self.unit, "unit")
        if errors:
            return errors
        node = graph.units[self.unit]
        if not self.name.strip():
            errors.append(error(ErrorCode.UNIT_NAME_BLANK, "Nama unit wajib diisi.", "name"))
        code = self.code.strip()
        if code and code.casefold() != node.code.casefold() and _code_taken(graph, code, self.unit):
            errors.append(
                error(
                    ErrorCode.UNIT_CODE_TAKEN,
                    f"Kode unit “{code}” sudah dipakai unit lain.",
                    "code",
                )
            )
        if not errors and self.name.strip() == node.name and (not code or code == node.code):
            errors.append(
                error(
                    ErrorCode.OPERATION_NOOP,
                    f"Nama dan kode unit {quote_unit(graph, self.unit)} tidak berubah.",
                    "name",
                )
            )
        return errors

    def edit(self, editor: GraphEditor) -> None:
        node = editor.units[self.unit]
        editor.put_unit(replace(node, name=self.name.strip(), code=self.code.strip() or node.code))

    def describe(self, graph: OrgGraph) -> str:
        text = f"Ubah nama unit {quote_unit(graph, self.unit)} menjadi “{self.name.strip()}”"
        if self.code.strip():
            text += f" (kode {self.code.strip()})"
        return text + "."


@dataclass(frozen=True)
class MoveUnit(Operation):
    kind = "unit.move"
    label = "Pindahkan unit"

    unit: NodeId
    parent: NodeId

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_unit(graph, self.unit, "unit")
        if self.parent is None or self.parent not in graph.units:
            errors.append(
                error(
                    ErrorCode.UNIT_PARENT_MISSING,
                    f"Unit induk {self.parent} tidak ada dalam struktur.",
                    "parent",
                )
            )
        if errors:
            return errors
        if graph.is_within(self.parent, self.unit):
            errors.append(
                error(
                    ErrorCode.UNIT_MOVE_INTO_ITSELF,
                    f"Unit {quote_unit(graph, self.unit)} tidak dapat dipindah ke bawah "
                    f"{quote_unit(graph, self.parent)} yang berada di dalam unit itu sendiri.",
                    "parent",
                )
            )
        elif graph.units[self.unit].parent == self.parent:
            errors.append(
                error(
                    ErrorCode.OPERATION_NOOP,
                    f"Unit {quote_unit(graph, self.unit)} sudah berada di bawah "
                    f"{quote_unit(graph, self.parent)}.",
                    "parent",
                )
            )
        return errors

    def edit(self, editor: GraphEditor) -> None:
        reparent_unit(editor, self.unit, self.parent)

    def describe(self, graph: OrgGraph) -> str:
        return (
            f"Pindahkan unit {quote_unit(graph, self.unit)} ke bawah "
            f"{quote_unit(graph, self.parent)}."
        )


def _absorb(
    editor: GraphEditor, unit_id: NodeId, positions_to: NodeId | None, children_to: NodeId | None
) -> None:
    """Empty a unit into others and remove it: sub-units first (so their heads re-point to
    the new parent's head), then the posts."""
    for child in editor.children(unit_id):
        assert children_to is not None
        reparent_unit(editor, child, children_to)
    moving = list(editor.unit_positions(unit_id))
    if moving:
        assert positions_to is not None
        move_positions_into(editor, moving, positions_to)
    editor.remove_unit(unit_id)


def _target_errors(
    graph: OrgGraph, unit_id: NodeId, target: NodeId | None, field: str, what: str
) -> list[OperationError]:
    if target is None:
        return []
    if target not in graph.units:
        return [
            error(
                ErrorCode.UNIT_TARGET_MISSING,
                f"Unit tujuan {what} ({target}) tidak ada dalam struktur.",
                field,
            )
        ]
    if graph.is_within(target, unit_id):
        return [
            error(
                ErrorCode.UNIT_TARGET_INSIDE,
                f"Unit tujuan {what} {quote_unit(graph, target)} berada di dalam "
                f"{quote_unit(graph, unit_id)} yang akan dihapus.",
                field,
            )
        ]
    return []


@dataclass(frozen=True)
class AbolishUnit(Operation):
    kind = "unit.abolish"
    label = "Hapus unit"

    unit: NodeId
    positions_to: NodeId | None = None
    children_to: NodeId | None = None

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_unit(graph, self.unit, "unit")
        if errors:
            return errors
        positions = graph.unit_positions(self.unit)
        children = graph.children(self.unit)
        unplaced: list[str] = []
        if positions and self.positions_to is None:
            unplaced.append(f"{len(positions)} jabatan")
        if children and self.children_to is None:
            unplaced.append(f"{len(children)} sub-unit")
        if unplaced:
            asks = []
            if positions and self.positions_to is None:
                asks.append("unit tujuan jabatannya")
            if children and self.children_to is None:
                asks.append("unit induk baru sub-unitnya")
            errors.append(
                error(
                    ErrorCode.UNIT_NOT_EMPTY,
                    f"Unit {quote_unit(graph, self.unit)} masih memiliki "
                    f"{' dan '.join(unplaced)}. Tentukan {' dan '.join(asks)} "
                    "sebelum unit ini dihapus.",
                    "positions_to" if positions and self.positions_to is None else "children_to",
                    positions=len(positions),
                    children=len(children),
                )
            )
        errors += _target_errors(graph, self.unit, self.positions_to, "positions_to", "jabatan")
        errors += _target_errors(graph, self.unit, self.children_to, "children_to", "sub-unit")
        if not errors and positions and self.positions_to is not None:
            _folds, clashes = title_conflicts(graph, list(positions), self.positions_to)
            if clashes:
                errors.append(clash_error(graph, clashes, self.positions_to))
        return errors

    def edit(self, editor: GraphEditor) -> None:
        _absorb(editor, self.unit, self.positions_to, self.children_to)

    def describe(self, graph: OrgGraph) -> str:
        text = f"Hapus unit {quote_unit(graph, self.unit)}"
        if self.positions_to is not None:
            text += f"; jabatannya pindah ke {quote_unit(graph, self.positions_to)}"
        if self.children_to is not None:
            text += f"; sub-unitnya pindah ke bawah {quote_unit(graph, self.children_to)}"
        return text + "."


@dataclass(frozen=True)
class MergeUnits(Operation):
    """Merge unit `source` into `target`: posts and sub-units move, `source` disappears.

    The source's head stops heading and reports to the target's head (convert or abolish it
    next if it is no longer needed); same-titled non-managerial posts become one post.
    """

    kind = "unit.merge"
    label = "Gabungkan unit"

    source: NodeId
    target: NodeId

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_unit(graph, self.source, "source") + _missing_unit(
            graph, self.target, "target"
        )
        if errors:
            return errors
        if self.source == self.target:
            return [
                error(
                    ErrorCode.UNIT_MERGE_SAME,
                    f"Unit {quote_unit(graph, self.source)} tidak dapat digabung ke dirinya "
                    "sendiri.",
                    "target",
                )
            ]
        if graph.is_within(self.target, self.source):
            return [
                error(
                    ErrorCode.UNIT_MERGE_INTO_DESCENDANT,
                    f"Unit {quote_unit(graph, self.source)} tidak dapat digabung ke "
                    f"{quote_unit(graph, self.target)} yang berada di bawahnya.",
                    "target",
                )
            ]
        positions = list(graph.unit_positions(self.source))
        _folds, clashes = title_conflicts(graph, positions, self.target)
        if clashes:
            errors.append(clash_error(graph, clashes, self.target))
        return errors

    def edit(self, editor: GraphEditor) -> None:
        _absorb(editor, self.source, self.target, self.target)

    def describe(self, graph: OrgGraph) -> str:
        return (
            f"Gabungkan unit {quote_unit(graph, self.source)} ke dalam "
            f"{quote_unit(graph, self.target)}."
        )
