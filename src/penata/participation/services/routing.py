"""Complaint categories and routing rules (admin only)."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction

from penata.core import audit
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.org.models import Instansi, Unit
from penata.participation import access
from penata.participation.models import ComplaintCategory, RoutingRule, ServiceStandard

RULE_FIELDS = ("category", "service", "kelurahan", "unit", "priority", "is_active", "note")

# Categories of ULAS Surakarta's weekly reports (DOMAIN §9) and the common rest.
DEFAULT_CATEGORIES = (
    ("bansos", "Bansos"),
    ("jalan-drainase", "Jalan & Drainase"),
    ("parkir-pju", "Perparkiran/PJU"),
    ("trantib", "Ketenteraman dan Ketertiban"),
    ("kebersihan", "Kebersihan & Sampah"),
    ("adminduk", "Administrasi Kependudukan"),
    ("kesehatan", "Kesehatan"),
    ("pendidikan", "Pendidikan"),
    ("perizinan", "Perizinan"),
    ("lainnya", "Lainnya"),
)


def _admin(actor: Any, instansi: Instansi) -> None:
    if not access.is_admin(actor, instansi.pk):
        raise PermissionDenied("Hanya admin yang dapat mengatur kategori dan penerusan aduan.")


@transaction.atomic
def categories_seed(*, actor: Any, instansi: Instansi) -> int:
    """Create the default ULAS-like categories that are missing; returns how many.

    `actor` is an admin, or a label such as "penata demo" for commands.
    """
    if getattr(actor, "is_authenticated", False):
        _admin(actor, instansi)
    existing = set(
        ComplaintCategory.objects.filter(instansi=instansi).values_list("code", flat=True)
    )
    created = 0
    for order, (code, name) in enumerate(DEFAULT_CATEGORIES, start=1):
        if code in existing:
            continue
        category = ComplaintCategory.objects.create(
            instansi=instansi, code=code, name=name, sort_order=order * 10
        )
        audit.record(actor=actor, action="complaint_category.create", obj=category)
        created += 1
    return created


@transaction.atomic
def category_save(
    *,
    actor: Any,
    instansi: Instansi,
    name: str,
    sort_order: int = 0,
    is_active: bool = True,
    category: ComplaintCategory | None = None,
) -> ComplaintCategory:
    """Create a category, or rename/reorder/(de)activate one."""
    _admin(actor, instansi)
    name = " ".join(name.split())
    if not 2 <= len(name) <= 100:
        raise ValidationFailed("category.name", "Nama kategori 2–100 karakter.", {"field": "name"})
    if category is None:
        code = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "kategori"
        base, n = code, 2
        while ComplaintCategory.objects.filter(instansi=instansi, code=code).exists():
            code = f"{base[:36]}-{n}"
            n += 1
        category = ComplaintCategory.objects.create(
            instansi=instansi, code=code, name=name, sort_order=sort_order, is_active=is_active
        )
        audit.record(actor=actor, action="complaint_category.create", obj=category)
        return category
    if category.instansi_id != instansi.pk:
        raise PermissionDenied()
    before = audit.snapshot(category, ("name", "sort_order", "is_active"))
    category.name, category.sort_order, category.is_active = name, sort_order, is_active
    category.save()
    audit.record(
        actor=actor,
        action="complaint_category.update",
        obj=category,
        before=before,
        after=audit.snapshot(category, ("name", "sort_order", "is_active")),
    )
    return category


def _check_rule(
    instansi: Instansi,
    category: ComplaintCategory | None,
    service: ServiceStandard | None,
    kelurahan: Unit | None,
    unit: Unit,
    priority: int,
) -> None:
    if category is None and service is None and kelurahan is None:
        raise ValidationFailed(
            "routing.no_criterion",
            "Isi paling sedikit satu syarat: kategori, layanan atau kelurahan.",
            {"field": "category"},
        )
    for obj, field in ((category, "category"), (service, "service"), (kelurahan, "kelurahan")):
        if obj is not None and obj.instansi_id != instansi.pk:
            raise ValidationFailed("routing.foreign", "Data instansi lain.", {"field": field})
    if kelurahan is not None and kelurahan.kind != "kelurahan":
        raise ValidationFailed("routing.kelurahan", "Pilih kelurahan.", {"field": "kelurahan"})
    if unit.instansi_id != instansi.pk:
        raise ValidationFailed("routing.foreign", "Unit instansi lain.", {"field": "unit"})
    if not 0 <= priority <= 10_000:
        raise ValidationFailed("routing.priority", "Prioritas 0–10.000.", {"field": "priority"})


@transaction.atomic
def routing_rule_save(
    *,
    actor: Any,
    instansi: Instansi,
    unit: Unit,
    category: ComplaintCategory | None = None,
    service: ServiceStandard | None = None,
    kelurahan: Unit | None = None,
    priority: int = 100,
    is_active: bool = True,
    note: str = "",
    rule: RoutingRule | None = None,
) -> RoutingRule:
    """Create or change a routing rule: (category, service, kelurahan) → unit."""
    _admin(actor, instansi)
    _check_rule(instansi, category, service, kelurahan, unit, priority)
    note = " ".join(note.split())[:200]
    values = {
        "category": category,
        "service": service,
        "kelurahan": kelurahan,
        "unit": unit,
        "priority": priority,
        "is_active": is_active,
        "note": note,
    }
    if rule is None:
        rule = RoutingRule.objects.create(instansi=instansi, **values)
        audit.record(
            actor=actor,
            action="routing_rule.create",
            obj=rule,
            after=audit.snapshot(rule, RULE_FIELDS),
        )
        return rule
    if rule.instansi_id != instansi.pk:
        raise PermissionDenied()
    before = audit.snapshot(rule, RULE_FIELDS)
    for field, value in values.items():
        setattr(rule, field, value)
    rule.save()
    audit.record(
        actor=actor,
        action="routing_rule.update",
        obj=rule,
        before=before,
        after=audit.snapshot(rule, RULE_FIELDS),
    )
    return rule


@transaction.atomic
def routing_rule_delete(*, actor: Any, rule: RoutingRule) -> None:
    instansi = Instansi.objects.get(pk=rule.instansi_id)
    _admin(actor, instansi)
    before = audit.snapshot(rule, RULE_FIELDS)
    audit.record(actor=actor, action="routing_rule.delete", obj=rule, before=before)
    rule.delete()
