"""Employees: keyed by NIP within the instansi; checked against the NIP rules (birth date and
sex must match what the NIP encodes), the golongan scheme of the employee kind and the NIK
rules. Optionally the current position (unit code + title, TMT jabatan, SK number, Plt/Plh):
a new definitive position closes the previous definitive assignment the day before."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

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
from penata.people.imports.inserting import insert_rows
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
ASSIGNMENT_COLUMNS = (
    "instansi_id", "employee_id", "position_id", "start", "end", "sk_number", "acting",
)  # fmt: skip


class Held(NamedTuple):
    """A current assignment as stored."""

    id: int
    position_id: int
    start: dt.date
    sk_number: str
    acting: str


class Wanted(NamedTuple):
    """The current assignment a row asks for (`sk_number`/`acting` may be KEEP)."""

    position_id: int
    start: dt.date
    sk_number: Any
    acting: Any


class EmployeeImporter(Importer):
    sheet = SHEETS["employees"]
    model_label = "people.employee"

    def key_of(self, values: dict[str, Any]) -> tuple[Any, ...]:
        return (values.get("nip"),)

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
        # Tuples, not dicts: at 100,000 employees the difference is ~100 MB.
        existing: dict[str, tuple[Any, ...]] = {
            e[1]: e
            for e in Employee.objects.filter(instansi_id=instansi_id).values_list(
                "id", "nip", *FIELDS
            )
        }
        has_position = "unit_code" in ctx.present and "position_title" in ctx.present
        by_key: dict[tuple[str, str], int] = {}
        key_of: dict[int, tuple[str, str]] = {}
        current: dict[int, list[Held]] = {}
        if has_position:
            by_key, key_of = position_keys(instansi_id)
            for a in Assignment.objects.filter(
                instansi_id=instansi_id, end__isnull=True
            ).values_list("employee_id", "id", "position_id", "start", "sk_number", "acting"):
                current.setdefault(a[0], []).append(Held(*a[1:]))
        plan = Plan()
        creates: list[tuple[dict[str, Any], Wanted | None]] = []
        updates: dict[frozenset[str], list[Employee]] = {}
        new_assignments: list[tuple[int, Wanted]] = []
        closes: list[Assignment] = []
        changed_assignments: list[Assignment] = []
        indexed = list(enumerate(FIELDS, start=2))
        for row in rows:
            values = row.values
            nip = values["nip"]
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
                wanted = Wanted(
                    position_id,
                    values["assignment_start"],
                    values.get("sk_number", KEEP),
                    values.get("acting", KEEP),
                )
            old = existing.get(nip)
            if old is None:
                plan.note(row.number, nip, None)
                for name, default in DEFAULTS.items():
                    if values.get(name, KEEP) is KEEP:
                        values[name] = default
                creates.append((values, wanted))
                continue
            diff: dict[str, tuple[Any, Any]] = {}
            for i, name in indexed:
                value = values.get(name, KEEP)
                if value is not KEEP and old[i] != value:
                    diff[name] = (old[i], value)
            if diff:
                merged = {
                    name: old[i] if values.get(name, KEEP) is KEEP else values[name]
                    for i, name in indexed
                }
                updates.setdefault(frozenset(diff), []).append(
                    Employee(id=old[0], instansi_id=instansi_id, nip=nip, **merged)
                )
            if wanted is not None:
                held = current.get(old[0], [])
                same = next((a for a in held if a.position_id == wanted.position_id), None)
                if same is not None:
                    sk_number, acting = wanted.sk_number, wanted.acting
                    proposed = {
                        "start": wanted.start,
                        "sk_number": same.sk_number if sk_number is KEEP else sk_number,
                        "acting": same.acting if acting is KEEP else acting,
                    }
                    before = {
                        "start": same.start,
                        "sk_number": same.sk_number,
                        "acting": same.acting,
                    }
                    assignment_diff = changed_fields(before, proposed)
                    if assignment_diff:
                        changed_assignments.append(Assignment(id=same.id, **proposed))
                        for name, change in assignment_diff.items():
                            diff["assignment_start" if name == "start" else name] = change
                else:
                    acting = "" if wanted.acting is KEEP else wanted.acting
                    if not acting:
                        for held_one in held:
                            if held_one.acting:
                                continue
                            end = wanted.start - dt.timedelta(days=1)
                            if end < held_one.start:
                                ctx.problem(
                                    row.number,
                                    "assignment_start",
                                    "assignment.start_before_current",
                                    f"TMT jabatan baru ({wanted.start:%d-%m-%Y}) tidak boleh "
                                    f"sebelum TMT jabatan saat ini ({held_one.start:%d-%m-%Y}).",
                                )
                                continue
                            closes.append(Assignment(id=held_one.id, end=end))
                    previous = " / ".join(key_of[held[0].position_id]) if held else None
                    diff["position_title"] = (
                        previous,
                        f"{values['unit_code']} / {values['position_title']}",
                    )
                    new_assignments.append((old[0], wanted._replace(acting=acting)))
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
        creates: list[tuple[dict[str, Any], Wanted | None]] = payload["creates"]
        updates: dict[frozenset[str], list[Employee]] = payload["updates"]
        total = len(creates) + sum(len(v) for v in updates.values())
        done = 0
        for chunk in batches(creates, BATCH):
            insert_rows(
                Employee,
                ("instansi_id", "nip", *FIELDS),
                [(instansi_id, fields["nip"], *[fields[f] for f in FIELDS]) for fields, _ in chunk],
            )
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
        assignments = list(payload["new_assignments"])
        if any(wanted is not None for _, wanted in creates):
            # New employees' ids, read back in one query (inserted without RETURNING).
            id_of = dict(Employee.objects.filter(instansi_id=instansi_id).values_list("nip", "id"))
            assignments += [
                (id_of[fields["nip"]], wanted) for fields, wanted in creates if wanted is not None
            ]
        insert_rows(
            Assignment,
            ASSIGNMENT_COLUMNS,
            [
                (instansi_id, employee_id, wanted.position_id, wanted.start, None,
                 "" if wanted.sk_number is KEEP else wanted.sk_number,
                 "" if wanted.acting is KEEP else wanted.acting)
                for employee_id, wanted in assignments
            ],
        )  # fmt: skip
