"""Web pages of the restructure app (thin: one selector or service per request)."""

from penata.restructure.views.comparison import comparison, comparison_pdf, comparison_xlsx
from penata.restructure.views.enactment import enactment
from penata.restructure.views.scenarios import (
    operation_add,
    operation_form,
    scenario_decide,
    scenario_editor,
    scenario_list,
    scenario_redo,
    scenario_undo,
    search_options,
)
from penata.restructure.views.structure import dashboard, history

__all__ = [
    "comparison",
    "comparison_pdf",
    "comparison_xlsx",
    "dashboard",
    "enactment",
    "history",
    "operation_add",
    "operation_form",
    "scenario_decide",
    "scenario_editor",
    "scenario_list",
    "scenario_redo",
    "scenario_undo",
    "search_options",
]
