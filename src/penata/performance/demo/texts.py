"""Words of the demo: RHK of unit heads, activity descriptions, feedback, notes."""

from __future__ import annotations

from typing import Final

HEAD_RHK: Final = (
    "Meningkatnya kualitas layanan {unit} kepada masyarakat",
    "Terlaksananya program prioritas {unit} sesuai rencana kerja tahunan",
    "Tersusunnya laporan kinerja {unit} yang akuntabel dan tepat waktu",
)
HEAD_EXTRA: Final = "Terlaksananya pembinaan dan pengembangan kompetensi pegawai {unit}"
HEAD_INDICATORS: Final = (
    ("kuantitas", "Jumlah kegiatan prioritas yang terlaksana", 12, "kegiatan"),
    ("kualitas", "Persentase capaian indikator kinerja unit", 100, "%"),
    ("waktu", "Waktu penyelesaian laporan kinerja", 12, "bulan"),
)
GENERAL_ACTIVITIES: Final = (
    "Apel pagi dan pembinaan pegawai",
    "Rapat koordinasi internal bidang",
    "Menindaklanjuti disposisi pimpinan",
    "Mengarsipkan dokumen kegiatan",
    "Melayani konsultasi dan pertanyaan masyarakat",
    "Mengikuti sosialisasi penilaian kinerja (SKP)",
    "Menyusun bahan laporan mingguan",
    "Memperbarui data pada aplikasi layanan",
)
ACTIVITY_SUFFIXES: Final = ("", "", " (lanjutan)", " bersama tim", " dan memeriksa hasilnya")
FEEDBACK: Final = {
    "di_atas": "Hasil kerja melampaui target; pertahankan dan bagikan praktik baiknya.",
    "sesuai": "Hasil kerja sesuai ekspektasi; lanjutkan.",
    "di_bawah": "Capaian di bawah target; susun rencana percepatan bersama atasan.",
}
EXPECTATIONS: Final = (
    ("berorientasi_pelayanan", "Menanggapi pertanyaan warga paling lambat 1×24 jam."),
    ("kolaboratif", "Aktif berbagi data dengan seksi lain untuk laporan bersama."),
    ("adaptif", "Menggunakan aplikasi layanan terbaru untuk seluruh berkas."),
)
RETURN_NOTE: Final = "Target indikator kuantitas perlu disesuaikan dengan RHK atasan."
