"""Public participation API under /api/v1/public/ (no login). Writes are rate-limited per
client and carry a honeypot field; no response holds a reporter's name or contact."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from penata.core.api_shapes import MAX_ID, NO_NUL, PUBLIC_ERRORS, ErrorOut, Pages
from penata.core.errors import NotFound
from penata.participation import periods, safety
from penata.participation.api import schemas, shapes
from penata.participation.rules import weighting_text
from penata.participation.selectors import catalog as catalog_selectors
from penata.participation.selectors import common, reports
from penata.participation.selectors import complaints as complaint_selectors
from penata.participation.selectors import forums as forum_selectors
from penata.participation.selectors import skm as skm_selectors
from penata.participation.services import complaints as complaint_services
from penata.participation.services import forums as forum_services
from penata.participation.services import skm as skm_services

public_router = Router(auth=None, tags=["Publik — layanan, aduan, SKM, konsultasi"])

WRITE_ERRORS: dict[int, Any] = {**PUBLIC_ERRORS, 400: ErrorOut, 429: ErrorOut}
INSTANSI = Query(None, max_length=20, pattern=NO_NUL, description="Kode instansi; bawaan: utama")
CODE = Path(..., max_length=40, pattern=NO_NUL, description="Kode pelacakan (dengan/tanpa tanda -)")


def _client(request: HttpRequest) -> safety.Client:
    token = request.get_signed_cookie(
        safety.DEVICE_COOKIE, default=None, salt=safety.DEVICE_COOKIE_SALT
    )
    return safety.client_of(request, token)


@public_router.get(
    "/services",
    response={200: list[schemas.ServiceOut], **PUBLIC_ERRORS},
    summary="Katalog layanan",
    description="Layanan yang dipublikasikan; `q` mencari pada nama, uraian dan unit.",
)
@paginate(Pages)
def service_list(
    request: HttpRequest,
    q: str = Query("", max_length=100, pattern=NO_NUL),
    unit: int | None = Query(None, ge=1, le=MAX_ID, description="Hanya unit ini dan bawahannya"),
    instansi: str | None = INSTANSI,
) -> Any:
    found = common.public_instansi(instansi)
    scope = common.unit_in_instansi(found, unit) if unit else None
    return [
        shapes.service(s)
        for s in catalog_selectors.public_service_list(found, search=q, unit=scope)
    ]


@public_router.get(
    "/services/{service_id}",
    response={200: schemas.ServiceDetailOut, **PUBLIC_ERRORS},
    summary="Standar pelayanan",
)
def service_detail(request: HttpRequest, service_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    service = catalog_selectors.public_service_get(common.public_instansi(), service_id)
    return shapes.service(service, detail=True)


@public_router.get(
    "/complaint-categories",
    response={200: list[schemas.CategoryOut], **PUBLIC_ERRORS},
    summary="Kategori aduan",
)
def category_list(request: HttpRequest, instansi: str | None = INSTANSI) -> Any:
    return [
        {"id": c.pk, "code": c.code, "name": c.name}
        for c in complaint_selectors.category_list(common.public_instansi(instansi))
    ]


@public_router.get(
    "/kelurahan",
    response={200: list[schemas.KelurahanOut], **PUBLIC_ERRORS},
    summary="Daftar kelurahan",
)
def kelurahan_list(request: HttpRequest, instansi: str | None = INSTANSI) -> Any:
    return [
        {"id": k.pk, "name": k.name, "region_code": k.region_code}
        for k in common.kelurahan_list(common.public_instansi(instansi))
    ]


@public_router.post(
    "/complaints",
    response={201: schemas.ComplaintCreatedOut, **WRITE_ERRORS},
    summary="Sampaikan aduan",
    description=(
        "Mengembalikan kode pelacakan. Nama dan kontak pelapor rahasia: tidak pernah muncul di "
        "respons publik mana pun. Foto hanya lewat formulir web. Dibatasi per klien (429)."
    ),
)
def complaint_create(request: HttpRequest, payload: schemas.ComplaintIn) -> Any:
    safety.check_honeypot({"website": payload.website})
    safety.rate_limit(request, "complaint")
    instansi = common.public_instansi()
    data = complaint_services.ComplaintInput(
        category=complaint_selectors.category_get(instansi, payload.category),
        kelurahan=common.kelurahan_get(instansi, payload.kelurahan),
        description=payload.description,
        location=payload.location,
        service=catalog_selectors.public_service_get(instansi, payload.service)
        if payload.service
        else None,
        chosen_unit=common.unit_in_instansi(instansi, payload.unit) if payload.unit else None,
        reporter_name=payload.reporter_name,
        reporter_contact=payload.reporter_contact,
        channel="api",
    )
    complaint = complaint_services.complaint_submit(instansi=instansi, data=data)
    return 201, shapes.created(complaint)


def _by_code(code: str) -> Any:
    complaint = complaint_selectors.complaint_by_code(code)
    if complaint is None:
        raise NotFound("aduan")  # the same answer for every unknown code
    return complaint


@public_router.get(
    "/complaints/{code}",
    response={200: schemas.ComplaintStatusOut, **WRITE_ERRORS},
    summary="Status aduan",
    description="Riwayat dan tanggapan resmi (jabatan pejabat, tanpa nama). Dibatasi per klien.",
)
def complaint_status(request: HttpRequest, code: str = CODE) -> Any:
    safety.rate_limit(request, "lookup")
    complaint = _by_code(code)
    return shapes.public_status(complaint, complaint_selectors.public_timeline(complaint))


@public_router.post(
    "/complaints/{code}/rating",
    response={200: schemas.ComplaintStatusOut, **WRITE_ERRORS},
    summary="Nilai penyelesaian aduan (sekali)",
)
def complaint_rating(request: HttpRequest, payload: schemas.RatingIn, code: str = CODE) -> Any:
    safety.check_honeypot({"website": payload.website})
    safety.rate_limit(request, "rating")
    complaint = complaint_services.complaint_rate(
        complaint=_by_code(code), rating=payload.rating, comment=payload.comment
    )
    return shapes.public_status(complaint, complaint_selectors.public_timeline(complaint))


def _period(instansi: Any, raw: str | None, service: Any, unit: Any) -> str:
    if raw and periods.is_valid(raw):
        return raw
    return skm_selectors.period_default(instansi, service, unit)


PERIOD = Query(None, max_length=8, pattern=NO_NUL, description="Mis. 2025-T3, 2025-S1, 2025")


@public_router.get(
    "/services/{service_id}/ikm",
    response={200: schemas.IkmOut, **PUBLIC_ERRORS},
    summary="IKM layanan",
    description="NRR per unsur, IKM 1–4 dan 25–100, mutu A–D, sampel vs target Krejcie & Morgan.",
)
def service_ikm(
    request: HttpRequest, service_id: int = Path(..., ge=1, le=MAX_ID), period: str | None = PERIOD
) -> Any:
    instansi = common.public_instansi()
    service = catalog_selectors.public_service_get(instansi, service_id)
    chosen = _period(instansi, period, service, None)
    result = skm_selectors.skm_result(instansi, period=chosen, service=service)
    return shapes.ikm(result, weighting_text(common.skm_config_for(instansi)))


@public_router.post(
    "/services/{service_id}/skm",
    response={201: schemas.SkmCreatedOut, **WRITE_ERRORS},
    summary="Isi survei kepuasan (SKM)",
    description="Satu jawaban per perangkat per periode kecuali layanan mengizinkan lebih.",
)
def service_skm(
    request: HttpRequest, payload: schemas.SkmIn, service_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    safety.check_honeypot({"website": payload.website})
    safety.rate_limit(request, "skm")
    service = catalog_selectors.public_service_get(common.public_instansi(), service_id)
    data = payload.dict()
    response = skm_services.skm_submit(
        service=service,
        answers={f"u{i}": data[f"u{i}"] for i in range(1, 10)},
        profile={k: data[k] for k in ("age_band", "sex", "education", "occupation")},
        suggestion=payload.suggestion,
        client=_client(request),
    )
    return 201, {"period": response.period, "period_label": periods.label(response.period)}


@public_router.get(
    "/units/{unit_id}/accountability",
    response={200: schemas.AccountabilityOut, **PUBLIC_ERRORS},
    summary="Akuntabilitas unit",
    description="Tren IKM, volume aduan per bulan, % selesai tepat waktu, median waktu tanggapan.",
)
def unit_accountability(request: HttpRequest, unit_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    instansi = common.public_instansi()
    unit = common.unit_in_instansi(instansi, unit_id)
    period = skm_selectors.period_default(instansi, None, unit)
    points = skm_selectors.skm_trend(instansi, until=period, count=4, unit=unit)
    figures = reports.complaint_accountability(instansi, unit=unit)
    return shapes.accountability(unit, figures, points, children=False)


@public_router.get(
    "/consultations",
    response={200: list[schemas.ConsultationOut], **PUBLIC_ERRORS},
    summary="Konsultasi publik",
)
@paginate(Pages)
def consultation_list(request: HttpRequest) -> Any:
    return [
        {
            "id": c.pk,
            "title": c.title,
            "unit": shapes.unit_ref(c.unit),
            "opens_at": c.opens_at,
            "closes_at": c.closes_at,
            "is_open": forum_services.is_open(c),
            "comment_count": getattr(c, "comment_count", 0),
        }
        for c in forum_selectors.public_consultation_list(common.public_instansi())
    ]


@public_router.get(
    "/consultations/{consultation_id}",
    response={200: schemas.ConsultationDetailOut, **PUBLIC_ERRORS},
    summary="Konsultasi dan komentarnya",
    description="Hanya komentar yang tampil; penulis berupa nama tampilan, 'Warga' atau jabatan.",
)
def consultation_detail(
    request: HttpRequest, consultation_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    c = forum_selectors.public_consultation_get(common.public_instansi(), consultation_id)
    threads = forum_selectors.public_threads(c)
    return {
        "id": c.pk,
        "title": c.title,
        "unit": shapes.unit_ref(c.unit),
        "opens_at": c.opens_at,
        "closes_at": c.closes_at,
        "is_open": forum_services.is_open(c),
        "comment_count": getattr(c, "comment_count", 0),
        "body_html": c.body_html,
        "comments": [shapes.comment(t.comment, t.replies) for t in threads],
    }


@public_router.post(
    "/consultations/{consultation_id}/comments",
    response={201: schemas.CommentCreatedOut, **WRITE_ERRORS},
    summary="Kirim komentar anonim",
    description="Tampil setelah moderasi bila konsultasi memakai pra-moderasi.",
)
def consultation_comment(
    request: HttpRequest,
    payload: schemas.CommentIn,
    consultation_id: int = Path(..., ge=1, le=MAX_ID),
) -> Any:
    safety.check_honeypot({"website": payload.website})
    safety.rate_limit(request, "comment")
    c = forum_selectors.public_consultation_get(common.public_instansi(), consultation_id)
    parent = forum_selectors.public_comment_get(c, payload.parent) if payload.parent else None
    comment = forum_services.comment_post(
        consultation=c, body=payload.body, client=_client(request), parent=parent
    )
    return 201, {"id": comment.pk, "status": comment.status}
