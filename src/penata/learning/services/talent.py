"""9-box placement of every employee for a period, from SKP predikat and potential."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from penata.core.audit import record, snapshot
from penata.core.errors import ValidationFailed
from penata.learning import rules
from penata.learning.access import require_admin
from penata.learning.adapters import skp_predikats
from penata.learning.models import TalentPlacement, TalentSetting
from penata.learning.ninebox import SETTING_FIELDS, talent_config_for, talent_config_of
from penata.learning.selectors import potensial_scores
from penata.org.models import Instansi
from penata.people.models import Employee


@transaction.atomic
def talent_place(
    *,
    actor: Any,
    instansi: Instansi,
    year: int,
    config: rules.TalentConfig | None = None,
) -> dict[str, int]:
    """Place every active employee with an SKP predikat for `year` and a potential score on
    the 9-box; re-running replaces the period's placements.

    Kinerja comes from the predikat alone, so it uses the predikat's own level (SB di atas,
    B sesuai, the rest di bawah); potential is the latest assessment's potential score, else
    the Job-Person Match against the current position. Employees lacking either are skipped
    and counted. Without `config`, the period's chosen configuration applies (default when
    none). Returns {"placed", "no_predikat", "no_potential"}.
    """
    require_admin(actor)
    if config is None:
        config = talent_config_for(instansi, year)
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


@transaction.atomic
def talent_setting_set(
    *,
    actor: Any,
    instansi: Instansi,
    year: int,
    preset: str,
    kinerja_middle: Decimal,
    kinerja_high: Decimal,
    potensial_middle: Decimal,
    potensial_high: Decimal,
    kinerja_weight: Decimal,
    potensial_weight: Decimal,
) -> tuple[TalentSetting, dict[str, int]]:
    """Choose the 9-box configuration of a period (preset, cut-offs, talent-score weights in
    percent), then re-place the period's employees with it. Audited; refused values change
    nothing and name their field in `extra["errors"]`."""
    require_admin(actor)
    values = {
        "kinerja_middle": kinerja_middle,
        "kinerja_high": kinerja_high,
        "potensial_middle": potensial_middle,
        "potensial_high": potensial_high,
        "kinerja_weight": kinerja_weight,
        "potensial_weight": potensial_weight,
    }
    errors = rules.talent_setting_errors(preset, values)
    if errors:
        raise ValidationFailed(
            "learning.talent_setting",
            " ".join(message for _, message in errors),
            extra={"errors": [{"field": f, "message": m} for f, m in errors]},
        )
    setting = TalentSetting.objects.select_for_update().filter(instansi=instansi, year=year).first()
    before = snapshot(setting, SETTING_FIELDS) if setting is not None else None
    if setting is None:
        setting = TalentSetting(instansi=instansi, year=year)
    setting.preset = preset
    for name, value in values.items():
        setattr(setting, name, value)
    setting.updated_by = actor
    config = talent_config_of(setting)
    setting.save()
    summary = place_all(instansi=instansi, year=year, config=config)
    record(
        actor=actor,
        action="learning.talent_setting_set",
        obj=setting,
        before=before,
        after=snapshot(setting, SETTING_FIELDS),
        extra={"year": year, **summary},
    )
    return setting, summary
