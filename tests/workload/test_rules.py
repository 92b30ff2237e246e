"""Worked examples and properties of penata.workload.rules (Anjab-ABK, DOMAIN §3)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penata.workload.rules import (
    DEFAULT_PERIOD_FACTORS,
    DEPKEU_BANDS,
    AbkConfig,
    AbkError,
    AbkIssue,
    PjBand,
    PositionInput,
    Task,
    abk_compute,
    annual_volume,
    display,
    effectiveness,
    gap_text,
    need_round,
    normalize_period,
    pj_band,
    position_abk,
    rounding_rule_text,
    task_workload,
    validate_positions,
)

D = Decimal


def task(
    volume: str | int, period: str = "year", norm: str | int = 60, name: str = "Tugas"
) -> Task:
    return Task(name=name, volume=D(volume), period=period, norm_minutes=D(norm), unit="Dokumen")


# --- A published worked example ------------------------------------------------------------

# Lampiran III "Contoh Perhitungan Analisis Beban Kerja", jabatan AJUDAN, Sekretariat Daerah,
# signed by the Bupati Lahat, in the e-book "Pandan Pejabat" on PermenPAN-RB 1/2020
# (online.flipbuilder.com/pnhky/dmzo/files/basic-html/page21.html). The form gives the time
# norm in hours against a WKE of 1,250 hours; here in minutes (×60) against 75,000 minutes.
# Columns: satuan hasil, waktu penyelesaian (jam), beban kerja (volume/tahun), pegawai.
LAHAT_AJUDAN = [
    ("Memeriksa jadwal kegiatan pimpinan", "Dokumen", 60, 10, "0.480"),
    ("Memberikan pelayanan perjalanan dinas kepada pimpinan", "Dokumen", 60, 20, "0.960"),
    ("Memberikan pengamanan fisik langsung jarak dekat", "Laporan", 10, 12, "0.096"),
    ("Mengoordinasikan kegiatan pengamanan pimpinan", "Kegiatan", 30, 15, "0.360"),
    ("Membuat laporan hasil pelaksanaan tugas", "Kegiatan", 60, 5, "0.240"),
    ("Melaksanakan tugas kedinasan lain", "Laporan", 30, 5, "0.120"),
]


def lahat_ajudan(norm_factor: int = 60) -> PositionInput:
    return PositionInput(
        name="Ajudan",
        existing=3,
        unit_kerja="Sekretariat Daerah",
        tasks=tuple(
            Task(
                name=name,
                unit=unit,
                volume=D(volume),
                period="year",
                norm_minutes=D(hours * norm_factor),
            )
            for name, unit, hours, volume, _ in LAHAT_AJUDAN
        ),
    )


def test_lahat_ajudan_reproduces_the_published_need_of_each_task():
    for name, unit, hours, volume, published in LAHAT_AJUDAN:
        workload = task_workload(task(volume, norm=hours * 60, name=name))

        assert workload / D(75_000) == D(published)


def test_lahat_ajudan_reproduces_the_published_totals():
    """Published: JUMLAH 2,256; ada 3 orang; dibutuhkan 2 orang; kelebihan 1 orang."""
    result = position_abk(lahat_ajudan())

    assert result.workload_minutes == D(169_200)
    assert result.need == D("2.256")
    assert result.need_rounded == 2
    assert result.existing == 3
    assert result.gap == -1
    assert gap_text(result.gap) == "Lebih 1 orang"
    # EJ = 169,200 / (3 × 75,000) = 0.752 → C (0.70–0.89, Cukup).
    assert result.ej == D("0.752")
    assert (result.pj, result.pj_label) == ("C", "Cukup")


def test_lahat_ajudan_in_hours_against_1250_hours_gives_the_same_need():
    """The formula is unit-free: norm in hours over WKE in hours gives the same need."""
    result = position_abk(lahat_ajudan(norm_factor=1), AbkConfig(effective_minutes=D(1250)))

    assert result.need == D("2.256")
    assert result.ej == D("0.752")


# --- Annualising volumes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("volume", "period", "annual"),
    [
        ("120", "year", "120"),
        ("3", "semester", "6"),
        ("2", "quarter", "8"),
        ("10", "month", "120"),
        ("2", "week", "100"),
        ("3", "day", "750"),
        ("2.5", "day", "625"),
        ("0", "month", "0"),
    ],
)
def test_annual_volume_uses_the_default_convention(volume, period, annual):
    assert annual_volume(D(volume), period) == D(annual)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("year", "year"),
        ("Tahun", "year"),
        ("per tahun", "year"),
        ("Bulanan", "month"),
        ("per minggu", "week"),
        ("pekan", "week"),
        ("harian", "day"),
        ("Triwulan", "quarter"),
        ("semester", "semester"),
        ("  DAY ", "day"),
        ("decade", None),
        ("", None),
    ],
)
def test_normalize_period_accepts_indonesian_words(raw, code):
    assert normalize_period(raw) == code


def test_default_factors_are_the_documented_convention():
    assert dict(DEFAULT_PERIOD_FACTORS) == {
        "year": 1,
        "semester": 2,
        "quarter": 4,
        "month": 12,
        "week": 50,
        "day": 250,
    }


def test_period_factors_are_configurable():
    # e.g. a 5-day-week office counting 235 effective days (PermenPAN-RB 1/2020 WKE basis).
    config = AbkConfig(period_factors={**DEFAULT_PERIOD_FACTORS, "day": D(235)})

    assert annual_volume(D(1), "day", config) == D(235)
    assert annual_volume(D(1), "hari", config) == D(235)


def test_a_period_missing_from_the_configuration_is_unknown_even_with_an_alias():
    config = AbkConfig(period_factors={"year": D(1), "month": D(12)})

    assert normalize_period("minggu", config) is None
    with pytest.raises(AbkError) as caught:
        annual_volume(D(1), "week", config)
    assert caught.value.code == "abk.period"


def test_annual_volume_refuses_a_negative_volume():
    with pytest.raises(AbkError) as caught:
        annual_volume(D(-1), "year")
    assert caught.value.code == "abk.volume_negative"


def test_task_workload_is_annual_volume_times_norm():
    # 10 letters a month × 45 minutes = 120 × 45 = 5,400 minutes a year.
    assert task_workload(task(10, "month", 45)) == D(5400)
    # Decimal norms stay exact: 250 × 7.5 = 1,875.
    assert task_workload(task(1, "day", "7.5")) == D("1875.0")


def test_task_workload_refuses_a_zero_norm():
    with pytest.raises(AbkError) as caught:
        task_workload(task(1, "year", 0))
    assert caught.value.code == "abk.norm_not_positive"


# --- Rounding the need to whole people ------------------------------------------------------


@pytest.mark.parametrize(
    ("rounding", "need", "people"),
    [
        ("half_up", "2.256", 2),
        ("half_up", "2.5", 3),
        ("half_up", "2.4999", 2),
        ("half_up", "0.49", 0),
        ("half_up", "0", 0),
        ("ceil", "2.0001", 3),
        ("ceil", "2", 2),
        ("ceil", "0.2208", 1),
        ("floor", "2.99", 2),
        ("floor", "3", 3),
    ],
)
def test_need_round(rounding, need, people):
    assert need_round(D(need), AbkConfig(rounding=rounding)) == people


@pytest.mark.parametrize(
    ("need", "people"), [("2.3", 3), ("2.29", 2), ("2.0", 2), ("0.3", 1), ("0.2999", 0)]
)
def test_need_round_with_a_threshold_rounds_up_from_the_threshold(need, people):
    config = AbkConfig(rounding="threshold", round_up_from=D("0.3"))

    assert need_round(D(need), config) == people


def test_threshold_at_one_half_equals_half_up():
    half = AbkConfig(rounding="threshold", round_up_from=D("0.5"))
    for need in ("1.49", "1.5", "1.51", "7.0"):
        assert need_round(D(need), half) == need_round(D(need))


def test_need_round_refuses_a_negative_need():
    with pytest.raises(AbkError):
        need_round(D("-0.1"))


def test_rounding_rule_is_stated_in_words():
    assert rounding_rule_text() == (
        "Dibulatkan ke bilangan bulat terdekat; pecahan 0,5 ke atas dibulatkan ke atas."
    )
    assert rounding_rule_text(AbkConfig(rounding="ceil")) == "Setiap pecahan dibulatkan ke atas."
    assert rounding_rule_text(AbkConfig(rounding="floor")) == (
        "Pecahan diabaikan (dibulatkan ke bawah)."
    )
    assert rounding_rule_text(AbkConfig(rounding="threshold", round_up_from=D("0.30"))) == (
        "Dibulatkan ke atas bila pecahan paling sedikit 0,3; selain itu ke bawah."
    )


# --- EJ and PJ ------------------------------------------------------------------------------


def test_effectiveness_is_none_without_incumbents():
    assert effectiveness(D(75_000), 0) is None
    assert effectiveness(D(150_000), 2) == D(1)
    assert effectiveness(D(0), 1) == D(0)


@pytest.mark.parametrize(
    ("ej", "grade"),
    [
        ("1.5", "A"),
        ("1.01", "A"),
        ("1.005", "A"),  # rounds to 1.01
        ("1.0049", "B"),  # rounds to 1.00
        ("1.00", "B"),
        ("0.90", "B"),
        ("0.895", "B"),  # rounds to 0.90
        ("0.8949", "C"),
        ("0.89", "C"),
        ("0.70", "C"),
        ("0.69", "D"),
        ("0.50", "D"),
        ("0.4951", "D"),  # rounds to 0.50
        ("0.4949", "E"),
        ("0", "E"),
    ],
)
def test_pj_bands_of_permendagri_12_2008(ej, grade):
    assert pj_band(D(ej)).grade == grade


def test_pj_labels_follow_domain_table():
    labels = [pj_band(D(ej)).label for ej in ("1.2", "0.95", "0.8", "0.6", "0.1")]

    assert labels == ["Sangat Baik", "Baik", "Cukup", "Sedang", "Kurang"]


@pytest.mark.parametrize(
    ("ej", "grade"),
    [
        ("1.01", "A"),
        ("1.00", "B"),
        ("0.81", "B"),
        ("0.80", "C"),
        ("0.66", "C"),
        ("0.65", "D"),
        ("0.50", "D"),
        ("0.49", "E"),
    ],
)
def test_pj_bands_of_the_depkeu_variant(ej, grade):
    assert pj_band(D(ej), AbkConfig(bands=DEPKEU_BANDS)).grade == grade


def test_ej_places_changes_where_the_band_is_read():
    three_places = AbkConfig(ej_places=3)

    assert pj_band(D("0.8951"), three_places).grade == "C"  # 0.895 < 0.90
    assert pj_band(D("0.8951")).grade == "B"  # 0.90 at two places


# --- Whole computation ------------------------------------------------------------------------


def test_abk_compute_gives_unit_and_grand_totals():
    """Hand-computed: two units, three positions, WKE 75,000 minutes."""
    positions = [
        # 20 files/week × 50 × 60 min = 60,000 → need 0.8 → 1; 1 incumbent: EJ 0.8 → C.
        PositionInput("Pengelola Kepegawaian", (task(20, "week", 60),), 1, "BKPSDM"),
        # 600 letters/month × 12 × 15 = 108,000 + 1 report/day × 250 × 30 = 7,500 → 115,500
        # → need 1.54 → 2; 1 incumbent: EJ 1.54 → A; gap +1.
        PositionInput(
            "Pengadministrasi Perkantoran",
            (task(600, "month", 15), task(1, "day", 30)),
            1,
            "BKPSDM",
        ),
        # 12 studies/year × 2,400 min = 28,800 → need 0.384 → 0; vacant: EJ None; gap 0.
        PositionInput("Analis Kebijakan Ahli Muda", (task(12, "year", 2400),), 0, "Bappeda"),
    ]

    result = abk_compute(positions)

    rows = [
        (p.name, p.workload_minutes, p.need, p.need_rounded, p.gap, p.ej, p.pj)
        for p in result.positions
    ]
    assert rows == [
        ("Pengelola Kepegawaian", D(60_000), D("0.8"), 1, 0, D("0.8"), "C"),
        ("Pengadministrasi Perkantoran", D(115_500), D("1.54"), 2, 1, D("1.54"), "A"),
        ("Analis Kebijakan Ahli Muda", D(28_800), D("0.384"), 0, 0, None, None),
    ]
    bkpsdm, bappeda = result.units
    assert (bkpsdm.name, bkpsdm.positions, bkpsdm.workload_minutes, bkpsdm.need_rounded) == (
        "BKPSDM",
        2,
        D(175_500),
        3,
    )
    # EU = 175,500 / (2 × 75,000) = 1.17 → PEU A.
    assert (bkpsdm.existing, bkpsdm.gap, bkpsdm.eu, bkpsdm.peu) == (2, 1, D("1.17"), "A")
    assert (bappeda.existing, bappeda.eu, bappeda.peu, bappeda.peu_label) == (0, None, None, None)
    assert result.workload_minutes == D(204_300)
    assert result.need == D("2.724")
    # Total of per-position whole people (1 + 2 + 0), not round(2.724) = 3 by coincidence.
    assert (result.need_rounded, result.existing, result.gap) == (3, 2, 1)
    assert result.ej == D("1.362")
    assert result.pj == "A"
    assert result.rounding_rule.startswith("Dibulatkan ke bilangan bulat terdekat")


def test_total_need_rounded_sums_positions_not_the_total_need():
    two_small = [PositionInput(f"Jabatan {i}", (task(30_000, "year", 1),), 0) for i in (1, 2)]

    result = abk_compute(two_small)

    assert result.need == D("0.8")  # 0.4 + 0.4
    assert result.need_rounded == 0  # each 0.4 rounds to 0
    assert result.units == ()  # no unit kerja given


def test_positions_without_tasks_need_nobody():
    result = position_abk(PositionInput("Kepala Dinas", (), 1))

    assert (result.workload_minutes, result.need, result.need_rounded, result.gap) == (0, 0, 0, -1)
    assert (result.ej, result.pj) == (D(0), "E")


def test_an_older_wke_of_1300_hours_is_a_configuration():
    result = position_abk(lahat_ajudan(), AbkConfig(effective_minutes=D(78_000)))

    # 169,200 / 78,000 = 2.169230769…
    assert display(result.need, 4) == D("2.1692")
    assert result.need_rounded == 2


# --- Validation -----------------------------------------------------------------------------


def test_validate_positions_lists_every_issue_with_its_location():
    positions = [
        PositionInput("Ajudan", (task(10), task(-5), Task("", D(1), "decade", D(0)))),
        PositionInput(" ", (Task("Arsip", D(1), "", D(5)),), existing=-2),
    ]

    issues = validate_positions(positions)

    assert issues == [
        AbkIssue(0, 1, "volume", "abk.volume_negative", "volume tidak boleh negatif (-5)."),
        AbkIssue(0, 2, "task", "abk.task_missing", "uraian tugas kosong."),
        AbkIssue(
            0,
            2,
            "period",
            "abk.period",
            "periode 'decade' tidak dikenal (pilih year, semester, quarter, month, week, day; "
            "atau tahun, semester, triwulan, bulan, minggu, hari).",
        ),
        AbkIssue(
            0,
            2,
            "norm_minutes",
            "abk.norm_not_positive",
            "norma waktu harus lebih dari 0 menit (0).",
        ),
        AbkIssue(1, None, "name", "abk.name_missing", "nama jabatan kosong."),
        AbkIssue(
            1,
            None,
            "existing",
            "abk.existing_negative",
            "jumlah pemangku tidak boleh negatif (-2).",
        ),
        AbkIssue(1, 0, "period", "abk.period_missing", "periode kosong."),
    ]
    assert issues[0].text == "Jabatan ke-1, tugas ke-2: volume tidak boleh negatif (-5)."
    assert issues[4].text == "Jabatan ke-2: nama jabatan kosong."


def test_abk_compute_refuses_invalid_input_and_carries_all_issues():
    with pytest.raises(AbkError) as caught:
        abk_compute([PositionInput("Ajudan", (task(-1), task(1, "decade")))])

    assert caught.value.code == "abk.invalid"
    assert [i.code for i in caught.value.issues] == ["abk.volume_negative", "abk.period"]


def test_position_abk_refuses_with_the_first_issue():
    with pytest.raises(AbkError) as caught:
        position_abk(PositionInput("Ajudan", (task(1, norm=-3),)))

    assert caught.value.code == "abk.norm_not_positive"
    assert caught.value.message == (
        "Jabatan ke-1, tugas ke-1: norma waktu harus lebih dari 0 menit (-3)."
    )


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"effective_minutes": D(0)}, "abk.config.effective_minutes"),
        ({"rounding": "banker"}, "abk.config.rounding"),
        ({"round_up_from": D(0)}, "abk.config.round_up_from"),
        ({"round_up_from": D("1.1")}, "abk.config.round_up_from"),
        ({"period_factors": {"year": D(0)}}, "abk.config.period_factors"),
        ({"bands": ()}, "abk.config.bands"),
        ({"bands": tuple(reversed(DEPKEU_BANDS))}, "abk.config.bands"),
        ({"bands": (PjBand("A", "Tinggi", D("0.5"), True),)}, "abk.config.bands"),
        ({"ej_places": -1}, "abk.config.places"),
    ],
)
def test_config_refuses_impossible_settings(kwargs, code):
    with pytest.raises(AbkError) as caught:
        AbkConfig(**kwargs)
    assert caught.value.code == code


def test_gap_text():
    assert [gap_text(g) for g in (2, 0, -1)] == ["Kurang 2 orang", "Sesuai", "Lebih 1 orang"]


# --- Properties -------------------------------------------------------------------------------

volumes = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False)
norms = st.decimals(min_value=D("0.5"), max_value=10_000, places=1, allow_nan=False)
periods = st.sampled_from(sorted(DEFAULT_PERIOD_FACTORS))
tasks = st.builds(lambda v, p, n: Task("Tugas", v, p, n), volumes, periods, norms)


@given(st.lists(tasks, max_size=8), st.integers(min_value=0, max_value=20))
def test_need_is_never_negative_and_rounds_within_one_person(task_list, existing):
    result = position_abk(PositionInput("Jabatan", tuple(task_list), existing))

    assert result.need >= 0
    assert int(result.need) <= result.need_rounded <= int(result.need) + 1
    assert result.gap == result.need_rounded - existing
    assert result.need == sum((task_workload(t) for t in task_list), D(0)) / D(75_000)


@given(tasks, volumes)
def test_more_volume_never_means_less_workload(a_task, extra):
    more = Task(a_task.name, a_task.volume + extra, a_task.period, a_task.norm_minutes)

    assert task_workload(more) >= task_workload(a_task)


@given(st.decimals(min_value=0, max_value=50, places=4, allow_nan=False))
def test_every_rounding_stays_between_floor_and_ceiling(need):
    results = {
        rule: need_round(need, AbkConfig(rounding=rule)) for rule in ("half_up", "ceil", "floor")
    }

    assert results["floor"] <= results["half_up"] <= results["ceil"]
    assert results["ceil"] - results["floor"] in (0, 1)
