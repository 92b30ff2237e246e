"""What every scenario operation shares: the base class, parameter (de)serialisation and the
structural moves several operations reuse (re-parenting a unit, moving posts into a unit,
folding a post into a same-titled one)."""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Protocol

from penata.core.i18n import translate as _
from penata.restructure.graph.errors import ErrorCode, OperationError, OperationRefused
from penata.restructure.graph.model import (
    DutyNode,
    GraphEditor,
    NodeId,
    OrgGraph,
    PositionNode,
    UnitNode,
    id_key,
    is_new_id,
    parse_node_id,
    replace,
)


class GraphView(Protocol):
    """What both `OrgGraph` and `GraphEditor` offer to read a structure."""

    @property
    def units(self) -> Mapping[NodeId, UnitNode]: ...
    @property
    def positions(self) -> Mapping[NodeId, PositionNode]: ...
    @property
    def duties(self) -> Mapping[NodeId, DutyNode]: ...
    def children(self, unit_id: NodeId) -> Sequence[NodeId]: ...
    def unit_positions(self, unit_id: NodeId) -> Sequence[NodeId]: ...
    def subordinates(self, position_id: NodeId) -> Sequence[NodeId]: ...
    def position_duties(self, position_id: NodeId) -> Sequence[NodeId]: ...
    def head_of(self, unit_id: NodeId) -> PositionNode | None: ...


def quote_unit(view: GraphView, unit_id: NodeId | None) -> str:
    if unit_id is None:
        return "—"
    unit = view.units.get(unit_id)
    return f"“{unit.name}”" if unit else f"#{unit_id}"


def quote_position(view: GraphView, position_id: NodeId | None) -> str:
    if position_id is None:
        return "—"
    position = view.positions.get(position_id)
    if position is None:
        return f"#{position_id}"
    unit = view.units.get(position.unit)
    if unit is None:
        return f"“{position.title}”"
    return _("“%(title)s” di %(unit)s", title=position.title, unit=unit.name)


def quote_duty(view: GraphView, duty_id: NodeId | None) -> str:
    duty = view.duties.get(duty_id) if duty_id is not None else None
    if duty is None:
        return f"#{duty_id}"
    text = duty.statement if len(duty.statement) <= 60 else duty.statement[:57] + "…"
    return f"“{text}”"


def error(code: ErrorCode, message: str, field: str = "", **extra: Any) -> OperationError:
    return OperationError(code, message, field, dict(extra))


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return value


