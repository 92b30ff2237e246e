"""Overlap detection (tumpang tindih tugas): normalisation, search, clusters, CLI, quality."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from sklearn.metrics.pairwise import cosine_similarity

from penata.restructure.overlap import (
    DEFAULT_THRESHOLD,
    Cluster,
    Pair,
    Statement,
    find_overlaps,
    quality,
    synthetic,
)
from penata.restructure.overlap.normalize import (
    StemCache,
    analyse,
    normalize_text,
    sastrawi_stemmer,
    vocabulary,
)
from penata.restructure.overlap.search import similar_rows
from penata.restructure.overlap.vectorize import vectorize

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "overlap_pairs.json"
ROOT = Path(__file__).resolve().parents[2]


def labelled() -> list[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


STATISTICS = [
    Statement("k1", "Diskominfo - Bidang Statistik", "Mengelola data statistik sektoral"),
    Statement("b1", "Bappeda", "Menghimpun dan mengolah data statistik sektoral daerah"),
    Statement("o1", "Bagian Organisasi", "Melaksanakan pengelolaan data statistik sektoral"),
    Statement("d1", "Dinas Lingkungan Hidup", "Melaksanakan pengangkutan sampah ke TPA"),
    Statement("p1", "Dinas Perhubungan", "Melaksanakan pengujian berkala kendaraan bermotor"),
    Statement("s1", "Dinas Sosial", "Menyalurkan bantuan sosial bagi korban bencana"),
]


# --- normalisation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1. Menyusun rencana kerja;", "menyusun rencana kerja"),
        ("a) Mengelola data statistik.", "mengelola data statistik"),
        ("iv. Membina UMKM", "membina umkm"),
        ("(2) Memantau harga", "memantau harga"),
        ("• Melaksanakan tugas lain", "melaksanakan tugas lain"),
        ("1.2. b) Mengelola arsip", "mengelola arsip"),
        (
            "Melakukan pengawasan sesuai dengan ketentuan peraturan perundang-undangan yang "
            "berlaku",
            "melakukan pengawasan",
        ),
        ("Dalam rangka pelayanan KTP elektronik", "pelayanan ktpel"),
        ("Pembinaan usaha mikro, kecil dan menengah", "pembinaan umkm"),
        ("Pengaturan LALU LINTAS", "pengaturan lalulintas"),
    ],
)
def test_normalize_text_strips_numbering_punctuation_and_filler_phrases(raw, expected):
    assert normalize_text(raw) == expected


def test_analyse_keeps_content_stems_and_drops_stopwords_and_filler():
    analysis = analyse("Melaksanakan pengelolaan data statistik sektoral dalam rangka pelayanan")

    assert analysis.stems == ("kelola", "data", "statistik", "sektoral", "layan")
    assert analysis.surfaces == ("pengelolaan", "data", "statistik", "sektoral", "pelayanan")
    assert analysis.is_generic is False


def test_analyse_reads_synonyms_and_loanword_fixes_as_one_stem():
    assert (
        analyse("Menangani keluhan warga").stems == analyse("Menangani pengaduan masyarakat").stems
    )
    assert analyse("Mendiseminasikan informasi").stems == ("diseminasi", "informasi")


@pytest.mark.parametrize(
    "text",
    [
        "Menyusun rencana kerja Bidang Aplikasi Informatika",
        "Menyusun rencana kerja dan anggaran Seksi Pengelolaan Pasar",
        "Melaksanakan tugas lain yang diberikan oleh pimpinan sesuai dengan tugas dan fungsinya",
        "Membagi tugas kepada bawahan sesuai dengan bidang tugasnya",
        "Memberikan saran dan pertimbangan kepada atasan",
        "Mengoordinasikan penyusunan laporan kinerja dan laporan keuangan Badan",
        "Mengelola administrasi kepegawaian di lingkungan Dinas",
        "Menilai prestasi kerja bawahan",
    ],
)
def test_self_administration_is_generic(text):
    assert analyse(text).is_generic is True


@pytest.mark.parametrize(
    "text",
    [
        "Menyusun rencana tata ruang wilayah kota",
        "Merumuskan kebijakan teknis di bidang perdagangan",
        "Menyusun laporan keuangan Pemerintah Daerah",
        "Memproses penjatuhan hukuman disiplin pegawai",
        "Menyelenggarakan sekretariat Tim Koordinasi Penanggulangan Kemiskinan Daerah",
        "Melaksanakan evaluasi kelembagaan perangkat daerah",
    ],
)
def test_duties_with_a_subject_are_not_generic(text):
    assert analyse(text).is_generic is False


def test_stem_cache_stems_each_distinct_word_once():
    calls: list[str] = []

    def stem_word(word: str) -> str:
        calls.append(word)
        return sastrawi_stemmer()(word)

    cache = StemCache(stem_word)
    vocabulary(cache)  # the lexicon's own words are stemmed once, up front
    calls.clear()
    before = (cache.hits, cache.misses)

    analyse("Pendataan retribusi; pendataan retribusi lagi dan pendataan parkir", cache)
    analyse("Mendata parkir retribusi", cache)
    analyse("Pendataan parkir", cache)

    assert sorted(calls) == ["mendata", "parkir", "pendataan", "retribusi"]
    assert cache.misses - before[1] == 4


def test_stem_cache_uses_overrides_without_calling_sastrawi():
    calls: list[str] = []
    cache = StemCache(lambda word: calls.append(word) or word)

    assert cache.stem("diseminasi") == "diseminasi"
    assert cache.stem("memfasilitasi") == "fasilitasi"
    assert calls == []


# --- detection -------------------------------------------------------------------------------


def test_same_duty_in_different_units_is_a_pair_with_evidence():
    result = find_overlaps(STATISTICS)

    pairs = {(pair.a, pair.b): pair for pair in result.pairs}
    assert set(pairs) >= {("k1", "o1"), ("k1", "b1")}
    assert {"data", "statistik", "sektoral"} <= set(pairs[("k1", "o1")].terms)
    assert all(pair.score >= DEFAULT_THRESHOLD for pair in result.pairs)
    assert not any({"d1", "p1", "s1"} & {pair.a, pair.b} for pair in result.pairs)


def test_evidence_shows_joined_terms_as_people_write_them():
    statements = [
        Statement("i", "Inspektorat", "Melaksanakan evaluasi SAKIP perangkat daerah"),
        Statement(
            "o",
            "Bagian Organisasi",
            "Melaksanakan evaluasi akuntabilitas kinerja instansi pemerintah pada perangkat daerah",
        ),
    ]

    result = find_overlaps(statements)

    assert result.pairs == [
        Pair(a="i", b="o", score=1.0, terms=("perangkat daerah", "evaluasi", "SAKIP"))
    ]


def test_pairs_are_only_between_different_units():
    statements = [
        Statement("1", "Dinas Sosial", "Menyalurkan bantuan sosial bagi korban bencana"),
        Statement("2", "Dinas Sosial", "Menyalurkan bantuan sosial bagi korban bencana"),
        Statement("3", "  dinas  SOSIAL ", "Menyalurkan bantuan sosial bagi korban bencana"),
        Statement("4", "BPBD", "Menyalurkan bantuan sosial bagi korban bencana"),
    ]

    result = find_overlaps(statements)

    assert [(pair.a, pair.b, pair.score) for pair in result.pairs] == [
        ("1", "4", 1.0),
        ("2", "4", 1.0),
        ("3", "4", 1.0),
    ]
    assert result.clusters == [Cluster(ids=("1", "2", "3", "4"), units=("Dinas Sosial", "BPBD"))]


def test_a_duty_spread_over_three_units_is_one_cluster():
    statements = [
        Statement("a", "Dinas Perdagangan", "Memantau harga dan ketersediaan bahan pokok di pasar"),
        Statement("x", "Dinas Perhubungan", "Mengelola terminal penumpang"),
        Statement("b", "Dinas Ketahanan Pangan", "Melakukan pemantauan harga bahan pokok di pasar"),
        Statement("c", "Bagian Perekonomian", "Memantau ketersediaan dan harga bahan pokok"),
        Statement("y", "Dinas Kesehatan", "Melaksanakan imunisasi dasar lengkap bagi bayi"),
    ]

    result = find_overlaps(statements)

    assert result.clusters == [
        Cluster(
            ids=("a", "b", "c"),
            units=("Dinas Perdagangan", "Dinas Ketahanan Pangan", "Bagian Perekonomian"),
        )
    ]
    assert {frozenset((pair.a, pair.b)) for pair in result.pairs} == {
        frozenset("ab"),
        frozenset("ac"),
        frozenset("bc"),
    }


def test_generic_statements_are_listed_and_never_paired():
    statements = [
        Statement("1", "Dinas Kesehatan", "Menyusun rencana kerja Bidang Pelayanan Kesehatan"),
        Statement("2", "Dinas Pendidikan", "Menyusun rencana kerja Bidang Pelayanan Kesehatan"),
        Statement("3", "Dinas Sosial", "Membagi tugas kepada bawahan"),
        Statement("4", "Dinas Perhubungan", "Membagi tugas kepada bawahan"),
    ]

    result = find_overlaps(statements)

    assert result.generic == ["1", "2", "3", "4"]
    assert result.pairs == []
    assert result.clusters == []


def test_a_higher_threshold_keeps_a_subset_of_pairs():
    items = labelled()[:120]
    statements = _statements_of(items)

    low = find_overlaps(statements, threshold=0.3)
    default = find_overlaps(statements)
    high = find_overlaps(statements, threshold=0.7)

    def keys(result):
        return {(pair.a, pair.b) for pair in result.pairs}

    assert keys(high) < keys(default) < keys(low)
    assert min(pair.score for pair in low.pairs) >= 0.3
    assert min(pair.score for pair in high.pairs) >= 0.7
    assert {pair.score for pair in default.pairs if (pair.a, pair.b) in keys(high)} == {
        pair.score for pair in high.pairs
    }


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.01])
def test_threshold_outside_the_unit_interval_is_refused(threshold):
    with pytest.raises(ValueError, match="threshold"):
        find_overlaps(STATISTICS, threshold=threshold)


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="duplicate statement id 'k1'"):
        find_overlaps([*STATISTICS, Statement("k1", "Bappeda", "Mengelola arsip")])


def test_output_is_deterministic_and_ordered():
    statements = _statements_of(labelled()[:150])
    shuffled = statements[:]
    random.Random(3).shuffle(shuffled)

    first = find_overlaps(statements)
    again = find_overlaps(statements)
    other_order = find_overlaps(shuffled)

    assert first == again
    order = [
        (-p.score, _position(statements, p.a), _position(statements, p.b)) for p in first.pairs
    ]
    assert order == sorted(order)
    assert all(_position(statements, p.a) < _position(statements, p.b) for p in first.pairs)
    assert {(frozenset((p.a, p.b)), p.score) for p in first.pairs} == {
        (frozenset((p.a, p.b)), p.score) for p in other_order.pairs
    }
    assert {frozenset(c.ids) for c in first.clusters} == {
        frozenset(c.ids) for c in other_order.clusters
    }


def test_progress_counts_distinct_texts_up_to_the_total():
    calls: list[tuple[int, int]] = []

    find_overlaps(STATISTICS, progress=lambda done, total: calls.append((done, total)))

    # k1 and o1 say the same once normalised: five texts to compare.
    assert calls == [(5, 5)]


@pytest.mark.parametrize("threshold", [DEFAULT_THRESHOLD, 0.15, 0.8])
def test_search_finds_exactly_the_pairs_of_a_brute_force_scan(threshold):
    statements = synthetic.statements(1500, seed=11)
    cache = StemCache()
    analyses = [analyse(statement.text, cache) for statement in statements]
    distinct = list({a.stems: a for a in analyses if not a.is_generic}.values())
    vectors = vectorize(distinct, stems=cache)

    found = similar_rows(vectors, threshold=threshold)

    matrix = vectors.matrix
    similarity = cosine_similarity(matrix, matrix)
    rows, columns = np.nonzero(np.triu(similarity >= threshold - 1e-9, k=1))
    assert set(zip(found.first.tolist(), found.second.tolist(), strict=True)) == set(
        zip(rows.tolist(), columns.tolist(), strict=True)
    )
    assert np.allclose(found.score, similarity[found.first, found.second])


def test_synthetic_statements_are_deterministic():
    assert synthetic.statements(300, seed=4) == synthetic.statements(300, seed=4)
    assert synthetic.statements(300, seed=4) != synthetic.statements(300, seed=5)


def test_detection_runs_without_django():
    code = (
        "import sys\n"
        "from penata.restructure.overlap import Statement, find_overlaps, quality, synthetic\n"
        "result = find_overlaps(synthetic.statements(200))\n"
        "assert result.pairs\n"
        "print(sorted(m for m in sys.modules if m.startswith(('django', 'penata.core'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, check=False, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "DJANGO_SETTINGS_MODULE": ""},
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- quality on the labelled set ---------------------------------------------------------------


def test_labelled_set_has_the_promised_shape():
    items = labelled()
    kinds = {item["kind"] for item in items}
    positives = sum(item["label"] for item in items)

    assert len(items) >= 300
    assert kinds == {"paraphrase", "boilerplate", "same_topic", "unrelated"}
    assert all(item["label"] == (item["kind"] == "paraphrase") for item in items)
    assert all(item["a"]["unit"] != item["b"]["unit"] for item in items)
    assert 0.35 <= positives / len(items) <= 0.45


def test_f1_on_the_labelled_set_at_the_default_threshold():
    items = labelled()
    predictions = quality.predict(items)
    labels = [item["label"] for item in items]
    _, held_out = quality.split(list(zip(labels, predictions, strict=True)))

    overall = quality.score(labels, predictions)
    on_held_out = quality.score(*zip(*held_out, strict=True))
    boilerplate = [
        guess
        for item, guess in zip(items, predictions, strict=True)
        if item["kind"] == "boilerplate"
    ]

    assert overall.f1 >= 0.85, overall
    # The held-out quarter took no part in choosing weights, threshold or word lists.
    assert on_held_out.f1 >= 0.8, on_held_out
    assert sum(boilerplate) <= 2


# --- command line ----------------------------------------------------------------------------


def write_json(tmp_path: Path, rows: list[dict], name: str = "duties.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


def write_xlsx(tmp_path: Path, rows: list[list], name: str = "duties.xlsx") -> Path:
    import xlsxwriter

    path = tmp_path / name
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    workbook.close()
    return path


JSON_ROWS = [{"id": s.id, "unit": s.unit, "duty": s.text} for s in STATISTICS] + [
    {
        "id": "g1",
        "unit": "Dinas Sosial",
        "duty": "Menyusun rencana kerja Bidang Rehabilitasi Sosial",
    }
]


def run_json(*args: str) -> dict:
    from io import StringIO

    out = StringIO()
    call_command("overlap", "find", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_cli_json_contract(tmp_path):
    output = run_json(str(write_json(tmp_path, JSON_ROWS)))
    expected = find_overlaps([Statement(row["id"], row["unit"], row["duty"]) for row in JSON_ROWS])

    assert set(output) == {"pairs", "clusters", "generic"}
    assert output["pairs"] == [
        {"a": p.a, "b": p.b, "score": p.score, "terms": list(p.terms)} for p in expected.pairs
    ]
    assert output["clusters"] == [
        {
            "ids": ["k1", "b1", "o1"],
            "units": ["Diskominfo - Bidang Statistik", "Bappeda", "Bagian Organisasi"],
        }
    ]
    assert output["generic"] == ["g1"]
    assert all(isinstance(pair["score"], float) for pair in output["pairs"])


def test_cli_threshold_option_changes_the_result(tmp_path):
    path = str(write_json(tmp_path, JSON_ROWS))

    strict = run_json(path, "--threshold", "0,9")
    loose = run_json(path, "--threshold", "0.3")

    # k1 and o1 are the same text once normalised; b1 is a looser paraphrase.
    assert [(p["a"], p["b"], p["score"]) for p in strict["pairs"]] == [("k1", "o1", 1.0)]
    assert {(p["a"], p["b"]) for p in loose["pairs"]} >= {("k1", "o1"), ("k1", "b1"), ("b1", "o1")}


def test_cli_reads_xlsx_with_ids_from_row_numbers(tmp_path):
    path = write_xlsx(
        tmp_path,
        [["Unit", "Duty", "Position"]] + [[s.unit, s.text, "Analis"] for s in STATISTICS[:3]],
    )

    output = run_json(str(path))

    assert output["clusters"] == [
        {
            "ids": ["2", "3", "4"],
            "units": ["Diskominfo - Bidang Statistik", "Bappeda", "Bagian Organisasi"],
        }
    ]


def test_cli_text_format_is_a_readable_table(tmp_path):
    from io import StringIO

    out = StringIO()
    call_command("overlap", "find", str(write_json(tmp_path, JSON_ROWS)), stdout=out)
    text = out.getvalue()

    assert "7 uraian tugas dibaca; 1 bersifat generik" in text
    assert "Skor   ID         Unit kerja" in text
    assert "Mengelola data statistik sektoral" in text
    assert "kata kunci: data" in text
    assert (
        "1. 3 unit, 3 uraian (k1, b1, o1): Diskominfo - Bidang Statistik; Bappeda; Bagian Organisasi"
        in text
    )


@pytest.mark.parametrize(
    ("make", "returncode", "message"),
    [
        (lambda tmp: tmp / "tidak-ada.json", 2, "tidak ditemukan. [overlap.file_missing]"),
        (
            lambda tmp: _write_text(tmp / "catatan.txt", "unit;duty\nA;B\n"),
            2,
            "bukan JSON atau Excel (.xlsx)",
        ),
        (
            lambda tmp: _write_text(tmp / "rusak.json", '[{"unit": "A",'),
            2,
            "bukan JSON yang sah (baris 1",
        ),
        (
            lambda tmp: write_xlsx(tmp, [["unit kerja", "keterangan"], ["A", "x"]]),
            1,
            "Kolom 'duty' (atau 'uraian tugas', 'tugas') tidak ada di baris judul (baris 1)",
        ),
        (
            lambda tmp: write_xlsx(tmp, [["unit", "duty"], ["A", "Mengelola arsip"], ["B", ""]]),
            1,
            "Baris 3, kolom 'duty': uraian tugas kosong.",
        ),
        (
            lambda tmp: write_json(tmp, [{"id": "1", "unit": "", "duty": "Mengelola arsip"}]),
            1,
            "Butir ke-1, kolom 'unit': unit kerja kosong.",
        ),
        (
            lambda tmp: write_json(
                tmp, [{"id": "7", "unit": "A", "duty": "x"}, {"id": "7", "unit": "B", "duty": "y"}]
            ),
            1,
            "Butir ke-2, kolom 'id': id '7' sudah dipakai di butir ke-1.",
        ),
    ],
)
def test_cli_refuses_bad_input_with_row_and_column(tmp_path, make, returncode, message):
    path = make(tmp_path)

    with pytest.raises(CommandError) as refused:
        call_command("overlap", "find", str(path), "--format", "json")

    assert refused.value.returncode == returncode
    assert message in str(refused.value)


def test_cli_process_exit_codes_and_no_database(tmp_path):
    # A database that cannot be reached: the command must not need it.
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
        "PYTHONPATH": str(ROOT / "src"),
    }
    good = write_json(tmp_path, JSON_ROWS)
    bad_rows = write_json(tmp_path, [{"unit": "A", "duty": ""}], name="bad.json")

    def penata(*args):
        return subprocess.run(
            [sys.executable, "-m", "penata", "overlap", "find", *args],
            capture_output=True, text=True, env=env, check=False, timeout=120,
        )  # fmt: skip

    ok = penata(str(good), "--format", "json")
    invalid = penata(str(bad_rows))

    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["clusters"][0]["ids"] == ["k1", "b1", "o1"]
    assert invalid.returncode == 1
    assert "Butir ke-1, kolom 'duty': uraian tugas kosong." in invalid.stderr
    assert invalid.stdout == ""


# --- helpers ---------------------------------------------------------------------------------


def _statements_of(items: list[dict]) -> list[Statement]:
    seen: dict[tuple[str, str], Statement] = {}
    for item in items:
        for side in ("a", "b"):
            key = (item[side]["unit"], item[side]["duty"])
            if key not in seen:
                seen[key] = Statement(str(len(seen)), key[0], key[1])
    return list(seen.values())


def _position(statements: list[Statement], identifier: str) -> int:
    return next(index for index, statement in enumerate(statements) if statement.id == identifier)


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
