"""Stable error codes of the restructure services (operation codes come from the engine:
`penata.restructure.graph.errors.ErrorCode`)."""

from __future__ import annotations

from enum import StrEnum


class RestructureError(StrEnum):
    NAME_BLANK = "scenario.name_blank"
    NOT_DRAFT = "scenario.not_draft"
    NOTHING_TO_UNDO = "scenario.nothing_to_undo"
    NOTHING_TO_REDO = "scenario.nothing_to_redo"
    EMPTY = "scenario.empty"
    NOT_SUBMITTED = "scenario.not_submitted"
    NOT_REJECTED = "scenario.not_rejected"
    NOT_APPROVED = "scenario.not_approved"
    SELF_APPROVAL = "scenario.self_approval"
    NOTE_REQUIRED = "scenario.note_required"
    STALE = "scenario.stale"
    LEGAL_BASIS_BLANK = "enactment.legal_basis_blank"
    CONFLICT = "enactment.conflict"
    NOTHING_TO_ENACT = "enactment.nothing"
    CROSSWALK_INCOMPLETE = "enactment.crosswalk_incomplete"
    CROSSWALK_TARGET = "enactment.crosswalk_target"
