"""Stable error codes of the workload app."""

from __future__ import annotations

from enum import StrEnum


class WorkloadErrorCode(StrEnum):
    VOLUME = "workload.volume"
    PERIOD = "workload.period"
    TIME_NORM = "workload.time_norm"
    SETTINGS = "workload.settings"
