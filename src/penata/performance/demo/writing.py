"""Writing the planned SKPs, RHK, indicators, versions, evaluations and ratings in bulk."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from penata.performance.demo import texts
from penata.performance.demo.bulk import insert
from penata.performance.demo.plans import SkpPlan
from penata.performance.models import (
    BehaviourExpectation,
    Evaluation,
    Indicator,
    Realisation,
    Rhk,
    RhkRating,
    Skp,
    SkpVersion,
)

if TYPE_CHECKING:
    from penata.performance.demo.generate import Generator


def insert_plans(
    gen: Generator,
    skps: dict[int, SkpPlan],
    evaluations: list[tuple[Any, ...]],
    ratings: list[tuple[Any, ...]],
    realisations: list[tuple[Any, ...]],
) -> dict[str, int]:
    inst, now = gen.instansi_id, gen._at(gen.day, 7 * 60)
    approved_at = gen._at(dt.date(gen.year, 1, 20), 9 * 60)
    users = gen.world.users
    skp_rows = []
    for p in skps.values():
        ev = p.evaluator
        is_approved = p.status == "approved"
        skp_rows.append(
            (
                p.id,
                inst,
                p.employee_id,
                gen.year,
                p.position_id,
                p.unit_id,
                p.pd_id,
                p.start,
                dt.date(gen.year, 12, 31),
                "monthly",
                ev.employee_id if ev else None,
                ev.position_id if ev else None,
                ev.acting if ev else "",
                ev.is_fallback if ev else False,
                p.status,
                1 if is_approved else 0,
                texts.RETURN_NOTE if p.status == "returned" else "",
                "",
                gen._at(dt.date(gen.year, 1, 15), 9 * 60)
                if p.status in ("submitted", "approved")
                else None,
                approved_at if is_approved else None,
                users.get(ev.employee_id) if ev and is_approved else None,
                p.predikat,
                p.predikat_label,
                False,
                p.share,
                now,
                now,
            )
        )
    insert(
        Skp,
        [
            "id",
            "instansi_id",
            "employee_id",
            "year",
            "position_id",
            "unit_id",
            "perangkat_daerah_id",
            "start",
            "end",
            "frequency",
            "evaluator_id",
            "evaluator_position_id",
            "evaluator_acting",
            "evaluator_is_fallback",
            "status",
            "version",
            "return_note",
            "revision_reason",
            "submitted_at",
            "approved_at",
            "approved_by_id",
            "predikat",
            "predikat_label",
            "predikat_is_final",
            "realisation_share",
            "created_at",
            "updated_at",
        ],
        skp_rows,
    )
    rhks = [r for p in skps.values() for r in p.rhks]
    insert(
        Rhk,
        [
            "id",
            "instansi_id",
            "skp_id",
            "parent_id",
            "kind",
            "text",
            "sort_order",
            "created_at",
        ],
        [(r.id, inst, r.skp_id, r.parent_id, r.kind, r.text, r.order, now) for r in rhks],
    )
    indicators = [i for r in rhks for i in r.indicators]
    insert(
        Indicator,
        [
            "id",
            "instansi_id",
            "rhk_id",
            "aspect",
            "text",
            "target",
            "unit",
            "realised",
            "realised_on",
            "sort_order",
        ],
        [
            (
                i.id,
                inst,
                i.rhk_id,
                i.aspect,
                i.text,
                Decimal(i.target),
                i.unit,
                i.realised,
                i.realised_on,
                i.order,
            )
            for i in indicators
        ],
    )
    insert(
        SkpVersion,
        [
            "instansi_id",
            "skp_id",
            "number",
            "snapshot",
            "reason",
            "approved_by_id",
            "created_at",
        ],
        versions(gen, skps, approved_at),
    )
    insert(
        BehaviourExpectation,
        ["instansi_id", "skp_id", "value", "text", "created_by_id", "created_at"],
        [
            (
                inst,
                p.id,
                *texts.EXPECTATIONS[p.employee_id % len(texts.EXPECTATIONS)],
                users.get(p.evaluator.employee_id) if p.evaluator else None,
                now,
            )
            for p in skps.values()
            if p.evaluator and p.employee_id % 4 == 0
        ],
    )
    insert(
        Evaluation,
        [
            "id",
            "instansi_id",
            "skp_id",
            "employee_id",
            "perangkat_daerah_id",
            "kind",
            "number",
            "label",
            "start",
            "end",
            "status",
            "hasil_kerja_rating",
            "hasil_kerja_from_org",
            "perilaku_rating",
            "predikat",
            "feedback",
            "perilaku_feedback",
            "jf_jenjang",
            "angka_kredit",
            "submitted_at",
            "rated_at",
            "rated_by_id",
            "finalised_at",
        ],
        evaluations,
    )
    insert(RhkRating, ["instansi_id", "evaluation_id", "rhk_id", "rating", "feedback"], ratings)
    insert(
        Realisation,
        [
            "instansi_id",
            "evaluation_id",
            "indicator_id",
            "employee_id",
            "value",
            "note",
            "evidence_link",
            "evidence_file",
            "evidence_name",
            "updated_at",
            "updated_by_id",
        ],
        realisations,
    )
    return {
        "skps": len(skp_rows),
        "rhks": len(rhks),
        "indicators": len(indicators),
        "evaluations": len(evaluations),
        "ratings": len(ratings),
        "realisations": len(realisations),
    }


def versions(
    gen: Generator, skps: dict[int, SkpPlan], approved_at: dt.datetime
) -> Iterator[tuple[Any, ...]]:
    for p in skps.values():
        if p.status != "approved":
            continue
        snapshot = {
            "year": gen.year,
            "rhk": [
                {
                    "id": r.id,
                    "kind": r.kind,
                    "text": r.text,
                    "parent": {"id": r.parent_id, "text": ""} if r.parent_id else None,
                    "indicators": [
                        {
                            "aspect": i.aspect,
                            "text": i.text,
                            "target": str(i.target),
                            "unit": i.unit,
                        }
                        for i in r.indicators
                    ],
                }
                for r in p.rhks
            ],
            "expectations": [],
        }
        rater = gen.world.users.get(p.evaluator.employee_id) if p.evaluator else None
        yield (gen.instansi_id, p.id, 1, json.dumps(snapshot), "", rater, approved_at)
