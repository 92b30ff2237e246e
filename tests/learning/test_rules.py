"""Worked examples and properties of penata.learning.rules (competency, JP, 9-box; DOMAIN §5–§6)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penata.learning.rules import (
    BKN_2025_TALENT_CONFIG,
    BOX_ACTIONS,
    BOXES,
    COMPETENCIES,
    TALENT_PRESETS,
    Candidate,
    CompetencyGap,
    Cutoffs,
    JpConfig,
    JpEntry,
    LearningError,
    TalentConfig,
    box_label,
    box_of,
    competency_gaps,
    is_talent_pool,
    job_person_match,
    jp_compliance,
    jp_minutes_in_year,
    jp_to_minutes,
    kinerja_level,
    kinerja_level_of_predikat,
    kinerja_score,
    minutes_to_jp,
    nine_box,
    nine_box_of_predikat,
    potensial_level,
    potensial_score,
    predikat_score,
    succession_ranking,
    talent_pool,
    talent_score,
)

D = Decimal


# --- Competency dictionary, gaps and JPM -----------------------------------------------------------


def test_eight_managerial_competencies_and_perekat_bangsa():
    assert [(c.code, c.name, c.kind) for c in COMPETENCIES] == [
        ("integritas", "Integritas", "manajerial"),
        ("kerja_sama", "Kerja Sama", "manajerial"),
        ("komunikasi", "Komunikasi", "manajerial"),
        ("orientasi_pada_hasil", "Orientasi pada Hasil", "manajerial"),
        ("pelayanan_publik", "Pelayanan Publik", "manajerial"),
        ("pengembangan_diri_dan_orang_lain", "Pengembangan Diri dan Orang Lain", "manajerial"),
        ("mengelola_perubahan", "Mengelola Perubahan", "manajerial"),
        ("pengambilan_keputusan", "Pengambilan Keputusan", "manajerial"),
        ("perekat_bangsa", "Perekat Bangsa", "sosial_kultural"),
    ]


# An administrator post's standard (illustrative levels; the real ones come from the SKJ).
STANDARD = {
    "integritas": 4,
    "kerja_sama": 3,
    "komunikasi": 3,
    "orientasi_pada_hasil": 3,
    "pelayanan_publik": 3,
    "pengembangan_diri_dan_orang_lain": 3,
    "mengelola_perubahan": 3,
    "pengambilan_keputusan": 3,
    "perekat_bangsa": 3,
}  # Σ 28
ASSESSED = {
    "integritas": 3,
    "kerja_sama": 4,
    "komunikasi": 3,
    "orientasi_pada_hasil": 2,
    "pelayanan_publik": 3,
    "pengembangan_diri_dan_orang_lain": 3,
    "mengelola_perubahan": 3,
    "pengambilan_keputusan": 2,
    "perekat_bangsa": 3,
}


def test_gap_is_required_minus_actual():
    gaps = competency_gaps(STANDARD, ASSESSED)

    assert [(g.code, g.gap) for g in gaps] == [
        ("integritas", 1),
        ("kerja_sama", -1),
        ("komunikasi", 0),
        ("orientasi_pada_hasil", 1),
        ("pelayanan_publik", 0),
        ("pengembangan_diri_dan_orang_lain", 0),
        ("mengelola_perubahan", 0),
        ("pengambilan_keputusan", 1),
        ("perekat_bangsa", 0),
    ]
    assert [g.code for g in gaps if not g.is_met] == [
        "integritas",
        "orientasi_pada_hasil",
        "pengambilan_keputusan",
    ]
    assert gaps[1].shortfall == 0 and gaps[1].is_met


def test_jpm_caps_each_competency_at_its_standard():
    """Σ min = 3+3+3+2+3+3+3+2+3 = 25 of Σ required 28 → 89.2857…% → 89.29.

    Without the cap the surplus in Kerja Sama would give 26/28 = 92.86%.
    """
    assert job_person_match(STANDARD, ASSESSED) == D("89.29")


def test_jpm_is_100_when_every_level_is_met_or_exceeded():
    assert job_person_match(STANDARD, dict.fromkeys(STANDARD, 5)) == D("100.00")
    assert job_person_match(STANDARD, STANDARD) == D("100.00")


def test_an_unassessed_competency_is_a_full_shortfall():
    partial = {k: v for k, v in ASSESSED.items() if k != "perekat_bangsa"}

    gap = competency_gaps(STANDARD, partial)[-1]
    assert gap == CompetencyGap("perekat_bangsa", required=3, actual=None, gap=3)
    # 22 of 28 → 78.5714… → 78.57.
    assert job_person_match(STANDARD, partial) == D("78.57")


def test_technical_competencies_use_their_own_codes_and_extra_assessments_are_ignored():
    standard = {"analisis_beban_kerja": 3, "integritas": 3}
    actual = {"analisis_beban_kerja": 2, "integritas": 3, "komunikasi": 5}

    assert [g.code for g in competency_gaps(standard, actual)] == [
        "analisis_beban_kerja",
        "integritas",
    ]
    assert job_person_match(standard, actual) == D("83.33")


@pytest.mark.parametrize("level", [0, 6, True, 2.5])
def test_levels_must_be_1_to_5(level):
    with pytest.raises(LearningError) as caught:
        competency_gaps({"integritas": 3}, {"integritas": level})
    assert caught.value.code == "learning.level"


def test_jpm_needs_a_standard():
    with pytest.raises(LearningError) as caught:
        job_person_match({}, ASSESSED)
    assert caught.value.code == "learning.no_standard"


# --- Succession ranking ---------------------------------------------------------------------------

SMALL_STANDARD = {"integritas": 3, "kerja_sama": 3, "komunikasi": 3, "pelayanan_publik": 3}


def levels(*values: int) -> dict[str, int]:
    return dict(zip(SMALL_STANDARD, values, strict=True))


def test_succession_ranking_orders_by_jpm_then_documented_tie_breaks():
    candidates = [
        Candidate("C", levels(3, 3, 2, 2)),  # 10/12, 2 gaps of 1, no box
        Candidate("E", levels(3, 2, 3, 2), box=9),  # ties D but for the key
        Candidate("A", levels(3, 3, 3, 3)),  # 100%
        Candidate("F", levels(4, 4, 4, 1)),  # 10/12: surplus does not help; 1 gap of 2
        Candidate("D", levels(2, 2, 3, 3), box=9),  # 10/12, 2 gaps of 1, box 9
        Candidate("B", levels(3, 3, 3, 1), box=7),  # 10/12, 1 gap of 2
        Candidate("G", levels(1, 1, 1, 1), box=9),  # 4/12
    ]

    ranked = succession_ranking(SMALL_STANDARD, candidates)

    assert [
        (r.rank, r.candidate.key, r.jpm, r.shortfall_count, r.largest_shortfall) for r in ranked
    ] == [
        (1, "A", D("100.00"), 0, 0),
        # JPM ties at 83.33: fewer competencies below standard first (B, F: one gap) …
        (2, "B", D("83.33"), 1, 2),
        (3, "F", D("83.33"), 1, 2),  # … B before F: higher box (7 vs none)
        # … then two gaps of 1: box 9 before no box, then by key.
        (4, "D", D("83.33"), 2, 1),
        (5, "E", D("83.33"), 2, 1),
        (6, "C", D("83.33"), 2, 1),
        (7, "G", D("33.33"), 4, 2),
    ]
    assert [g.gap for g in ranked[1].gaps] == [0, 0, 0, 2]


def test_fewer_gaps_then_smaller_largest_shortfall_break_ties_before_the_box():
    standard = dict.fromkeys(SMALL_STANDARD, 4)  # Σ 16
    candidates = [
        Candidate("P", levels(1, 3, 4, 4), box=9),  # shortfalls 3 + 1 → 12/16, largest 3
        Candidate("Q", levels(2, 2, 4, 4)),  # shortfalls 2 + 2 → 12/16, largest 2
        Candidate("R", levels(4, 4, 4, 2), box=7),  # one shortfall of 2 → 14/16
        Candidate("S", levels(3, 3, 3, 3)),  # four shortfalls of 1 → 12/16
    ]

    ranked = succession_ranking(standard, candidates)

    assert [(r.candidate.key, r.jpm, r.shortfall_count, r.largest_shortfall) for r in ranked] == [
        ("R", D("87.50"), 1, 2),
        ("Q", D("75.00"), 2, 2),
        ("P", D("75.00"), 2, 3),
        ("S", D("75.00"), 4, 1),
    ]


def test_succession_ranking_of_nobody_is_empty():
    assert succession_ranking(SMALL_STANDARD, []) == []


# --- JP arithmetic and compliance ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "jp"),
    [
        (0, "0.00"),
        (45, "1.00"),
        (50, "1.11"),
        (44, "0.98"),
        (60, "1.33"),
        (899, "19.98"),
        (900, "20.00"),
        (D("67.5"), "1.50"),
    ],
)
def test_minutes_to_jp_keeps_partial_jp_to_two_decimals(minutes, jp):
    assert minutes_to_jp(minutes) == D(jp)


def test_jp_to_minutes():
    assert jp_to_minutes(20) == D(900)
    assert jp_to_minutes(D("1.5")) == D("67.5")
    with pytest.raises(LearningError):
        jp_to_minutes(-1)
    with pytest.raises(LearningError):
        minutes_to_jp(-1)


def test_jp_minutes_in_year_counts_verified_entries_by_completion_day():
    entries = [
        JpEntry(450, dt.date(2024, 12, 31)),  # last year
        JpEntry(180, dt.date(2025, 1, 1)),
        JpEntry(270, dt.date(2025, 6, 30), is_verified=False),  # evidence not yet verified
        JpEntry(D("67.5"), dt.date(2025, 12, 31)),
        JpEntry(90, dt.date(2026, 1, 1)),  # next year
    ]

    assert jp_minutes_in_year(entries, 2025) == D("247.5")
    assert jp_minutes_in_year(entries, 2024) == D(450)
    with pytest.raises(LearningError):
        jp_minutes_in_year([JpEntry(-5, dt.date(2025, 1, 1))], 2025)


def test_compliance_met_early_in_the_year():
    status = jp_compliance(900, year=2025, on=dt.date(2025, 3, 10))

    assert (status.status, status.status_label, status.achieved_jp, status.remaining_jp) == (
        "terpenuhi",
        "Terpenuhi",
        D("20.00"),
        D("0.00"),
    )
    assert (status.months_left, status.required_jp_per_month) == (10, D("0.00"))


def test_compliance_on_schedule_and_behind_in_april():
    # By 1 April three months are complete: 3/12 × 20 = 5 JP expected.
    on_track = jp_compliance(300, year=2025, on=dt.date(2025, 4, 1))  # 6.67 JP
    behind = jp_compliance(200, year=2025, on=dt.date(2025, 4, 1))  # 4.44 JP
    exactly = jp_compliance(225, year=2025, on=dt.date(2025, 4, 30))  # 5 JP

    assert (on_track.status, on_track.achieved_jp, on_track.remaining_jp) == (
        "sesuai_jadwal",
        D("6.67"),
        D("13.33"),
    )
    # 13.333… JP over 9 months (April–December) = 1.4814… → 1.48 JP a month.
    assert (on_track.months_left, on_track.required_jp_per_month) == (9, D("1.48"))
    assert (behind.status, behind.status_label) == ("tertinggal", "Tertinggal")
    assert exactly.status == "sesuai_jadwal"


def test_compliance_in_january_expects_nothing_yet():
    status = jp_compliance(0, year=2025, on=dt.date(2025, 1, 15))

    assert (status.status, status.months_left, status.required_jp_per_month) == (
        "sesuai_jadwal",
        12,
        D("1.67"),
    )


def test_compliance_at_the_year_boundary():
    last_day = jp_compliance(899, year=2025, on=dt.date(2025, 12, 31))
    after = jp_compliance(899, year=2025, on=dt.date(2026, 1, 2))
    before = jp_compliance(0, year=2025, on=dt.date(2024, 12, 1))

    # 19.98 JP ≥ 11/12 × 20 = 18.33: on schedule with December left, 0.02 JP to go.
    assert (last_day.status, last_day.months_left, last_day.remaining_jp) == (
        "sesuai_jadwal",
        1,
        D("0.02"),
    )
    assert (after.status, after.status_label, after.months_left, after.required_jp_per_month) == (
        "tidak_terpenuhi",
        "Tidak terpenuhi",
        0,
        None,
    )
    assert (before.status, before.months_left) == ("sesuai_jadwal", 12)


def test_compliance_compares_exact_minutes_not_rounded_jp():
    """899.9 minutes shows as 20.00 JP but is 0.1 minute short of 900."""
    status = jp_compliance(D("899.9"), year=2025, on=dt.date(2026, 1, 1))

    assert status.achieved_jp == D("20.00")
    assert status.status == "tidak_terpenuhi"
    assert status.remaining_jp == D("0.00")


def test_yearly_target_is_configurable():
    config = JpConfig(yearly_target_jp=D(40))
    # 20 JP by 1 July (6 of 12 months done) is exactly the pro-rata 20 of 40; by 1 August 23.33
    # would be due.
    july = jp_compliance(900, year=2025, on=dt.date(2025, 7, 1), config=config)
    august = jp_compliance(900, year=2025, on=dt.date(2025, 8, 1), config=config)

    assert (july.target_jp, july.status, july.remaining_jp) == (D(40), "sesuai_jadwal", D("20.00"))
    assert august.status == "tertinggal"
    with pytest.raises(LearningError):
        JpConfig(minutes_per_jp=0)


# --- 9-box ------------------------------------------------------------------------------------------

# Every cell: (kinerja score, potensial score, box) per the DOMAIN §6 table.
CELLS = [
    (90, 40, 4),
    (90, 70, 7),
    (90, 90, 9),
    (70, 40, 2),
    (70, 70, 5),
    (70, 90, 8),
    (40, 40, 1),
    (40, 70, 3),
    (40, 90, 6),
]


@pytest.mark.parametrize(("kinerja", "potensial", "box"), CELLS)
def test_every_cell_of_the_grid(kinerja, potensial, box):
    assert nine_box(D(kinerja), D(potensial)) == box


def test_box_numbers_by_level():
    assert box_of("di_atas", "tinggi") == 9
    assert box_of("di_bawah", "rendah") == 1
    assert sorted(BOXES.values()) == list(range(1, 10))
    with pytest.raises(LearningError):
        box_of("baik", "tinggi")


@pytest.mark.parametrize(
    ("score", "kinerja", "potensial"),
    [
        ("0", "di_bawah", "rendah"),
        ("59.99", "di_bawah", "rendah"),
        ("60", "sesuai", "menengah"),
        ("79.99", "sesuai", "menengah"),
        ("80", "di_atas", "tinggi"),
        ("100", "di_atas", "tinggi"),
    ],
)
def test_cut_off_boundaries_on_both_axes(score, kinerja, potensial):
    assert kinerja_level(D(score)) == kinerja
    assert potensial_level(D(score)) == potensial


@pytest.mark.parametrize(
    ("kinerja", "potensial", "box"),
    [
        ("59.99", "59.99", 1),
        ("59.99", "60", 3),
        ("60", "59.99", 2),
        ("60", "60", 5),
        ("79.99", "79.99", 5),
        ("79.99", "80", 8),
        ("80", "79.99", 7),
        ("80", "80", 9),
        ("80", "59.99", 4),
        ("59.99", "80", 6),
    ],
)
def test_boxes_at_the_cut_offs(kinerja, potensial, box):
    assert nine_box(D(kinerja), D(potensial)) == box


def test_cut_offs_are_configurable_per_axis():
    config = TalentConfig(kinerja_cutoffs=Cutoffs(middle=D(50), high=D(75)))

    assert nine_box(D(75), D(79), config) == 7  # kinerja 75 is now di atas; potensial unchanged
    assert kinerja_level(D(50), config) == "sesuai"
    with pytest.raises(LearningError) as caught:
        TalentConfig(potensial_cutoffs=Cutoffs(middle=D(90), high=D(80)))
    assert caught.value.code == "talent.config.cutoffs"


@pytest.mark.parametrize("score", ["-0.01", "100.01"])
def test_scores_must_be_0_to_100(score):
    with pytest.raises(LearningError) as caught:
        nine_box(D(score), D(50))
    assert caught.value.code == "talent.score"


def test_predikat_scores_are_the_local_convention():
    assert [
        predikat_score(p)
        for p in ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
    ] == [
        D(100),
        D(80),
        D(60),
        D(40),
        D(20),
    ]
    # Scores and cut-offs apply to composite scores (e.g. BKN 2025 main + supporting).
    assert kinerja_level(D(80)) == "di_atas"
    assert kinerja_level(D(60)) == "sesuai"
    assert kinerja_level(D(40)) == "di_bawah"
    with pytest.raises(LearningError):
        predikat_score("amat_baik")


def test_predikat_alone_uses_its_own_level_not_the_cutoffs():
    """Baik means "sesuai ekspektasi" (PermenPAN-RB 6/2022): it must not reach the top row."""
    assert [
        kinerja_level_of_predikat(p)
        for p in ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
    ] == ["di_atas", "sesuai", "di_bawah", "di_bawah", "di_bawah"]
    assert nine_box_of_predikat("baik", D(80)) == 8
    assert nine_box_of_predikat("sangat_baik", D(80)) == 9
    assert nine_box_of_predikat("butuh_perbaikan", D("79.99")) == 3
    with pytest.raises(LearningError) as caught:
        kinerja_level_of_predikat("amat_baik")
    assert caught.value.code == "talent.predikat"


def test_default_weights_use_one_component_per_axis():
    assert kinerja_score({"main": D(80)}) == D(80)
    assert potensial_score({"assessment": D("72.5")}) == D("72.5")
    assert talent_score(D(80), D("72.5")) == D("76.25")


def test_bkn_2025_weights():
    """Kinerja 60% main + 40% supporting; potensial 40/25/20/15; talent score 50/50."""
    config = TALENT_PRESETS["bkn_2025"]
    assert config is BKN_2025_TALENT_CONFIG

    kinerja = kinerja_score(
        {"main": predikat_score("sangat_baik", config), "supporting": D(50)}, config
    )
    potensial = potensial_score(
        {"competency": D(70), "potential": D(80), "qualification": D(60), "integrity": D(90)},
        config,
    )

    assert kinerja == D(80)  # 60 + 20
    assert potensial == D("73.5")  # 28 + 20 + 12 + 13.5
    assert nine_box(kinerja, potensial, config) == 7
    assert talent_score(kinerja, potensial, config) == D("76.75")


def test_weighted_scores_need_every_component():
    with pytest.raises(LearningError) as caught:
        kinerja_score({"main": D(80)}, BKN_2025_TALENT_CONFIG)
    assert caught.value.code == "talent.component_missing"
    with pytest.raises(LearningError) as caught:
        TalentConfig(kinerja_weights={"main": D("0.6"), "supporting": D("0.3")})
    assert caught.value.code == "talent.config.weights"
    with pytest.raises(LearningError):
        TalentConfig(talent_weights=(D("0.7"), D("0.4")))


def test_box_actions_and_labels():
    assert BOX_ACTIONS[9] == (
        "Dipromosikan dan dipertahankan",
        "Masuk kelompok rencana suksesi instansi/nasional",
        "Mendapat penghargaan",
    )
    assert BOX_ACTIONS[8][2] == "Rotasi/perluasan jabatan"
    assert BOX_ACTIONS[7][2:] == (
        "Rotasi/pengayaan jabatan",
        "Pengembangan kompetensi",
        "Tugas belajar",
    )
    assert BOX_ACTIONS[1] == ("Diproses sesuai ketentuan peraturan perundang-undangan",)
    assert sorted(BOX_ACTIONS) == list(range(1, 10))
    assert box_label(9) == "Kinerja Di Atas Ekspektasi, potensial Tinggi"
    assert box_label(2) == "Kinerja Sesuai Ekspektasi, potensial Rendah"
    with pytest.raises(LearningError):
        box_label(10)


def test_talent_pool_is_boxes_7_8_9():
    assert [b for b in range(1, 10) if is_talent_pool(b)] == [7, 8, 9]
    boxes = {"198001": 7, "198002": 9, "198003": 6, "198004": 8, "198005": 9}
    assert talent_pool(boxes) == ["198002", "198005", "198004", "198001"]


# --- Properties ---------------------------------------------------------------------------------

scores = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)
level = st.integers(min_value=1, max_value=5)


@given(scores, scores)
def test_every_score_pair_lands_in_a_box(kinerja, potensial):
    assert 1 <= nine_box(kinerja, potensial) <= 9


@given(scores, scores, scores)
def test_more_kinerja_never_moves_down_a_row(kinerja, extra, potensial):
    higher = min(kinerja + extra, D(100))
    order = ["di_bawah", "sesuai", "di_atas"]

    assert order.index(kinerja_level(higher)) >= order.index(kinerja_level(kinerja))
    assert nine_box(higher, potensial) in BOXES.values()


@given(
    st.dictionaries(st.sampled_from([c.code for c in COMPETENCIES]), level, min_size=1), st.data()
)
def test_jpm_is_a_percentage_and_grows_with_levels(standard, data):
    actual = {code: data.draw(level) for code in standard}
    better = {code: min(value + 1, 5) for code, value in actual.items()}

    jpm = job_person_match(standard, actual)
    assert D(0) <= jpm <= D(100)
    assert job_person_match(standard, better) >= jpm
