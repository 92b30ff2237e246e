"""Reference values of the SKP cycle that are not formulas: BerAKHLAK, RHK kinds, aspects.

BerAKHLAK are the core values of ASN (UU 20/2023; perilaku kerja under PermenPAN-RB 6/2022,
DOMAIN §4). The core behaviours are the panduan perilaku of SE MenPAN-RB 20/2021.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

BERAKHLAK: Final = MappingProxyType(
    {
        "berorientasi_pelayanan": "Berorientasi Pelayanan",
        "akuntabel": "Akuntabel",
        "kompeten": "Kompeten",
        "harmonis": "Harmonis",
        "loyal": "Loyal",
        "adaptif": "Adaptif",
        "kolaboratif": "Kolaboratif",
    }
)
BERAKHLAK_BEHAVIOURS: Final = MappingProxyType(
    {
        "berorientasi_pelayanan": (
            "Memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif dan dapat "
            "diandalkan; melakukan perbaikan tiada henti."
        ),
        "akuntabel": (
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan "
            "berintegritas tinggi; menggunakan barang milik negara secara bertanggung jawab, "
            "efektif dan efisien; tidak menyalahgunakan kewenangan jabatan."
        ),
        "kompeten": (
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah; "
            "membantu orang lain belajar; melaksanakan tugas dengan kualitas terbaik."
        ),
        "harmonis": (
            "Menghargai setiap orang apa pun latar belakangnya; suka menolong orang lain; "
            "membangun lingkungan kerja yang kondusif."
        ),
        "loyal": (
            "Memegang teguh Pancasila, UUD 1945, setia kepada NKRI dan pemerintahan yang sah; "
            "menjaga nama baik sesama ASN, pimpinan, instansi dan negara; menjaga rahasia "
            "jabatan dan negara."
        ),
        "adaptif": (
            "Cepat menyesuaikan diri menghadapi perubahan; terus berinovasi dan mengembangkan "
            "kreativitas; bertindak proaktif."
        ),
        "kolaboratif": (
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi; terbuka bekerja sama "
            "untuk menghasilkan nilai tambah; menggerakkan pemanfaatan berbagai sumber daya "
            "untuk tujuan bersama."
        ),
    }
)

RHK_KINDS: Final = MappingProxyType({"utama": "Utama", "tambahan": "Tambahan"})
ASPECTS: Final = MappingProxyType(
    {"kuantitas": "Kuantitas", "kualitas": "Kualitas", "waktu": "Waktu"}
)
FREQUENCY_LABELS: Final = MappingProxyType(
    {"monthly": "Bulanan", "quarterly": "Triwulanan", "semester": "Semesteran"}
)
# How the pejabat penilai was found (DOMAIN §4.3; vacancies: an acting official, or the next
# manager up the reporting line).
ACTING_LABELS: Final = MappingProxyType({"": "Definitif", "plt": "Plt", "plh": "Plh"})
