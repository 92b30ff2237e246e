"""Readiness reads: ADKAR index per unit and pulse, heat map, trend and hotspots of an
announcement, scoped to the actor. Groups under `rules.MIN_GROUP` respondents are
suppressed before anything leaves this module."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from penata.accounts.scope import reach_of
from penata.change import access, rules
from penata.change.models import Announcement, Pulse, PulseResponse, Question, Recipient
from penata.change.selectors import ack_dashboard
from penata.core.errors import NotFound
from penata.org.models import Unit


def pulse_list(announcement: Announcement) -> list[Pulse]:
    return list(announcement.pulses.order_by("opened_at", "id"))


def open_pulses_for(actor: Any) -> list[Pulse]:
    """Open pulses the actor has been sent and not answered yet."""
    employee_id = reach_of(actor).employee_id
    if employee_id is None:
        return []
    return list(
        Pulse.objects.filter(
            is_open=True,
            announcement__recipients__employee_id=employee_id,
        )
        .exclude(participations__employee_id=employee_id)
        .select_related("announcement")
        .order_by("opened_at")
    )


def pulse_get_for_answer(actor: Any, pk: int) -> tuple[Pulse, bool]:
    """A pulse sent to the actor, and whether they already answered it."""
    employee_id = reach_of(actor).employee_id
    if employee_id is None:
        raise NotFound("survei")
    pulse = (
        Pulse.objects.filter(pk=pk, announcement__recipients__employee_id=employee_id)
        .select_related("announcement")
        .first()
    )
    if pulse is None:
        raise NotFound("survei")
    return pulse, pulse.participations.filter(employee_id=employee_id).exists()


def _unit_q(actor: Any, announcement: Announcement, field: str = "unit__path") -> Q:
    if access.follows_whole(actor, announcement.instansi_id):
        return Q()
    q = Q(pk__in=[])
    for path in access.head_paths(actor):
        q |= Q(**{f"{field}__startswith": path})
    return q


@dataclass(frozen=True)
class UnitReadiness:
    unit_id: int
    unit_name: str
    readiness: rules.Readiness
    ack_rate: float | None
    open_questions: int
    hotspot: rules.Hotspot | None


@dataclass(frozen=True)
class ReadinessReport:
    pulses: list[Pulse]
    latest: Pulse | None
    overall: list[tuple[Pulse, rules.Readiness]]
    units: list[UnitReadiness]
    previous: dict[int, rules.Readiness]
    dimensions: tuple[str, ...] = rules.ADKAR

    @property
    def hotspots(self) -> list[UnitReadiness]:
        """Most urgent first: more reasons, then lower readiness, then fewer acknowledged."""
        found = [u for u in self.units if u.hotspot is not None]
        return sorted(
            found,
            key=lambda u: (
                -len(u.hotspot.reasons) if u.hotspot else 0,
                u.readiness.index if u.readiness.index is not None else 101.0,
                u.ack_rate if u.ack_rate is not None else 101.0,
                u.unit_name,
            ),
        )


def readiness_report(actor: Any, announcement: Announcement) -> ReadinessReport:
    """Per unit in the actor's reach: the latest pulse's readiness (suppressed < 5), the
    previous pulse's for the trend, acknowledgement rate, unanswered questions, hotspot."""
    pulses = pulse_list(announcement)
    latest = pulses[-1] if pulses else None
    scope = _unit_q(actor, announcement)
    grouped: dict[int, dict[int | None, list[dict[str, float]]]] = {}
    for pulse_id, unit_id, scores in PulseResponse.objects.filter(
        scope, pulse__announcement=announcement
    ).values_list("pulse_id", "unit_id", "scores"):
        grouped.setdefault(pulse_id, {}).setdefault(unit_id, []).append(scores)
    overall = [
        (p, rules.readiness([s for rows in grouped.get(p.pk, {}).values() for s in rows]))
        for p in pulses
    ]
    board = ack_dashboard(actor, announcement)
    past_due = board.due_at is not None and timezone.now() > board.due_at
    rates = {u.unit_id: u.rate for u in board.units}
    asker_units: dict[int, int | None] = dict(
        Recipient.objects.filter(announcement=announcement).values_list("employee_id", "unit_id")
    )
    open_counts: dict[int | None, int] = {}
    for asked_by in Question.objects.filter(
        announcement=announcement, answered_at__isnull=True, duplicate_of__isnull=True
    ).values_list("asked_by_id", flat=True):
        asker_unit = asker_units.get(asked_by)
        if asker_unit is not None:
            open_counts[asker_unit] = open_counts.get(asker_unit, 0) + 1
    unit_ids = [u.unit_id for u in board.units if u.unit_id is not None]
    names = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    latest_rows = grouped.get(latest.pk, {}) if latest else {}
    previous_rows = grouped.get(pulses[-2].pk, {}) if len(pulses) > 1 else {}
    units = []
    previous = {}
    for unit_id in unit_ids:
        ready = rules.readiness(latest_rows.get(unit_id, []))
        previous[unit_id] = rules.readiness(previous_rows.get(unit_id, []))
        units.append(
            UnitReadiness(
                unit_id,
                names.get(unit_id, "—"),
                ready,
                rates.get(unit_id),
                open_counts.get(unit_id, 0),
                rules.hotspot(
                    unit_id,
                    ready,
                    ack_rate=rates.get(unit_id),
                    past_due=past_due,
                    open_questions=open_counts.get(unit_id, 0),
                ),
            )
        )
    units.sort(key=lambda u: (u.hotspot is None, u.readiness.index or 101.0, u.unit_name))
    return ReadinessReport(pulses, latest, overall, units, previous)


def likert_mean(index: float | None) -> float | None:
    """An index 0–100 back on the Likert 1–5 scale the respondents answered on."""
    return None if index is None else round(1 + index / 100 * 4, 2)


def heatmap_chart(report: ReadinessReport) -> dict[str, Any]:
    """The units × dimensions heat map as chart data: Likert means 1–5 per cell, suppressed
    groups as cells without a value (listed last), each unit's hotspot anchor when it is one."""
    columns = [rules.ADKAR_LABELS[d] for d in report.dimensions] + ["Indeks"]
    units = []
    cells = []
    # Units with values first (weakest first, as the report orders them), hidden ones below.
    ordered = sorted(report.units, key=lambda u: u.readiness.suppressed)
    for y, unit in enumerate(ordered):
        ready = unit.readiness
        units.append(
            {
                "id": unit.unit_id,
                "name": unit.unit_name,
                "suppressed": ready.suppressed,
                "link": f"#titik-rawan-{unit.unit_id}" if unit.hotspot is not None else "",
            }
        )
        values = [ready.dimensions.get(d) for d in report.dimensions] + [ready.index]
        for x, index in enumerate(values):
            cells.append([x, y, likert_mean(index), index])
    return {"columns": columns, "units": units, "cells": cells, "min_group": rules.MIN_GROUP}
