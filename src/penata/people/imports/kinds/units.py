"""Units: keyed by code within the instansi; the parent by its code (in the database or in the
same file). The materialised `path`/`depth` are recomputed after every write, so moving a unit
to another parent moves its whole subtree."""

from __future__ import annotations

from typing import Any

from penata.org.models import Unit
from penata.people.imports.columns import KEEP, SHEETS
from penata.people.imports.engine import (
    BATCH,
    Context,
    Importer,
    ParsedRow,
    Plan,
    batches,
    changed_fields,
    write_progress,
)

FIELDS = ("name", "short_name", "kind", "sort_order", "region_code", "valid_from", "legal_basis")


def find_cycles(parent_of: dict[Any, Any], starts: list[Any]) -> set[Any]:
    """The starting nodes whose chain of parents loops back on itself."""
    looping: set[Any] = set()
    for start in starts:
        seen = {start}
        current = parent_of.get(start)
        while current is not None:
            if current in seen:
                looping.add(start)
                break
            seen.add(current)
            current = parent_of.get(current)
    return looping


def recompute_paths(instansi_id: int) -> int:
    """Set `path` ("1/5/23/") and `depth` of every unit of the instansi from its parent chain.

    One query to read, bulk updates for the rows that changed; returns how many changed.
    """
    rows = list(
        Unit.objects.filter(instansi_id=instansi_id).values_list("id", "parent_id", "path", "depth")
    )
    parent = {uid: pid for uid, pid, _, _ in rows}
    computed: dict[int, tuple[str, int]] = {}

    def resolve(uid: int) -> tuple[str, int]:
        chain: list[int] = []
        current: int | None = uid
        while current is not None and current not in computed and current not in chain:
            chain.append(current)
            current = parent.get(current)
        base, depth = computed.get(current, ("", -1)) if current is not None else ("", -1)
        for node in reversed(chain):
            depth += 1
            base = f"{base}{node}/"
            computed[node] = (base, depth)
        return computed[uid]

    changed = []
    for uid, _, path, depth in rows:
        new_path, new_depth = resolve(uid)
        if (new_path, new_depth) != (path, depth):
            changed.append(Unit(id=uid, path=new_path, depth=new_depth))
    for chunk in batches(changed, 500):
        Unit.objects.bulk_update(chunk, ["path", "depth"])
    return len(changed)


class UnitImporter(Importer):
    sheet = SHEETS["units"]
    model_label = "org.unit"

    def check_row(self, ctx: Context, row: ParsedRow) -> None:
        values = row.values
        if values.get("code") and values.get("parent_code") == values.get("code"):
            ctx.problem(
                row.number,
                "parent_code",
                "unit.parent_self",
                "Unit tidak boleh menjadi induk bagi dirinya sendiri.",
            )

    def plan(self, ctx: Context, rows: list[ParsedRow]) -> Plan:
        instansi_id = ctx.instansi.pk
        existing = {
            u["code"]: u
            for u in Unit.objects.filter(instansi_id=instansi_id, valid_to__isnull=True).values(
                "id", "code", "parent_id", *FIELDS
            )
        }
        code_of_id = dict(Unit.objects.filter(instansi_id=instansi_id).values_list("id", "code"))
        has_parent = "parent_code" in ctx.present
        parent_of: dict[str, str | None] = {
            code: code_of_id.get(u["parent_id"]) for code, u in existing.items()
        }
        for row in rows:
            parent_code = row.values.get("parent_code") or None
            if parent_code and parent_code not in existing and (parent_code,) not in ctx.file_keys:
                ctx.problem(
                    row.number,
                    "parent_code",
                    "ref.unknown_unit",
                    f"Unit induk berkode {parent_code} tidak ada, baik di data tersimpan maupun "
                    "di berkas ini.",
                )
            if has_parent:
                parent_of[row.values["code"]] = parent_code
        looping = find_cycles(parent_of, [r.values["code"] for r in rows])
        for row in rows:
            if row.values["code"] in looping:
                ctx.problem(
                    row.number,
                    "parent_code",
                    "unit.cycle",
                    f"Unit {row.values['code']} akan menjadi bawahan dari bawahannya sendiri "
                    "(rantai induk berputar).",
                )

        plan = Plan()
        creates: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for row in rows:
            values = row.values
            code = values["code"]
            new = {f: values.get(f, KEEP) for f in FIELDS}
            if has_parent:
                new["parent_code"] = values.get("parent_code") or None
            old = existing.get(code)
            if old is None:
                plan.note(row.number, code, None)
                creates.append({"code": code, **new})
                continue
            current = {**old, "parent_code": code_of_id.get(old["parent_id"])}
            diff = changed_fields(current, new)
            plan.note(row.number, code, diff)
            if diff:
                merged = {f: current[f] if new[f] is KEEP else new[f] for f in FIELDS}
                updates.append(
                    {"id": old["id"], "code": code, "fields": merged, "changed": set(diff),
                     "parent_code": new.get("parent_code", current["parent_code"])}
                )  # fmt: skip
        plan.payload = {"creates": creates, "updates": updates, "existing": existing}
        return plan

    def apply(self, ctx: Context, plan: Plan) -> None:
        instansi_id = ctx.instansi.pk
        existing: dict[str, dict[str, Any]] = plan.payload["existing"]
        id_of = {code: u["id"] for code, u in existing.items()}
        creates, updates = plan.payload["creates"], plan.payload["updates"]
        total = len(creates) + len(updates)
        new_units = []
        for item in creates:
            parent_code = item.get("parent_code")
            new_units.append(
                Unit(
                    instansi_id=instansi_id,
                    code=item["code"],
                    parent_id=id_of.get(parent_code) if parent_code else None,
                    path="",
                    depth=0,
                    name=item["name"],
                    short_name=item["short_name"] if item["short_name"] is not KEEP else "",
                    kind=item["kind"],
                    sort_order=0 if item["sort_order"] is KEEP else item["sort_order"],
                    region_code=item["region_code"] if item["region_code"] is not KEEP else "",
                    valid_from=ctx.today if item["valid_from"] is KEEP else item["valid_from"],
                    legal_basis=item["legal_basis"] if item["legal_basis"] is not KEEP else "",
                )
            )
        done = 0
        for chunk in batches(new_units, BATCH):
            Unit.objects.bulk_create(chunk)
            done += len(chunk)
            write_progress(ctx, done, total)
        for unit in new_units:
            id_of[unit.code] = unit.pk
        late_parents = []
        for unit, item in zip(new_units, creates, strict=True):
            parent_code = item.get("parent_code")
            if parent_code and unit.parent_id is None:
                unit.parent_id = id_of[parent_code]
                late_parents.append(unit)
        for chunk in batches(late_parents, 500):
            Unit.objects.bulk_update(chunk, ["parent"])
        changed_objs: dict[frozenset[str], list[Unit]] = {}
        for item in updates:
            unit = Unit(id=item["id"], instansi_id=instansi_id, code=item["code"], **item["fields"])
            unit.parent_id = id_of.get(item["parent_code"]) if item["parent_code"] else None
            names = frozenset(
                "parent" if name == "parent_code" else name for name in item["changed"]
            )
            changed_objs.setdefault(names, []).append(unit)
        for names, objs in changed_objs.items():
            for chunk in batches(objs, 500):
                Unit.objects.bulk_update(chunk, sorted(names))
                done += len(chunk)
                write_progress(ctx, done, total)
        recompute_paths(instansi_id)
