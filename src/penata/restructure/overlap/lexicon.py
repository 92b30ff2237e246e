"""Word lists of Indonesian bureaucratic duty statements (uraian tugas).

Each list is short on purpose and every entry is there for a reason a reader can check:
the lists describe how Perwali SOTK and Anjab texts are written, not any particular file.
Lists hold lower-case words as drafters write them; `normalize.vocabulary()` stems them with
the same stemmer as the statements, so one form of a word covers its derivations.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

# Multi-word expressions rewritten before tokenising. Two jobs:
# - filler phrases that every statement may carry and that say nothing about the duty
#   (replaced by a space);
# - fixed terms whose words mean something else alone ("lalu lintas" is not "lalu" +
#   "lintas"; "lingkungan hidup" is not "di lingkungan") or that are written both spelled out
#   and abbreviated ("usaha mikro, kecil, dan menengah" / "UMKM") — joined into one token.
# Applied longest first, on text already lower-cased with punctuation turned into spaces.
PHRASES: dict[str, str] = {
    # filler
    "sesuai dengan ketentuan peraturan perundang undangan yang berlaku": " ",
    "sesuai dengan peraturan perundang undangan yang berlaku": " ",
    "sesuai dengan peraturan perundang undangan": " ",
    "sesuai ketentuan peraturan perundang undangan": " ",
    "peraturan perundang undangan yang berlaku": " ",
    "peraturan perundang undangan": " ",
    "sesuai dengan ketentuan yang berlaku": " ",
    "sesuai dengan ketentuan": " ",
    "sesuai ketentuan yang berlaku": " ",
    "ketentuan yang berlaku": " ",
    "yang berlaku": " ",
    "dalam rangka": " ",
    "sesuai dengan bidang tugasnya": " ",
    "sesuai dengan tugas dan fungsinya": " ",
    "sesuai dengan tugas dan fungsi": " ",
    "sesuai bidang tugasnya": " ",
    "baik secara lisan maupun tertulis": " ",
    "baik lisan maupun tertulis": " ",
    "sebagai bahan pertimbangan": " ",
    "sebagai pedoman": " ",
    "agar berjalan lancar": " ",
    "agar terlaksana dengan baik": " ",
    "secara berkala": " ",
    "sesuai dengan peraturan": " ",
    # fixed terms and their abbreviations
    "sistem akuntabilitas kinerja instansi pemerintah": "sakip",
    "akuntabilitas kinerja instansi pemerintah": "sakip",
    "laporan kinerja instansi pemerintah": "lkjip",
    "rencana strategis": "renstra",
    "musyawarah perencanaan pembangunan": "musrenbang",
    "rtlh": "rumah tidak layak huni",
    "tidak mampu": "miskin",
    "job fair": "bursa kerja",
    "kendaraan dinas": "kendaraandinas",
    "rumah dinas": "rumahdinas",
    "perjalanan dinas": "perjalanandinas",
    "inspektur pembantu": "irban",
    "rumah tangga": "rumahtangga",
    "ktp elektronik": "ktpel",
    "usaha mikro kecil dan menengah": "umkm",
    "usaha mikro kecil menengah": "umkm",
    "usaha kecil dan menengah": "umkm",
    "ukm": "umkm",
    "aparatur sipil negara": "asn",
    "pegawai negeri sipil": "pns",
    "organisasi perangkat daerah": "opd",
    "satuan kerja perangkat daerah": "opd",
    "perangkat daerah": "opd",
    "skpd": "opd",
    "pemerintah daerah": "pemda",
    "pemerintah kota": "pemda",
    "pemerintah kota surakarta": "pemda",
    "pemkot": "pemda",
    "lingkungan hidup": "lingkunganhidup",
    "lalu lintas": "lalulintas",
    "tata usaha": "tatausaha",
    "tindak lanjut": "tindaklanjut",
    "monitoring dan evaluasi": "pantau evaluasi",
    "monev": "pantau evaluasi",
    "standar operasional prosedur": "sop",
    "standard operating procedure": "sop",
    "teknologi informasi dan komunikasi": "tik",
    "teknologi informasi": "tik",
    "sistem pemerintahan berbasis elektronik": "spbe",
    "pedagang kaki lima": "pkl",
    "kartu tanda penduduk elektronik": "ktpel",
    "kartu tanda penduduk": "ktp",
    "ktp el": "ktpel",
    "e ktp": "ktpel",
    "kartu keluarga": "kk",
    "keluarga berencana": "kb",
    "sub bagian": "subbagian",
    "sub bidang": "subbidang",
    "unit kerja": "unitkerja",
    "unit pelaksana teknis": "upt",
    "di lingkungan": " dilingkungan ",
}

# How the joined tokens of PHRASES are shown as evidence.
READABLE: dict[str, str] = {
    "umkm": "UMKM",
    "asn": "ASN",
    "pns": "PNS",
    "opd": "perangkat daerah",
    "pemda": "pemerintah daerah",
    "lingkunganhidup": "lingkungan hidup",
    "lalulintas": "lalu lintas",
    "tatausaha": "tata usaha",
    "tindaklanjut": "tindak lanjut",
    "sop": "SOP",
    "tik": "TIK",
    "spbe": "SPBE",
    "pkl": "PKL",
    "ktpel": "KTP-el",
    "ktp": "KTP",
    "kk": "kartu keluarga",
    "kb": "KB",
    "subbagian": "subbagian",
    "subbidang": "subbidang",
    "unitkerja": "unit kerja",
    "upt": "UPT",
    "dilingkungan": "di lingkungan",
    "sakip": "SAKIP",
    "lkjip": "LKjIP",
    "renstra": "renstra",
    "musrenbang": "Musrenbang",
    "kendaraandinas": "kendaraan dinas",
    "rumahdinas": "rumah dinas",
    "perjalanandinas": "perjalanan dinas",
    "irban": "inspektur pembantu",
    "rumahtangga": "rumah tangga",
}

# Sastrawi gets some loanwords wrong ("diseminasi" → "mas", "memvalidasi" stays whole);
# these surfaces get the stem given here instead.
STEM_OVERRIDES: dict[str, str] = {
    "diseminasi": "diseminasi",
    "mendiseminasikan": "diseminasi",
    "memvalidasi": "validasi",
    "divalidasi": "validasi",
    "analisis": "analisis",
    "menganalisis": "analisis",
    "menganalisa": "analisis",
    "analisa": "analisis",
    "fasilitasi": "fasilitasi",
    "memfasilitasi": "fasilitasi",
    "difasilitasi": "fasilitasi",
    "menindaklanjuti": "tindaklanjut",
    "ditindaklanjuti": "tindaklanjut",
    "penyebarluasan": "sebarluas",
    "menyebarluaskan": "sebarluas",
    "ketatausahaan": "tatausaha",
    "penatausahaan": "tatausaha",
    "kerumahtanggaan": "rumahtangga",
    "pengadaan": "pengadaan",
    "mengadakan": "pengadaan",
    "bagian": "bagian",
    "subbagian": "subbagian",
    "lingkungan": "lingkungan",
    "dilingkungan": "dilingkungan",
    # the territory, not its head ("camat", "lurah")
    "kecamatan": "kecamatan",
    "kelurahan": "kelurahan",
}

# Words drafters use interchangeably in duty statements: word → the word it is read as.
# Kept to near-exact synonyms; both sides are stemmed, so one form of each is enough.
SYNONYMS: dict[str, str] = {
    "keluhan": "pengaduan",
    "menghimpun": "mengumpulkan",
    "monitoring": "pemantauan",
    "memonitor": "pemantauan",
    "kajian": "analisis",
    "warga": "masyarakat",
}

# Bureaucratic filler: verbs of "doing" and nouns of "task/activity" that open or pad almost
# every statement. Dropped entirely (every derivation: the list is stemmed).
FILLER_WORDS: tuple[str, ...] = (
    "melaksanakan",  # pelaksanaan, pelaksana
    "melakukan",  # dilakukan, berlaku
    "menyelenggarakan",  # penyelenggaraan
    "tugas",
    "kegiatan",
    "upaya",
    "rangka",
    "ketentuan",
    "perundang-undangan",
    "menjalankan",  # "jalan" the road survives through SURFACE_KEEP
    "kedinasan",  # "tugas kedinasan lain"
)

# Surfaces kept as they are although their stem is filler: "jalan" is a road in DPUPR and
# Dishub duties ("pemeliharaan jalan"), filler only as the verb "menjalankan".
SURFACE_KEEP: dict[str, str] = {"jalan": "jalan", "jalanan": "jalan"}

# A unit's administration of itself: planning, budgeting, reporting, evaluating, directing
# staff, coordinating, advising the superior. Every unit has these duties ("menyusun
# rencana kerja Bidang X", "mengevaluasi pelaksanaan tugas bawahan", "memberikan saran dan
# pertimbangan kepada atasan"); sharing them is not an overlap of substance. Down-weighted in
# the vectors; a statement made only of them (outside the name of its own unit) is generic.
GENERIC_WORDS: tuple[str, ...] = (
    # planning, budgeting, reporting, evaluating
    "rencana",
    "kerja",
    "program",
    "anggaran",
    "laporan",
    "evaluasi",
    "pemantauan",
    "pengendalian",
    "kinerja",
    "capaian",
    "target",
    "sasaran",
    "hasil",
    "renstra",
    "renja",
    "rka",
    "dpa",
    "lkjip",
    "lakip",
    "sakip",
    "skp",
    "dokumen",
    "bahan",
    "menyiapkan",
    "menyusun",
    "mengelola",  # the commonest verb of all; the object says what is managed
    "perumusan",  # the first function of every unit
    "kebijakan",
    "teknis",
    "sop",
    "standar",
    "prosedur",
    "operasional",
    "pedoman",
    "acuan",
    "usulan",
    "inventarisasi",
    "administrasi",
    "tatausaha",
    "urusan",
    "fungsi",
    "tanggung",
    "jawab",
    # periodicity carries no subject
    "tahunan",
    "bulanan",
    "triwulan",
    "semester",
    "rutin",
    "berkala",
    "periodik",
    # directing staff: the supervisory verbs of every pejabat's list
    "bawahan",
    "atasan",
    "pimpinan",
    "kepala",
    "membagi",
    "petunjuk",
    "arahan",
    "memberi",
    "saran",
    "pertimbangan",
    "tindaklanjut",
    "menilai",
    "pembinaan",
    "membimbing",
    "pengawasan",
    "memeriksa",
    "meneliti",
    "mengoreksi",
    "motivasi",
    "mendistribusikan",
    "permasalahan",  # "menginventarisasi permasalahan … serta … pemecahan masalah"
    "pemecahan",
    "mendukung",
    # the scope of every duty of a city government
    "kota",
    "wilayah",
    "pemda",
    "tingkat",
    # working with others
    "koordinasi",
    "rapat",
    "terkait",
    "instansi",
    "pihak",
    "lain",
    "lingkup",
    # qualities of the work
    "kelancaran",
    "efektif",
    "efisien",
    "optimal",
    # names of units and their parts (the name of a unit is not the subject of a duty)
    "bidang",
    "seksi",
    "bagian",
    "subbagian",
    "subbidang",
    "upt",
    "uptd",
    "unitkerja",
    "dinas",
    "badan",
    "kantor",
    "sekretariat",
    "irban",
    "dilingkungan",
    "kecamatan",
    "kelurahan",
)

# Words that start the name of an organisational unit. In "menyusun rencana kerja Bidang
# Statistik" the words from "Bidang" on name the unit whose plan it is, not the subject of
# the duty. After a FIELD_MARKER ("di bidang statistik") the same word names a field of
# government and the words after it are the subject. "Perangkat daerah" is not here: it
# names the government's units as the object of a duty ("evaluasi kelembagaan perangkat
# daerah"), and "sekretariat" is often an object too ("sekretariat Tim Koordinasi …").
UNIT_KIND_WORDS: tuple[str, ...] = (
    "bidang",
    "seksi",
    "bagian",
    "subbagian",
    "subbidang",
    "upt",
    "uptd",
    "unitkerja",
    "dinas",
    "badan",
    "kantor",
    "irban",
    "dilingkungan",
    "kecamatan",
    "kelurahan",
)

# Words that refer to the holder's own staff.
STAFF_WORDS: tuple[str, ...] = ("bawahan", "atasan")

# The support functions every unit runs for itself (its finances, staff, letters, archives,
# goods and vehicles). Generic only when the statement points at its own unit or staff
# ("laporan keuangan Badan", "administrasi kepegawaian di lingkungan Dinas", "prestasi kerja
# bawahan"); the same words are the substance of BPKAD's or BKPSDM's duties for the whole
# government ("laporan keuangan Pemerintah Daerah").
SUPPORT_WORDS: tuple[str, ...] = (
    "keuangan",
    "kepegawaian",
    "pegawai",
    "asn",
    "pns",
    "surat",
    "persuratan",
    "kearsipan",
    "arsip",
    "perlengkapan",
    "rumahtangga",
    "aset",
    "barang",
    "umum",
    "sarana",
    "prasarana",
    "prestasi",
    "karier",
    "disiplin",
    "cuti",
    "kehadiran",
    "kendaraandinas",
    "perjalanandinas",
)

# Surfaces after which a unit-kind word names a field or a place, not the statement's unit.
FIELD_MARKERS: frozenset[str] = frozenset({"di", "dibidang", "urusan", "wilayah", "pemerintahan"})


@cache
def stopwords() -> frozenset[str]:
    """Return the shipped Indonesian stopword list (no download at run time)."""
    text = files("penata.restructure.overlap").joinpath("data/stopwords_id.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
