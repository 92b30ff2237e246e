"""Scenario operations: frozen dataclasses with `validate`, `apply`, `describe`.

`OPERATIONS` maps each stable `kind` (stored with the scenario) to its class;
`operation_from(kind, params)` rebuilds one from stored JSON or form values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from penata.core.i18n import translate as _
from penata.restructure.graph.errors import ErrorCode, OperationError, OperationRefused
from penata.restructure.graph.operations.base import Operation
from penata.restructure.graph.operations.duties import ChangeDuty, MoveDuty, RemoveDuty
from penata.restructure.graph.operations.positions import (
    AbolishPosition,
    ChangeReportingLine,
    ConvertPosition,
    CreatePosition,
    MovePosition,
)
from penata.restructure.graph.operations.units import (
    AbolishUnit,
    CreateUnit,
    MergeUnits,
    MoveUnit,
    RenameUnit,
)

OPERATIONS: dict[str, type[Operation]] = {
    cls.kind: cls
    for cls in (
        CreateUnit,
        RenameUnit,
        MoveUnit,
        MergeUnits,
        AbolishUnit,
        CreatePosition,
        MovePosition,
        AbolishPosition,
        ConvertPosition,
        ChangeReportingLine,
        MoveDuty,
        ChangeDuty,
        RemoveDuty,
    )
}


def operation_from(kind: str, params: Mapping[str, Any]) -> Operation:
    """Rebuild an operation; raises OperationRefused (operation.unknown/params) on bad input."""
    cls = OPERATIONS.get(kind)
    if cls is None:
        raise OperationRefused(
            [
                OperationError(
                    ErrorCode.OPERATION_UNKNOWN,
                    _("Jenis operasi %(kind)s tidak dikenal.", kind=repr(kind)),
                    "kind",
                )
            ]
        )
    return cls.from_params(params)


__all__ = [
    "OPERATIONS",
    "AbolishPosition",
    "AbolishUnit",
    "ChangeDuty",
    "ChangeReportingLine",
    "ConvertPosition",
    "CreatePosition",
    "CreateUnit",
    "MergeUnits",
    "MoveDuty",
    "MovePosition",
    "MoveUnit",
    "Operation",
    "RemoveDuty",
    "RenameUnit",
    "operation_from",
]
