"""Validation errors of scenario operations: stable codes, messages naming objects (in the
active language; Indonesian without Django settings)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from penata.core.i18n import translate as _


class ErrorCode(StrEnum):
    OPERATION_UNKNOWN = "operation.unknown"
    OPERATION_PARAMS = "operation.params"
    OPERATION_NOOP = "operation.noop"
    UNIT_MISSING = "unit.missing"
    UNIT_EXISTS = "unit.exists"
    UNIT_NEW_ID = "unit.new_id"
    UNIT_PARENT_MISSING = "unit.parent_missing"
    UNIT_KIND_UNKNOWN = "unit.kind_unknown"
    UNIT_NAME_BLANK = "unit.name_blank"
    UNIT_CODE_BLANK = "unit.code_blank"
    UNIT_CODE_TAKEN = "unit.code_taken"
    UNIT_MOVE_INTO_ITSELF = "unit.move_into_itself"
    UNIT_MERGE_SAME = "unit.merge_same"
    UNIT_MERGE_INTO_DESCENDANT = "unit.merge_into_descendant"
    UNIT_NOT_EMPTY = "unit.not_empty"
    UNIT_TARGET_MISSING = "unit.target_missing"
    UNIT_TARGET_INSIDE = "unit.target_inside"
    POSITION_MISSING = "position.missing"
    POSITION_EXISTS = "position.exists"
    POSITION_NEW_ID = "position.new_id"
    POSITION_TITLE_BLANK = "position.title_blank"
    POSITION_TITLE_TAKEN = "position.title_taken"
    POSITION_KIND_UNKNOWN = "position.kind_unknown"
    POSITION_JENJANG_INVALID = "position.jenjang_invalid"
    POSITION_KELAS_RANGE = "position.kelas_range"
    POSITION_ESELON_INVALID = "position.eselon_invalid"
    POSITION_HEAD_TAKEN = "position.head_taken"
    POSITION_HEAD_NOT_MANAGERIAL = "position.head_not_managerial"
    POSITION_IS_UNIT_HEAD = "position.is_unit_head"
    POSITION_REPORTS_TO_MISSING = "position.reports_to_missing"
    POSITION_REPORTS_TO_SELF = "position.reports_to_self"
    POSITION_REPORTING_CYCLE = "position.reporting_cycle"
    POSITION_HAS_INCUMBENTS = "position.has_incumbents"
    POSITION_TARGET_MISSING = "position.target_missing"
    POSITION_TARGET_SELF = "position.target_self"
    POSITION_TARGET_SINGLE_HOLDER = "position.target_single_holder"
    POSITION_NOT_CONVERTIBLE = "position.not_convertible"
    POSITION_ROLE_INVALID = "position.role_invalid"
    DUTY_MISSING = "duty.missing"
    DUTY_VOLUME_NEGATIVE = "duty.volume_negative"
    DUTY_NORM_NOT_POSITIVE = "duty.norm_not_positive"


@dataclass(frozen=True)
class OperationError:
    """Why an operation cannot be applied to a graph; `field` names the parameter at fault."""

    code: ErrorCode
    message: str
    field: str = ""
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": str(self.code),
            "message": self.message,
            "field": self.field,
            "extra": self.extra,
        }


class OperationRefused(ValueError):
    """Raised by `Operation.run` and strict scenario replays: carries every error found."""

    def __init__(self, errors: list[OperationError], index: int | None = None) -> None:
        self.errors = errors
        self.index = index
        text = "; ".join(e.message for e in errors)
        if index is not None:
            text = _("Operasi ke-%(number)s: %(errors)s", number=index + 1, errors=text)
        super().__init__(text)

    @property
    def code(self) -> str:
        return str(self.errors[0].code) if self.errors else "operation.refused"
