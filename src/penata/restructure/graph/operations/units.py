"""Operations on units: create, rename, move, merge, abolish."""

from __future__ import annotations

from dataclasses import dataclass

from penata.core.i18n import gettext_noop
from penata.core.i18n import translate as _
from penata.core.i18n import translate_plural as ngettext
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
        message = _("Unit %(unit)s tidak ada dalam struktur.", unit=unit_id)
        return [error(ErrorCode.UNIT_MISSING, message, field)]
    return []


@dataclass(frozen=True)
class CreateUnit(Operation):
    kind = "unit.create"
    label = gettext_noop("Bentuk unit baru")

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
                    _("Unit induk %(unit)s tidak ada dalam struktur.", unit=self.parent),
                    "parent",
                )
            )
        if self.unit_kind not in UNIT_KINDS:
            errors.append(
                error(
                    ErrorCode.UNIT_KIND_UNKNOWN,
                    _("Jenis unit %(kind)s tidak dikenal.", kind=repr(self.unit_kind)),
                    "unit_kind",
                )
            )
        if not self.name.strip():
            errors.append(error(ErrorCode.UNIT_NAME_BLANK, _("Nama unit wajib diisi."), "name"))
        if not self.code.strip():
            errors.append(error(ErrorCode.UNIT_CODE_BLANK, _("Kode unit wajib diisi."), "code"))
        elif _code_taken(graph, self.code):
            errors.append(
                error(
                    ErrorCode.UNIT_CODE_TAKEN,
                    _("Kode unit “%(code)s” sudah dipakai unit lain.", code=self.code),
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
        return _(
            "Bentuk unit “%(name)s” (%(kind)s, kode %(code)s) di bawah %(parent)s.",
            name=self.name.strip(),
            kind=UNIT_KINDS.get(self.unit_kind, self.unit_kind),
            code=self.code.strip(),
            parent=quote_unit(graph, self.parent),
        )


@dataclass(frozen=True)
class RenameUnit(Operation):
    kind = "unit.rename"
    label = gettext_noop("Ubah nama unit")

    unit: NodeId
    name: str
    code: str = ""

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_unit(graph, self.unit, "unit")
        if errors:
            return errors
        node = graph.units[self.unit]
        if not self.name.strip():
            errors.append(error(ErrorCode.UNIT_NAME_BLANK, _("Nama unit wajib diisi."), "name"))
        code = self.code.strip()
        if code and code.casefold() != node.code.casefold() and _code_taken(graph, code, self.unit):
            errors.append(
                error(
                    ErrorCode.UNIT_CODE_TAKEN,
                    _("Kode unit “%(code)s” sudah dipakai unit lain.", code=code),
                    "code",
                )
            )
        if not errors and self.name.strip() == node.name and (not code or code == node.code):
            errors.append(
                error(
                    ErrorCode.OPERATION_NOOP,
                    _(
                        "Nama dan kode unit %(unit)s tidak berubah.",
                        unit=quote_unit(graph, self.unit),
                    ),
                    "name",
                )
            )
        return errors

    def edit(self, editor: GraphEditor) -> None:
        node = editor.units[self.unit]
        editor.put_unit(replace(node, name=self.name.strip(), code=self.code.strip() or node.code))

    def describe(self, graph: OrgGraph) -> str:
        unit, name, code = quote_unit(graph, self.unit), self.name.strip(), self.code.strip()
        if code:
            return _(
                "Ubah nama unit %(unit)s menjadi “%(name)s” (kode %(code)s).",
                unit=unit,
                name=name,
                code=code,
            )
        return _("Ubah nama unit %(unit)s menjadi “%(name)s”.", unit=unit, name=name)


@dataclass(frozen=True)
class MoveUnit(Operation):
    kind = "unit.move"
    label = gettext_noop("Pindahkan unit")

    unit: NodeId
    parent: NodeId

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_unit(graph, self.unit, "unit")
        if self.parent is None or self.parent not in graph.units:
            errors.append(
                error(
                    ErrorCode.UNIT_PARENT_MISSING,
                    _("Unit induk %(unit)s tidak ada dalam struktur.", unit=self.parent),
                    "parent",
                )
            )
        if errors:
            return errors
        if graph.is_within(self.parent, self.unit):
            errors.append(
                error(
                    ErrorCode.UNIT_MOVE_INTO_ITSELF,
                    _(
                        "Unit %(unit)s tidak dapat dipindah ke bawah %(parent)s yang berada di "
                        "dalam unit itu sendiri.",
                        unit=quote_unit(graph, self.unit),
                        parent=quote_unit(graph, self.parent),
                    ),
                    "parent",
                )
            )
        elif graph.units[self.unit].parent == self.parent:
            errors.append(
                error(
                    ErrorCode.OPERATION_NOOP,
                    _(
                        "Unit %(unit)s sudah berada di bawah %(parent)s.",
                        unit=quote_unit(graph, self.unit),
                        parent=quote_unit(graph, self.parent),
                    ),
                    "parent",
                )
            )
        return errors

    def edit(self, editor: GraphEditor) -> None:
        reparent_unit(editor, self.unit, self.parent)

    def describe(self, graph: OrgGraph) -> str:
        return _(
            "Pindahkan unit %(unit)s ke bawah %(parent)s.",
            unit=quote_unit(graph, self.unit),
            parent=quote_unit(graph, self.parent),
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


# Where the posts or the sub-units of an abolished unit go: (missing, inside) messages.
_TARGET_MESSAGES = {
    "positions_to": (
        gettext_noop("Unit tujuan jabatan (%(target)s) tidak ada dalam struktur."),
        gettext_noop("Unit tujuan jabatan %(target)s berada di dalam %(unit)s yang akan dihapus."),
    ),
    "children_to": (
        gettext_noop("Unit tujuan sub-unit (%(target)s) tidak ada dalam struktur."),
        gettext_noop("Unit tujuan sub-unit %(target)s berada di dalam %(unit)s yang akan dihapus."),
    ),
}


def _target_errors(
    graph: OrgGraph, unit_id: NodeId, target: NodeId | None, field: str
) -> list[OperationError]:
    if target is None:
        return []
    missing, inside = _TARGET_MESSAGES[field]
    if target not in graph.units:
        return [error(ErrorCode.UNIT_TARGET_MISSING, _(missing, target=target), field)]
    if graph.is_within(target, unit_id):
        message = _(inside, target=quote_unit(graph, target), unit=quote_unit(graph, unit_id))
        return [error(ErrorCode.UNIT_TARGET_INSIDE, message, field)]
    return []


def _not_empty_message(view: GraphView, unit_id: NodeId, positions: int, children: int) -> str:
    """Why a unit that still has posts (`positions` unplaced) or sub-units cannot go."""
    unit = quote_unit(view, unit_id)
    if positions and children:
        return _(
            "Unit %(unit)s masih memiliki %(positions)s jabatan dan %(children)s sub-unit. "
            "Tentukan unit tujuan jabatannya dan unit induk baru sub-unitnya sebelum unit ini "
            "dihapus.",
            unit=unit,
            positions=positions,
            children=children,
        )
    if positions:
        return ngettext(
            "Unit %(unit)s masih memiliki %(positions)s jabatan. Tentukan unit tujuan "
            "jabatannya sebelum unit ini dihapus.",
            "Unit %(unit)s masih memiliki %(positions)s jabatan. Tentukan unit tujuan "
            "jabatannya sebelum unit ini dihapus.",
            positions,
            unit=unit,
            positions=positions,
        )
    return ngettext(
        "Unit %(unit)s masih memiliki %(children)s sub-unit. Tentukan unit induk baru "
        "sub-unitnya sebelum unit ini dihapus.",
        "Unit %(unit)s masih memiliki %(children)s sub-unit. Tentukan unit induk baru "
        "sub-unitnya sebelum unit ini dihapus.",
        children,
        unit=unit,
        children=children,
    )


@dataclass(frozen=True)
class AbolishUnit(Operation):
    kind = "unit.abolish"
    label = gettext_noop("Hapus unit")

    unit: NodeId
    positions_to: NodeId | None = None
    children_to: NodeId | None = None

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_unit(graph, self.unit, "unit")
        if errors:
            return errors
        positions = graph.unit_positions(self.unit)
        children = graph.children(self.unit)
        unplaced_positions = len(positions) if self.positions_to is None else 0
        unplaced_children = len(children) if self.children_to is None else 0
        if unplaced_positions or unplaced_children:
            errors.append(
                error(
                    ErrorCode.UNIT_NOT_EMPTY,
                    _not_empty_message(graph, self.unit, unplaced_positions, unplaced_children),
                    "positions_to" if unplaced_positions else "children_to",
                    positions=len(positions),
                    children=len(children),
                )
            )
        errors += _target_errors(graph, self.unit, self.positions_to, "positions_to")
        errors += _target_errors(graph, self.unit, self.children_to, "children_to")
        if not errors and positions and self.positions_to is not None:
            _folds, clashes = title_conflicts(graph, list(positions), self.positions_to)
            if clashes:
                errors.append(clash_error(graph, clashes, self.positions_to))
        return errors

    def edit(self, editor: GraphEditor) -> None:
        _absorb(editor, self.unit, self.positions_to, self.children_to)

    def describe(self, graph: OrgGraph) -> str:
        unit = quote_unit(graph, self.unit)
        positions_to = quote_unit(graph, self.positions_to)
        children_to = quote_unit(graph, self.children_to)
        if self.positions_to is not None and self.children_to is not None:
            return _(
                "Hapus unit %(unit)s; jabatannya pindah ke %(positions_to)s; sub-unitnya pindah "
                "ke bawah %(children_to)s.",
                unit=unit,
                positions_to=positions_to,
                children_to=children_to,
            )
        if self.positions_to is not None:
            return _(
                "Hapus unit %(unit)s; jabatannya pindah ke %(positions_to)s.",
                unit=unit,
                positions_to=positions_to,
            )
        if self.children_to is not None:
            return _(
                "Hapus unit %(unit)s; sub-unitnya pindah ke bawah %(children_to)s.",
                unit=unit,
                children_to=children_to,
            )
        return _("Hapus unit %(unit)s.", unit=unit)


@dataclass(frozen=True)
class MergeUnits(Operation):
    """Merge unit `source` into `target`: posts and sub-units move, `source` disappears.

    The source's head stops heading and reports to the target's head (convert or abolish it
    next if it is no longer needed); same-titled non-managerial posts become one post.
    """

    kind = "unit.merge"
    label = gettext_noop("Gabungkan unit")

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
                    _(
                        "Unit %(unit)s tidak dapat digabung ke dirinya sendiri.",
                        unit=quote_unit(graph, self.source),
                    ),
                    "target",
                )
            ]
        if graph.is_within(self.target, self.source):
            return [
                error(
                    ErrorCode.UNIT_MERGE_INTO_DESCENDANT,
                    _(
                        "Unit %(unit)s tidak dapat digabung ke %(target)s yang berada di bawahnya.",
                        unit=quote_unit(graph, self.source),
                        target=quote_unit(graph, self.target),
                    ),
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
        return _(
            "Gabungkan unit %(source)s ke dalam %(target)s.",
            source=quote_unit(graph, self.source),
            target=quote_unit(graph, self.target),
        )
