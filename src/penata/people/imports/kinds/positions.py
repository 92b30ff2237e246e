"""Positions (peta jabatan rows): keyed by unit code + title; the superior (`reports_to`) by
its unit code + title, in the database or in the same file. Units must exist already."""

from __future__ import annotations

from typing import Any

from penata.org.models import Position, Unit
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
from penata.people.imports.kinds.units import find_cycles

FIELDS = (
    "kind", "jf_jenjang", "kelas_jabatan", "eselon", "is_unit_head", "is_penyetaraan",
    "is_critical", "sort_order", "valid_from", "legal_basis",
)  # fmt: skip
DEFAULTS: dict[str, Any] = {
    "jf_jenjang": "", "kelas_jabatan": None, "eselon": "", "is_unit_head": False,
    "is_penyetaraan": False, "is_critical": False, "sort_order": 0, "legal_basis": "",
}  # fmt: skip
Key = tuple[str, str]


def position_keys(instansi_id: int) -> tuple[dict[Key, int], dict[int, Key]]:
    """(current positions by (unit code, title), every position's key by id) — one query."""
    by_key: dict[Key, int] = {}
    key_of: dict[int, Key] = {}
    for pid, code, title, valid_to in Position.objects.filter(instansi_id=instansi_id).values_list(
        "id", "unit__code", "title", "valid_to"
    ):
        key_of[pid] = (code, title)
        if valid_to is None:
            by_key[(code, title)] = pid
    return by_key, key_of


