"""Service catalog use cases: a unit (its head, or admin) creates and edits its services."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction

from penata.core import audit
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.org.models import Unit
from penata.participation import access
from penata.participation.models import ServiceStandard
from penata.participation.models.catalog import NAME_MAX, TEXT_MAX

FIELDS = (
    "unit",
    "name",
    "description",
    "requirements",
    "procedure",
    "time",
    "cost",
    "product",
    "complaint_channel",
    "legal_basis",
    "is_published",
    "allows_repeat_survey",
)
LIMITS = {
    "name": NAME_MAX,
    "description": 1000,
    "requirements": TEXT_MAX,
    "procedure": TEXT_MAX,
    "time": 200,
    "cost": 200,
    "product": 300,
    "complaint_channel": 1000,
    "legal_basis": 300,
}
REQUIRED = ("name", "requirements", "procedure", "time", "cost", "product", "complaint_channel")
LABELS = {
    "name": "Nama layanan",
    "requirements": "Persyaratan",
    "procedure": "Prosedur",
    "time": "Jangka waktu",
    "cost": "Biaya/tarif",
    "product": "Produk pelayanan",
    "complaint_channel": "Penanganan pengaduan",
}


@dataclass(frozen=True)
class ServiceInput:
    name: str
    requirements: str
    procedure: str
    time: str
    cost: str
    product: str
    complaint_channel: str
    description: str = ""
    legal_basis: str = ""
    is_published: bool = False
    allows_repeat_survey: bool = False


def _clean(data: ServiceInput) -> dict[str, Any]:
    values: dict[str, Any] = asdict(data)
    errors = []
    for field, limit in LIMITS.items():
        text = "".join(ch for ch in str(values[field]) if ch in "\n\t" or ch >= " ").strip()
        values[field] = text
        if field in REQUIRED and not text:
            errors.append(
                {"field": field, "code": "required", "message": f"{LABELS[field]} wajib diisi."}
            )
        elif len(text) > limit:
            errors.append(
                {"field": field, "code": "too_long", "message": f"Paling panjang {limit} karakter."}
            )
    if errors:
        raise ValidationFailed(
            "service.invalid", errors[0]["message"], {"field": errors[0]["field"], "errors": errors}
        )
    return values


def _duplicate(unit: Unit, name: str, exclude: int | None = None) -> bool:
    qs = ServiceStandard.objects.filter(instansi_id=unit.instansi_id, unit=unit, name=name)
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    return qs.exists()


@transaction.atomic
def service_create(*, actor: Any, unit: Unit, data: ServiceInput) -> ServiceStandard:
    """Add a service to `unit`'s catalog (unit_head over the unit, or admin)."""
    if not access.manages_unit(actor, unit):
        raise PermissionDenied("Anda hanya dapat mengelola layanan unit Anda.")
    values = _clean(data)
    if _duplicate(unit, values["name"]):
        raise ValidationFailed(
            "service.duplicate", "Unit ini sudah punya layanan dengan nama itu.", {"field": "name"}
        )
    service = ServiceStandard.objects.create(instansi_id=unit.instansi_id, unit=unit, **values)
    audit.record(
        actor=actor,
        action="service.create",
        obj=service,
        after=audit.snapshot(service, FIELDS),
    )
    return service


@transaction.atomic
def service_update(
    *, actor: Any, service: ServiceStandard, data: ServiceInput, unit: Unit | None = None
) -> ServiceStandard:
    """Change a service's standard (and optionally move it to another unit one manages)."""
    service = (
        ServiceStandard.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=service.pk)
    )
    if not access.manages_unit(actor, service.unit):
        raise PermissionDenied("Anda hanya dapat mengelola layanan unit Anda.")
    target = unit or service.unit
    if target.pk != service.unit_id and (
        not access.manages_unit(actor, target) or target.instansi_id != service.instansi_id
    ):
        raise PermissionDenied("Anda tidak berwenang memindahkan layanan ke unit itu.")
    values = _clean(data)
    if _duplicate(target, values["name"], exclude=service.pk):
        raise ValidationFailed(
            "service.duplicate", "Unit ini sudah punya layanan dengan nama itu.", {"field": "name"}
        )
    before = audit.snapshot(service, FIELDS)
    for field, value in values.items():
        setattr(service, field, value)
    service.unit = target
    service.save()
    audit.record(
        actor=actor,
        action="service.update",
        obj=service,
        before=before,
        after=audit.snapshot(service, FIELDS),
    )
    return service
