"""Employees: keyed by NIP within the instansi; checked against the NIP rules (birth date and
sex must match what the NIP encodes), the golongan scheme of the employee kind and the NIK
rules. Optionally the current position (unit code + title, TMT jabatan, SK number, Plt/Plh):
a new definitive position closes the previous definitive assignment the day before."""

from __future__ import annotations

import datetime as dt
from typing import Any

from penata.people.imports.columns import KEEP, SHEETS
from penata.people.imports.engine import (
    BATCH,
    Context,
    Importer,
    ParsedRow,
    Plan,
    batches,
    blank,
    changed_fields,
    write_progress,
)
from penata.people.imports.kinds.positions import position_keys
from penata.people.models import Assignment, Employee
from penata.people.rules import (
    RuleError,
    golongan_for,
    nip_mismatches,
    normalize_nip,
    parse_nik,
    parse_nip,
)

FIELDS = (
    "name", "front_title", "back_title", "birth_date", "sex", "kind", "golongan",
    "tmt_golongan", "education", "education_major", "status", "nik", "email", "phone",
)  # fmt: skip
DEFAULTS: dict[str, Any] = {
    "front_title": "", "back_title": "", "tmt_golongan": None, "education_major": "",
    "status": "aktif", "nik": "", "email": "", "phone": "",
}  # fmt: skip
ASSIGNMENT_FIELDS = ("assignment_start", "sk_number", "acting")


