"""A scenario: an ordered list of operations with an undo/redo cursor.

Operations before the cursor are in force; those after it are undone and come back with
`redo`. Adding an operation after an undo drops the undone tail, as editors do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from penata.core.i18n import translate as _
from penata.restructure.graph.errors import OperationError, OperationRefused
from penata.restructure.graph.model import NodeId, OrgGraph, iter_new_numbers
from penata.restructure.graph.operations import Operation


class CursorError(ValueError):
    """Nothing to undo or to redo."""


@dataclass(frozen=True)
class Step:
    """One operation replayed: what it said on the graph it met, and why it failed if so."""

    index: int
    operation: Operation
    description: str
    errors: tuple[OperationError, ...]

    @property
    def applied(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class Replay:
    graph: OrgGraph
    steps: tuple[Step, ...]

    @property
    def failed(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if not s.applied)


@dataclass
class Scenario:
    operations: list[Operation] = field(default_factory=list)
    cursor: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.cursor <= len(self.operations):
            raise CursorError(f"cursor {self.cursor} outside 0..{len(self.operations)}")

    @property
    def active(self) -> list[Operation]:
        return self.operations[: self.cursor]

    @property
    def can_undo(self) -> bool:
        return self.cursor > 0

    @property
    def can_redo(self) -> bool:
        return self.cursor < len(self.operations)

    def add(self, operation: Operation) -> None:
        del self.operations[self.cursor :]
        self.operations.append(operation)
        self.cursor = len(self.operations)

    def undo(self) -> Operation:
        if not self.can_undo:
            raise CursorError(_("Tidak ada operasi yang dapat dibatalkan."))
        self.cursor -= 1
        return self.operations[self.cursor]

    def redo(self) -> Operation:
        if not self.can_redo:
            raise CursorError(_("Tidak ada operasi yang dapat diulang."))
        self.cursor += 1
        return self.operations[self.cursor - 1]

    def apply_all(self, base: OrgGraph) -> OrgGraph:
        """The structure after every active operation; raises OperationRefused naming the
        first operation that no longer applies."""
        graph = base
        for index, operation in enumerate(self.active):
            errors = operation.validate(graph)
            if errors:
                raise OperationRefused(errors, index)
            graph = operation.apply(graph)
        return graph

    def replay(self, base: OrgGraph) -> Replay:
        """Like `apply_all`, but skips operations that no longer apply and reports them."""
        graph = base
        steps: list[Step] = []
        for index, operation in enumerate(self.active):
            errors = operation.validate(graph)
            steps.append(Step(index, operation, operation.describe(graph), tuple(errors)))
            if not errors:
                graph = operation.apply(graph)
        return Replay(graph, tuple(steps))

    def preview_undone(self, graph: OrgGraph) -> tuple[Step, ...]:
        """The undone operations as `redo` would bring them back, one after the other, onto
        `graph` (the structure the active ones produce): what each would say, why it would
        fail."""
        steps: list[Step] = []
        for index in range(self.cursor, len(self.operations)):
            operation = self.operations[index]
            errors = operation.validate(graph)
            steps.append(Step(index, operation, operation.describe(graph), tuple(errors)))
            if not errors:
                graph = operation.apply(graph)
        return tuple(steps)

    def check_next(self, graph: OrgGraph, operation: Operation) -> list[OperationError]:
        """Errors of `operation` on the graph the active operations lead to."""
        return operation.validate(graph)

    def next_new_id(self) -> str:
        """A `new:N` id no operation of the scenario (undone ones included) uses yet."""
        return f"new:{max(self._new_numbers(self.operations), default=0) + 1}"

    @staticmethod
    def _new_numbers(operations: Iterable[Operation]) -> Iterable[int]:
        ids: list[NodeId] = []
        for operation in operations:
            ids.extend(operation.created_ids())
        return iter_new_numbers(ids)
