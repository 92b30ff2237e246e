"""Staff participation API under /api/v1/participation/ (login session or bearer token).

Handlers resolve ids with scoped selectors, call one service and shape the answer; the
reporter's contact comes only from its own audited operation.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Query, Router
from ninja.pagination import paginate

from penata.core.api_auth import actor
from penata.core.api_shapes import ERRORS, MAX_ID, NO_NUL, ErrorOut, Pages
from penata.core.errors import NotFound, ValidationFailed
from penata.participation import access, periods
from penata.participation import complaint_rules as rules
from penata.participation.api import schemas, shapes
from penata.participation.rules import weighting_text
from penata.participation.selectors import catalog as catalog_selectors
from penata.participation.selectors import common, reports
from penata.participation.selectors import complaints as complaint_selectors
from penata.participation.selectors import forums as forum_selectors
from penata.participation.selectors import skm as skm_selectors
from penata.participation.services import catalog as catalog_services
from penata.participation.services import complaints as complaint_services
from penata.participation.services import forums as forum_services
from penata.participation.services import routing as routing_services
from penata.participation.services import skm as skm_services

router = Router(tags=["Partisipasi (petugas)"])

WRITE: dict[int, Any] = {**ERRORS, 400: ErrorOut, 403: ErrorOut}
ID = Path(..., ge=1, le=MAX_ID)


def _instansi(request: HttpRequest) -> Any:
    return common.staff_instansi(actor(request))


@router.get(
    "/participation/complaints",
    response={200: list[schemas.StaffComplaintOut], **ERRORS},
    summary="Aduan dalam kewenangan",
    description="Admin, moderator, auditor: seluruh instansi; kepala unit: unit dan bawahannya.",
)
@paginate(Pages)
def complaint_list(
    request: HttpRequest,
    status: str = Query("", max_length=12, pattern=NO_NUL, description="Status, atau `open`"),
    category: int | None = Query(None, ge=1, le=MAX_ID),
    unit: int | None = Query(None, ge=1, le=MAX_ID, description="Unit beserta bawahannya"),
    overdue: bool = Query(False, description="Hanya yang melewati batas waktu"),
    triage: bool = Query(False, description="Hanya antrean triase (belum ada unit)"),
    q: str = Query("", max_length=60, pattern=NO_NUL, description="Kode pelacakan atau kata"),
) -> Any:
    who = actor(request)
    instansi = common.staff_instansi(who)
    filters = complaint_selectors.ComplaintFilters(
        status=status,
        category_id=category,
        unit=common.unit_in_instansi(instansi, unit) if unit else None,
        overdue=overdue,
        triage=triage,
        search=q,
    )
    return [
        shapes.staff_complaint(c)
        for c in complaint_selectors.complaint_list_for(who, instansi, filters)
    ]


def _detail(request: HttpRequest, complaint: Any) -> dict[str, Any]:
    who = actor(request)
    out = shapes.staff_complaint(complaint)
    out["timeline"] = [shapes.event(e) for e in complaint_selectors.complaint_events(complaint)]
    out["allowed_actions"] = [
        a
        for a in rules.allowed_actions(complaint.status)
        if access.may_act_on_complaint(who, complaint, a)
    ]
    return out


@router.get(
    "/participation/complaints/{complaint_id}",
    response={200: schemas.StaffComplaintDetailOut, **ERRORS},
    summary="Rincian aduan",
)
def complaint_detail(request: HttpRequest, complaint_id: int = ID) -> Any:
    complaint = complaint_selectors.complaint_get_for(
        actor(request), _instansi(request), complaint_id
    )
    return _detail(request, complaint)


@router.post(
    "/participation/complaints/{complaint_id}/actions",
    response={200: schemas.StaffComplaintDetailOut, **WRITE},
    summary="Tindakan atas aduan",
    description=(
        "verify (boleh sekaligus `unit` untuk meneruskan), assign (`unit` wajib), start, "
        "resolve (pesan wajib), reopen, close, reject (alasan wajib), respond (pesan wajib)."
    ),
)
def complaint_action(
    request: HttpRequest, payload: schemas.ActionIn, complaint_id: int = ID
) -> Any:
    who = actor(request)
    instansi = common.staff_instansi(who)
    complaint = complaint_selectors.complaint_get_for(who, instansi, complaint_id)
    unit = common.unit_in_instansi(instansi, payload.unit) if payload.unit else None
    if payload.action == "verify":
        complaint_services.complaint_verify(
            actor=who, complaint=complaint, message=payload.message, assign_to=unit
        )
    elif payload.action == "assign":
        if unit is None:
            raise ValidationFailed(
                "complaint.unit_required", "Pilih unit tujuan.", {"field": "unit"}
            )
        complaint_services.complaint_assign(
            actor=who, complaint=complaint, unit=unit, message=payload.message
        )
    elif payload.action == "respond":
        complaint_services.complaint_respond(
            actor=who, complaint=complaint, message=payload.message
        )
    else:
        complaint_services.complaint_act(
            actor=who, complaint=complaint, action=payload.action, message=payload.message
        )
    return _detail(request, complaint_selectors.complaint_get_for(who, instansi, complaint_id))


@router.post(
    "/participation/complaints/{complaint_id}/contact",
    response={200: schemas.ContactOut, **WRITE},
    summary="Kontak pelapor (tercatat di jejak audit)",
)
def complaint_contact(request: HttpRequest, complaint_id: int = ID) -> Any:
    who = actor(request)
    complaint = complaint_selectors.complaint_get_for(who, common.staff_instansi(who), complaint_id)
    name, contact = complaint_services.complaint_contact_reveal(actor=who, complaint=complaint)
    return {"reporter_name": name, "reporter_contact": contact}


@router.get(
    "/participation/reports/weekly",
    response={200: schemas.WeeklyReportOut, **ERRORS},
    summary="Laporan mingguan aduan",
    description="Minggu ISO (`2026-W03`; bawaan minggu ini), seluruh kota atau satu unit.",
)
def weekly_report(
    request: HttpRequest,
    week: str = Query("", max_length=8, pattern=NO_NUL),
    unit: int | None = Query(None, ge=1, le=MAX_ID),
) -> Any:
    who = actor(request)
    instansi = common.staff_instansi(who)
    scope = common.unit_in_instansi(instansi, unit) if unit else None
    if scope is None and not access.covers_unit_any(who, instansi.pk):
        raise NotFound("laporan seluruh kota")
    if scope is not None and not (
        access.covers_unit_any(who, instansi.pk) or access.manages_unit(who, scope)
    ):
        raise NotFound("unit")
    start = rules.parse_iso_week(week) or rules.week_bounds(timezone.localdate())[0]
    return shapes.weekly(reports.weekly_report(instansi, week_start=start, unit=scope))


@router.get(
    "/participation/dashboard",
    response={200: schemas.AccountabilityOut, **ERRORS},
    summary="Dasbor unit dengan rincian per subunit",
)
def dashboard(request: HttpRequest, unit: int | None = Query(None, ge=1, le=MAX_ID)) -> Any:
    who = actor(request)
    instansi = common.staff_instansi(who)
    scope = common.unit_in_instansi(instansi, unit) if unit else None
    allowed = access.covers_unit_any(who, instansi.pk) or (
        scope is not None and access.manages_unit(who, scope)
    )
    if not allowed:
        raise NotFound("unit")
    period = skm_selectors.period_default(instansi, None, scope)
    points = skm_selectors.skm_trend(instansi, until=period, count=4, unit=scope)
    figures = reports.complaint_accountability(instansi, unit=scope, with_children=True)
    return shapes.accountability(scope, figures, points, children=True)


@router.get(
    "/participation/services",
    response={200: list[schemas.StaffServiceOut], **ERRORS},
    summary="Layanan dalam kewenangan (termasuk draf)",
)
@paginate(Pages)
def service_list(request: HttpRequest, q: str = Query("", max_length=100, pattern=NO_NUL)) -> Any:
    who = actor(request)
    services = catalog_selectors.service_list_for(who, common.staff_instansi(who), search=q)
    return [shapes.service(s, staff=True) for s in services]


def _service_input(payload: schemas.ServiceIn) -> catalog_services.ServiceInput:
    data = payload.dict()
    data.pop("unit")
    return catalog_services.ServiceInput(**data)


@router.post(
    "/participation/services",
    response={201: schemas.StaffServiceOut, **WRITE},
    summary="Tambah layanan",
)
def service_create(request: HttpRequest, payload: schemas.ServiceIn) -> Any:
    who = actor(request)
    unit = common.unit_in_instansi(common.staff_instansi(who), payload.unit)
    service = catalog_services.service_create(actor=who, unit=unit, data=_service_input(payload))
    return 201, shapes.service(service, staff=True)


@router.put(
    "/participation/services/{service_id}",
    response={200: schemas.StaffServiceOut, **WRITE},
    summary="Ubah standar pelayanan",
)
def service_update(request: HttpRequest, payload: schemas.ServiceIn, service_id: int = ID) -> Any:
    who = actor(request)
    instansi = common.staff_instansi(who)
    service = catalog_selectors.service_get_for(who, instansi, service_id)
    unit = common.unit_in_instansi(instansi, payload.unit)
    service = catalog_services.service_update(
        actor=who, service=service, data=_service_input(payload), unit=unit
    )
    return shapes.service(service, staff=True)


@router.put(
    "/participation/services/{service_id}/population",
    response={200: schemas.IkmOut, **WRITE},
    summary="Isi populasi pengguna layanan (target sampel)",
)
def service_population(
    request: HttpRequest, payload: schemas.PopulationIn, service_id: int = ID
) -> Any:
    who = actor(request)
    instansi = common.staff_instansi(who)
    service = catalog_selectors.service_get_for(who, instansi, service_id)
    skm_services.skm_population_set(
        actor=who, service=service, period=payload.period, population=payload.population
    )
    result = skm_selectors.skm_result(instansi, period=payload.period, service=service)
    return shapes.ikm(result, weighting_text(common.skm_config_for(instansi)))


@router.get(
    "/participation/ikm",
    response={200: schemas.IkmOut, **ERRORS},
    summary="IKM layanan, unit atau seluruh instansi",
)
def ikm(
    request: HttpRequest,
    service: int | None = Query(None, ge=1, le=MAX_ID),
    unit: int | None = Query(None, ge=1, le=MAX_ID),
    period: str | None = Query(None, max_length=8, pattern=NO_NUL),
) -> Any:
    who = actor(request)
    instansi = common.staff_instansi(who)
    chosen_service = catalog_selectors.service_get_for(who, instansi, service) if service else None
    scope = common.unit_in_instansi(instansi, unit) if unit else None
    chosen = period if period and periods.is_valid(period) else None
    chosen = chosen or skm_selectors.period_default(instansi, chosen_service, scope)
    result = skm_selectors.skm_result(instansi, period=chosen, service=chosen_service, unit=scope)
    return shapes.ikm(result, weighting_text(common.skm_config_for(instansi)))


@router.get(
    "/participation/routing-rules",
    response={200: list[schemas.RoutingRuleOut], **ERRORS},
    summary="Aturan penerusan aduan",
)
def routing_rule_list(request: HttpRequest) -> Any:
    who = actor(request)
    instansi = common.staff_instansi(who)
    if not access.is_admin(who, instansi.pk):
        return []
    return [_rule(r) for r in complaint_selectors.routing_rule_list(instansi)]


def _rule(r: Any) -> dict[str, Any]:
    return {
        "id": r.pk,
        "category": {"id": r.category.pk, "code": r.category.code, "name": r.category.name}
        if r.category
        else None,
        "service_id": r.service_id,
        "kelurahan": shapes.unit_ref(r.kelurahan),
        "unit": shapes.unit_ref(r.unit),
        "priority": r.priority,
        "is_active": r.is_active,
        "note": r.note,
    }


@router.post(
    "/participation/routing-rules",
    response={201: schemas.RoutingRuleOut, **WRITE},
    summary="Tambah aturan penerusan (admin)",
)
def routing_rule_create(request: HttpRequest, payload: schemas.RoutingRuleIn) -> Any:
    who = actor(request)
    instansi = common.staff_instansi(who)
    rule = routing_services.routing_rule_save(
        actor=who,
        instansi=instansi,
        unit=common.unit_in_instansi(instansi, payload.unit),
        category=complaint_selectors.category_get(instansi, payload.category, active_only=False)
        if payload.category
        else None,
        service=catalog_selectors.public_service_get(instansi, payload.service)
        if payload.service
        else None,
        kelurahan=common.kelurahan_get(instansi, payload.kelurahan) if payload.kelurahan else None,
        priority=payload.priority,
        is_active=payload.is_active,
        note=payload.note,
    )
    return 201, _rule(complaint_selectors.routing_rule_get(instansi, rule.pk))


@router.delete(
    "/participation/routing-rules/{rule_id}",
    response={204: None, **WRITE},
    summary="Hapus aturan penerusan (admin)",
)
def routing_rule_delete(request: HttpRequest, rule_id: int = ID) -> Any:
    who = actor(request)
    rule = complaint_selectors.routing_rule_get(common.staff_instansi(who), rule_id)
    routing_services.routing_rule_delete(actor=who, rule=rule)
    return 204, None


@router.get(
    "/participation/moderation",
    response={200: list[schemas.StaffCommentOut], **ERRORS},
    summary="Antrean moderasi",
    description="`tab`: pending (menunggu), reported (dilaporkan), hidden (disembunyikan).",
)
@paginate(Pages)
def moderation_queue(
    request: HttpRequest, tab: str = Query("pending", pattern=r"^(pending|reported|hidden)$")
) -> Any:
    who = actor(request)
    return [
        {
            "id": c.pk,
            "consultation_id": c.consultation_id,
            "author": c.author_label,
            "author_kind": c.author_kind,
            "body": c.body,
            "status": c.status,
            "report_count": c.report_count,
            "moderation_reason": c.moderation_reason,
            "created_at": c.created_at,
        }
        for c in forum_selectors.moderation_queue(who, common.staff_instansi(who), tab=tab)
    ]


@router.post(
    "/participation/comments/{comment_id}/moderation",
    response={200: schemas.StaffCommentOut, **WRITE},
    summary="Moderasi komentar (setujui, sembunyikan, pulihkan — dengan alasan)",
)
def comment_moderate(
    request: HttpRequest, payload: schemas.ModerationIn, comment_id: int = ID
) -> Any:
    who = actor(request)
    comment = forum_selectors.staff_comment_get(who, common.staff_instansi(who), comment_id)
    c = forum_services.comment_moderate(
        actor=who, comment=comment, action=payload.action, reason=payload.reason
    )
    return {
        "id": c.pk,
        "consultation_id": c.consultation_id,
        "author": c.author_label,
        "author_kind": c.author_kind,
        "body": c.body,
        "status": c.status,
        "report_count": c.report_count,
        "moderation_reason": c.moderation_reason,
        "created_at": c.created_at,
    }
