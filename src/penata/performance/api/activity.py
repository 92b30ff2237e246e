"""/api/v1/kinerja: the daily activity log and its review."""

from typing import Any

from django.http import HttpRequest
from ninja import Query
from ninja.pagination import paginate

from penata.core.api_auth import actor
from penata.core.api_shapes import Pages
from penata.org import selectors as org_selectors
from penata.performance import schemas as s
from penata.performance.api import router
from penata.performance.api.common import ERRORS, id_path
from penata.performance.selectors import activity as activity_selectors
from penata.performance.services import activity as activity_services
from penata.performance.services.activity import ActivityInput

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
    request: HttpRequest, body: s.ActivityIn, activity_id: int = id_path("ID kegiatan")
) -> Any:
    who = actor(request)
    activity = activity_selectors.activity_get_for(who, activity_id)
    return activity_services.activity_update(
        actor=who, activity=activity, data=_activity_input(body)
    )


@router.delete(
    "/activities/{activity_id}", response={204: None, **ERRORS}, summary="Hapus kegiatan"
)
def activity_delete(request: HttpRequest, activity_id: int = id_path("ID kegiatan")) -> Any:
    who = actor(request)
    activity_services.activity_delete(
        actor=who, activity=activity_selectors.activity_get_for(who, activity_id)
    )
    return 204, None
