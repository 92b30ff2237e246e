"""Readiness reads: ADKAR index per unit and pulse, heat map, trend and hotspots of an
announcement, scoped to the actor. Groups under `rules.MIN_GROUP` respondents are
suppressed before anything leaves this module."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone

from penata.accounts.scope import reach_of
from penata.change import access, rules
from penata.change.models import Announcement, Pulse, PulseResponse, Question, Recipient
from penata.change.selectors import ack_dashboard
from penata.core.errors import NotFound
from penata.org.models import Unit
from penata.org.selectors import unit_perangkat_daerah_map


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
    """One row of the report: a unit, or (in `ReadinessReport.groups`) a Perangkat Daerah
    with every response, acknowledgement and question of its units taken together."""

    unit_id: int
    unit_name: str
    readiness: rules.Readiness
    ack_rate: float | None
    open_questions: int
    hotspot: rules.Hotspot | None
    perangkat_daerah: int | None = None
    # The name with its parent unit's ("Puskesmas Pajang › Subbagian Tata Usaha"): many units
    # share a name, and a heat map of a whole Perangkat Daerah must tell them apart.
    label: str = ""


@dataclass(frozen=True)
class ReadinessReport:
    pulses: list[Pulse]
    latest: Pulse | None
    overall: list[tuple[Pulse, rules.Readiness]]
    units: list[UnitReadiness]
    previous: dict[int, rules.Readiness]
    dimensions: tuple[str, ...] = rules.ADKAR
    # Per Perangkat Daerah, ordered like `units`, and their previous pulse's readiness.
    groups: list[UnitReadiness] = field(default_factory=list)
    previous_groups: dict[int, rules.Readiness] = field(default_factory=dict)

    def units_of(self, perangkat_daerah: int) -> list[UnitReadiness]:
        return [u for u in self.units if u.perangkat_daerah == perangkat_daerah]

    def group(self, perangkat_daerah: int) -> UnitReadiness | None:
        return next((g for g in self.groups if g.unit_id == perangkat_daerah), None)

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
    found = list(Unit.objects.filter(pk__in=unit_ids).select_related("parent"))
    by_id = {u.pk: u for u in found}
    pd_of = {uid: pd.pk for uid, pd in unit_perangkat_daerah_map(found).items()}
    latest_rows = grouped.get(latest.pk, {}) if latest else {}
    previous_rows = grouped.get(pulses[-2].pk, {}) if len(pulses) > 1 else {}
    acks = {u.unit_id: (u.recipients, u.acknowledged) for u in board.units}

    def row(uid: int, name: str, members: list[int], label: str = "") -> UnitReadiness:
        ready = rules.readiness([s for m in members for s in latest_rows.get(m, [])])
        recipients = sum(acks.get(m, (0, 0))[0] for m in members)
        acknowledged = sum(acks.get(m, (0, 0))[1] for m in members)
        rate = round(100 * acknowledged / recipients, 1) if recipients else None
        questions = sum(open_counts.get(m, 0) for m in members)
        return UnitReadiness(
            uid,
            name,
            ready,
            rate,
            questions,
            rules.hotspot(uid, ready, ack_rate=rate, past_due=past_due, open_questions=questions),
            pd_of.get(uid),
            label or name,
        )

    def before(members: list[int]) -> rules.Readiness:
        return rules.readiness([s for m in members for s in previous_rows.get(m, [])])

    units = [
        row(uid, by_id[uid].name if uid in by_id else "—", [uid], _label(by_id.get(uid)))
        for uid in unit_ids
    ]
    members_of: dict[int, list[int]] = {}
    for uid in unit_ids:
        if uid in pd_of:
            members_of.setdefault(pd_of[uid], []).append(uid)
    pd_names = dict(Unit.objects.filter(pk__in=members_of).values_list("pk", "name"))
    groups = [row(pd, pd_names.get(pd, "—"), members) for pd, members in members_of.items()]
    return ReadinessReport(
        pulses,
        latest,
        overall,
        _weakest_first(units),
        {uid: before([uid]) for uid in unit_ids},
        groups=_weakest_first(groups),
        previous_groups={pd: before(members) for pd, members in members_of.items()},
    )


def _label(unit: Unit | None) -> str:
    if unit is None:
        return "—"
    # Rows are shown within one Perangkat Daerah: its own name would only repeat.
    if unit.parent is None or unit.is_perangkat_daerah or unit.parent.is_perangkat_daerah:
        return unit.name
    return f"{unit.parent.name} › {unit.name}"


def _weakest_first(rows: list[UnitReadiness]) -> list[UnitReadiness]:
    return sorted(rows, key=lambda u: (u.hotspot is None, u.readiness.index or 101.0, u.unit_name))


def likert_mean(index: float | None) -> float | None:
    """An index 0–100 back on the Likert 1–5 scale the respondents answered on."""
    return None if index is None else round(1 + index / 100 * 4, 2)


@dataclass(frozen=True)
class ReadinessLevel:
    """What the heat map and its table show: every Perangkat Daerah (when the report reaches
    more than one), or the units of one of them (`?pd=`), or simply every unit."""

    rows: list[UnitReadiness]
    previous: dict[int, rules.Readiness]
    by_perangkat_daerah: bool
    perangkat_daerah: UnitReadiness | None = None


def readiness_level(report: ReadinessReport, perangkat_daerah: int | None) -> ReadinessLevel:
    """The rows to show; NotFound for a Perangkat Daerah outside the report."""
    if perangkat_daerah is not None:
        group = report.group(perangkat_daerah)
        if group is None:
            raise NotFound("perangkat daerah")
        return ReadinessLevel(report.units_of(perangkat_daerah), report.previous, False, group)
    if len(report.groups) > 1:
        return ReadinessLevel(report.groups, report.previous_groups, True)
    return ReadinessLevel(report.units, report.previous, False)


def heatmap_chart(
    report: ReadinessReport, level: ReadinessLevel | None = None, *, index_label: str = "Indeks"
) -> dict[str, Any]:
    """The rows × dimensions heat map as chart data: Likert means 1–5 per cell, suppressed
    groups as cells without a value (listed last). A Perangkat Daerah row links to its units
    (`?pd=`), a unit row to its hotspot card when it is one."""
    shown = level or readiness_level(report, None)
    columns = [str(rules.ADKAR_LABELS[d]) for d in report.dimensions] + [index_label]
    units = []
    cells = []
    # Rows with values first (weakest first, as the report orders them), hidden ones below.
    ordered = sorted(shown.rows, key=lambda u: u.readiness.suppressed)
    for y, unit in enumerate(ordered):
        ready = unit.readiness
        if shown.by_perangkat_daerah:
            link = f"?pd={unit.unit_id}"
        else:
            link = f"#titik-rawan-{unit.unit_id}" if unit.hotspot is not None else ""
        units.append(
            {
                "id": unit.unit_id,
                "name": unit.label or unit.unit_name,
                "suppressed": ready.suppressed,
                "link": link,
            }
        )
        values = [ready.dimensions.get(d) for d in report.dimensions] + [ready.index]
        for x, index in enumerate(values):
            cells.append([x, y, likert_mean(index), index])
    return {"columns": columns, "units": units, "cells": cells, "min_group": rules.MIN_GROUP}
