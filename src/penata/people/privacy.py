"""Personal data in practice (UU 27/2022): who sees the NIK, the access log, "my data" and
breach look-ups.

- `employee_personal_view` is the one place that decides whether a face shows an employee's
  specific data unmasked, and records each such view (`personal_data.view`). The web page and
  the API detail of an employee both call it.
- `my_data` gathers everything Penata holds about the signed-in employee (UU PDP access right),
  including who viewed or changed it.
- Breach look-ups over the same events live in `penata.people.breach`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from penata.accounts.models import Role, RoleGrant
from penata.accounts.scope import reach_of
from penata.core import audit, reference
from penata.core.errors import NotFound, PermissionDenied
from penata.core.models import AuditEvent
from penata.people import selectors
from penata.people.models import Assignment, CorrectionRequest, Employee
from penata.people.personal_data import EMPLOYEE_FIELDS, SPECIFIC_FIELDS, label_of
from penata.people.rules import mask_identifier

PERSONAL_DATA_VIEW = "personal_data.view"
EMPLOYEE_TYPE = "people.employee"
CORRECTION_TYPE = "people.correctionrequest"
IMPORT_EMPLOYEES = "import.employees"


def is_official(current: Iterable[Assignment]) -> bool:
    """An official (pejabat) holds a managerial position now, definitive or Plt/Plh."""
    return any(a.position.kind in reference.MANAGERIAL_KINDS for a in current)


# ---------------------------------------------------------------------------------------------
# Showing specific data


def sees_specific_data(actor: Any, employee: Employee, current: Iterable[Assignment]) -> bool:
    """May the actor read the employee's specific data unmasked?

    Only the employee themself and an `admin` whose grant covers the employee: the whole
    instansi, or a unit subtree holding one of the employee's current positions (`current`,
    with positions and units loaded).
    """
    reach = reach_of(actor)
    if reach.is_superuser or reach.employee_id == employee.pk:
        return True
    if employee.instansi_id in reach.whole.get(Role.ADMIN, frozenset()):
        return True
    paths = reach.subtrees.get(Role.ADMIN, ())
    return any(a.position.unit.path.startswith(p) for a in current for p in paths)


def employee_personal_view(
    actor: Any, employee: Employee, *, current: list[Assignment] | None = None, via: str
) -> dict[str, Any]:
    """What a face may show of the employee's specific data, recording unmasked views.

    Returns `shows_specific` (the actor sees specific data unmasked), `nik` (as it may be
    shown: whole, masked or empty) and `nik_masked`. When a NIK is shown whole to someone
    other than the employee, an audit event `personal_data.view` names the employee, the
    fields and the face (`via`, e.g. "web", "api"), so that "my data" and breach look-ups
    can tell who saw it.
    """
    if current is None:
        current = selectors.current_assignments(employee)
    full = sees_specific_data(actor, employee, current)
    nik = employee.nik or ""
    # A person reading their own record is not someone else processing it: not logged.
    if full and nik and reach_of(actor).employee_id != employee.pk:
        record_specific_view(actor, employee, via=via)
    return {
        "shows_specific": full,
        "nik": nik if full else mask_identifier(nik) if nik else "",
        "nik_masked": bool(nik) and not full,
    }


def record_specific_view(actor: Any, employee: Employee, *, via: str) -> AuditEvent:
    """Log that `actor` was shown the employee's specific data (`personal_data.view`)."""
    return audit.record(
        actor=actor,
        action=PERSONAL_DATA_VIEW,
        obj=employee,
        extra={"fields": list(SPECIFIC_FIELDS), "via": via},
    )


def personal_data_export_record(
    *, actor: Any, instansi_id: int, employee_ids: Sequence[int], via: str
) -> AuditEvent | None:
    """Record that an export carried the specific data of these employees (one event).

    The ids are kept in the event so that a breach look-up finds every person in the file.
    """
    if not employee_ids:
        return None
    return audit.record(
        actor=actor,
        action=PERSONAL_DATA_VIEW,
        object_type=EMPLOYEE_TYPE,
        object_id="",
        instansi_id=instansi_id,
        extra={
            "fields": list(SPECIFIC_FIELDS),
            "via": via,
            "count": len(employee_ids),
            "employee_ids": sorted(employee_ids),
        },
    )


# ---------------------------------------------------------------------------------------------
# Events about one person


def event_extra(event: AuditEvent) -> dict[str, Any]:
    value = (event.changes or {}).get("_")
    return value if isinstance(value, dict) else {}


def bulk_view_ids(event: AuditEvent) -> list[int]:
    ids = event_extra(event).get("employee_ids") or []
    return [int(i) for i in ids]


def import_nips(event: AuditEvent) -> set[str]:
    extra = event_extra(event)
    return {str(k) for k in (extra.get("created_keys") or []) + (extra.get("updated_keys") or [])}