@dataclass(frozen=True)
class Operation(ABC):
    """One change to a structure. Subclasses are frozen dataclasses of plain parameters.

    `validate` lists every reason the operation cannot apply to a graph (empty = it can);
    `apply` returns the changed graph and assumes validation passed; `run` does both.
    """

    kind: ClassVar[str] = ""
    label: ClassVar[str] = ""  # Indonesian, marked with gettext_noop; shown by translated_label

    @abstractmethod
    def validate(self, graph: OrgGraph) -> list[OperationError]:
        """Every reason the operation cannot apply to `graph` (empty: it can)."""

    def apply(self, graph: OrgGraph) -> OrgGraph:
        editor = graph.edit()
        self.edit(editor)
        return editor.finish()

    @abstractmethod
    def edit(self, editor: GraphEditor) -> None:
        """Make the change on an editor of the graph (validation has passed)."""

    @classmethod
    def translated_label(cls) -> str:
        """The operation's name in the active language (e.g. "Gabungkan unit")."""
        return _(cls.label)

    @abstractmethod
    def describe(self, graph: OrgGraph) -> str:
        """One sentence naming the objects, read on the graph before applying (in the active
        language)."""

    def run(self, graph: OrgGraph) -> OrgGraph:
        errors = self.validate(graph)
        if errors:
            raise OperationRefused(errors)
        return self.apply(graph)

    def created_ids(self) -> tuple[NodeId, ...]:
        """Ids of nodes the operation creates (`new:N`)."""
        return ()

    def to_params(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> Operation:
        """Build the operation from JSON/form values; raises OperationRefused on bad input."""
        values: dict[str, Any] = {}
        problems: list[OperationError] = []
        for f in dataclasses.fields(cls):
            raw = params.get(f.name, f.default if f.default is not dataclasses.MISSING else None)
            try:
                values[f.name] = _coerce(str(f.type), raw)
            except (ValueError, InvalidOperation, TypeError):
                problems.append(
                    error(
                        ErrorCode.OPERATION_PARAMS,
                        _(
                            "Isian “%(field)s” tidak valid: %(value)s.",
                            field=f.name,
                            value=repr(raw),
                        ),
                        f.name,
                    )
                )
        required = [
            f.name
            for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING
            and values.get(f.name) is None
            and "None" not in str(f.type)
        ]
        problems.extend(
            error(ErrorCode.OPERATION_PARAMS, _("Isian “%(field)s” wajib diisi.", field=name), name)
            for name in required
            if not any(p.field == name for p in problems)
        )
        if problems:
            raise OperationRefused(problems)
        return cls(**values)


# Decimals of an operation (duty volume, time norm) are enacted into NUMERIC(12, 2) columns.
DECIMAL_LIMIT = Decimal("1e10")


def _coerce(type_text: str, raw: Any) -> Any:
    optional = "None" in type_text
    if raw is None or (isinstance(raw, str) and not raw.strip() and "str" not in type_text):
        if optional or "NodeId" in type_text:
            return None
        if "bool" in type_text:
            return False
        raise ValueError("missing")
    if isinstance(raw, str) and "\x00" in raw:
        raise ValueError("NUL character")  # no database column takes one
    if "NodeId" in type_text:
        return parse_node_id(raw)
    if "Decimal" in type_text:
        value = Decimal(str(raw).strip().replace(",", "."))
        if not value.is_finite() or abs(value) >= DECIMAL_LIMIT:
            raise ValueError("out of range")
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            raise ValueError("more than two decimal places")
        return value
    if "bool" in type_text:
        if isinstance(raw, str):
            return raw.strip().lower() in {"1", "true", "on", "ya", "yes"}
        return bool(raw)
    if "int" in type_text:
        return int(str(raw).strip())
    return str(raw).strip()


# Shared checks ------------------------------------------------------------------------------


def check_new_id(
    view: GraphView, new_id: NodeId, existing: Mapping[NodeId, Any], what: str
) -> list[OperationError]:
    code_new, code_exists = (
        (ErrorCode.UNIT_NEW_ID, ErrorCode.UNIT_EXISTS)
        if what == "unit"
        else (ErrorCode.POSITION_NEW_ID, ErrorCode.POSITION_EXISTS)
    )
    if not is_new_id(new_id):
        message = _("Kode sementara %(id)s harus berbentuk “new:N”.", id=repr(new_id))
        return [error(code_new, message, "new_id")]
    if new_id in existing:
        return [error(code_exists, _("Kode sementara %(id)s sudah dipakai.", id=new_id), "new_id")]
    return []


def would_cycle(view: GraphView, position_id: NodeId, new_superior: NodeId) -> bool:
    """True when making `new_superior` the superior of `position_id` closes a loop."""
    current: NodeId | None = new_superior
    steps = 0
    limit = len(view.positions) + 1
    while current is not None and steps <= limit:
        if current == position_id:
            return True
        node = view.positions.get(current)
        current = node.reports_to if node else None
        steps += 1
    return False


def next_manager_up(view: GraphView, position_id: NodeId) -> NodeId | None:
    """The nearest managerial superior, skipping non-managerial posts on the way."""
    seen = {position_id}
    current = view.positions[position_id].reports_to
    while current is not None and current not in seen:
        node = view.positions.get(current)
        if node is None:
            return None
        if node.is_managerial:
            return current
        seen.add(current)
        current = node.reports_to
    return None


def can_fold(moving: PositionNode, into: PositionNode) -> bool:
    """Two same-titled non-managerial posts of one kind and jenjang are one post with more
    holders (the peta jabatan keeps one row per title per unit)."""
    return (
        not moving.is_managerial
        and not into.is_managerial
        and not moving.is_unit_head
        and not into.is_unit_head
        and moving.kind == into.kind
        and moving.jenjang == into.jenjang
    )


def title_conflicts(
    view: GraphView, moving: list[NodeId], target_unit: NodeId
) -> tuple[dict[NodeId, NodeId], list[NodeId]]:
    """For posts moving into `target_unit`: which fold into a same-titled post there, and
    which clash with one they cannot fold into."""
    moving_set = set(moving)
    by_title = {
        view.positions[p].title.casefold(): p
        for p in view.unit_positions(target_unit)
        if p not in moving_set
    }
    folds: dict[NodeId, NodeId] = {}
    clashes: list[NodeId] = []
    for pid in moving:
        node = view.positions[pid]
        other = by_title.get(node.title.casefold())
        if other is None:
            continue
        if can_fold(node, view.positions[other]):
            folds[pid] = other
        else:
            clashes.append(pid)
    return folds, clashes


def clash_error(view: GraphView, clashes: list[NodeId], target_unit: NodeId) -> OperationError:
    titles = ", ".join(f"“{view.positions[p].title}”" for p in clashes)
    return error(
        ErrorCode.POSITION_TITLE_TAKEN,
        _(
            "Unit %(unit)s sudah memiliki jabatan bernama %(titles)s yang tidak dapat digabung "
            "(jenis atau jenjangnya berbeda, atau jabatan manajerial). Ubah dulu nama jabatan "
            "tersebut.",
            unit=quote_unit(view, target_unit),
            titles=titles,
        ),
        "",
        positions=[str(p) for p in clashes],
    )


def _merge_ids(first: tuple[int, ...], second: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(dict.fromkeys((*first, *second)))


# Shared moves -------------------------------------------------------------------------------


def fold_position(editor: GraphEditor, position_id: NodeId, into: NodeId) -> None:
    """Merge a post into a same-titled one: holders, duties and subordinates go to `into`."""
    node = editor.positions[position_id]
    target = editor.positions[into]
    editor.put_position(
        replace(
            target,
            incumbents=_merge_ids(target.incumbents, node.incumbents),
            acting=_merge_ids(target.acting, node.acting),
        )
    )
    for duty_id in editor.position_duties(position_id):
        editor.put_duty(replace(editor.duties[duty_id], position=into))
    for sub in editor.subordinates(position_id):
        editor.put_position(replace(editor.positions[sub], reports_to=into))
    editor.remove_position(position_id)


def repoint_subordinates(
    editor: GraphEditor, position_id: NodeId, new_superior: NodeId | None
) -> None:
    for sub in sorted(editor.subordinates(position_id), key=id_key):
        if sub != new_superior:
            editor.put_position(replace(editor.positions[sub], reports_to=new_superior))
        else:
            superior = editor.positions[position_id].reports_to
            editor.put_position(replace(editor.positions[sub], reports_to=superior))


def move_positions_into(editor: GraphEditor, moving: list[NodeId], target_unit: NodeId) -> None:
    """Move posts into a unit. Same-titled compatible posts fold; a moving unit head whose
    target already has a head stops heading: it and everyone who reported to it report to
    the target's head."""
    folds, _clashes = title_conflicts(editor, moving, target_unit)
    target_head = editor.head_of(target_unit)
    for pid in sorted(moving, key=id_key):
        if pid in folds:
            fold_position(editor, pid, folds[pid])
            continue
        node = editor.positions[pid]
        if node.is_unit_head and target_head is not None and target_head.id != pid:
            repoint_subordinates(editor, pid, target_head.id)
            editor.put_position(
                replace(
                    editor.positions[pid],
                    unit=target_unit,
                    is_unit_head=False,
                    reports_to=target_head.id,
                )
            )
        else:
            editor.put_position(replace(node, unit=target_unit))
            if node.is_unit_head and target_head is None:
                target_head = editor.positions[pid]


def reparent_unit(editor: GraphEditor, unit_id: NodeId, new_parent: NodeId) -> None:
    """Put a unit under a new parent; its head, if it reported into the old parent unit,
    now reports to the new parent's head."""
    unit = editor.units[unit_id]
    old_parent = unit.parent
    editor.put_unit(replace(unit, parent=new_parent))
    head = editor.head_of(unit_id)
    if head is None or head.reports_to is None:
        return
    superior = editor.positions.get(head.reports_to)
    if superior is None or superior.unit != old_parent:
        return
    new_head = editor.head_of(new_parent)
    if new_head is not None and new_head.id != head.id:
        editor.put_position(replace(head, reports_to=new_head.id))
