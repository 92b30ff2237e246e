"""Write services of the restructure app (one function per use case)."""

from penata.restructure.services.enactment import (
    CrosswalkProposal,
    CrosswalkRow,
    scenario_crosswalk,
    scenario_enact,
)
from penata.restructure.services.scenarios import (
    scenario_add_operation,
    scenario_approve,
    scenario_create,
    scenario_redo,
    scenario_reject,
    scenario_reopen,
    scenario_submit,
    scenario_undo,
)

__all__ = [
    "CrosswalkProposal",
    "CrosswalkRow",
    "scenario_add_operation",
    "scenario_approve",
    "scenario_create",
    "scenario_crosswalk",
    "scenario_enact",
    "scenario_redo",
    "scenario_reject",
    "scenario_reopen",
    "scenario_submit",
    "scenario_undo",
]
