# ruff: noqa: E501  -- data tables: one row per line reads better than wrapped rows
"""Kinds of positions in the demo: managerial levels and the non-managerial position families.

A *level* fixes kind, legacy eselon and kelas jabatan of an official post; a *family* is a
jabatan fungsional (titled by jenjang: "Perencana Ahli Muda") or a jabatan pelaksana with its
2025 name, plus what the people holding it look like (education profile, employment mix, share
of women).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from penata.core import reference


@dataclass(frozen=True)
class Level:
    kind: str
    eselon: str
    kelas: int
    jf_jenjang: str = ""


# Kota: Sekda JPT pratama II.a; asisten, staf ahli, kepala dinas/badan, inspektur, sekretaris
# DPRD, kasatpol PP II.b; kabag, sekretaris dinas, camat, irban, direktur RSUD III.a; kabid,
# sekcam III.b; kasi, kasubbag, kasubbid, lurah, kepala UPT/Puskesmas IV.a; sekretaris
# kelurahan, kasubbag TU of an UPT, kasubbag and kasi of a kecamatan IV.b (PP 18/2016,
# PP 17/2018). Kelas jabatan: common values in Perwali kelas jabatan [P].
LEVELS: Final[dict[str, Level]] = {
    "sekda": Level("jpt_pratama", "IIa", 15),
    "jpt": Level("jpt_pratama", "IIb", 14),
    "adm_a": Level("administrator", "IIIa", 12),
    "adm_b": Level("administrator", "IIIb", 11),
    "pgw_a": Level("pengawas", "IVa", 9),
    "pgw_b": Level("pengawas", "IVb", 8),
    # A school head is a guru with an additional task (Permendikbudristek 40/2021), not a
    # structural post; the school's head position is therefore a JF post.
    "kepsek": Level("fungsional", "", 12, "ahli_madya"),
}

# Kelas jabatan of JF by jenjang [P].
JF_KELAS: Final[dict[str, int]] = {
    "ahli_utama": 14,
    "ahli_madya": 12,
    "ahli_muda": 10,
    "ahli_pertama": 8,
    "penyelia": 8,
    "mahir": 7,
    "terampil": 6,
    "pemula": 5,
}

# Employment-kind mixes (weights of pns, cpns, pppk, pppk_pw).
MIXES: Final[dict[str, tuple[int, int, int, int]]] = {
    "pns": (92, 8, 0, 0),
    "jf": (76, 10, 14, 0),
    "guru": (50, 6, 44, 0),
    "nakes": (60, 10, 30, 0),
    "pelaksana": (66, 6, 16, 12),
    "lapangan": (52, 6, 16, 26),
    "dasar": (30, 0, 18, 52),
}


@dataclass(frozen=True)
class Family:
    key: str
    title: str
    kind: str  # "fungsional" or "pelaksana"
    education: str  # profile for keahlian jenjang (or the pelaksana)
    skill_education: str = ""  # profile for keterampilan jenjang
    kelas: int | None = None  # pelaksana only; JF take JF_KELAS
    mix: str = "jf"
    women: float = 0.5  # share of women among holders

    def position_title(self, jenjang: str = "") -> str:
        if self.kind == "pelaksana":
            return self.title
        return f"{self.title} {reference.JF_JENJANG[jenjang]}"

    def education_for(self, jenjang: str) -> str:
        if jenjang and jenjang not in reference.JF_KEAHLIAN and self.skill_education:
            return self.skill_education
        return self.education


def _jf(key: str, title: str, education: str, skill: str = "", **kw: object) -> Family:
    return Family(key, title, "fungsional", education, skill, **kw)  # type: ignore[arg-type]


def _pl(key: str, title: str, kelas: int, education: str, **kw: object) -> Family:
    return Family(key, title, "pelaksana", education, kelas=kelas, **kw)  # type: ignore[arg-type]


FAMILIES: Final[dict[str, Family]] = {
    f.key: f
    for f in (
        # Jabatan fungsional
        _jf("perencana", "Perencana", "ahli_perencana"),
        _jf("analis_kebijakan", "Analis Kebijakan", "ahli"),
        _jf("analis_sdm", "Analis Sumber Daya Manusia Aparatur", "ahli_sdm", women=0.6),
        _jf("pranata_sdm", "Pranata Sumber Daya Manusia Aparatur", "ahli_sdm", "vokasi", women=0.6),
        _jf("asesor_sdm", "Asesor Sumber Daya Manusia Aparatur", "ahli_sdm", women=0.6),
        _jf("arsiparis", "Arsiparis", "ahli_arsip", "vokasi_arsip", women=0.6),
        _jf("pustakawan", "Pustakawan", "ahli_pustaka", "vokasi_pustaka", women=0.65),
        _jf("pranata_komputer", "Pranata Komputer", "ahli_it", "vokasi_it", women=0.3),
        _jf("pranata_humas", "Pranata Hubungan Masyarakat", "ahli_humas", "vokasi"),
        _jf("statistisi", "Statistisi", "ahli_statistik", "vokasi"),
        _jf("sandiman", "Sandiman", "ahli_it", "vokasi_it", women=0.25),
        _jf("manggala_informatika", "Manggala Informatika", "ahli_it", women=0.3),
        _jf("auditor", "Auditor", "ahli_keuangan"),
        _jf("p2upd", "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "ahli"),
        _jf("perancang_uu", "Perancang Peraturan Perundang-undangan", "ahli_hukum"),
        _jf("analis_hukum", "Analis Hukum", "ahli_hukum"),
        _jf("pengelola_pbj", "Pengelola Pengadaan Barang/Jasa", "ahli_teknik", women=0.35),
        _jf("analis_keuangan", "Analis Keuangan Pusat dan Daerah", "ahli_keuangan", women=0.6),
        _jf("guru_sd", "Guru", "guru_sd", mix="guru", women=0.72),
        _jf("guru_smp", "Guru", "guru_smp", mix="guru", women=0.62),
        _jf("pengembang_teknologi_pembelajaran", "Pengembang Teknologi Pembelajaran", "ahli_it"),
        _jf("dokter", "Dokter", "dokter", mix="nakes", women=0.6),
        _jf("dokter_spesialis", "Dokter", "dokter_spesialis", mix="nakes", women=0.45),
        _jf("dokter_gigi", "Dokter Gigi", "dokter_gigi", mix="nakes", women=0.7),
        _jf("perawat", "Perawat", "ners", "perawat_vokasi", mix="nakes", women=0.7),
        _jf("bidan", "Bidan", "bidan_ahli", "bidan_vokasi", mix="nakes", women=1.0),
        _jf("apoteker", "Apoteker", "apoteker", mix="nakes", women=0.75),
        _jf("ttk", "Tenaga Teknis Kefarmasian", "apoteker", "farmasi_vokasi", mix="nakes", women=0.8),
        _jf("pranata_lab", "Pranata Laboratorium Kesehatan", "ahli_kesmas", "lab_vokasi", mix="nakes", women=0.7),
        _jf("nutrisionis", "Nutrisionis", "ahli_kesmas", "gizi_vokasi", mix="nakes", women=0.85),
        _jf("sanitarian", "Tenaga Sanitasi Lingkungan", "ahli_lingkungan", "sanitasi_vokasi", mix="nakes"),
        _jf("penyuluh_kesmas", "Penyuluh Kesehatan Masyarakat", "ahli_kesmas", mix="nakes", women=0.7),
        _jf("epidemiolog", "Epidemiolog Kesehatan", "ahli_kesmas", "sanitasi_vokasi", mix="nakes", women=0.6),
        _jf("administrator_kesehatan", "Administrator Kesehatan", "ahli_kesmas", mix="nakes", women=0.6),
        _jf("perekam_medis", "Perekam Medis", "ahli_kesmas", "rekam_medis_vokasi", mix="nakes", women=0.7),
        _jf("radiografer", "Radiografer", "ahli_kesmas", "radiografer_vokasi", mix="nakes", women=0.4),
        _jf("fisioterapis", "Fisioterapis", "ahli_kesmas", "fisioterapi_vokasi", mix="nakes", women=0.6),
        _jf("polpp", "Polisi Pamong Praja", "ahli_hukum", "lapangan", mix="lapangan", women=0.15),
        _jf("pemadam", "Pemadam Kebakaran", "ahli_teknik", "lapangan", mix="lapangan", women=0.04),
        _jf("analis_kebakaran", "Analis Kebakaran", "ahli_teknik", women=0.2),
        _jf("penguji_kendaraan", "Penguji Kendaraan Bermotor", "ahli_transportasi", "vokasi_teknik", women=0.1),
        _jf("penera", "Penera", "ahli_teknik", "vokasi_teknik", women=0.25),
        _jf("pengawas_perdagangan", "Pengawas Perdagangan", "ahli"),
        _jf("pengawas_koperasi", "Pengawas Koperasi", "ahli_keuangan"),
        _jf("penyuluh_pertanian", "Penyuluh Pertanian", "ahli_pertanian", "lapangan"),
        _jf("medik_veteriner", "Medik Veteriner", "ahli_veteriner"),
        _jf("analis_ketahanan_pangan", "Analis Ketahanan Pangan", "ahli_pertanian"),
        _jf("pengendali_dampak", "Pengendali Dampak Lingkungan", "ahli_lingkungan"),
        _jf("teknik_jalan", "Teknik Jalan dan Jembatan", "ahli_teknik", "vokasi_teknik", women=0.2),
        _jf("teknik_pengairan", "Teknik Pengairan", "ahli_teknik", "vokasi_teknik", women=0.2),
        _jf("penata_ruang", "Penata Ruang", "ahli_teknik", women=0.4),
        _jf("teknik_tata_bangunan", "Teknik Tata Bangunan dan Perumahan", "ahli_teknik", "vokasi_teknik", women=0.3),
        _jf("pekerja_sosial", "Pekerja Sosial", "ahli_sosial", women=0.6),
        _jf("penyuluh_sosial", "Penyuluh Sosial", "ahli_sosial", women=0.6),
        _jf("penyuluh_kb", "Penyuluh Keluarga Berencana", "ahli_sosial", women=0.7),
        _jf("pengantar_kerja", "Pengantar Kerja", "ahli"),
        _jf("mediator_hi", "Mediator Hubungan Industrial", "ahli_hukum"),
        _jf("instruktur", "Instruktur", "ahli_teknik", "vokasi_teknik", women=0.25),
        _jf("pamong_budaya", "Pamong Budaya", "ahli_budaya"),
        _jf("pelestari_cagar_budaya", "Pelestari Cagar Budaya", "ahli_budaya"),
        _jf("adyatama", "Adyatama Kepariwisataan dan Ekonomi Kreatif", "ahli_budaya"),
        _jf("adb", "Administrator Database Kependudukan", "ahli_it", "vokasi_it", women=0.45),
        _jf("penata_perizinan", "Penata Perizinan", "ahli", "vokasi"),
        _jf("penata_bencana", "Penata Penanggulangan Bencana", "ahli_lingkungan", "lapangan", women=0.3),
        _jf("penggerak_swadaya", "Penggerak Swadaya Masyarakat", "ahli"),
        # Jabatan pelaksana, 2025 names (DOMAIN §2.5)
        _pl("penata_layanan", "Penata Layanan Operasional", 9, "pelaksana_sarjana", mix="pelaksana"),
        _pl("penelaah_kebijakan", "Penelaah Teknis Kebijakan", 7, "pelaksana_sarjana", mix="pelaksana"),
        _pl("pengolah_data", "Pengolah Data dan Informasi", 7, "vokasi_it", mix="pelaksana"),
        _pl("pengelola_layanan", "Pengelola Layanan Operasional", 7, "pelaksana_madya", mix="pelaksana"),
        _pl("dokumentalis_hukum", "Dokumentalis Hukum", 7, "ahli_hukum", mix="pelaksana"),
        _pl("pengadministrasi", "Pengadministrasi Perkantoran", 5, "pelaksana_sma", mix="pelaksana", women=0.6),
        _pl("operator_layanan", "Operator Layanan Operasional", 5, "pelaksana_sma", mix="lapangan", women=0.2),
        _pl("pengelola_umum", "Pengelola Umum Operasional", 1, "pelaksana_dasar", mix="dasar", women=0.3),
        _pl("operator_kesehatan", "Operator Layanan Kesehatan", 5, "pelaksana_madya", mix="pelaksana", women=0.7),
        _pl("penata_kelola_kesehatan", "Penata Kelola Layanan Kesehatan", 8, "ahli_kesmas", mix="pelaksana", women=0.65),
    )
}  # fmt: skip

# Families that have only keterampilan jenjang, or only keahlian: used to default a jenjang.
SKILL_ONLY: Final = frozenset(
    {"pemadam", "ttk", "perekam_medis", "radiografer", "fisioterapis", "pranata_sdm"}
)


def jf_kelas(jenjang: str) -> int:
    return JF_KELAS[jenjang]
