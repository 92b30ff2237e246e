"""Complaint (aduan) rules: the status machine, SLA timers, routing and report arithmetic.

Pure (no I/O; Django only for the lazily translated labels); services and selectors call
these. DOMAIN.md §9 (ULAS, Perwali 29/2019 and 8.1/2023): the admin responds within 1×24 h
and the unit (OPD) follows up within 2×24 h; breaches are reported weekly with totals,
% resolved / in process / overdue and the top categories.

Timers, in calendar hours as ULAS counts them:
- response: from receipt until the first answer to the citizen — verification, a public
  response or a rejection with reason (`responded_at`);
- follow-up: from assignment to a unit until the unit acts — starts work, responds publicly or
  resolves (`followed_up_at`).
A complaint is *on time* when every timer that has come due was met.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Literal

from django.utils.translation import gettext_lazy as _

# Defaults of ULAS Surakarta [C] (DOMAIN §9): 1×24 h response, 2×24 h follow-up.
DEFAULT_RESPONSE_HOURS: Final = 24
DEFAULT_FOLLOWUP_HOURS: Final = 48

RECEIVED: Final = "received"
VERIFIED: Final = "verified"
ASSIGNED: Final = "assigned"
IN_PROGRESS: Final = "in_progress"
RESOLVED: Final = "resolved"
CLOSED: Final = "closed"
REJECTED: Final = "rejected"

STATUSES: Final = (RECEIVED, VERIFIED, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED, REJECTED)
# Labels are lazily translated; the stored status is the code (key).
STATUS_LABELS: Final = {
    RECEIVED: _("Diterima"),
    VERIFIED: _("Diverifikasi"),
    ASSIGNED: _("Diteruskan ke unit"),
    IN_PROGRESS: _("Ditindaklanjuti"),
    RESOLVED: _("Selesai"),
    CLOSED: _("Ditutup"),
    REJECTED: _("Ditolak"),
}
# Statuses in which the citizen is still waiting for the government to act.
OPEN_STATUSES: Final = frozenset({RECEIVED, VERIFIED, ASSIGNED, IN_PROGRESS})
FINAL_STATUSES: Final = frozenset({CLOSED, REJECTED})
DONE_STATUSES: Final = frozenset({RESOLVED, CLOSED})

Action = Literal["verify", "assign", "start", "resolve", "reopen", "close", "reject"]

# action → (statuses it may start from, status it leads to)
TRANSITIONS: Final[dict[str, tuple[frozenset[str], str]]] = {
    "verify": (frozenset({RECEIVED}), VERIFIED),
    "assign": (frozenset({VERIFIED, ASSIGNED}), ASSIGNED),  # from ASSIGNED: reassign
    "start": (frozenset({ASSIGNED}), IN_PROGRESS),
    "resolve": (frozenset({IN_PROGRESS}), RESOLVED),
    "reopen": (frozenset({RESOLVED}), IN_PROGRESS),
    "close": (frozenset({RESOLVED}), CLOSED),
    "reject": (frozenset({RECEIVED, VERIFIED, ASSIGNED, IN_PROGRESS}), REJECTED),
}
ACTION_LABELS: Final = {
    "verify": _("Verifikasi"),
    "assign": _("Teruskan ke unit"),
    "start": _("Mulai tindak lanjut"),
    "resolve": _("Nyatakan selesai"),
    "reopen": _("Buka kembali"),
    "close": _("Tutup"),
    "reject": _("Tolak"),
    "respond": _("Tanggapi"),
}
# A public response (without a change of status) may be given while the complaint is open.
RESPOND_STATUSES: Final = OPEN_STATUSES
RATE_STATUSES: Final = DONE_STATUSES
RATING_MIN: Final = 1
RATING_MAX: Final = 5


class ComplaintRuleError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def next_status(status: str, action: str) -> str:
    """The status `action` leads to from `status`, or ComplaintRuleError if not allowed."""
    if action not in TRANSITIONS:
        raise ComplaintRuleError("complaint.action_unknown", f"Tindakan tidak dikenal: {action}.")
    sources, target = TRANSITIONS[action]
    if status not in sources:
        label = STATUS_LABELS.get(status, status)
        raise ComplaintRuleError(
            "complaint.transition",
            f"Tindakan '{ACTION_LABELS[action]}' tidak dapat dilakukan pada aduan berstatus "
            f"{label}.",
        )
    return target


def allowed_actions(status: str) -> list[str]:
    """Actions possible from `status` (status changes plus `respond`), in display order."""
    actions = [a for a, (sources, _target) in TRANSITIONS.items() if status in sources]
    if status in RESPOND_STATUSES:
        actions.insert(0, "respond")
    return actions


# --- SLA ---------------------------------------------------------------------------------------

TimerState = Literal["met", "missed", "pending", "overdue", "none"]


@dataclass(frozen=True)
class SlaFacts:
    status: str
    received_at: dt.datetime
    response_due_at: dt.datetime
    responded_at: dt.datetime | None
    assigned_at: dt.datetime | None
    followup_due_at: dt.datetime | None
    followed_up_at: dt.datetime | None


@dataclass(frozen=True)
class SlaStatus:
    response: TimerState
    followup: TimerState

    @property
    def is_overdue(self) -> bool:
        return "overdue" in (self.response, self.followup)

    @property
    def on_time(self) -> bool | None:
        """True when every timer come due was met; None while none has come due."""
        states = [s for s in (self.response, self.followup) if s != "none" and s != "pending"]
        if not states:
            return None
        return all(s == "met" for s in states)


def due_at(start: dt.datetime, hours: int) -> dt.datetime:
    return start + dt.timedelta(hours=hours)


def _timer(
    due: dt.datetime | None, done: dt.datetime | None, now: dt.datetime, *, open_: bool
) -> TimerState:
    if due is None:
        return "none"
    if done is not None:
        return "met" if done <= due else "missed"
    if not open_:
        return "none"  # closed without this step (e.g. rejected before assignment)
    return "overdue" if now > due else "pending"


def sla_status(facts: SlaFacts, now: dt.datetime) -> SlaStatus:
    """The state of both timers at `now`."""
    is_open = facts.status in OPEN_STATUSES
    response = _timer(facts.response_due_at, facts.responded_at, now, open_=is_open)
    followup = _timer(
        facts.followup_due_at if facts.assigned_at else None,
        facts.followed_up_at,
        now,
        open_=is_open,
    )
    return SlaStatus(response, followup)


def hours_between(start: dt.datetime, end: dt.datetime) -> Decimal:
    """Elapsed hours, one decimal (half up)."""
    seconds = Decimal((end - start).total_seconds())
    return (seconds / 3600).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# --- Routing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RouteRule:
    """A routing rule: each criterion None = any; `unit_id` receives what matches."""

    id: int
    unit_id: int
    category_id: int | None = None
    service_id: int | None = None
    kelurahan_id: int | None = None
    priority: int = 100

    @property
    def specificity(self) -> int:
        return sum(c is not None for c in (self.category_id, self.service_id, self.kelurahan_id))

    def matches(
        self, category_id: int | None, service_id: int | None, kelurahan_id: int | None
    ) -> bool:
        if self.specificity == 0:
            return False  # a rule without criteria would empty the triage queue
        return (
            (self.category_id is None or self.category_id == category_id)
            and (self.service_id is None or self.service_id == service_id)
            and (self.kelurahan_id is None or self.kelurahan_id == kelurahan_id)
        )


@dataclass(frozen=True)
class RouteDecision:
    unit_id: int | None
    rule_id: int | None
    reason: Literal["rule", "service", "chosen_unit", "triage"]


def route(
    rules: Iterable[RouteRule],
    *,
    category_id: int | None,
    service_id: int | None = None,
    kelurahan_id: int | None = None,
    service_unit_id: int | None = None,
    chosen_unit_id: int | None = None,
) -> RouteDecision:
    """Pick the unit that receives a complaint (FixMyStreet-style: by category and place).

    The matching rule with the most criteria wins, then the lowest `priority`, then the
    oldest rule. Without a match: the unit of the service named, then the unit the citizen
    chose, else the triage queue (`unit_id` None).
    """
    matching = [r for r in rules if r.matches(category_id, service_id, kelurahan_id)]
    if matching:
        best = min(matching, key=lambda r: (-r.specificity, r.priority, r.id))
        return RouteDecision(best.unit_id, best.id, "rule")
    if service_unit_id is not None:
        return RouteDecision(service_unit_id, None, "service")
    if chosen_unit_id is not None:
        return RouteDecision(chosen_unit_id, None, "chosen_unit")
    return RouteDecision(None, None, "triage")


# --- Report arithmetic --------------------------------------------------------------------------


def percent(part: int, whole: int) -> Decimal | None:
    """part/whole as a percentage with one decimal (half up); None when whole is 0."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def median(values: Sequence[Decimal]) -> Decimal | None:
    """The median (mean of the two middle values for an even count); None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return ((ordered[middle - 1] + ordered[middle]) / 2).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def top(counts: Counter[str], n: int = 5) -> list[tuple[str, int]]:
    """The `n` largest counts, ties by name."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the ISO week holding `day` (ULAS reports per week)."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def parse_iso_week(text: str) -> dt.date | None:
    """`2026-W03` → that week's Monday; None when not a valid ISO week."""
    try:
        year, week = text.strip().upper().split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        return None


def iso_week(day: dt.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"
