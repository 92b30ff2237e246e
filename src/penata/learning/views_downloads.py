"""Downloads of the learning module: a completed training's certificate and the evidence of
an external development activity, for whoever may see the employee (404 otherwise)."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from penata.core.downloads import file_response
from penata.core.web import staff_view
from penata.learning import selectors


@staff_view
@require_GET
def certificate(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = selectors.enrolment_get_for(request.user, enrolment_id)
    name = f"sertifikat-{enrolment.employee.nip}-{enrolment.session.programme.code}"
    response = file_response(enrolment.certificate, download_name=name, what="sertifikat")
    return cast(HttpResponse, response)


@staff_view
@require_GET
def jp_evidence(request: HttpRequest, record_id: int) -> HttpResponse:
    record = selectors.jp_record_get_for(request.user, record_id)
    name = f"bukti-jp-{record.employee.nip}-{record.completed_on:%Y%m%d}"
    response = file_response(record.evidence, download_name=name, what="bukti pengembangan")
    return cast(HttpResponse, response)
