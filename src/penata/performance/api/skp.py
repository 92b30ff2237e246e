"""/api/v1/kinerja: SKP plans, RHK, the cascade, versions and evaluations."""

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query
from ninja.pagination import paginate

from penata.core.api_auth import actor
from penata.core.api_shapes import Pages
from penata.core.dating import today
from penata.core.errors import NotFound
from penata.org import selectors as org_selectors
from penata.people.selectors import employee_of
from penata.performance import schemas as s
from penata.performance.api import router
from penata.performance.api.common import ERRORS, YEAR, id_path
from penata.performance.models import ANNUAL_NUMBER, Evaluation
from penata.performance.selectors import evaluation as evaluation_selectors
from penata.performance.selectors import skp as skp_selectors
from penata.performance.services import cascade as cascade_services
from penata.performance.services import evaluation as evaluation_services
from penata.performance.services import rhk as rhk_services
from penata.performance.services import skp as skp_services
from penata.performance.services.evaluation import RealisationInput
from penata.performance.services.rhk import IndicatorInput

# A year outside the span of SKP years is refused (422) before any date is built from it.


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
def skp_detail(request: HttpRequest, skp_id: int = id_path("ID SKP")) -> Any:
    return _detail(skp_selectors.skp_get_for(actor(request), skp_id))


@router.post(
    "/skp/{skp_id}/rhk",
    response={201: s.RhkOut, **ERRORS},
    summary="Tambah RHK",
    description="Menambah RHK beserta indikatornya pada SKP draf milik Anda.",
)
def rhk_add(request: HttpRequest, body: s.RhkIn, skp_id: int = id_path("ID SKP")) -> Any:
    who = actor(request)
    skp = skp_selectors.skp_get_for(who, skp_id)
    parent = _parent(skp, body.parent_id)
    rhk = rhk_services.rhk_save(
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
def rhk_update(request: HttpRequest, body: s.RhkIn, rhk_id: int = id_path("ID RHK")) -> Any:
    who = actor(request)
    rhk = skp_selectors.rhk_get_for(who, rhk_id)
    skp = skp_selectors.skp_get_for(who, rhk.skp_id)
    return rhk_services.rhk_save(
        actor=who, skp=skp, rhk=rhk, text=body.text, kind=body.kind.value,
        parent=_parent(skp, body.parent_id), indicators=_indicators(body.indicators),
    )  # fmt: skip


@router.delete("/rhk/{rhk_id}", response={204: None, **ERRORS}, summary="Hapus RHK")
def rhk_delete(request: HttpRequest, rhk_id: int = id_path("ID RHK")) -> Any:
    who = actor(request)
    rhk_services.rhk_delete(actor=who, rhk=skp_selectors.rhk_get_for(who, rhk_id))
    return 204, None


@router.post("/skp/{skp_id}/submit", response={200: s.SkpOut, **ERRORS}, summary="Ajukan SKP")
def skp_submit(request: HttpRequest, skp_id: int = id_path("ID SKP")) -> Any:
    who = actor(request)
    skp_services.skp_submit(actor=who, skp=skp_selectors.skp_get_for(who, skp_id))
    return skp_selectors.skp_get_for(who, skp_id)


@router.post(
    "/skp/{skp_id}/approve",
    response={200: s.SkpOut, **ERRORS},
    summary="Setujui SKP",
    description="Hanya pejabat penilai; 403 `skp.not_evaluator` atau `skp.self_approval`.",
)
def skp_approve(request: HttpRequest, skp_id: int = id_path("ID SKP")) -> Any:
    who = actor(request)
    skp_services.skp_approve(actor=who, skp=skp_selectors.skp_get_for(who, skp_id))
    return skp_selectors.skp_get_for(who, skp_id)


@router.post("/skp/{skp_id}/return", response={200: s.SkpOut, **ERRORS}, summary="Kembalikan SKP")
def skp_return(request: HttpRequest, body: s.NoteIn, skp_id: int = id_path("ID SKP")) -> Any:
    who = actor(request)
    skp_services.skp_return(actor=who, skp=skp_selectors.skp_get_for(who, skp_id), note=body.note)
    return skp_selectors.skp_get_for(who, skp_id)


@router.post(
    "/skp/{skp_id}/revise",
    response={200: s.SkpOut, **ERRORS},
    summary="Buka SKP yang disetujui untuk diubah",
    description="Versi yang disetujui tetap tersimpan; persetujuan berikutnya menulis versi baru.",
)
def skp_revise(request: HttpRequest, body: s.NoteIn, skp_id: int = id_path("ID SKP")) -> Any:
    who = actor(request)
    skp_services.skp_revise(actor=who, skp=skp_selectors.skp_get_for(who, skp_id), reason=body.note)
    return skp_selectors.skp_get_for(who, skp_id)


@router.get(
    "/skp/{skp_id}/versions", response={200: list[s.VersionOut], **ERRORS}, summary="Versi SKP"
)
def skp_versions(request: HttpRequest, skp_id: int = id_path("ID SKP")) -> Any:
    return list(skp_selectors.skp_versions(skp_selectors.skp_get_for(actor(request), skp_id)))


@router.post(
    "/skp/{skp_id}/expectations",
    response={201: s.ExpectationOut, **ERRORS},
    summary="Tambah ekspektasi perilaku khusus",
    description="Pejabat penilai menambah ekspektasi khusus pada salah satu nilai BerAKHLAK.",
)
def expectation_add(
    request: HttpRequest, body: s.ExpectationIn, skp_id: int = id_path("ID SKP")
) -> Any:
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
def rhk_cascade(request: HttpRequest, body: s.CascadeIn, rhk_id: int = id_path("ID RHK")) -> Any:
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
def evaluatees(request: HttpRequest, year: int | None = YEAR) -> Any:
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
def evaluation_list(request: HttpRequest, skp_id: int = id_path("ID SKP")) -> Any:
    skp = skp_selectors.skp_get_for(actor(request), skp_id)
    numbers = [p.number for p in evaluation_selectors.period_rows(skp, today()) if p.is_started]
    return [_evaluation(skp, n) for n in numbers]


@router.get(
    "/skp/{skp_id}/evaluations/{number}",
    response={200: s.EvaluationOut, **ERRORS},
    summary="Rincian evaluasi",
)
def evaluation_detail(
    request: HttpRequest, skp_id: int = id_path("ID SKP"), number: int = _number()
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
    request: HttpRequest,
    body: s.RealisationsIn,
    skp_id: int = id_path("ID SKP"),
    number: int = _number(),
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
    request: HttpRequest, skp_id: int = id_path("ID SKP"), number: int = _number()
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
    request: HttpRequest, body: s.RateIn, skp_id: int = id_path("ID SKP"), number: int = _number()
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
