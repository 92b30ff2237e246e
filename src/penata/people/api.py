"""/api/v1 operations on employee records and NIP decoding.

Which fields a caller gets follows the personal-data classes in `penata.people.schemas`;
records outside the caller's reach answer 404, exactly like records that do not exist.
"""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Query, Router
from ninja.pagination import paginate

from penata.core.api_auth import actor
from penata.core.api_shapes import ERRORS, MAX_ID, Pages
from penata.core.errors import ValidationFailed
from penata.org import selectors as org_selectors
from penata.people import selectors
from penata.people.privacy import employee_personal_view
from penata.people.rules import RuleError, parse_nip
from penata.people.schemas import (
    EmployeeDetailOut,
    EmployeeFilters,
    EmployeeKind,
    EmployeeOut,
    NipOut,
)

router = Router(tags=["Kepegawaian"])


@router.get(
    "/employees",
    response={200: list[EmployeeOut], **ERRORS},
    summary="Daftar pegawai",
    description=(
        "Pegawai dalam kewenangan Anda (admin/analis/auditor: instansi atau unit yang "
        "diberikan; kepala unit: unitnya; atasan: bawahannya; pegawai: dirinya sendiri)."
    ),
)
@paginate(Pages)
def employee_list(request: HttpRequest, filters: Query[EmployeeFilters]) -> Any:
    who = actor(request)
    instansi = org_selectors.instansi_for(who)
    unit = org_selectors.unit_get_for(who, filters.unit) if filters.unit else None
    return selectors.employee_list(
        who,
        instansi=instansi,
        search=filters.q,
        unit_path=unit.path if unit else None,
        kind=filters.kind.value if filters.kind else None,
        status=filters.status.value if filters.status else None,
        golongan=filters.golongan,
    )


@router.get(
    "/employees/{employee_id}",
    response={200: EmployeeDetailOut, **ERRORS},
    summary="Rincian pegawai",
    description=(
        "Data pegawai menurut kelas data pribadi (UU 27/2022): NIK hanya utuh untuk admin "
        "yang berwenang dan pegawai itu sendiri, selain itu tersamar. Pegawai di luar "
        "kewenangan Anda dijawab 404."
    ),
)
def employee_detail(
    request: HttpRequest,
    employee_id: int = Path(..., ge=1, le=MAX_ID, description="ID pegawai"),
) -> Any:
    who = actor(request)
    employee: Any = selectors.employee_get_for(who, employee_id)
    employee.current = selectors.current_assignments(employee)
    personal = employee_personal_view(who, employee, current=employee.current, via="api")
    employee.nik_masked = personal["nik_masked"]
    employee.nik_shown = personal["nik"]
    return employee


@router.get(
    "/nip/{nip}",
    response={200: NipOut, **ERRORS},
    exclude_unset=True,
    summary="Urai NIP",
    description=(
        "Urai NIP (PNS) atau NI PPPK: tanggal lahir, TMT CPNS atau tahun pengangkatan, jenis "
        "kelamin, nomor urut — sama dengan `penata nip NIP --format json`. NIP tidak sah "
        "dijawab 422 dengan kode galat, mis. `nip.length` atau `nip.birth_date`."
    ),
)
def nip_decode(
    request: HttpRequest,
    nip: str = Path(..., max_length=40, description="NIP 18 digit; boleh berspasi"),
    kind: EmployeeKind | None = Query(
        None, description="Jenis pegawai bila diketahui (tanpa ini: digit 13–14 > 12 = PPPK)"
    ),
) -> Any:
    try:
        decoded = parse_nip(nip, kind=kind.value if kind else None, today=timezone.localdate())
    except RuleError as error:
        raise ValidationFailed(error.code, error.message) from error
    return decoded.as_dict()
