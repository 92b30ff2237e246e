"""Worked examples and properties of penata.participation.rules (SKM/IKM, DOMAIN §7.1)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penata.participation.rules import (
    MUTU_BANDS,
    UNSUR,
    UNSUR_CODES,
    AnswerIssue,
    MutuBand,
    SampleStatus,
    SkmConfig,
    SkmError,
    display,
    ikm_compute,
    krejcie_morgan,
    mutu_band,
    nrr,
    parse_answer,
    sample_status,
    validate_responses,
    weighting_text,
    weights_of,
)

D = Decimal
EXACT = SkmConfig(weighting="exact")
ROUNDED = SkmConfig(weighting="rounded")


def respondent(*values: int) -> dict[str, int]:
    assert len(values) == 9
    return dict(zip(UNSUR_CODES, values, strict=True))


def answers_with_total(respondents: int, total: int) -> list[dict[str, int]]:
    """`respondents` complete answer sets whose 9 × respondents answers sum to `total`."""
    count = 9 * respondents
    base, extra = divmod(total, count)
    flat = [base + 1] * extra + [base] * (count - extra)
    assert all(1 <= v <= 4 for v in flat)
    return [respondent(*flat[i : i + 9]) for i in range(0, count, 9)]


# --- The 9 unsur and their answer wording -------------------------------------------------------


def test_nine_unsur_with_the_regulation_names():
    assert [(u.code, u.name) for u in UNSUR] == [
        ("u1", "Persyaratan"),
        ("u2", "Sistem, Mekanisme, dan Prosedur"),
        ("u3", "Waktu Penyelesaian"),
        ("u4", "Biaya/Tarif"),
        ("u5", "Produk Spesifikasi Jenis Pelayanan"),
        ("u6", "Kompetensi Pelaksana"),
        ("u7", "Perilaku Pelaksana"),
        ("u8", "Sarana dan Prasarana"),
        ("u9", "Penanganan Pengaduan, Saran dan Masukan"),
    ]


def test_answer_wording_from_1_to_4():
    assert {u.code: u.answers for u in UNSUR} == {
        "u1": ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        "u2": ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
        "u3": ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
        "u4": ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
        "u5": ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        "u6": ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
        "u7": (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
        "u8": ("Buruk", "Cukup", "Baik", "Sangat baik"),
        "u9": (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
    }
    assert all(u.question.endswith("?") for u in UNSUR)


# --- Parsing and validating answers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "answer"),
    [(1, 1), (4, 4), ("3", 3), (" 2 ", 2), ("3.0", 3), (3.0, 3), (D("4"), 4), (D("2.00"), 2)],
)
def test_parse_answer_accepts_whole_numbers_1_to_4(raw, answer):
    assert parse_answer(raw) == answer


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (None, "skm.answer_missing"),
        ("", "skm.answer_missing"),
        ("   ", "skm.answer_missing"),
        (0, "skm.answer_out_of_range"),
        (5, "skm.answer_out_of_range"),
        ("-1", "skm.answer_out_of_range"),
        (3.5, "skm.answer_not_integer"),
        ("3,0", "skm.answer_not_integer"),
        ("baik", "skm.answer_not_integer"),
        (True, "skm.answer_not_integer"),
        (float("nan"), "skm.answer_not_integer"),
        (D("Infinity"), "skm.answer_not_integer"),
    ],
)
def test_parse_answer_refuses(raw, code):
    with pytest.raises(SkmError) as caught:
        parse_answer(raw)
    assert caught.value.code == code


def test_validate_responses_reports_every_bad_answer_by_row_and_column():
    rows = [
        {**respondent(3, 3, 3, 3, 3, 3, 3, 3, 3)},
        {**respondent(3, 3, 3, 3, 3, 3, 3, 3, 3), "u2": 0, "u7": "x"},
        {code: 4 for code in UNSUR_CODES if code != "u9"},
    ]

    answers, issues = validate_responses(rows, row_numbers=[2, 3, 5])

    assert answers[0] == respondent(3, 3, 3, 3, 3, 3, 3, 3, 3)
    assert issues == [
        AnswerIssue(
            3,
            "u2",
            "skm.answer_out_of_range",
            "Baris 3, U2 (Sistem, Mekanisme, dan Prosedur): Jawaban harus 1–4, bukan 0.",
        ),
        AnswerIssue(
            3,
            "u7",
            "skm.answer_not_integer",
            "Baris 3, U7 (Perilaku Pelaksana): Jawaban harus bilangan bulat 1–4, bukan 'x'.",
        ),
        AnswerIssue(
            5,
            "u9",
            "skm.answer_missing",
            "Baris 5, U9 (Penanganan Pengaduan, Saran dan Masukan): Jawaban kosong.",
        ),
    ]


def test_validate_responses_numbers_rows_from_one_by_default():
    _, issues = validate_responses([respondent(1, 1, 1, 1, 1, 1, 1, 1, 1), {"u1": 9}])

    assert {(i.row, i.column) for i in issues} == {(2, code) for code in UNSUR_CODES}


def test_validate_responses_refuses_mismatched_row_numbers():
    with pytest.raises(SkmError):
        validate_responses([respondent(1, 1, 1, 1, 1, 1, 1, 1, 1)], row_numbers=[2, 3])


# --- NRR and IKM: hand-computed -----------------------------------------------------------------

# Four respondents. Column sums: 14, 12, 11, 15, 12, 13, 15, 12, 10 → NRR
# 3.5, 3, 2.75, 3.75, 3, 3.25, 3.75, 3, 2.5; Σ NRR = 28.5.
FOUR = [
    respondent(3, 3, 3, 3, 3, 3, 3, 3, 3),
    respondent(4, 4, 3, 4, 3, 3, 4, 3, 2),
    respondent(3, 2, 3, 4, 3, 3, 4, 3, 2),
    respondent(4, 3, 2, 4, 3, 4, 4, 3, 3),
]


def test_nrr_is_the_mean_answer_per_unsur():
    assert nrr(FOUR) == {
        "u1": Fraction(7, 2),
        "u2": Fraction(3),
        "u3": Fraction(11, 4),
        "u4": Fraction(15, 4),
        "u5": Fraction(3),
        "u6": Fraction(13, 4),
        "u7": Fraction(15, 4),
        "u8": Fraction(3),
        "u9": Fraction(5, 2),
    }


def test_ikm_with_the_regulation_weight_0_111():
    """Σ NRR × 0.111 = 28.5 × 0.111 = 3.1635; × 25 = 79.0875 → 79.09 → B (Baik)."""
    result = ikm_compute(FOUR)

    assert result.respondents == 4
    assert result.nrr_weighted["u1"] == Fraction("0.3885")  # 3.5 × 0.111
    assert result.ikm_unit == Fraction("3.1635")
    assert result.ikm_exact == Fraction("79.0875")
    assert result.ikm == D("79.09")
    assert (result.mutu, result.kinerja) == ("B", "Baik")
    assert result.weighting == "rounded"
    assert result.weighting_text == "Bobot tiap unsur 0,111 (PermenPAN-RB 14/2017)."


def test_ikm_with_the_exact_weight_one_ninth():
    """Σ NRR / 9 = 28.5 / 9 = 3.1666…; × 25 = 79.1666… → 79.17 → B."""
    result = ikm_compute(FOUR, EXACT)

    assert result.ikm_unit == Fraction(19, 6)
    assert display(result.ikm_unit) == D("3.1667")
    assert result.ikm == D("79.17")
    assert result.mutu == "B"
    assert result.weighting_text == "Bobot tiap unsur 1/9 (tepat)."


def test_weighting_changes_the_mutu_at_the_a_b_boundary():
    """10 respondents, answers summing to 318 (48 fours, 42 threes).

    exact:   318 / 90 × 25 = 88.333… → 88.33 → A;
    rounded: 31.8 × 0.111 × 25 = 88.245 → 88.25 → B.
    """
    answers = answers_with_total(10, 318)

    assert (ikm_compute(answers, EXACT).ikm, ikm_compute(answers, EXACT).mutu) == (D("88.33"), "A")
    assert (ikm_compute(answers).ikm, ikm_compute(answers).mutu) == (D("88.25"), "B")


def test_weighting_changes_the_mutu_at_the_c_d_boundary():
    """5 respondents summing to 117: exact 117/45 × 25 = 65.00 → C; 0.111 gives 64.935 → 64.94 → D."""
    answers = answers_with_total(5, 117)

    exact, rounded = ikm_compute(answers, EXACT), ikm_compute(answers)
    assert (exact.ikm_exact, exact.ikm, exact.mutu, exact.kinerja) == (
        Fraction(65),
        D("65.00"),
        "C",
        "Kurang Baik",
    )
    assert (rounded.ikm, rounded.mutu, rounded.kinerja) == (D("64.94"), "D", "Tidak Baik")


# Respondents and answer totals that land on each side of each boundary (found by search,
# checked by hand: e.g. 25 × 889 / (9 × 38) = 64.985 → 64.99 half up).
EXACT_BOUNDARIES = [
    (38, 889, "64.99", "D"),
    (5, 117, "65.00", "C"),
    (26, 717, "76.60", "C"),
    (19, 524, "76.61", "B"),
    (19, 604, "88.30", "B"),
    (24, 763, "88.31", "A"),
]
# 0.111 weighting: IKM = S / n × 0.111 × 25 = 2.775 S / n.
ROUNDED_BOUNDARIES = [
    (19, 445, "64.99", "D"),
    (26, 609, "65.00", "C"),
    (38, 1049, "76.60", "C"),
    (23, 635, "76.61", "B"),
    (11, 350, "88.30", "B"),
    (17, 541, "88.31", "A"),
]


@pytest.mark.parametrize(("respondents", "total", "ikm", "mutu"), EXACT_BOUNDARIES)
def test_every_boundary_with_exact_weighting(respondents, total, ikm, mutu):
    result = ikm_compute(answers_with_total(respondents, total), EXACT)

    assert result.ikm_exact == Fraction(25 * total, 9 * respondents)
    assert (result.ikm, result.mutu) == (D(ikm), mutu)


@pytest.mark.parametrize(("respondents", "total", "ikm", "mutu"), ROUNDED_BOUNDARIES)
def test_every_boundary_with_rounded_weighting(respondents, total, ikm, mutu):
    result = ikm_compute(answers_with_total(respondents, total), ROUNDED)

    assert result.ikm_exact == Fraction(total, respondents) * Fraction("2.775")
    assert (result.ikm, result.mutu) == (D(ikm), mutu)


@pytest.mark.parametrize(
    ("ikm", "mutu", "kinerja"),
    [
        ("100", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("88.305", "A", "Sangat Baik"),  # rounds to 88.31
        ("88.3049", "B", "Baik"),
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.605", "B", "Baik"),
        ("76.6049", "C", "Kurang Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.995", "C", "Kurang Baik"),
        ("64.9949", "D", "Tidak Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("25.00", "D", "Tidak Baik"),
        ("24.98", "D", "Tidak Baik"),
    ],
)
def test_mutu_band_boundaries_on_the_converted_scale(ikm, mutu, kinerja):
    band = mutu_band(D(ikm))

    assert (band.mutu, band.kinerja) == (mutu, kinerja)


def test_mutu_bands_carry_the_nilai_persepsi():
    assert [(b.mutu, b.nilai_persepsi) for b in MUTU_BANDS] == [
        ("A", 4),
        ("B", 3),
        ("C", 2),
        ("D", 1),
    ]


def test_extremes_of_both_weightings():
    ones = [respondent(*[1] * 9)] * 3
    fours = [respondent(*[4] * 9)] * 3

    assert (ikm_compute(ones, EXACT).ikm, ikm_compute(ones, EXACT).mutu) == (D("25.00"), "D")
    assert (ikm_compute(fours, EXACT).ikm, ikm_compute(fours, EXACT).mutu) == (D("100.00"), "A")
    # 9 × 0.111 = 0.999 of the scale: 24.975 → 24.98 (still D) and 99.90.
    assert (ikm_compute(ones).ikm, ikm_compute(ones).mutu) == (D("24.98"), "D")
    assert (ikm_compute(fours).ikm, ikm_compute(fours).mutu) == (D("99.90"), "A")


def test_custom_weights_summing_to_one():
    weights = {code: D("0.1") for code in UNSUR_CODES} | {"u1": D("0.2")}
    config = SkmConfig(weighting="custom", weights=weights)

    result = ikm_compute(FOUR, config)

    # 0.2 × 3.5 + 0.1 × (28.5 − 3.5) = 0.7 + 2.5 = 3.2 → 80.00 → B.
    assert result.ikm_unit == Fraction("3.2")
    assert (result.ikm, result.mutu) == (D("80.00"), "B")
    assert result.weighting_text == "Bobot khusus per unsur (jumlah bobot 1)."
    assert weights_of(config)["u1"] == Fraction(1, 5)


def test_an_added_unsur_with_exact_weights():
    codes = (*UNSUR_CODES, "u10")
    answers = [{**row, "u10": 4} for row in FOUR]

    result = ikm_compute(answers, SkmConfig(weighting="exact", codes=codes))

    # (28.5 + 4) / 10 = 3.25 → 81.25.
    assert result.ikm == D("81.25")
    assert (
        weighting_text(SkmConfig(weighting="exact", codes=codes))
        == "Bobot tiap unsur 1/10 (tepat)."
    )


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"weighting": "median"}, "skm.config.weighting"),
        ({"weighting": "custom"}, "skm.config.weights"),
        ({"weighting": "custom", "weights": {"u1": D(1)}}, "skm.config.weights"),
        (
            {"weighting": "custom", "weights": {code: D("0.111") for code in UNSUR_CODES}},
            "skm.config.weights",
        ),
        (
            {"weighting": "exact", "weights": {code: D(1) / 9 for code in UNSUR_CODES}},
            "skm.config.weights",
        ),
        ({"codes": ()}, "skm.config.codes"),
        ({"codes": ("u1", "u1")}, "skm.config.codes"),
        ({"bands": tuple(reversed(MUTU_BANDS))}, "skm.config.bands"),
        ({"bands": (MutuBand("A", "Sangat Baik", D(50), 4),)}, "skm.config.bands"),
    ],
)
def test_config_refuses_impossible_settings(kwargs, code):
    with pytest.raises(SkmError) as caught:
        SkmConfig(**kwargs)
    assert caught.value.code == code


def test_ikm_needs_respondents():
    with pytest.raises(SkmError) as caught:
        ikm_compute([])
    assert caught.value.code == "skm.no_respondents"


def test_nrr_refuses_unparsed_answers_out_of_range():
    with pytest.raises(SkmError) as caught:
        nrr([respondent(1, 2, 3, 4, 5, 1, 1, 1, 1)])
    assert caught.value.code == "skm.answer_out_of_range"


# --- Krejcie & Morgan ---------------------------------------------------------------------------

# Every N → s pair of the published table (DOMAIN §7.1).
KREJCIE_MORGAN_TABLE = [
    (10, 10),
    (20, 19),
    (50, 44),
    (75, 63),
    (100, 80),
    (150, 108),
    (200, 132),
    (300, 169),
    (500, 217),
    (750, 254),
    (1_000, 278),
    (1_500, 306),
    (2_000, 322),
    (3_000, 341),
    (5_000, 357),
    (10_000, 370),
    (20_000, 377),
    (50_000, 381),
    (100_000, 384),
]


@pytest.mark.parametrize(("population", "sample"), KREJCIE_MORGAN_TABLE)
def test_krejcie_morgan_reproduces_the_table(population, sample):
    assert krejcie_morgan(population) == sample


def test_krejcie_morgan_edges():
    assert krejcie_morgan(0) == 0
    assert krejcie_morgan(1) == 1
    # Just below the cap the formula still applies: 382.63… → 383.
    assert krejcie_morgan(99_999) == 383
    assert krejcie_morgan(1_000_000) == 384
    with pytest.raises(SkmError):
        krejcie_morgan(-1)


@given(st.integers(min_value=0, max_value=200_000))
def test_krejcie_morgan_never_exceeds_the_population_or_the_cap(population):
    sample = krejcie_morgan(population)

    assert 0 <= sample <= min(population, 384)
    assert krejcie_morgan(population + 1) >= sample


def test_sample_status_compares_achieved_with_target():
    assert sample_status(500, 150) == SampleStatus(
        population=500,
        target=217,
        achieved=150,
        is_met=False,
        shortfall=67,
        percent_of_target=D("69.1"),
    )
    assert sample_status(10, 12).is_met
    assert sample_status(10, 12).shortfall == 0
    assert sample_status(0, 0).percent_of_target is None


# --- Properties ---------------------------------------------------------------------------------

answer = st.integers(min_value=1, max_value=4)
response = st.lists(answer, min_size=9, max_size=9).map(lambda v: respondent(*v))
responses = st.lists(response, min_size=1, max_size=12)
configs = st.sampled_from([EXACT, ROUNDED])


@given(responses, st.integers(min_value=0), st.sampled_from(UNSUR_CODES), configs)
def test_ikm_is_monotone_in_each_answer(rows, which, code, config):
    index = which % len(rows)
    if rows[index][code] == 4:
        return
    better = [dict(row) for row in rows]
    better[index][code] += 1

    assert ikm_compute(better, config).ikm_exact > ikm_compute(rows, config).ikm_exact
    order = "DCBA"
    assert order.index(ikm_compute(better, config).mutu) >= order.index(
        ikm_compute(rows, config).mutu
    )


@given(responses)
def test_ikm_stays_on_the_scale(rows):
    exact, rounded = ikm_compute(rows, EXACT), ikm_compute(rows, ROUNDED)

    assert 25 <= exact.ikm_exact <= 100
    assert Fraction("24.975") <= rounded.ikm_exact <= Fraction("99.9")
    assert rounded.ikm_exact == exact.ikm_exact * Fraction("0.999")
    assert mutu_band(exact.ikm).mutu == exact.mutu
