"""Performance data: SKP plans, evaluations, the activity log, settings and the calendar."""

from penata.performance.models.activity import Activity, ActivityReminder
from penata.performance.models.config import Holiday, OrgPredikat, PerformanceSettings, WorkCalendar
from penata.performance.models.evaluation import ANNUAL_NUMBER, Evaluation, Realisation, RhkRating
from penata.performance.models.skp import BehaviourExpectation, Indicator, Rhk, Skp, SkpVersion

__all__ = [
    "ANNUAL_NUMBER",
    "Activity",
    "ActivityReminder",
    "BehaviourExpectation",
    "Evaluation",
    "Holiday",
    "Indicator",
    "OrgPredikat",
    "PerformanceSettings",
    "Realisation",
    "Rhk",
    "RhkRating",
    "Skp",
    "SkpVersion",
    "WorkCalendar",
]
