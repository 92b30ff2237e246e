"""/api/v1/kinerja: dashboards, organisational predikat and the holiday calendar."""

from typing import Any

from django.http import HttpRequest
from ninja import Query

from penata.core.api_auth import actor
from penata.core.dating import today
from penata.org import selectors as org_selectors
from penata.performance import schemas as s
from penata.performance.api import router
from penata.performance.api.common import ERRORS, YEAR
from penata.performance.selectors import city as city_selectors
from penata.performance.selectors import common as common_selectors
from penata.performance.selectors import dashboard as dashboard_selectors
from penata.performance.services import config as config_services

# --- Dashboards --------------------------------------------------------------------------


def _person(p: Any) -> dict[str, Any]:
    return {"id": p.employee_id, "name": p.name}


def _violation(v: Any) -> dict[str, Any]:
    return {
        "code": v.code,
        "message": v.message,
        "actual_percent": v.actual_percent,
        "limit_percent": v.limit_percent,
    }


def _live(live: Any) -> dict[str, Any]:
    return {
        "total": live.total, "logged_today": live.logged_today,
        "not_logged_today": live.not_logged_today, "activities_today": live.activities_today,
        "minutes_today": live.minutes_today, "pending": live.pending,
        "realisations_today": live.realisations_today, "last_entry_at": live.last_entry_at,
    }  # fmt: skip


@router.get(
    "/dashboard/unit",
    response={200: s.UnitDashboardOut, **ERRORS},
    summary="Pantauan unit",
    description="Angka pantauan satu unit beserta seluruh unit di bawahnya (kepala unit, admin, "
    "auditor) "
    "atau garis pelaporan Anda (`scope=bawahan`, atasan).",
)
def dashboard_unit(request: HttpRequest, query: Query[s.ScopeQuery]) -> Any:
    who = actor(request)
    instansi = org_selectors.instansi_for(who)
    day = today()
    scope = dashboard_selectors.scope_for(who, instansi, query.scope, day)
    data = dashboard_selectors.unit_dashboard(scope, day, query.year)
    return {
        "scope": scope.key, "label": scope.label, "day": data.day, "year": data.year,
        "employees": len(data.people), "live": _live(data.live),
        "skp_status": {code: n for code, _label, n in data.skp_counts},
        "logged_week": data.logged_week,
        "not_logged_today": [_person(p) for p in data.not_logged_today],
        "not_logged_week": [_person(p) for p in data.not_logged_week],
        "progress": data.progress_counts, "elapsed_percent": data.elapsed_percent,
        "predikat": dict(data.distribution.counts), "org_predikat": data.distribution.org_predikat,
        "violations": [_violation(v) for v in data.distribution.violations],
        "late_evaluations": data.late_total,
    }  # fmt: skip


@router.get(
    "/dashboard/live", response={200: s.LiveOut, **ERRORS}, summary="Angka langsung pantauan"
)
def dashboard_live(request: HttpRequest, query: Query[s.ScopeQuery]) -> Any:
    who = actor(request)
    scope = dashboard_selectors.scope_for(
        who, org_selectors.instansi_for(who), query.scope, today()
    )
    return _live(dashboard_selectors.live_counts(scope, today()))


@router.get(
    "/dashboard/city",
    response={200: s.CityDashboardOut, **ERRORS},
    summary="Pantauan kota",
    description="Angka pantauan per perangkat daerah, berperingkat (admin dan auditor instansi).",
)
def dashboard_city(request: HttpRequest, year: int | None = YEAR, sort: str = "log") -> Any:
    who = actor(request)
    data = city_selectors.city_dashboard(
        who, org_selectors.instansi_for(who), today(), year=year, sort=sort
    )
    return {
        "day": data.day, "year": data.year, "elapsed_percent": data.elapsed_percent,
        "rows": [
            {
                "rank": r.rank, "unit_id": r.unit.pk, "unit": r.unit.name, "employees": r.employees,
                "skp_status": dict(r.skp), "logged_today": r.logged_today,
                "logged_week": r.logged_week,
                "activities_today": r.activities_today, "pending": r.pending,
                "realisation_percent": r.realisation_percent, "predikat": dict(r.predikat),
                "org_predikat": r.org_predikat, "violations": [_violation(v) for v in r.violations],
                "late_evaluations": r.late,
            }
            for r in data.rows
        ],
    }  # fmt: skip


# --- Settings: organisational predikat, calendar ----------------------------------------


@router.get(
    "/org-predikat", response={200: list[s.OrgPredikatOut], **ERRORS}, summary="Predikat organisasi"
)
def org_predikat_list(request: HttpRequest, year: int | None = YEAR) -> Any:
    who = actor(request)
    instansi = org_selectors.instansi_for(who)
    day = today()
    rows = common_selectors.org_predikat_rows(instansi, year or day.year, day)
    return [
        {"unit_id": u.pk, "unit": u.name, "year": year or day.year, "predikat": code}
        for u, code, _note in rows
        if code
    ]


@router.put(
    "/org-predikat",
    response={200: s.OrgPredikatOut, 204: None, **ERRORS},
    summary="Tetapkan predikat organisasi",
    description="Admin BKPSDM; `predikat` kosong menghapus.",
)
def org_predikat_set(request: HttpRequest, body: s.OrgPredikatIn) -> Any:
    who = actor(request)
    unit = common_selectors.unit_in_instansi(org_selectors.instansi_for(who), body.unit_id)
    found = config_services.org_predikat_set(
        actor=who, unit=unit, year=body.year,
        predikat=body.predikat.value if body.predikat else "", note=body.note,
    )  # fmt: skip
    if found is None:
        return 204, None
    return {"unit_id": unit.pk, "unit": unit.name, "year": found.year, "predikat": found.predikat}


@router.get("/holidays", response={200: list[s.HolidayOut], **ERRORS}, summary="Hari libur")
def holiday_list(request: HttpRequest, year: int | None = YEAR) -> Any:
    who = actor(request)
    instansi = org_selectors.instansi_for(who)
    return [
        {
            "date": h.date, "name": h.name, "kind": h.kind, "is_estimate": h.is_estimate,
            "national": h.instansi_id is None, "source": h.source,
        }
        for h in common_selectors.holiday_list(instansi, year or today().year)
    ]  # fmt: skip