class EmployeeImporter(Importer):
    sheet = SHEETS["employees"]
    model_label = "people.employee"

    def check_row(self, ctx: Context, row: ParsedRow) -> None:
        values, number = row.values, row.number
        kind = values.get("kind")
        raw_nip = values.get("nip")
        if isinstance(raw_nip, str) and raw_nip:
            try:
                decoded = parse_nip(raw_nip, kind=kind if isinstance(kind, str) else None)
            except RuleError as exc:
                ctx.problem(number, "nip", exc.code, exc.message)
                values["nip"] = normalize_nip(raw_nip)
            else:
                values["nip"] = decoded.nip
                birth, sex = values.get("birth_date", KEEP), values.get("sex", KEEP)
                for error in nip_mismatches(
                    decoded,
                    birth_date=None if birth is KEEP else birth,
                    sex=None if sex is KEEP else sex,
                ):
                    column = "birth_date" if error.code == "nip.birth_date_mismatch" else "sex"
                    ctx.problem(number, column, error.code, error.message)
                if birth is KEEP:
                    values["birth_date"] = decoded.birth_date
                if sex is KEEP:
                    values["sex"] = decoded.sex
        golongan = values.get("golongan")
        if isinstance(kind, str) and isinstance(golongan, str) and golongan:
            try:
                values["golongan"] = golongan_for(kind, golongan).label
            except RuleError as exc:
                ctx.problem(number, "golongan", exc.code, exc.message)
        nik = values.get("nik")
        if isinstance(nik, str) and nik:
            try:
                parse_nik(nik)
            except RuleError as exc:
                ctx.problem(number, "nik", exc.code, exc.message)
        unit, title = values.get("unit_code"), values.get("position_title")
        if blank(unit) != blank(title):
            ctx.problem(
                number,
                "position_title" if blank(title) else "unit_code",
                "cell.required",
                "Isi Kode Unit dan Nama Jabatan bersama-sama, atau kosongkan keduanya.",
            )
        elif not blank(unit) and values.get("assignment_start") in (None, KEEP):
            ctx.problem(
                number,
                "assignment_start",
                "cell.required",
                "TMT Jabatan wajib diisi bila jabatan diisi.",
            )

    def plan(self, ctx: Context, rows: list[ParsedRow]) -> Plan:
        instansi_id = ctx.instansi.pk
        existing = {
            e["nip"]: e
            for e in Employee.objects.filter(instansi_id=instansi_id).values("id", "nip", *FIELDS)
        }
        has_position = "unit_code" in ctx.present and "position_title" in ctx.present
        by_key: dict[tuple[str, str], int] = {}
        key_of: dict[int, tuple[str, str]] = {}
        current: dict[int, list[dict[str, Any]]] = {}
        if has_position:
            by_key, key_of = position_keys(instansi_id)
            for a in Assignment.objects.filter(instansi_id=instansi_id, end__isnull=True).values(
                "id", "employee_id", "position_id", "start", "sk_number", "acting"
            ):
                current.setdefault(a["employee_id"], []).append(dict(a))
        plan = Plan()
        creates: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
        updates: dict[frozenset[str], list[Employee]] = {}
        new_assignments: list[tuple[str | int, dict[str, Any]]] = []
        closes: list[Assignment] = []
        changed_assignments: list[Assignment] = []
        for row in rows:
            values = row.values
            nip = values["nip"]
            new = {f: values.get(f, KEEP) for f in FIELDS}
            wanted = None
            if has_position and not blank(values.get("unit_code")):
                position_id = by_key.get((values["unit_code"], values["position_title"]))
                if position_id is None:
                    ctx.problem(
                        row.number,
                        "position_title",
                        "ref.unknown_position",
                        f"Jabatan '{values['position_title']}' di unit {values['unit_code']} "
                        "tidak ada. Impor unit dan jabatan terlebih dahulu.",
                    )
                    continue
                wanted = {
                    "position_id": position_id,
                    "start": values["assignment_start"],
                    "sk_number": values.get("sk_number", KEEP),
                    "acting": values.get("acting", KEEP),
                }
            old = existing.get(nip)
            if old is None:
                plan.note(row.number, nip, None)
                fields = {f: DEFAULTS.get(f) if new[f] is KEEP else new[f] for f in FIELDS}
                creates.append(({"nip": nip, **fields}, wanted))
                continue
            diff = changed_fields(old, new)
            if diff:
                merged = {f: old[f] if new[f] is KEEP else new[f] for f in FIELDS}
                updates.setdefault(frozenset(diff), []).append(
                    Employee(id=old["id"], instansi_id=instansi_id, nip=nip, **merged)
                )
            if wanted is not None:
                held = current.get(old["id"], [])
                same = next((a for a in held if a["position_id"] == wanted["position_id"]), None)
                if same is not None:
                    proposed = {"start": wanted["start"]}
                    for name in ("sk_number", "acting"):
                        if wanted[name] is not KEEP:
                            proposed[name] = wanted[name]
                    assignment_diff = changed_fields(same, proposed)
                    if assignment_diff:
                        merged_a = {**same, **proposed}
                        changed_assignments.append(
                            Assignment(id=same["id"], start=merged_a["start"],
                                       sk_number=merged_a["sk_number"], acting=merged_a["acting"])
                        )  # fmt: skip
                        for name, change in assignment_diff.items():
                            diff["assignment_start" if name == "start" else name] = change
                else:
                    start: dt.date = wanted["start"]
                    acting = "" if wanted["acting"] is KEEP else wanted["acting"]
                    if not acting:
                        for held_one in held:
                            if held_one["acting"]:
                                continue
                            end = start - dt.timedelta(days=1)
                            if end < held_one["start"]:
                                ctx.problem(
                                    row.number,
                                    "assignment_start",
                                    "assignment.start_before_current",
                                    f"TMT jabatan baru ({start:%d-%m-%Y}) tidak boleh sebelum "
                                    f"TMT jabatan saat ini ({held_one['start']:%d-%m-%Y}).",
                                )
                                continue
                            closes.append(Assignment(id=held_one["id"], end=end))
                    before = " / ".join(key_of[held[0]["position_id"]]) if held else None
                    diff["position_title"] = (before, f"{values['unit_code']} / "
                                                      f"{values['position_title']}")  # fmt: skip
                    new_assignments.append((old["id"], {**wanted, "acting": acting}))
            plan.note(row.number, nip, diff)
        plan.payload = {
            "creates": creates,
            "updates": updates,
            "new_assignments": new_assignments,
            "closes": closes,
            "changed_assignments": changed_assignments,
        }
        return plan

    def apply(self, ctx: Context, plan: Plan) -> None:
        instansi_id = ctx.instansi.pk
        payload = plan.payload
        creates: list[tuple[dict[str, Any], dict[str, Any] | None]] = payload["creates"]
        updates: dict[frozenset[str], list[Employee]] = payload["updates"]
        total = len(creates) + sum(len(v) for v in updates.values())
        done = 0
        assignments: list[Assignment] = []
        for chunk in batches(creates, BATCH):
            objs = [Employee(instansi_id=instansi_id, **fields) for fields, _ in chunk]
            Employee.objects.bulk_create(objs)
            for obj, (_, wanted) in zip(objs, chunk, strict=True):
                if wanted is not None:
                    assignments.append(self._assignment(instansi_id, obj.pk, wanted))
            done += len(chunk)
            write_progress(ctx, done, total)
        for names, objs in updates.items():
            for chunk in batches(objs, 500):
                Employee.objects.bulk_update(chunk, sorted(names))
                done += len(chunk)
                write_progress(ctx, done, total)
        for chunk in batches(payload["closes"], 500):
            Assignment.objects.bulk_update(chunk, ["end"])
        for chunk in batches(payload["changed_assignments"], 500):
            Assignment.objects.bulk_update(chunk, ["start", "sk_number", "acting"])
        assignments.extend(
            self._assignment(instansi_id, employee_id, wanted)
            for employee_id, wanted in payload["new_assignments"]
        )
        for chunk in batches(assignments, BATCH):
            Assignment.objects.bulk_create(chunk)

    @staticmethod
    def _assignment(instansi_id: int, employee_id: Any, wanted: dict[str, Any]) -> Assignment:
        return Assignment(
            instansi_id=instansi_id,
            employee_id=employee_id,
            position_id=wanted["position_id"],
            start=wanted["start"],
            sk_number="" if wanted["sk_number"] is KEEP else wanted["sk_number"],
            acting="" if wanted["acting"] is KEEP else wanted["acting"],
        )