def audit_events_about(employee: Employee) -> list[AuditEvent]:
    """Every audit event about the employee, newest first: views of their data, changes to
    their record (also by import, found by NIP), their correction requests, and the roles,
    tokens and sign-in settings of their account."""
    key = str(employee.pk)
    request_ids = [
        str(i)
        for i in CorrectionRequest.objects.filter(employee=employee).values_list("id", flat=True)
    ]
    q = Q(object_type=EMPLOYEE_TYPE, object_id=key)
    if request_ids:
        q |= Q(object_type=CORRECTION_TYPE, object_id__in=request_ids)
    if employee.user_id:
        uid = employee.user_id
        q |= Q(object_type="accounts.user", object_id=str(uid))
        q |= Q(object_type__in=["accounts.rolegrant", "accounts.apitoken"]) & (
            Q(changes__user__0=uid) | Q(changes__user__1=uid)
        )
    found = {e.pk: e for e in AuditEvent.objects.filter(q).select_related("actor")}
    bulk = AuditEvent.objects.filter(
        action=PERSONAL_DATA_VIEW, object_type=EMPLOYEE_TYPE, object_id="",
        instansi_id=employee.instansi_id,
    ).select_related("actor")  # fmt: skip
    for event in bulk.iterator(chunk_size=200):
        if employee.pk in bulk_view_ids(event):
            found[event.pk] = event
    imports = AuditEvent.objects.filter(
        action=IMPORT_EMPLOYEES, instansi_id=employee.instansi_id
    ).select_related("actor")
    for event in imports.iterator(chunk_size=200):
        if employee.nip in import_nips(event):
            found[event.pk] = event
    return sorted(found.values(), key=lambda e: (e.created_at, e.pk), reverse=True)


