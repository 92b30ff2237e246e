"""Worked examples of penata.performance.rules (SKP, PermenPAN-RB 6/2022; DOMAIN §4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penata.performance.rules import (
    DEFAULT_COEFFICIENTS,
    DEFAULT_MULTIPLIERS,
    PREDIKAT_LABELS,
    PREDIKATS,
    RATING_LABELS,
    RATINGS,
    AngkaKreditConfig,
    CurveConfig,
    IndicatorRating,
    SkpConfig,
    SkpError,
    Violation,
    angka_kredit,
    distribution_violations,
    elapsed_share,
    evaluation_periods,
    hasil_kerja_rating_from_indicators,
    head_hasil_kerja_rating,
    org_predikat_code,
    period_of,
    predikat_kinerja,
    realisation_vs_elapsed,
)

D = Decimal


# --- Ratings and the predikat matrix --------------------------------------------------------------


def test_rating_levels_and_labels():
    assert RATINGS == ("di_bawah", "sesuai", "di_atas")
    assert dict(RATING_LABELS) == {
        "di_bawah": "Di Bawah Ekspektasi",
        "sesuai": "Sesuai Ekspektasi",
        "di_atas": "Di Atas Ekspektasi",
    }


def test_predikat_codes_and_labels():
    assert dict(PREDIKAT_LABELS) == {
        "sangat_baik": "Sangat Baik",
        "baik": "Baik",
        "butuh_perbaikan": "Butuh Perbaikan",
        "kurang": "Kurang/Misconduct",
        "sangat_kurang": "Sangat Kurang",
    }


# All nine cells of DOMAIN §4.1: (hasil kerja, perilaku) → predikat.
MATRIX = [
    ("di_bawah", "di_atas", "butuh_perbaikan"),
    ("sesuai", "di_atas", "baik"),
    ("di_atas", "di_atas", "sangat_baik"),
    ("di_bawah", "sesuai", "butuh_perbaikan"),
    ("sesuai", "sesuai", "baik"),
    ("di_atas", "sesuai", "baik"),
    ("di_bawah", "di_bawah", "sangat_kurang"),
    ("sesuai", "di_bawah", "kurang"),
    ("di_atas", "di_bawah", "kurang"),
]


@pytest.mark.parametrize(("hasil_kerja", "perilaku", "predikat"), MATRIX)
def test_predikat_matrix_cell(hasil_kerja, perilaku, predikat):
    assert predikat_kinerja(hasil_kerja, perilaku) == predikat


def test_matrix_uses_all_five_predikat_and_only_one_sangat_baik_cell():
    results = [predikat_kinerja(h, p) for h in RATINGS for p in RATINGS]

    assert set(results) == set(PREDIKATS)
    assert results.count("sangat_baik") == 1
    assert results.count("baik") == 3


def test_predikat_kinerja_is_not_symmetric():
    """Good work with poor behaviour is Kurang; poor work with good behaviour is Butuh Perbaikan."""
    assert predikat_kinerja(hasil_kerja="di_atas", perilaku="di_bawah") == "kurang"
    assert predikat_kinerja(hasil_kerja="di_bawah", perilaku="di_atas") == "butuh_perbaikan"


@pytest.mark.parametrize(("hasil_kerja", "perilaku"), [("baik", "sesuai"), ("sesuai", "tinggi")])
def test_predikat_kinerja_refuses_unknown_ratings(hasil_kerja, perilaku):
    with pytest.raises(SkpError) as caught:
        predikat_kinerja(hasil_kerja, perilaku)
    assert caught.value.code == "skp.rating"


# --- Rating hasil kerja from indicators ---------------------------------------------------------


def ratings(*specs: str) -> list[IndicatorRating]:
    """ "a" above, "s" as expected, "b" below; upper case = hasil kerja utama."""
    code = {"a": "di_atas", "s": "sesuai", "b": "di_bawah"}
    return [IndicatorRating(code[spec.lower()], is_main=spec.isupper()) for spec in specs]


@pytest.mark.parametrize(
    ("specs", "rating"),
    [
        (("A", "A", "A"), "di_atas"),  # all above
        (("A", "A", "S"), "di_atas"),  # most above, none below
        (("A", "A", "A", "b"), "di_atas"),  # most above; the one below is not a main result
        # Most above but one main result below: not di atas. 1 of 6 main (16.7%) is a small
        # share → sesuai; 1 of 4 (25%) is more than the default 20% → di bawah.
        (("A", "A", "A", "A", "A", "B"), "sesuai"),
        (("A", "A", "A", "B"), "di_bawah"),
        (("A", "A", "S", "S"), "sesuai"),  # half above is not "most"
        (("S", "S", "S"), "sesuai"),
        (("S", "S", "S", "S", "B"), "sesuai"),  # 1 of 5 main below = 20%: a small share
        (("S", "S", "S", "B"), "di_bawah"),  # 1 of 4 main below = 25% > 20%
        (("B", "B", "S"), "di_bawah"),  # most below
        (("B", "B", "B"), "di_bawah"),
        (("S", "s", "b", "b", "b"), "di_bawah"),  # most below, even if only additional results
        (("A", "b", "b"), "di_bawah"),
    ],
)
def test_hasil_kerja_rating_from_indicators(specs, rating):
    assert hasil_kerja_rating_from_indicators(ratings(*specs)) == rating


def test_the_small_share_of_main_results_below_is_configurable():
    indicators = ratings("S", "S", "S", "B")  # 25% of main results below

    assert hasil_kerja_rating_from_indicators(indicators) == "di_bawah"
    assert (
        hasil_kerja_rating_from_indicators(indicators, SkpConfig(main_below_tolerance=D("0.25")))
        == "sesuai"
    )


def test_most_is_configurable():
    indicators = ratings("A", "A", "S", "S")

    assert hasil_kerja_rating_from_indicators(indicators) == "sesuai"
    assert (
        hasil_kerja_rating_from_indicators(indicators, SkpConfig(majority=D("0.49"))) == "di_atas"
    )


def test_rating_from_no_indicators_is_refused():
    with pytest.raises(SkpError) as caught:
        hasil_kerja_rating_from_indicators([])
    assert caught.value.code == "skp.no_indicators"


@given(st.lists(st.tuples(st.sampled_from(RATINGS), st.booleans()), min_size=1, max_size=15))
def test_rating_from_indicators_is_always_a_rating_and_all_equal_is_that_rating(pairs):
    indicators = [IndicatorRating(r, m) for r, m in pairs]

    assert hasil_kerja_rating_from_indicators(indicators) in RATINGS
    same = [IndicatorRating(pairs[0][0], True) for _ in pairs]
    assert hasil_kerja_rating_from_indicators(same) == pairs[0][0]


# --- Head of a unit -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("org", "rating"),
    [
        ("istimewa", "di_atas"),
        ("baik", "sesuai"),
        ("butuh_perbaikan", "di_bawah"),
        ("cukup", "di_bawah"),
        ("kurang", "di_bawah"),
        ("sangat_kurang", "di_bawah"),
    ],
)
def test_head_hasil_kerja_follows_the_unit(org, rating):
    assert head_hasil_kerja_rating(org) == rating


def test_head_rating_mapping_is_configurable_and_complete():
    lenient = SkpConfig(
        head_ratings={
            "istimewa": "di_atas",
            "baik": "sesuai",
            "butuh_perbaikan": "sesuai",
            "kurang": "di_bawah",
            "sangat_kurang": "di_bawah",
        }
    )

    assert head_hasil_kerja_rating("cukup", lenient) == "sesuai"
    with pytest.raises(SkpError):
        SkpConfig(head_ratings={"istimewa": "di_atas"})
    with pytest.raises(SkpError):
        head_hasil_kerja_rating("luar_biasa")


def test_a_head_rated_by_the_unit_gets_the_matching_predikat():
    """Head of an Istimewa unit with perilaku Sesuai: di atas × sesuai → Baik."""
    assert predikat_kinerja(head_hasil_kerja_rating("istimewa"), "sesuai") == "baik"
    assert predikat_kinerja(head_hasil_kerja_rating("istimewa"), "di_atas") == "sangat_baik"


# --- Distribution curve -------------------------------------------------------------------------


def staff(**counts: int) -> list[str]:
    return [predikat for predikat, n in counts.items() for _ in range(n)]


def codes(org: str, **counts: int) -> list[str]:
    return [v.code for v in distribution_violations(org, staff(**counts))]


def test_istimewa_passes_with_at_most_70_percent_sangat_baik():
    assert codes("istimewa", sangat_baik=7, baik=2, kurang=1) == []
    assert codes("istimewa", sangat_baik=6, baik=4) == []


def test_istimewa_fails_above_70_percent_sangat_baik():
    violations = distribution_violations("istimewa", staff(sangat_baik=8, baik=2))

    assert violations == [
        Violation(
            code="kurva.istimewa.sangat_baik_max",
            rule="pegawai berpredikat Sangat Baik paling banyak 70%",
            message="Predikat organisasi Istimewa: pegawai berpredikat Sangat Baik paling banyak "
            "70%; saat ini 80,0% (8 dari 10 pegawai).",
            count=8,
            total=10,
            actual_percent=D("80.0"),
            limit_percent=D(70),
        )
    ]


def test_istimewa_expects_most_staff_sangat_baik():
    violations = distribution_violations("istimewa", staff(sangat_baik=1, baik=2))

    assert [v.code for v in violations] == ["kurva.istimewa.sangat_baik_majority"]
    assert violations[0].message == (
        "Predikat organisasi Istimewa: sebagian besar (lebih dari 50%) pegawai berpredikat "
        "Sangat Baik; saat ini 33,3% (1 dari 3 pegawai)."
    )
    # Exactly half is not "most".
    assert codes("istimewa", sangat_baik=2, baik=2) == ["kurva.istimewa.sangat_baik_majority"]
    # The majority check can be switched off.
    assert (
        distribution_violations(
            "istimewa", staff(sangat_baik=1, baik=2), CurveConfig(majority=None)
        )
        == []
    )


def test_baik_passes_with_most_baik_and_someone_needing_improvement():
    assert codes("baik", baik=7, butuh_perbaikan=1, sangat_baik=2) == []
    assert codes("baik", baik=6, kurang=1, sangat_kurang=1, sangat_baik=2) == []


def test_baik_fails_above_70_percent_baik():
    assert codes("baik", baik=8, butuh_perbaikan=1, sangat_baik=1) == ["kurva.baik.baik_max"]


def test_baik_fails_without_butuh_perbaikan_or_kurang():
    violations = distribution_violations("baik", staff(baik=6, sangat_baik=3, sangat_kurang=1))

    assert [v.code for v in violations] == ["kurva.baik.low_required"]
    assert violations[0].message == (
        "Predikat organisasi Baik: harus ada pegawai berpredikat Butuh Perbaikan dan/atau "
        "Kurang/Misconduct; saat ini 0,0% (0 dari 10 pegawai)."
    )


def test_baik_fails_without_a_baik_majority():
    assert codes("baik", baik=5, butuh_perbaikan=1, sangat_baik=4) == ["kurva.baik.baik_majority"]


def test_butuh_perbaikan_passes_with_60_percent_and_at_most_10_percent_sangat_baik():
    assert codes("butuh_perbaikan", butuh_perbaikan=6, sangat_baik=1, baik=2, kurang=1) == []
    assert codes("cukup", butuh_perbaikan=10) == []


def test_butuh_perbaikan_fails_below_60_percent():
    violations = distribution_violations("cukup", staff(butuh_perbaikan=5, baik=5))

    assert [v.code for v in violations] == ["kurva.butuh_perbaikan.butuh_perbaikan_min"]
    assert violations[0].message == (
        "Predikat organisasi Butuh Perbaikan/Cukup: paling sedikit 60% pegawai berpredikat "
        "Butuh Perbaikan; saat ini 50,0% (5 dari 10 pegawai)."
    )


def test_butuh_perbaikan_fails_above_10_percent_sangat_baik():
    assert codes("butuh_perbaikan", butuh_perbaikan=6, sangat_baik=2, baik=2) == [
        "kurva.butuh_perbaikan.sangat_baik_max"
    ]


def test_kurang_passes_with_60_percent_kurang_and_10_percent_butuh_perbaikan():
    assert (
        codes("kurang", kurang=6, butuh_perbaikan=1, sangat_baik=1, baik=1, sangat_kurang=1) == []
    )


def test_kurang_fails_each_of_its_rules():
    assert codes("kurang", kurang=5, butuh_perbaikan=5) == ["kurva.kurang.kurang_min"]
    assert codes("kurang", kurang=9, baik=1) == ["kurva.kurang.butuh_perbaikan_min"]
    assert codes("kurang", kurang=6, butuh_perbaikan=2, sangat_baik=2) == [
        "kurva.kurang.sangat_baik_max"
    ]
    assert codes("kurang", baik=10) == [
        "kurva.kurang.kurang_min",
        "kurva.kurang.butuh_perbaikan_min",
    ]


def test_sangat_kurang_passes_with_60_percent_and_10_percent_kurang_or_butuh_perbaikan():
    assert codes("sangat_kurang", sangat_kurang=6, kurang=1, baik=3) == []
    assert codes("sangat_kurang", sangat_kurang=6, butuh_perbaikan=1, baik=3) == []


def test_sangat_kurang_fails_each_of_its_rules():
    assert codes("sangat_kurang", sangat_kurang=5, kurang=5) == [
        "kurva.sangat_kurang.sangat_kurang_min"
    ]
    assert codes("sangat_kurang", sangat_kurang=10) == [
        "kurva.sangat_kurang.kurang_or_butuh_perbaikan_min"
    ]
    violations = distribution_violations(
        "sangat_kurang", staff(sangat_kurang=7, kurang=2, sangat_baik=1)
    )
    assert [v.code for v in violations] == ["kurva.sangat_kurang.sangat_baik_none"]
    assert violations[0].message == (
        "Predikat organisasi Sangat Kurang: tidak boleh ada pegawai berpredikat Sangat Baik; "
        "saat ini 10,0% (1 dari 10 pegawai)."
    )


def test_curve_limits_are_compared_exactly():
    # 2 of 3 = 66.67% ≤ 70%; 5 of 7 = 71.43% > 70%.
    assert codes("istimewa", sangat_baik=2, baik=1) == []
    assert codes("istimewa", sangat_baik=5, baik=2) == ["kurva.istimewa.sangat_baik_max"]
    # 3 of 5 = exactly 60%: enough.
    assert codes("cukup", butuh_perbaikan=3, baik=2) == []


def test_curve_percentages_are_configurable():
    assert codes("baik", baik=8, butuh_perbaikan=2) == ["kurva.baik.baik_max"]
    assert (
        distribution_violations(
            "baik", staff(baik=8, butuh_perbaikan=2), CurveConfig(main_max=D(80))
        )
        == []
    )


def test_an_empty_unit_has_nothing_to_check():
    assert distribution_violations("baik", []) == []


def test_distribution_refuses_unknown_codes():
    with pytest.raises(SkpError) as caught:
        distribution_violations("luar_biasa", ["baik"])
    assert caught.value.code == "skp.org_predikat"
    with pytest.raises(SkpError) as caught:
        distribution_violations("baik", ["amat_baik"])
    assert caught.value.code == "skp.predikat"
    assert org_predikat_code("cukup") == "butuh_perbaikan"


# --- Angka kredit -----------------------------------------------------------------------------------


def test_angka_kredit_full_year_matches_bkn_examples():
    # BKN slides (Peraturan BKN 3/2023): ahli pertama, Sangat Baik: 150% × 12.5 = 18.75.
    assert angka_kredit("sangat_baik", "ahli_pertama") == D("18.75")
    # Peraturan BKN 3/2023 annex: ahli muda, Baik: 100% × 25 = 25.
    assert angka_kredit("baik", "ahli_muda") == D(25)


def test_angka_kredit_for_part_of_a_year():
    # BKN slides: Baik for 2 months as ahli pertama: 2/12 × 100% × 12.5 = 2.0833… → 2.083.
    assert angka_kredit("baik", "ahli_pertama", months=2) == D("2.083")
    assert angka_kredit("baik", "ahli_pertama", AngkaKreditConfig(places=2), months=2) == D("2.08")
    # 3 months Sangat Baik as ahli madya: 3/12 × 1.5 × 37.5 = 14.0625 → 14.063.
    assert angka_kredit("sangat_baik", "ahli_madya", months=3) == D("14.063")


@pytest.mark.parametrize(
    ("jenjang", "sb", "b", "bp", "k", "sk"),
    [
        ("pemula", "5.625", "3.75", "2.813", "1.875", "0.938"),
        ("terampil", "7.5", "5", "3.75", "2.5", "1.25"),
        ("mahir", "18.75", "12.5", "9.375", "6.25", "3.125"),
        ("penyelia", "37.5", "25", "18.75", "12.5", "6.25"),
        ("ahli_pertama", "18.75", "12.5", "9.375", "6.25", "3.125"),
        ("ahli_muda", "37.5", "25", "18.75", "12.5", "6.25"),
        ("ahli_madya", "56.25", "37.5", "28.125", "18.75", "9.375"),
        ("ahli_utama", "75", "50", "37.5", "25", "12.5"),
    ],
)
def test_angka_kredit_full_year_table(jenjang, sb, b, bp, k, sk):
    values = [angka_kredit(p, jenjang) for p in PREDIKATS]

    assert values == [D(sb), D(b), D(bp), D(k), D(sk)]


def test_angka_kredit_coefficients_and_multipliers_are_configurable():
    config = AngkaKreditConfig(
        multipliers={**DEFAULT_MULTIPLIERS, "sangat_baik": D("1.25")},
        coefficients={**DEFAULT_COEFFICIENTS, "ahli_pertama": D(10)},
    )

    assert angka_kredit("sangat_baik", "ahli_pertama", config) == D("12.5")


def test_angka_kredit_refusals():
    with pytest.raises(SkpError) as caught:
        angka_kredit("baik", "utama")
    assert caught.value.code == "ak.jenjang"
    with pytest.raises(SkpError) as caught:
        angka_kredit("baik", "ahli_muda", months=13)
    assert caught.value.code == "ak.months"
    with pytest.raises(SkpError) as caught:
        angka_kredit("luar_biasa", "ahli_muda")
    assert caught.value.code == "skp.predikat"
    with pytest.raises(SkpError):
        AngkaKreditConfig(multipliers={"baik": D(1)})


# --- Evaluation periods -------------------------------------------------------------------------


def test_monthly_periods():
    periods = evaluation_periods(2024, "monthly")

    assert len(periods) == 12
    assert (periods[1].label, periods[1].months, periods[1].start, periods[1].end) == (
        "Februari 2024",
        (2,),
        dt.date(2024, 2, 1),
        dt.date(2024, 2, 29),
    )


def test_quarterly_and_semester_periods():
    quarters = evaluation_periods(2025, "quarterly")
    semesters = evaluation_periods(2025, "semester")

    assert [(p.number, p.label, p.months) for p in quarters] == [
        (1, "Triwulan I 2025", (1, 2, 3)),
        (2, "Triwulan II 2025", (4, 5, 6)),
        (3, "Triwulan III 2025", (7, 8, 9)),
        (4, "Triwulan IV 2025", (10, 11, 12)),
    ]
    assert [(p.label, p.start, p.end) for p in semesters] == [
        ("Semester I 2025", dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
        ("Semester II 2025", dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
    ]
    assert [(p.label, p.months) for p in evaluation_periods(2025, "annual")] == [
        ("Tahun 2025", tuple(range(1, 13)))
    ]


def test_period_of_a_day():
    assert period_of(dt.date(2025, 8, 17), "quarterly").label == "Triwulan III 2025"
    assert period_of(dt.date(2025, 6, 30), "semester").number == 1
    assert period_of(dt.date(2025, 12, 31), "monthly").label == "Desember 2025"
    with pytest.raises(SkpError):
        evaluation_periods(2025, "weekly")


def test_elapsed_share_counts_days_including_today():
    start, end = dt.date(2025, 1, 1), dt.date(2025, 12, 31)

    assert elapsed_share(start, end, dt.date(2024, 12, 31)) == 0
    assert elapsed_share(start, end, dt.date(2025, 1, 1)) == Fraction(1, 365)
    assert elapsed_share(start, end, dt.date(2025, 7, 2)) == Fraction(183, 365)
    assert elapsed_share(start, end, dt.date(2025, 12, 31)) == 1
    assert elapsed_share(start, end, dt.date(2026, 3, 1)) == 1
    with pytest.raises(SkpError):
        elapsed_share(end, start, end)


def test_realisation_vs_elapsed_time():
    q1 = (dt.date(2025, 1, 1), dt.date(2025, 3, 31))  # 90 days
    mid = dt.date(2025, 2, 14)  # 45 of 90 days: 50% elapsed

    on_track = realisation_vs_elapsed(D(4), D(10), *q1, mid)
    assert (on_track.status, on_track.realisation_percent, on_track.elapsed_percent) == (
        "sesuai_jadwal",
        D("40.0"),
        D("50.0"),
    )
    behind = realisation_vs_elapsed(D("3.9"), D(10), *q1, mid)
    assert behind.status == "tertinggal"  # 39% < 50% − 10 points
    assert realisation_vs_elapsed(D(10), D(10), *q1, dt.date(2025, 1, 5)).status == "tercapai"
    strict = realisation_vs_elapsed(D(4), D(10), *q1, mid, tolerance=D(0))
    assert strict.status == "tertinggal"
    with pytest.raises(SkpError):
        realisation_vs_elapsed(D(1), D(0), *q1, mid)
