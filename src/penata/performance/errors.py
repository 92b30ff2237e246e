"""Stable error codes of the performance services and the refusals they raise.

`Refused` is a 403: the actor may see the object but this action is not theirs (only the
pejabat penilai approves and rates; nobody rates themselves). `Invalid` is a 422 with the
field at fault in `extra["field"]`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from penata.core.errors import ApplicationError, ValidationFailed


class PerformanceError(StrEnum):
    # SKP plan
    SKP_EXISTS = "skp.exists"
    SKP_NO_POSITION = "skp.no_position"
    SKP_NOT_OWNER = "skp.not_owner"
    SKP_NOT_EDITABLE = "skp.not_editable"
    SKP_NOT_SUBMITTED = "skp.not_submitted"
    SKP_NOT_APPROVED = "skp.not_approved"
    SKP_NO_MAIN_RHK = "skp.no_main_rhk"
    SKP_NO_EVALUATOR = "skp.no_evaluator"
    SKP_NOT_EVALUATOR = "skp.not_evaluator"
    SKP_SELF_APPROVAL = "skp.self_approval"
    SKP_NOTE_REQUIRED = "skp.note_required"
    SKP_YEAR = "skp.year"
    # RHK and indicators
    RHK_TEXT = "rhk.text"
    RHK_KIND = "rhk.kind"
    RHK_PARENT = "rhk.parent_not_superior"
    RHK_NO_INDICATORS = "rhk.no_indicators"
    RHK_HAS_CHILDREN = "rhk.has_children"
    RHK_HAS_RESULTS = "rhk.has_results"
    INDICATOR_ASPECT = "indicator.aspect"
    INDICATOR_TEXT = "indicator.text"
    INDICATOR_TARGET = "indicator.target"
    INDICATOR_UNIT = "indicator.unit"
    INDICATOR_HAS_RESULTS = "indicator.has_results"
    BEHAVIOUR_VALUE = "behaviour.value"
    BEHAVIOUR_TEXT = "behaviour.text"
    # Cascade
    CASCADE_NO_TARGETS = "cascade.no_targets"
    CASCADE_NOT_SUBORDINATE = "cascade.not_subordinate"
    CASCADE_NOT_OWNER = "cascade.not_owner"
    # Evaluation
    EVALUATION_PERIOD = "evaluation.period"
    EVALUATION_NOT_OPEN = "evaluation.not_open"
    EVALUATION_INCOMPLETE = "evaluation.incomplete"
    EVALUATION_NOT_SUBMITTED = "evaluation.not_submitted"
    EVALUATION_FINAL = "evaluation.final"
    EVALUATION_RHK_UNRATED = "evaluation.rhk_unrated"
    EVALUATION_RATING = "evaluation.rating"
    EVALUATION_SELF_RATING = "evaluation.self_rating"
    EVALUATION_NOT_EVALUATOR = "evaluation.not_evaluator"
    REALISATION_VALUE = "realisation.value"
    EVIDENCE_TYPE = "evidence.type"
    EVIDENCE_TOO_LARGE = "evidence.too_large"
    EVIDENCE_CONTENT = "evidence.content"
    EVIDENCE_LINK = "evidence.link"
    # Activity log
    ACTIVITY_NO_EMPLOYEE = "activity.no_employee"
    ACTIVITY_DATE = "activity.date"
    ACTIVITY_DESCRIPTION = "activity.description"
    ACTIVITY_MINUTES = "activity.minutes"
    ACTIVITY_DAY_FULL = "activity.day_full"
    ACTIVITY_OUTPUT = "activity.output"
    ACTIVITY_RHK = "activity.rhk"
    ACTIVITY_NOT_OWNER = "activity.not_owner"
    ACTIVITY_NOT_PENDING = "activity.not_pending"
    ACTIVITY_NOT_REVIEWER = "activity.not_reviewer"
    ACTIVITY_NOTHING_CHOSEN = "activity.nothing_chosen"
    ACTIVITY_NOTE_REQUIRED = "activity.note_required"
    # Settings, organisational predikat and the working calendar
    SETTINGS_ADMIN_ONLY = "settings.admin_only"
    SETTINGS_VALUE = "settings.value"
    ORG_PREDIKAT_VALUE = "org_predikat.value"
    HOLIDAY_NAME = "holiday.name"
    HOLIDAY_KIND = "holiday.kind"
    HOLIDAY_NATIONAL = "holiday.national_superuser_only"
    HOLIDAY_EXISTS = "holiday.exists"
    # Dashboards
    DASHBOARD_NO_SCOPE = "dashboard.no_scope"
    DASHBOARD_CITY = "dashboard.city_only"


class Refused(ApplicationError):
    """The actor may see the object but may not do this (403), with a specific code."""

    status_code = 403


def refused(code: PerformanceError, message: str, **extra: Any) -> Refused:
    return Refused(str(code), message, extra or None)


def invalid(code: PerformanceError, message: str, field: str, **extra: Any) -> ValidationFailed:
    return ValidationFailed(str(code), message, {"field": field, **extra})


def conflict(code: PerformanceError, message: str, **extra: Any) -> ApplicationError:
    """A request that does not fit the object's state (400)."""
    return ApplicationError(str(code), message, extra or None)