# Shown on "my data" and in its downloads; lazily translated, `action_label` gives text.
ACTION_LABELS = {
    PERSONAL_DATA_VIEW: _("Data pribadi spesifik dilihat"),
    IMPORT_EMPLOYEES: _("Data diubah lewat impor"),
    "employee.correct": _("Data dikoreksi"),
    "correction.request": _("Permohonan koreksi diajukan"),
    "correction.verify": _("Permohonan koreksi disetujui"),
    "correction.reject": _("Permohonan koreksi ditolak"),
    "role_grant.create": _("Peran diberikan"),
    "role_grant.revoke": _("Peran dicabut"),
    "api_token.create": _("Token API dibuat"),
    "api_token.revoke": _("Token API dicabut"),
    "account.2fa_enabled": _("Verifikasi dua langkah diaktifkan"),
    "export.employees": _("Data diekspor"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def event_fields(event: AuditEvent) -> list[str]:
    """The personal-data fields an event touched, by name."""
    extra = event_extra(event)
    if event.action == PERSONAL_DATA_VIEW:
        return [str(f) for f in extra.get("fields", [])]
    if event.action == IMPORT_EMPLOYEES:
        return [gettext("(impor data pegawai)")]
    names = [k for k in (event.changes or {}) if k != "_"]
    if event.object_type == CORRECTION_TYPE and extra.get("field"):
        names = [str(extra["field"])]
    return names


def event_row(event: AuditEvent, *, subject_user_id: int | None = None) -> dict[str, Any]:
    """An event as a plain row for 'my data' and breach lists."""
    return {
        "id": event.pk,
        "at": event.created_at,
        "actor": gettext("Anda sendiri")
        if subject_user_id is not None and event.actor_id == subject_user_id
        else event.actor_label,
        "action": event.action,
        "action_label": action_label(event.action),
        "fields": [label_of(f) for f in event_fields(event)],
        "via": str(event_extra(event).get("via", "")),
        "ip": event.ip or "",
    }


# ---------------------------------------------------------------------------------------------
# My data (UU PDP access right)


def my_employee(actor: Any) -> Employee:
    """The signed-in user's own employee record, or PermissionDenied when not linked."""
    reach = reach_of(actor)
    if reach.employee_id is None:
        raise PermissionDenied(
            "Akun Anda tidak terhubung dengan data pegawai, sehingga tidak ada data pribadi "
            "Anda di Penata. Hubungi admin BKPSDM bila ini keliru."
        )
    employee = Employee.objects.filter(pk=reach.employee_id).first()
    if employee is None:
        raise NotFound("pegawai")
    return employee


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def profile_rows(employee: Employee) -> list[dict[str, Any]]:
    """Every field of the record with its label, value and personal-data class."""
    rows = []
    for name, spec in EMPLOYEE_FIELDS.items():
        model_field = Employee._meta.get_field(name)
        value = getattr(employee, getattr(model_field, "attname", name))
        display = getattr(employee, f"get_{name}_display", None)
        rows.append(
            {
                "field": name,
                "label": str(spec.label),
                "value": "" if value is None else value,
                "display": display() if callable(display) else ("" if value is None else value),
                "class": spec.data_class.value,
            }
        )
    return rows


def my_data(actor: Any) -> dict[str, Any]:
    """Everything Penata holds about the actor as an employee, with who accessed or changed it.

    Records nothing: a person reading their own data is not an access to log.
    """
    employee = my_employee(actor)
    assignments = list(
        Assignment.objects.filter(employee=employee)
        .select_related("position", "position__unit")
        .order_by("-start", "-id")
    )
    corrections = list(
        CorrectionRequest.objects.filter(employee=employee).select_related("decided_by")
    )
    for correction in corrections:
        correction.field_label = label_of(correction.field)  # type: ignore[attr-defined]
    grants = (
        list(
            RoleGrant.objects.filter(user_id=employee.user_id)
            .select_related("unit", "instansi")
            .order_by("role", "id")
        )
        if employee.user_id
        else []
    )
    events = audit_events_about(employee)
    return {
        "employee": employee,
        "profile": profile_rows(employee),
        "assignments": assignments,
        "corrections": corrections,
        "grants": grants,
        "events": [event_row(e, subject_user_id=employee.user_id) for e in events],
    }


def my_data_json(data: dict[str, Any]) -> dict[str, Any]:
    """The JSON download: plain values only."""
    employee = data["employee"]
    return {
        "format": "penata.my_data.v1",
        "employee": {row["field"]: _plain(row["value"]) for row in data["profile"]},
        "personal_data_classes": {row["field"]: row["class"] for row in data["profile"]},
        "assignments": [
            {
                "position": a.position.title,
                "unit": a.position.unit.name,
                "start": _plain(a.start),
                "end": _plain(a.end),
                "sk_number": a.sk_number,
                "acting": a.acting,
            }
            for a in data["assignments"]
        ],
        "correction_requests": [
            {
                "id": c.pk,
                "field": c.field,
                "old_value": c.old_value,
                "new_value": c.new_value,
                "reason": c.reason,
                "status": c.status,
                "requested_at": _plain(c.requested_at),
                "decided_at": _plain(c.decided_at),
                "decision_note": c.decision_note,
                "has_attachment": bool(c.attachment),
            }
            for c in data["corrections"]
        ],
        "role_grants": [
            {
                "role": g.role,
                "instansi": g.instansi.name,
                "unit": g.unit.name if g.unit else None,
                "granted_at": _plain(g.granted_at),
            }
            for g in data["grants"]
        ],
        "audit_events": [{**row, "at": _plain(row["at"])} for row in data["events"]],
        "nip": employee.nip,
    }


def my_data_sheets(data: dict[str, Any]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The xlsx download: (sheet name, header, rows) per sheet."""
    plain = my_data_json(data)
    return [
        (
            gettext("Profil"),
            [gettext("Data"), gettext("Nilai"), gettext("Kelas data pribadi")],
            [[r["label"], _plain(r["value"]), r["class"]] for r in data["profile"]],
        ),
        (
            gettext("Riwayat jabatan"),
            [
                gettext("Jabatan"),
                gettext("Unit"),
                "TMT",
                gettext("Sampai"),
                gettext("Nomor SK"),
                "Plt/Plh",
            ],
            [
                [a["position"], a["unit"], a["start"], a["end"], a["sk_number"], a["acting"]]
                for a in plain["assignments"]
            ],
        ),
        (
            gettext("Permohonan koreksi"),
            [
                gettext("Data"),
                gettext("Nilai lama"),
                gettext("Nilai baru"),
                gettext("Alasan"),
                gettext("Status"),
                gettext("Diajukan"),
                gettext("Diputuskan"),
                gettext("Catatan"),
            ],
            [
                [
                    label_of(c["field"]),
                    c["old_value"],
                    c["new_value"],
                    c["reason"],
                    c["status"],
                    c["requested_at"],
                    c["decided_at"],
                    c["decision_note"],
                ]
                for c in plain["correction_requests"]
            ],
        ),
        (
            gettext("Peran"),
            [gettext("Peran"), gettext("Instansi"), gettext("Unit"), gettext("Diberikan")],
            [[g["role"], g["instansi"], g["unit"], g["granted_at"]] for g in plain["role_grants"]],
        ),
        (
            gettext("Akses dan perubahan"),
            [
                gettext("Waktu"),
                gettext("Oleh"),
                gettext("Kejadian"),
                gettext("Data"),
                gettext("Melalui"),
                gettext("Alamat IP"),
            ],
            [
                [e["at"], e["actor"], e["action_label"], ", ".join(e["fields"]), e["via"], e["ip"]]
                for e in plain["audit_events"]
            ],
        ),
    ]
