"""Competency dictionary, position standards (set, copy, import) and assessments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from penata.core.audit import record
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.learning import rules
from penata.learning.access import is_admin, is_self, require_admin, supervises
from penata.learning.dictionary import DICTIONARY
from penata.learning.models import (
    Assessment,
    AssessmentResult,
    Competency,
    CompetencyLevel,
    CompetencyStandard,
    EmployeeCompetency,
)
from penata.org.models import Instansi, Position
from penata.people.models import Employee


def _fail(code: str, message: str, **extra: Any) -> ValidationFailed:
    return ValidationFailed(code, message, extra)


def _check_level(level: Any, what: str) -> int:
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 5:
        raise _fail("learning.level", f"Level {what} harus bilangan bulat 1–5, bukan {level!r}.")
    return level


@transaction.atomic
def dictionary_seed(*, actor: Any, instansi: Instansi) -> int:
    """Create the 8 managerial competencies and Perekat Bangsa with their five levels.

    Idempotent: existing codes are left as they are. Returns the number created.
    """
    existing = set(Competency.objects.filter(instansi=instansi).values_list("code", flat=True))
    created = 0
    for order, item in enumerate(rules.COMPETENCIES, start=1):
        if item.code in existing:
            continue
        definition, levels = DICTIONARY[item.code]
        competency = Competency.objects.create(
            instansi=instansi,
            code=item.code,
            name=item.name,
            kind=item.kind,
            description=definition,
            sort_order=order,
        )
        CompetencyLevel.objects.bulk_create(
            CompetencyLevel(competency=competency, level=n, description=d, indicators=i)
            for n, (d, i) in enumerate(levels, start=1)
        )
        created += 1
    if created:
        record(
            actor=actor,
            action="learning.dictionary_seed",
            instansi_id=instansi.pk,
            object_type="learning.competency",
            extra={"created": created},
        )
    return created


@transaction.atomic
def competency_create(
    *,
    actor: Any,
    instansi: Instansi,
    code: str,
    name: str,
    description: str = "",
    levels: Iterable[str] = (),
) -> Competency:
    """Add a technical competency of the instansi, with optional level descriptions 1–5."""
    require_admin(actor)
    code = code.strip().lower()
    if not code or not name.strip():
        raise _fail("learning.competency_required", "Kode dan nama kompetensi wajib diisi.")
    if Competency.objects.filter(instansi=instansi, code=code).exists():
        raise _fail("learning.competency_exists", f"Kode kompetensi {code} sudah dipakai.")
    texts = [t.strip() for t in levels]
    if len(texts) > 5:
        raise _fail("learning.level", "Kompetensi punya paling banyak 5 level.")
    competency = Competency.objects.create(
        instansi=instansi,
        code=code,
        name=name.strip(),
        kind=Competency.Kind.TEKNIS,
        description=description.strip(),
        sort_order=100,
    )
    CompetencyLevel.objects.bulk_create(
        CompetencyLevel(competency=competency, level=n, description=t[:255])
        for n, t in enumerate(texts, start=1)
        if t
    )
    record(
        actor=actor,
        action="learning.competency_create",
        obj=competency,
        after={"code": code, "name": competency.name, "kind": competency.kind},
    )
    return competency


def _competencies_by_code(instansi: Instansi) -> dict[str, Competency]:
    return {c.code: c for c in Competency.objects.filter(instansi=instansi)}


def _write_standard(position: Position, levels: Mapping[Competency, int]) -> dict[str, int]:
    before = dict(
        CompetencyStandard.objects.filter(position=position).values_list(
            "competency__code", "required_level"
        )
    )
    CompetencyStandard.objects.filter(position=position).exclude(
        competency__in=list(levels)
    ).delete()
    for competency, level in levels.items():
        CompetencyStandard.objects.update_or_create(
            instansi_id=position.instansi_id,
            position=position,
            competency=competency,
            defaults={"required_level": level},
        )
    return before


@transaction.atomic
def standard_set(*, actor: Any, position: Position, levels: Mapping[str, int]) -> None:
    """Replace the competency standard of `position` (competency code → required level)."""
    require_admin(actor)
    by_code = _competencies_by_code(position.instansi)
    resolved: dict[Competency, int] = {}
    for code, level in levels.items():
        if code not in by_code:
            raise _fail("learning.competency_unknown", f"Kompetensi {code} tidak ada di kamus.")
        resolved[by_code[code]] = _check_level(level, by_code[code].name)
    before = _write_standard(position, resolved)
    record(
        actor=actor,
        action="learning.standard_set",
        obj=position,
        before={"standard": before},
        after={"standard": {c.code: lv for c, lv in resolved.items()}},
    )


@transaction.atomic
def standard_copy(*, actor: Any, source: Position, targets: Iterable[Position]) -> int:
    """Copy the standard of `source` to similar positions (replacing theirs). Returns count."""
    require_admin(actor)
    levels = {
        s.competency: s.required_level
        for s in CompetencyStandard.objects.filter(position=source).select_related("competency")
    }
    if not levels:
        raise _fail("learning.no_standard", "Jabatan sumber belum punya standar kompetensi.")
    count = 0
    for target in targets:
        if target.pk == source.pk:
            continue
        if target.instansi_id != source.instansi_id:
            raise PermissionDenied("Jabatan tujuan berada di instansi lain.")
        before = _write_standard(target, levels)
        record(
            actor=actor,
            action="learning.standard_copy",
            obj=target,
            before={"standard": before},
            after={"standard": {c.code: lv for c, lv in levels.items()}},
            extra={"source_position": source.pk},
        )
        count += 1
    return count


IMPORT_COLUMNS = ("id_jabatan", "kode_kompetensi", "level")


@transaction.atomic
def standard_import(*, actor: Any, instansi: Instansi, path: str | Path) -> dict[str, int]:
    """Import standards from xlsx/csv with columns id_jabatan, kode_kompetensi, level.

    All-or-nothing: any bad row refuses the whole file, naming the row and column. Positions
    named in the file get exactly the rows given for them. Re-importing the same file writes
    nothing. Returns {"positions": n, "changed": m}.
    """
    from penata.core.spreadsheets.reading import open_table

    require_admin(actor)
    table = open_table(path)
    header = [h.strip().lower() for h in table.header]
    missing = [c for c in IMPORT_COLUMNS if c not in header]
    if missing:
        raise _fail(
            "learning.import_columns",
            f"Kolom wajib tidak ada: {', '.join(missing)}.",
            missing=missing,
        )
    index = {c: header.index(c) for c in IMPORT_COLUMNS}
    by_code = _competencies_by_code(instansi)
    positions = {p.pk: p for p in Position.objects.filter(instansi=instansi)}
    wanted: dict[int, dict[Competency, int]] = {}
    for number, cells in table.rows():

        def cell(name: str, cells: list[Any] = cells) -> Any:
            i = index[name]
            return cells[i] if i < len(cells) else None

        if all(v in (None, "") for v in cells):
            continue
        try:
            position_id = int(float(str(cell("id_jabatan")).strip()))
        except ValueError:
            raise _fail(
                "learning.import_row",
                f"Baris {number}, kolom id_jabatan: bukan angka.",
                row=number,
                column="id_jabatan",
            ) from None
        if position_id not in positions:
            raise _fail(
                "learning.import_row",
                f"Baris {number}, kolom id_jabatan: jabatan {position_id} tidak ada.",
                row=number,
                column="id_jabatan",
            )
        code = str(cell("kode_kompetensi") or "").strip().lower()
        if code not in by_code:
            raise _fail(
                "learning.import_row",
                f"Baris {number}, kolom kode_kompetensi: {code!r} tidak ada di kamus.",
                row=number,
                column="kode_kompetensi",
            )
        raw = cell("level")
        try:
            level = int(float(str(raw).strip()))
        except ValueError:
            level = -1
        if not 1 <= level <= 5 or float(str(raw).strip() or 0) != level:
            raise _fail(
                "learning.import_row",
                f"Baris {number}, kolom level: harus bilangan bulat 1–5, bukan {raw!r}.",
                row=number,
                column="level",
            )
        if by_code[code] in wanted.setdefault(position_id, {}):
            raise _fail(
                "learning.import_row",
                f"Baris {number}: kompetensi {code} untuk jabatan {position_id} ganda.",
                row=number,
                column="kode_kompetensi",
            )
        wanted[position_id][by_code[code]] = level
    changed = 0
    for position_id, levels in wanted.items():
        current = dict(
            CompetencyStandard.objects.filter(position_id=position_id).values_list(
                "competency_id", "required_level"
            )
        )
        if current == {c.pk: lv for c, lv in levels.items()}:
            continue
        before = _write_standard(positions[position_id], levels)
        record(
            actor=actor,
            action="learning.standard_import",
            obj=positions[position_id],
            before={"standard": before},
            after={"standard": {c.code: lv for c, lv in levels.items()}},
        )
        changed += 1
    return {"positions": len(wanted), "changed": changed}


def _raise_current(
    employee: Employee, levels: Mapping[Competency, int], source: str, on: dt.date, *, only_up: bool
) -> None:
    current = {
        ec.competency_id: ec
        for ec in EmployeeCompetency.objects.select_for_update().filter(employee=employee)
    }
    for competency, level in levels.items():
        row = current.get(competency.pk)
        if row is None:
            EmployeeCompetency.objects.create(
                instansi_id=employee.instansi_id,
                employee=employee,
                competency=competency,
                level=level,
                source=source,
                as_of=on,
            )
        elif (only_up and level > row.level) or (not only_up and on >= row.as_of):
            row.level, row.source, row.as_of = level, source, on
            row.save(update_fields=["level", "source", "as_of"])


@transaction.atomic
def assessment_record(
    *,
    actor: Any,
    employee: Employee,
    source: str,
    assessed_on: dt.date,
    levels: Mapping[str, int],
    potential_score: Decimal | None = None,
    note: str = "",
) -> Assessment:
    """Record an assessment and make it the employee's current level of each competency
    (unless a later assessment already stands; self-assessments are kept but not applied).

    Assessment centre results are entered by admin; self-assessment by the employee;
    supervisor assessment by the direct supervisor (or admin).
    """
    if source == Assessment.Source.SELF:
        if not (is_self(actor, employee) or is_admin(actor)):
            raise PermissionDenied("Penilaian diri hanya diisi oleh pegawai yang bersangkutan.")
    elif source == Assessment.Source.SUPERVISOR:
        if not (supervises(actor, employee) or is_admin(actor)):
            raise PermissionDenied("Penilaian atasan hanya diisi oleh atasan pegawai.")
    elif source == Assessment.Source.ASSESSMENT_CENTRE:
        require_admin(actor)
    else:
        raise _fail("learning.source", f"Sumber penilaian tidak dikenal: {source!r}.")
    if not levels:
        raise _fail("learning.levels_required", "Isi level minimal satu kompetensi.")
    if assessed_on > dt.date.today():
        raise _fail("learning.future_date", "Tanggal penilaian tidak boleh di masa depan.")
    if potential_score is not None and not Decimal(0) <= potential_score <= Decimal(100):
        raise _fail("talent.score", "Nilai potensial harus 0–100.")
    by_code = _competencies_by_code(employee.instansi)
    resolved: dict[Competency, int] = {}
    for code, level in levels.items():
        if code not in by_code:
            raise _fail("learning.competency_unknown", f"Kompetensi {code} tidak ada di kamus.")
        resolved[by_code[code]] = _check_level(level, by_code[code].name)
    assessment = Assessment.objects.create(
        instansi_id=employee.instansi_id,
        employee=employee,
        source=source,
        assessed_on=assessed_on,
        potential_score=potential_score,
        note=note[:255],
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    AssessmentResult.objects.bulk_create(
        AssessmentResult(assessment=assessment, competency=c, level=lv)
        for c, lv in resolved.items()
    )
    # A self-assessment is a reflection, not evidence: it does not change the current record.
    if source != Assessment.Source.SELF:
        _raise_current(employee, resolved, source, assessed_on, only_up=False)
    record(
        actor=actor,
        action="learning.assessment_record",
        obj=assessment,
        after={
            "employee": employee.pk,
            "source": source,
            "assessed_on": str(assessed_on),
            "levels": {c.code: lv for c, lv in resolved.items()},
            "potential_score": None if potential_score is None else str(potential_score),
        },
    )
    return assessment
