"""Model → dict conversions for the participation API (public ones carry no personal data)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils import timezone

from penata.participation import complaint_rules as rules
from penata.participation import tracking
from penata.participation.models import Complaint, ComplaintEvent, ForumComment, ServiceStandard
from penata.participation.selectors.reports import ComplaintAccountability, Tally, WeeklyReport
from penata.participation.selectors.skm import SkmResult, TrendPoint


def _f(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def unit_ref(unit: Any) -> dict[str, Any] | None:
    return {"id": unit.pk, "name": unit.name} if unit is not None else None


def service(s: ServiceStandard, *, detail: bool = False, staff: bool = False) -> dict[str, Any]:
    out = {
        "id": s.pk,
        "name": s.name,
        "unit": unit_ref(s.unit),
        "description": s.description,
        "time": s.time,
        "cost": s.cost,
        "product": s.product,
    }
    if detail or staff:
        out |= {
            "requirements": s.requirements,
            "procedure": s.procedure,
            "complaint_channel": s.complaint_channel,
            "legal_basis": s.legal_basis,
        }
    if staff:
        out |= {"is_published": s.is_published, "allows_repeat_survey": s.allows_repeat_survey}
    return out


def sla(complaint: Complaint) -> dict[str, Any]:
    state = rules.sla_status(complaint.sla_facts(), timezone.now())
    return {
        "response": state.response,
        "followup": state.followup,
        "is_overdue": state.is_overdue,
        "on_time": state.on_time,
    }


def event(e: ComplaintEvent) -> dict[str, Any]:
    return {
        "at": e.at,
        "kind": e.kind,
        "label": e.get_kind_display(),
        "official": e.actor_title,
        "unit": e.unit.name if e.unit_id and e.unit else None,
        "message": e.message,
    }


def public_status(c: Complaint, timeline: list[ComplaintEvent]) -> dict[str, Any]:
    return {
        "tracking_code": tracking.display(c.tracking_code),
        "status": c.status,
        "status_label": str(rules.STATUS_LABELS[c.status]),
        "category": c.category.name,
        "kelurahan": c.kelurahan.name if c.kelurahan else None,
        "service": c.service.name if c.service else None,
        "unit": c.unit.name if c.unit else None,
        "received_at": c.received_at,
        "response_due_at": c.response_due_at,
        "followup_due_at": c.followup_due_at,
        "sla": sla(c),
        "rating": c.rating,
        "timeline": [event(e) for e in timeline],
    }


def created(c: Complaint) -> dict[str, Any]:
    return {
        "tracking_code": tracking.display(c.tracking_code),
        "status": c.status,
        "status_label": str(rules.STATUS_LABELS[c.status]),
        "response_due_at": c.response_due_at,
        "status_url": reverse("participation:complaint_status", args=[c.tracking_code]),
    }


def staff_complaint(c: Complaint) -> dict[str, Any]:
    return {
        "id": c.pk,
        "tracking_code": tracking.display(c.tracking_code),
        "status": c.status,
        "status_label": str(rules.STATUS_LABELS[c.status]),
        "category": c.category.name,
        "kelurahan": c.kelurahan.name if c.kelurahan else None,
        "service_id": c.service_id,
        "unit": unit_ref(c.unit),
        "routing_reason": c.routing_reason,
        "description": c.description,
        "location": c.location,
        "has_photo": bool(c.photo),
        "received_at": c.received_at,
        "response_due_at": c.response_due_at,
        "responded_at": c.responded_at,
        "assigned_at": c.assigned_at,
        "followup_due_at": c.followup_due_at,
        "followed_up_at": c.followed_up_at,
        "resolved_at": c.resolved_at,
        "sla": sla(c),
        "rating": c.rating,
    }


def tally(t: Tally) -> dict[str, Any]:
    return {
        "total": t.total,
        "resolved": t.resolved,
        "in_process": t.in_process,
        "overdue": t.overdue,
        "rejected": t.rejected,
        "on_time": t.on_time,
        "on_time_known": t.on_time_known,
        "percent_resolved": _f(t.percent_resolved),
        "percent_in_process": _f(t.percent_in_process),
        "percent_overdue": _f(t.percent_overdue),
        "percent_on_time": _f(t.percent_on_time),
        "median_response_hours": _f(t.median_response_hours),
    }


def weekly(report: WeeklyReport) -> dict[str, Any]:
    return {
        "week": report.week,
        "start": report.start,
        "end": report.end,
        "scope": report.scope_name,
        "generated_at": report.generated_at,
        "tally": tally(report.tally),
        "by_status": report.by_status,
        "top_categories": [{"name": n, "count": c} for n, c in report.top_categories],
        "rows": [
            {"unit_id": r.unit_id, "name": r.name, "tally": tally(r.tally)} for r in report.rows
        ],
    }


def ikm(result: SkmResult, weighting: str) -> dict[str, Any]:
    r = result.result
    sample = result.sample
    return {
        "scope": result.scope_name,
        "period": result.period,
        "period_label": result.period_label,
        "respondents": result.respondents,
        "ikm": _f(r.ikm) if r else None,
        "ikm_unit": _f(result.ikm_unit),
        "mutu": r.mutu if r else None,
        "kinerja": str(r.kinerja) if r else None,
        "weighting": weighting,
        "unsur": [
            {
                "code": row.unsur.code,
                "name": str(row.unsur.name),
                "nrr": float(row.nrr),
                "weight": float(row.weight),
                "nrr_weighted": float(row.nrr_weighted),
            }
            for row in result.unsur_rows
        ],
        "sample": (
            {
                "population": sample.population,
                "target": sample.target,
                "achieved": sample.achieved,
                "is_met": sample.is_met,
                "shortfall": sample.shortfall,
            }
            if sample
            else None
        ),
        "profile": {p.field: dict(p.rows) for p in result.profile},
    }


def trend(points: list[TrendPoint]) -> list[dict[str, Any]]:
    return [
        {
            "period": p.period,
            "label": p.label,
            "respondents": p.respondents,
            "ikm": _f(p.ikm),
            "mutu": p.mutu,
        }
        for p in points
    ]


def accountability(
    unit: Any, figures: ComplaintAccountability, points: list[TrendPoint], *, children: bool
) -> dict[str, Any]:
    return {
        "unit": unit_ref(unit),
        "since": figures.since,
        "complaints": figures.tally.total,
        "resolved": figures.tally.resolved,
        "overdue": figures.tally.overdue,
        "percent_resolved_on_time": _f(figures.percent_resolved_on_time),
        "median_response_hours": _f(figures.tally.median_response_hours),
        "months": [
            {"month": m.month, "received": m.received, "resolved": m.resolved}
            for m in figures.months
        ],
        "top_categories": [{"name": n, "count": c} for n, c in figures.top_categories],
        "ikm_trend": trend(points),
        "children": (
            [
                {"unit_id": r.unit_id, "name": r.name, "tally": tally(r.tally)}
                for r in figures.children
            ]
            if children
            else []
        ),
    }


def comment(c: ForumComment, replies: list[ForumComment] | None = None) -> dict[str, Any]:
    return {
        "id": c.pk,
        "author": c.author_label,
        "author_kind": c.author_kind,
        "body_html": c.body_html,
        "created_at": c.created_at,
        "is_answer": c.is_answer,
        "support_count": c.support_count,
        "replies": [comment(r) for r in replies or []],
    }
