"""Duties (uraian tugas): keyed by position (unit code + title) + the statement, compared with
runs of whitespace folded. Positions must exist already. Duties absent from the file stay."""

from __future__ import annotations

from typing import Any

from penata.org.models import Duty
from penata.people.imports.columns import KEEP, SHEETS
from penata.people.imports.engine import (
    BATCH,
    Context,
    Importer,
    Plan,
    batches,
    changed_fields,
    write_progress,
)
from penata.people.imports.inserting import insert_rows
from penata.people.imports.kinds.positions import position_keys

FIELDS = ("statement", "output_unit", "volume", "period", "time_norm_minutes", "sort_order")
DEFAULTS: dict[str, Any] = {"period": "year", "sort_order": 0}


def statement_key(text: str) -> str:
    return " ".join(text.split())


class DutyImporter(Importer):
    sheet = SHEETS["duties"]
    model_label = "org.duty"

    def key_of(self, values: dict[str, Any]) -> tuple[Any, ...]:
        statement = values.get("statement")
        return (
            values.get("unit_code"),
            values.get("position_title"),
            statement_key(statement) if isinstance(statement, str) else statement,
        )

    def key_text(self, key: tuple[Any, ...]) -> str:
        statement = str(key[2])
        short = statement if len(statement) <= 60 else statement[:57] + "…"
        return f"{key[0]} / {key[1]} / {short}"

    def plan(self, ctx: Context, rows: list[Any]) -> Plan:
        instansi_id = ctx.instansi.pk
        by_key, _ = position_keys(instansi_id)
        existing: dict[tuple[int, str], dict[str, Any]] = {}
        for duty in (
            Duty.objects.filter(instansi_id=instansi_id, position__valid_to__isnull=True)
            .order_by("id")
            .values("id", "position_id", *FIELDS)
        ):
            existing.setdefault((duty["position_id"], statement_key(duty["statement"])), duty)
        plan = Plan()
        creates: list[dict[str, Any]] = []
        updates: dict[frozenset[str], list[Duty]] = {}
        for row in rows:
            values = row.values
            position_id = by_key.get((values["unit_code"], values["position_title"]))
            if position_id is None:
                ctx.problem(
                    row.number,
                    "position_title",
                    "ref.unknown_position",
                    f"Jabatan '{values['position_title']}' di unit {values['unit_code']} "
                    "tidak ada. Impor jabatan terlebih dahulu.",
                )
                continue
            new = {f: values.get(f, KEEP) for f in FIELDS}
            old = existing.get((position_id, row.key[2]))
            text_key = self.key_text(row.key)
            if old is None:
                plan.note(row.number, text_key, None)
                fields = {f: DEFAULTS.get(f) if new[f] is KEEP else new[f] for f in FIELDS}
                creates.append({"position_id": position_id, **fields})
                continue
            diff = changed_fields(old, new)
            plan.note(row.number, text_key, diff)
            if diff:
                merged = {f: old[f] if new[f] is KEEP else new[f] for f in FIELDS}
                obj = Duty(id=old["id"], instansi_id=instansi_id, position_id=position_id, **merged)
                updates.setdefault(frozenset(diff), []).append(obj)
        plan.payload = {"creates": creates, "updates": updates}
        return plan

    def apply(self, ctx: Context, plan: Plan) -> None:
        instansi_id = ctx.instansi.pk
        creates = plan.payload["creates"]
        updates: dict[frozenset[str], list[Duty]] = plan.payload["updates"]
        total = len(creates) + sum(len(v) for v in updates.values())
        done = 0
        for chunk in batches(creates, BATCH):
            insert_rows(
                Duty,
                ("instansi_id", "position_id", *FIELDS),
                [(instansi_id, item["position_id"], *[item[f] for f in FIELDS]) for item in chunk],
            )
            done += len(chunk)
            write_progress(ctx, done, total)
        for names, objs in updates.items():
            for chunk in batches(objs, 500):
                Duty.objects.bulk_update(chunk, sorted(names))
                done += len(chunk)
                write_progress(ctx, done, total)
