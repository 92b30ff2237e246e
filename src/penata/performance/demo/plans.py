"""What the performance demo plans in memory before writing: SKPs, RHK and indicators."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from penata.performance.services.evaluation import realisation_share


@dataclass
class IndicatorPlan:
    id: int
    rhk_id: int
    aspect: str
    text: str
    target: int
    unit: str
    order: int
    realised: Decimal | None = None
    realised_on: dt.date | None = None


@dataclass
class RhkPlan:
    id: int
    skp_id: int
    kind: str
    text: str
    order: int
    parent_id: int | None = None
    indicators: list[IndicatorPlan] = field(default_factory=list)


@dataclass
class SkpPlan:
    id: int
    employee_id: int
    position_id: int
    unit_id: int
    pd_id: int | None
    start: dt.date
    status: str
    evaluator: Any
    factor: float
    rhks: list[RhkPlan] = field(default_factory=list)
    predikat: str = ""
    predikat_label: str = ""
    share: Decimal | None = None


def share_of(indicators: list[IndicatorPlan]) -> Decimal | None:
    """services.evaluation.realisation_share of the planned indicators (same attributes)."""
    return realisation_share(cast(Any, indicators))
