"""9-box placement of every employee for a period, from SKP predikat and potential."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from penata.core.audit import record
from penata.learning import rules
from penata.learning.access import require_admin
from penata.learning.adapters import skp_predikats
from penata.learning.models import TalentPlacement
from penata.learning.selectors import potensial_scores
from penata.org.models import Instansi
from penata.people.models import Employee


@transaction.atomic
def talent_place(
    *,
    actor: Any,
    instansi: Instansi,
    year: int,
    config: rules.TalentConfig = rules.DEFAULT_TALENT_CONFIG,
) -> dict[str, int]:
    """Place every active employee with an SKP predikat for `year` and a potential score on
    the 9-box; re-running replaces the period's placements.

    Kinerja comes from the predikat alone, so it uses the predikat's own level (SB di atas,
    B sesuai, the rest di bawah); potential is the latest assessment's potential score, else
    the Job-Person Match against the current position. Employees lacking either are skipped
    and counted. Returns {"placed", "no_predikat", "no_potential"}.
    """
    require_admin(actor)
    summary = place_all(instansi=instansi, year=year, config=config)
    record(
        actor=actor,
        action="learning.talent_place",
        instansi_id=instansi.pk,
        object_type="learning.talentplacement",
        object_id=year,
        extra=summary,
    )
    return summary


def place_all(
    *, instansi: Instansi, year: int, config: rules.TalentConfig = rules.DEFAULT_TALENT_CONFIG
) -> dict[str, int]:
    """The placement itself, without permission check or audit (callers do both)."""
    ids = list(
        Employee.objects.filter(instansi=instansi, status="aktif").values_list("pk", flat=True)
    )
    predikats = skp_predikats(ids, year)
    potentials = potensial_scores(ids, year)
    rows = []
    no_predikat = no_potential = 0
    for employee_id in ids:
        predikat = predikats.get(employee_id)
        potential = potentials.get(employee_id)
        if predikat is None:
            no_predikat += 1
            continue
        if potential is None:
            no_potential += 1
            continue
        kinerja = rules.kinerja_level_of_predikat(predikat)
        potensial = rules.potensial_level(potential, config)
        rows.append(
            TalentPlacement(
                instansi=instansi,
                employee_id=employee_id,
                year=year,
                predikat=predikat,
                kinerja_level=kinerja,
                potensial_score=potential,
                potensial_level=potensial,
                box=rules.box_of(kinerja, potensial),
            )
        )
    TalentPlacement.objects.filter(instansi=instansi, year=year).delete()
    TalentPlacement.objects.bulk_create(rows, batch_size=2000)
    return {"placed": len(rows), "no_predikat": no_predikat, "no_potential": no_potential}
