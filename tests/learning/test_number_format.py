"""The 9-box setting checks name the numbers as the reader's language writes them: 99,5% in
Indonesian, 99.5% in English."""

from __future__ import annotations

from decimal import Decimal as D

from django.utils import translation

from penata.learning.rules import talent_setting_errors

SOUND = {
    "kinerja_middle": D("60"),
    "kinerja_high": D("80"),
    "potensial_middle": D("60"),
    "potensial_high": D("80"),
    "kinerja_weight": D("50"),
    "potensial_weight": D("50"),
}


def _messages(**values: D) -> list[str]:
    return [message for _field, message in talent_setting_errors("default", SOUND | values)]


def test_weights_that_do_not_add_up_in_both_languages():
    indonesian = _messages(potensial_weight=D("49.5"))
    with translation.override("en"):
        english = _messages(potensial_weight=D("49.5"))

    assert indonesian == ["Bobot kinerja dan bobot potensial harus berjumlah 100%, sekarang 99,5%."]
    assert english == ["Bobot kinerja dan bobot potensial harus berjumlah 100%, sekarang 99.5%."]


def test_cut_offs_in_both_languages():
    values = {"kinerja_middle": D("72.5"), "kinerja_high": D("70.25")}
    indonesian = _messages(**values)
    with translation.override("en"):
        english = _messages(**values)

    assert indonesian == [
        "Batas kinerja di atas ekspektasi (70,25) tidak boleh lebih rendah dari batas kinerja "
        "sesuai ekspektasi (72,5)."
    ]
    assert english == [
        "Batas kinerja di atas ekspektasi (70.25) tidak boleh lebih rendah dari batas kinerja "
        "sesuai ekspektasi (72.5)."
    ]


def test_out_of_range_value_in_both_languages():
    indonesian = _messages(kinerja_high=D("100.5"))
    with translation.override("en"):
        english = _messages(kinerja_high=D("100.5"))

    assert indonesian == ["Batas kinerja di atas ekspektasi harus antara 0 dan 100, bukan 100,5."]
    assert english == ["Batas kinerja di atas ekspektasi harus antara 0 dan 100, bukan 100.5."]