class PositionImporter(Importer):
    sheet = SHEETS["positions"]
    model_label = "org.position"

    def check_row(self, ctx: Context, row: ParsedRow) -> None:
        values = row.values
        unit, title = values.get("reports_to_unit"), values.get("reports_to_title")
        if blank(unit) != blank(title):
            missing = "reports_to_unit" if blank(unit) else "reports_to_title"
            ctx.problem(
                row.number,
                missing,
                "cell.required",
                "Isi Kode Unit Atasan dan Jabatan Atasan bersama-sama, atau kosongkan keduanya.",
            )
        elif not blank(unit) and (unit, title) == (values.get("unit_code"), values.get("title")):
            ctx.problem(
                row.number,
                "reports_to_title",
                "position.reports_to_self",
                "Jabatan tidak boleh menjadi atasan bagi dirinya sendiri.",
            )
        jenjang = values.get("jf_jenjang")
        if not blank(jenjang) and values.get("kind") not in (None, "fungsional"):
            ctx.problem(
                row.number,
                "jf_jenjang",
                "position.jenjang_not_fungsional",
                "Jenjang JF hanya diisi untuk jabatan fungsional.",
            )

    def plan(self, ctx: Context, rows: list[ParsedRow]) -> Plan:
        instansi_id = ctx.instansi.pk
        unit_ids = dict(
            Unit.objects.filter(instansi_id=instansi_id, valid_to__isnull=True).values_list(
                "code", "id"
            )
        )
        by_key, key_of = position_keys(instansi_id)
        existing = {
            key_of[p["id"]]: p
            for p in Position.objects.filter(instansi_id=instansi_id, valid_to__isnull=True).values(
                "id", "unit_id", "reports_to_id", *FIELDS
            )
        }
        has_superior = "reports_to_unit" in ctx.present and "reports_to_title" in ctx.present
        superior_of: dict[Key, Key | None] = {
            key: key_of.get(p["reports_to_id"]) for key, p in existing.items()
        }
        for row in rows:
            values = row.values
            if values["unit_code"] not in unit_ids:
                ctx.problem(
                    row.number,
                    "unit_code",
                    "ref.unknown_unit",
                    f"Unit berkode {values['unit_code']} tidak ada. Impor unit terlebih dahulu.",
                )
            if has_superior:
                superior = self._superior(values)
                if superior and superior not in by_key and superior not in ctx.file_keys:
                    ctx.problem(
                        row.number,
                        "reports_to_title",
                        "ref.unknown_position",
                        f"Jabatan atasan '{superior[1]}' di unit {superior[0]} tidak ada, baik di "
                        "data tersimpan maupun di berkas ini.",
                    )
                superior_of[row.key] = superior
        for key in find_cycles(superior_of, [r.key for r in rows]):
            number = next(r.number for r in rows if r.key == key)
            ctx.problem(
                number,
                "reports_to_title",
                "position.cycle",
                "Rantai atasan jabatan ini berputar kembali ke jabatan itu sendiri.",
            )

        plan = Plan()
        creates: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for row in rows:
            values = row.values
            new = {f: values.get(f, KEEP) for f in FIELDS}
            if has_superior:
                new["reports_to_title"] = self._superior(values)
            old = existing.get(row.key)
            text_key = self.key_text(row.key)
            if old is None:
                plan.note(row.number, text_key, None)
                creates.append({"key": row.key, **new})
                continue
            current = {**old, "reports_to_title": key_of.get(old["reports_to_id"])}
            diff = changed_fields(current, new)
            plan.note(row.number, text_key, diff)
            if diff:
                merged = {f: current[f] if new[f] is KEEP else new[f] for f in FIELDS}
                updates.append(
                    {"id": old["id"], "unit_id": old["unit_id"], "fields": merged,
                     "changed": set(diff), "superior": new.get("reports_to_title", KEEP)}
                )  # fmt: skip
        plan.payload = {
            "creates": creates,
            "updates": updates,
            "by_key": by_key,
            "unit_ids": unit_ids,
        }
        return plan

    @staticmethod
    def _superior(values: dict[str, Any]) -> Key | None:
        unit, title = values.get("reports_to_unit"), values.get("reports_to_title")
        return None if blank(unit) or blank(title) else (str(unit), str(title))

    def apply(self, ctx: Context, plan: Plan) -> None:
        instansi_id = ctx.instansi.pk
        by_key: dict[Key, int] = dict(plan.payload["by_key"])
        unit_ids: dict[str, int] = plan.payload["unit_ids"]
        creates, updates = plan.payload["creates"], plan.payload["updates"]
        total = len(creates) + len(updates)
        objs = []
        for item in creates:
            fields = {
                f: (DEFAULTS.get(f) if item[f] is KEEP else item[f])
                for f in FIELDS
                if f != "valid_from"
            }
            superior = item.get("reports_to_title")
            objs.append(
                Position(
                    instansi_id=instansi_id,
                    unit_id=unit_ids[item["key"][0]],
                    title=item["key"][1],
                    valid_from=ctx.today if item["valid_from"] is KEEP else item["valid_from"],
                    reports_to_id=by_key.get(superior) if superior else None,
                    **fields,
                )
            )
        done = 0
        for chunk in batches(objs, BATCH):
            Position.objects.bulk_create(chunk)
            done += len(chunk)
            write_progress(ctx, done, total)
        for obj, item in zip(objs, creates, strict=True):
            by_key[item["key"]] = obj.pk
        late = []
        for obj, item in zip(objs, creates, strict=True):
            superior = item.get("reports_to_title")
            if superior and obj.reports_to_id is None:
                obj.reports_to_id = by_key[superior]
                late.append(obj)
        for chunk in batches(late, 500):
            Position.objects.bulk_update(chunk, ["reports_to"])
        grouped: dict[frozenset[str], list[Position]] = {}
        for item in updates:
            obj = Position(id=item["id"], instansi_id=instansi_id, unit_id=item["unit_id"],
                           **item["fields"])  # fmt: skip
            if item["superior"] is not KEEP:
                obj.reports_to_id = by_key[item["superior"]] if item["superior"] else None
            names = frozenset(
                "reports_to" if name == "reports_to_title" else name for name in item["changed"]
            )
            grouped.setdefault(names, []).append(obj)
        for names, group in grouped.items():
            for chunk in batches(group, 500):
                Position.objects.bulk_update(chunk, sorted(names))
                done += len(chunk)
                write_progress(ctx, done, total)
