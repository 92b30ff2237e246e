"""/api/v1/kinerja: SKP plans, cascade, evaluations, the activity log and the dashboards.

Handlers parse input, call one selector or service and shape the answer. Who may do what is
decided by the services and selectors (the same rules as the web pages): out-of-reach
objects answer 404; an action that is not the caller's (only the pejabat penilai approves
and rates; nobody rates themselves) answers 403 with a specific code.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from penata.core.api_auth import actor
from penata.core.api_shapes import MAX_ID, ErrorOut, Pages
from penata.core.dating import today
from penata.core.errors import NotFound
from penata.org import selectors as org_selectors
from penata.people.selectors import employee_of
from penata.performance import schemas as s
from penata.performance.models import ANNUAL_NUMBER, Evaluation
from penata.performance.selectors import activity as activity_selectors
from penata.performance.selectors import city as city_selectors
from penata.performance.selectors import common as common_selectors
from penata.performance.selectors import dashboard as dashboard_selectors
from penata.performance.selectors import evaluation as evaluation_selectors
from penata.performance.selectors import skp as skp_selectors
from penata.performance.services import activity as activity_services
from penata.performance.services import cascade as cascade_services
from penata.performance.services import config as config_services
from penata.performance.services import evaluation as evaluation_services
from penata.performance.services import skp as skp_services
from penata.performance.services.activity import ActivityInput
from penata.performance.services.evaluation import RealisationInput
from penata.performance.services.skp import IndicatorInput

router = Router(tags=["Kinerja (SKP)"])
ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


# A year outside the span of SKP years is refused (422) before any date is built from it.
_YEAR = Query(None, ge=2000, le=2100, description="Tahun")


def _skp_id(description: str = "ID SKP") -> Any:
    return Path(..., ge=1, le=MAX_ID, description=description)


def _detail(skp: Any) -> Any:
    skp.rhk = skp_selectors.rhk_list(skp)
    return skp


def _indicators(items: list[s.IndicatorIn]) -> list[IndicatorInput]:
    return [IndicatorInput(i.aspect.value, i.text, i.target, i.unit, i.id) for i in items]


# --- SKP ---------------------------------------------------------------------------------


@router.get(
    "/skp",
    response={200: list[s.SkpOut], **ERRORS},
    summary="Daftar SKP",
    description="SKP dalam jangkauan Anda: milik sendiri, yang Anda nilai, bawahan (atasan), unit "
    "(kepala unit), seluruh instansi (admin, auditor).",
)
@paginate(Pages)
def skp_list(request: HttpRequest, filters: Query[s.SkpFilters]) -> Any:
    who = actor(request)
    return skp_selectors.skp_list(
        who,
        instansi_id=org_selectors.instansi_for(who).pk,
        year=filters.year,
        status=filters.status.value if filters.status else None,
        employee_id=filters.employee,
    )


@router.post(
    "/skp",
    response={201: s.SkpDetailOut, **ERRORS},
    summary="Buat SKP saya",
    description="Membuka SKP (draf) tahun tertentu untuk jabatan yang Anda pegang.",
)
def skp_create(request: HttpRequest, body: s.SkpCreateIn) -> Any:
    who = actor(request)
    me = employee_of(who)
    if me is None:
        raise NotFound("pegawai")
    skp = skp_services.skp_create(actor=who, employee=me, year=body.year)
    return 201, _detail(skp_selectors.skp_get_for(who, skp.pk))


@router.get("/skp/{skp_id}", response={200: s.SkpDetailOut, **ERRORS}, summary="Rincian SKP")
def skp_detail(request: HttpRequest, skp_id: int = _skp_id()) -> Any:
    return _detail(skp_selectors.skp_get_for(actor(request), skp_id))


@router.post(
    "/skp/{skp_id}/rhk",
    response={201: s.RhkOut, **ERRORS},
    summary="Tambah RHK",
    description="Menambah RHK beserta indikatornya pada SKP draf milik Anda.",
)
def rhk_add(request: HttpRequest, body: s.RhkIn, skp_id: int = _skp_id()) -> Any:
    who = actor(request)
    skp = skp_selectors.skp_get_for(who, skp_id)
    parent = _parent(skp, body.parent_id)
    rhk = skp_services.rhk_save(
        actor=who, skp=skp, text=body.text, kind=body.kind.value, parent=parent,
        indicators=_indicators(body.indicators),
    )  # fmt: skip
    return 201, rhk


def _parent(skp: Any, parent_id: int | None) -> Any:
    if parent_id is None:
        return None
    found = next((r for r in skp_selectors.superior_rhks(skp) if r.pk == parent_id), None)
    if found is None:
        raise NotFound("RHK atasan")
    return found


@router.put("/rhk/{rhk_id}", response={200: s.RhkOut, **ERRORS}, summary="Ubah RHK")
def rhk_update(request: HttpRequest, body: s.RhkIn, rhk_id: int = _skp_id("ID RHK")) -> Any:
    who = actor(request)
    rhk = skp_selectors.rhk_get_for(who, rhk_id)
    skp = skp_selectors.skp_get_for(who, rhk.skp_id)
    return skp_services.rhk_save(
        actor=who, skp=skp, rhk=rhk, text=body.text, kind=body.kind.value,
        parent=_parent(skp, body.parent_id), indicators=_indicators(body.indicators),
    )  # fmt: skip


@router.delete("/rhk/{rhk_id}", response={204: None, **ERRORS}, summary="Hapus RHK")
def rhk_delete(request: HttpRequest, rhk_id: int = _skp_id("ID RHK")) -> Any:
    who = actor(request)
    skp_services.rhk_delete(actor=who, rhk=skp_selectors.rhk_get_for(who, rhk_id))
    return 204, None


@router.post("/skp/{skp_id}/submit", response={200: s.SkpOut, **ERRORS}, summary="Ajukan SKP")
def skp_submit(request: HttpRequest, skp_id: int = _skp_id()) -> Any:
    who = actor(request)
    skp_services.skp_submit(actor=who, skp=skp_selectors.skp_get_for(who, skp_id))
    return skp_selectors.skp_get_for(who, skp_id)


@router.post(
    "/skp/{skp_id}/approve",
    response={200: s.SkpOut, **ERRORS},
    summary="Setujui SKP",
    description="Hanya pejabat penilai; 403 `skp.not_evaluator` atau `skp.self_approval`.",
)
def skp_approve(request: HttpRequest, skp_id: int = _skp_id()) -> Any:
    who = actor(request)
    skp_services.skp_approve(actor=who, skp=skp_selectors.skp_get_for(who, skp_id))
    return skp_selectors.skp_get_for(who, skp_id)


@router.post("/skp/{skp_id}/return", response={200: s.SkpOut, **ERRORS}, summary="Kembalikan SKP")
def skp_return(request: HttpRequest, body: s.NoteIn, skp_id: int = _skp_id()) -> Any:
    who = actor(request)
    skp_services.skp_return(actor=who, skp=skp_selectors.skp_get_for(who, skp_id), note=body.note)
    return skp_selectors.skp_get_for(who, skp_id)


@router.post(
    "/skp/{skp_id}/revise",
    response={200: s.SkpOut, **ERRORS},
    summary="Buka SKP yang disetujui untuk diubah",
    description="Versi yang disetujui tetap tersimpan; persetujuan berikutnya menulis versi baru.",
)
def skp_revise(request: HttpRequest, body: s.NoteIn, skp_id: int = _skp_id()) -> Any:
    who = actor(request)
    skp_services.skp_revise(actor=who, skp=skp_selectors.skp_get_for(who, skp_id), reason=body.note)
    return skp_selectors.skp_get_for(who, skp_id)


@router.get(
    "/skp/{skp_id}/versions", response={200: list[s.VersionOut], **ERRORS}, summary="Versi SKP"
)
def skp_versions(request: HttpRequest, skp_id: int = _skp_id()) -> Any:
    return list(skp_selectors.skp_versions(skp_selectors.skp_get_for(actor(request), skp_id)))


@router.post(
    "/skp/{skp_id}/expectations",
    response={201: s.ExpectationOut, **ERRORS},
    summary="Tambah ekspektasi perilaku khusus",
    description="Pejabat penilai menambah ekspektasi khusus pada salah satu nilai BerAKHLAK.",
)
def expectation_add(request: HttpRequest, body: s.ExpectationIn, skp_id: int = _skp_id()) -> Any:
    who = actor(request)
    skp = skp_selectors.skp_get_for(who, skp_id)
    return 201, skp_services.expectation_add(
        actor=who, skp=skp, value=body.value.value, text=body.text
    )


@router.post(
    "/rhk/{rhk_id}/cascade",
    response={200: s.CascadeOut, **ERRORS},
    summary="Turunkan RHK ke bawahan",
    description="Membuat RHK yang mengintervensi RHK Anda pada SKP bawahan yang dipilih sekaligus "
    "(SKP yang belum ada dibuatkan draf; yang sedang diajukan/disetujui dilewati).",
)
def rhk_cascade(request: HttpRequest, body: s.CascadeIn, rhk_id: int = _skp_id("ID RHK")) -> Any:
    who = actor(request)
    parent = skp_selectors.rhk_get_for(who, rhk_id)
    result = cascade_services.rhk_cascade(
        actor=who, parent=parent, employee_ids=body.employee_ids, text=body.text,
        kind=body.kind.value, indicators=_indicators(body.indicators),
    )  # fmt: skip
    return {
        "created_rhk_ids": [r.pk for r in result.created],
        "skps_opened": result.skps_opened,
        "skipped": {str(k): v for k, v in result.skipped.items()},
    }


@router.get(
    "/evaluatees",
    response={200: list[s.EvaluateeOut], **ERRORS},
    summary="Pegawai yang saya nilai",
    description="Pegawai yang pejabat penilainya Anda (termasuk sebagai Plt atau atasan "
    "berikutnya).",
)
def evaluatees(request: HttpRequest, year: int | None = _YEAR) -> Any:
    rows = skp_selectors.evaluatee_list(actor(request), year or today().year)
    return [
        {
            "employee": r.employee,
            "acting": r.how.acting,
            "is_fallback": r.how.is_fallback,
            "skp_id": r.skp.pk if r.skp else None,
            "skp_status": r.skp.status if r.skp else None,
        }
        for r in rows
    ]


# --- Evaluations -------------------------------------------------------------------------


def _kind(number: int) -> str:
    return Evaluation.Kind.ANNUAL if number == ANNUAL_NUMBER else Evaluation.Kind.PERIODIC


def _evaluation(skp: Any, number: int) -> dict[str, Any]:
    view = evaluation_selectors.evaluation_view(skp, _kind(number), number, today())
    found = view.evaluation
    return {
        "kind": view.period.kind,
        "number": number,
        "label": view.period.label,
        "start": view.period.start,
        "end": view.period.end,
        "due": view.due if number != ANNUAL_NUMBER else None,
        "status": view.status,
        "is_late": view.is_late,
        "hasil_kerja_rating": found.hasil_kerja_rating if found else "",
        "hasil_kerja_from_org": found.hasil_kerja_from_org if found else False,
        "perilaku_rating": found.perilaku_rating if found else "",
        "predikat": found.predikat if found else "",
        "angka_kredit": found.angka_kredit if found else None,
        "feedback": found.feedback if found else "",
        "perilaku_feedback": found.perilaku_feedback if found else "",
        "realisations": [
            {
                "indicator_id": i.indicator.pk,
                "value": i.realisation.value,
                "note": i.realisation.note,
                "evidence_link": i.realisation.evidence_link,
                "has_file": bool(i.realisation.evidence_file),
            }
            for line in view.lines
            for i in line.indicators
            if i.realisation is not None
        ],
        "ratings": [
            {"rhk_id": line.rhk.pk, "rating": line.rating.rating, "feedback": line.rating.feedback}
            for line in view.lines
            if line.rating is not None
        ],
    }


def _number() -> Any:
    return Path(..., ge=0, le=12, description="Periode ke (0 = evaluasi tahunan)")


@router.get(
    "/skp/{skp_id}/evaluations",
    response={200: list[s.EvaluationOut], **ERRORS},
    summary="Evaluasi SKP",
    description="Evaluasi periodik (sesuai frekuensi instansi) dan tahunan beserta status dan "
    "keterlambatannya.",
)
def evaluation_list(request: HttpRequest, skp_id: int = _skp_id()) -> Any:
    skp = skp_selectors.skp_get_for(actor(request), skp_id)
    numbers = [p.number for p in evaluation_selectors.period_rows(skp, today()) if p.is_started]
    return [_evaluation(skp, n) for n in numbers]


@router.get(
    "/skp/{skp_id}/evaluations/{number}",
    response={200: s.EvaluationOut, **ERRORS},
    summary="Rincian evaluasi",
)
def evaluation_detail(
    request: HttpRequest, skp_id: int = _skp_id(), number: int = _number()
) -> Any:
    skp = skp_selectors.skp_get_for(actor(request), skp_id)
    return _evaluation(skp, number)


@router.put(
    "/skp/{skp_id}/evaluations/{number}/realisations",
    response={200: s.EvaluationOut, **ERRORS},
    summary="Isi realisasi",
    description="Pegawai pemilik SKP mengisi realisasi kumulatif per indikator dengan tautan "
    "bukti. "
    "Berkas bukti diunggah lewat halaman web.",
)
def realisation_save(
    request: HttpRequest, body: s.RealisationsIn, skp_id: int = _skp_id(), number: int = _number()
) -> Any:
    who = actor(request)
    skp = skp_selectors.skp_get_for(who, skp_id)
    evaluation_services.realisation_save(
        actor=who, skp=skp, kind=_kind(number), number=number,
        entries=[
            RealisationInput(i.indicator_id, i.value, i.note, i.evidence_link) for i in body.items
        ],
    )  # fmt: skip
    return _evaluation(skp, number)


@router.post(
    "/skp/{skp_id}/evaluations/{number}/submit",
    response={200: s.EvaluationOut, **ERRORS},
    summary="Ajukan evaluasi",
)
def evaluation_submit(
    request: HttpRequest, skp_id: int = _skp_id(), number: int = _number()
) -> Any:
    who = actor(request)
    skp = skp_selectors.skp_get_for(who, skp_id)
    evaluation_services.evaluation_submit(actor=who, skp=skp, kind=_kind(number), number=number)
    return _evaluation(skp, number)


@router.post(
    "/skp/{skp_id}/evaluations/{number}/rate",
    response={200: s.EvaluationOut, **ERRORS},
    summary="Nilai evaluasi",
    description="Pejabat penilai memberi rating per RHK dan perilaku; predikat mengikuti matriks "
    "PermenPAN-RB 6/2022. 403 `evaluation.self_rating` bila menilai diri sendiri.",
)
def evaluation_rate(
    request: HttpRequest, body: s.RateIn, skp_id: int = _skp_id(), number: int = _number()
) -> Any:
    who = actor(request)
    skp = skp_selectors.skp_get_for(who, skp_id)
    view = evaluation_selectors.evaluation_view(skp, _kind(number), number, today())
    if view.evaluation is None:
        raise NotFound("evaluasi")
    evaluation_services.evaluation_rate(
        actor=who, evaluation=view.evaluation,
        rhk_ratings={r.rhk_id: (r.rating.value, r.feedback) for r in body.rhk},
        perilaku_rating=body.perilaku.value, feedback=body.feedback,
        perilaku_feedback=body.perilaku_feedback, finalise=body.finalise,
    )  # fmt: skip
    return _evaluation(skp, number)


# --- Activity log ------------------------------------------------------------------------


@router.get("/activities", response={200: list[s.ActivityOut], **ERRORS}, summary="Log harian")
@paginate(Pages)
def activity_list(request: HttpRequest, filters: Query[s.ActivityFilters]) -> Any:
    who = actor(request)
    return activity_selectors.activity_list(
        who,
        instansi_id=org_selectors.instansi_for(who).pk,
        employee_id=filters.employee,
        start=filters.start,
        end=filters.end,
        status=filters.status.value if filters.status else None,
    )


def _activity_input(body: s.ActivityIn) -> ActivityInput:
    return ActivityInput(body.date, body.description, body.minutes, body.rhk_id, body.output_count)


@router.post("/activities", response={201: s.ActivityOut, **ERRORS}, summary="Catat kegiatan")
def activity_create(request: HttpRequest, body: s.ActivityIn) -> Any:
    return 201, activity_services.activity_log(actor=actor(request), data=_activity_input(body))


# The review operations come before /activities/{activity_id}, which would match them.
@router.get(
    "/activities/review",
    response={200: list[s.ActivityOut], **ERRORS},
    summary="Kegiatan bawahan yang menunggu persetujuan",
)
def activity_queue(request: HttpRequest) -> Any:
    return activity_selectors.review_queue(actor(request))


@router.post(
    "/activities/review",
    response={200: s.ReviewOut, **ERRORS},
    summary="Setujui atau kembalikan kegiatan sekaligus",
    description="Semua atau tidak sama sekali: 403 `activity.not_reviewer` bila ada kegiatan "
    "pegawai "
    "yang bukan Anda nilai.",
)
def activity_review(request: HttpRequest, body: s.ReviewIn) -> Any:
    count = activity_services.activity_review(
        actor=actor(request), activity_ids=body.activity_ids, approve=body.approve, note=body.note
    )
    return {"count": count}


@router.put(
    "/activities/{activity_id}", response={200: s.ActivityOut, **ERRORS}, summary="Ubah kegiatan"
)
def activity_update(
    request: HttpRequest, body: s.ActivityIn, activity_id: int = _skp_id("ID kegiatan")
) -> Any:
    who = actor(request)
    activity = activity_selectors.activity_get_for(who, activity_id)
    return activity_services.activity_update(
        actor=who, activity=activity, data=_activity_input(body)
    )


@router.delete(
    "/activities/{activity_id}", response={204: None, **ERRORS}, summary="Hapus kegiatan"
)
def activity_delete(request: HttpRequest, activity_id: int = _skp_id("ID kegiatan")) -> Any:
    who = actor(request)
    activity_services.activity_delete(
        actor=who, activity=activity_selectors.activity_get_for(who, activity_id)
    )
    return 204, None


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
def dashboard_city(request: HttpRequest, year: int | None = _YEAR, sort: str = "log") -> Any:
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
def org_predikat_list(request: HttpRequest, year: int | None = _YEAR) -> Any:
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
def holiday_list(request: HttpRequest, year: int | None = _YEAR) -> Any:
    who = actor(request)
    instansi = org_selectors.instansi_for(who)
    return [
        {
            "date": h.date, "name": h.name, "kind": h.kind, "is_estimate": h.is_estimate,
            "national": h.instansi_id is None, "source": h.source,
        }
        for h in common_selectors.holiday_list(instansi, year or today().year)
    ]  # fmt: skip
