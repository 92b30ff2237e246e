"""Reads of the 9-box configuration of a period: the stored setting and the rules' config
it stands for (the default configuration where an admin chose none)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from penata.learning import rules
from penata.learning.models import TalentSetting
from penata.org.models import Instansi

HUNDRED = Decimal(100)


def talent_setting_get(instansi: Instansi, year: int) -> TalentSetting | None:
    return (
        TalentSetting.objects.filter(instansi=instansi, year=year)
        .select_related("updated_by")
        .first()
    )


def talent_config_of(setting: TalentSetting | None) -> rules.TalentConfig:
    """The rules' configuration a stored setting stands for; default without one."""
    if setting is None:
        return rules.DEFAULT_TALENT_CONFIG
    return rules.talent_config_from(
        setting.preset,
        kinerja_cutoffs=rules.Cutoffs(setting.kinerja_middle, setting.kinerja_high),
        potensial_cutoffs=rules.Cutoffs(setting.potensial_middle, setting.potensial_high),
        talent_weights=(setting.kinerja_weight / HUNDRED, setting.potensial_weight / HUNDRED),
    )


def talent_config_for(instansi: Instansi, year: int) -> rules.TalentConfig:
    return talent_config_of(talent_setting_get(instansi, year))


# The fields an admin sets (the form's and the API's), in the order they are shown.
SETTING_FIELDS = ("preset", *rules.TALENT_SETTING_FIELDS)


def talent_setting_values(setting: TalentSetting | None) -> dict[str, Any]:
    """The values an admin sees for a period: the stored ones, else the default
    configuration's (weights in percent)."""
    if setting is not None:
        return {name: getattr(setting, name) for name in SETTING_FIELDS}
    config = rules.DEFAULT_TALENT_CONFIG
    return {
        "preset": "default",
        "kinerja_middle": config.kinerja_cutoffs.middle,
        "kinerja_high": config.kinerja_cutoffs.high,
        "potensial_middle": config.potensial_cutoffs.middle,
        "potensial_high": config.potensial_cutoffs.high,
        "kinerja_weight": config.talent_weights[0] * HUNDRED,
        "potensial_weight": config.talent_weights[1] * HUNDRED,
    }
