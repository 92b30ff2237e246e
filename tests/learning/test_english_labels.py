"""JP status, 9-box labels and follow-ups read in English when English is active; stored codes
and the Indonesian defaults are unchanged."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from penata.learning import rules


def test_nine_box_labels_in_english():
    with translation.override("en"):
        top, middle = rules.box_label(9), rules.box_label(2)
        actions = [str(a) for a in rules.BOX_ACTIONS[9]]
        preset = str(rules.TALENT_PRESET_LABELS["default"])

    assert top == "Performance Above Expectations, potential High"
    assert middle == "Performance Meets Expectations, potential Low"
    assert actions[0] == "Promoted and retained"
    assert preset.startswith("Default: performance from the SKP rating")
    assert rules.box_label(9) == "Kinerja Di Atas Ekspektasi, potensial Tinggi"


def test_jp_status_label_in_english():
    behind = rules.jp_compliance(0, year=2026, on=dt.date(2026, 6, 1))

    with translation.override("en"):
        label = str(behind.status_label)

    assert behind.status == "tertinggal"
    assert label == "Behind schedule"
    assert behind.status_label == "Tertinggal"
