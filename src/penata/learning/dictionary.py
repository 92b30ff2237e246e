"""The managerial and socio-cultural competency dictionary: level descriptions and behavioural
indicators, after the Kamus Kompetensi of PermenPAN-RB 38/2017 (abridged wording)."""

from __future__ import annotations

from typing import Final

# code → (definition, [(level description, indicators), … five levels])
DICTIONARY: Final[dict[str, tuple[str, list[tuple[str, str]]]]] = {
    "integritas": (
        "Konsisten berperilaku selaras dengan nilai, norma dan/atau etika organisasi, dan jujur "
        "dalam hubungan dengan manajemen, rekan kerja, bawahan langsung, dan pemangku kepentingan.",
        [
            (
                "Mampu bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi",
                "Bertingkah laku sesuai kode etik ASN; tidak menjanjikan atau memberikan sesuatu "
                "yang bertentangan dengan aturan organisasi.",
            ),
            (
                "Mampu mengingatkan dan mengajak rekan kerja bertindak sesuai nilai, norma, etika",
                "Mengingatkan rekan kerja untuk bertindak sesuai nilai dan etika; bersikap jujur "
                "meskipun menghadapi kesulitan.",
            ),
            (
                "Mampu memastikan, menanamkan keyakinan bersama agar anggota unit bertindak sesuai "
                "nilai, norma, etika organisasi",
                "Memastikan anggota unit bertindak sesuai nilai; memberi apresiasi dan teguran.",
            ),
            (
                "Mampu menciptakan situasi kerja yang membuat rekan kerja patuh pada nilai, norma, "
                "etika organisasi",
                "Menciptakan budaya etika; melakukan tindakan korektif atas pelanggaran.",
            ),
            (
                "Mampu menjadi role model dalam penerapan standar keadilan dan etika di tingkat "
                "nasional",
                "Membangun komitmen integritas lintas instansi; menjadi teladan.",
            ),
        ],
    ),
    "kerja_sama": (
        "Kemampuan menjalin, membina, mempertahankan hubungan kerja yang efektif, memiliki "
        "komitmen saling membantu dalam penyelesaian tugas.",
        [
            (
                "Berpartisipasi sebagai anggota tim yang baik",
                "Melaksanakan tugas sesuai kesepakatan; menerima masukan dari anggota tim.",
            ),
            (
                "Menumbuhkan tim kerja yang partisipatif dan efektif",
                "Membantu orang lain menyelesaikan tugas; berbagi informasi yang relevan.",
            ),
            (
                "Efektif membangun tim kerja untuk peningkatan kinerja organisasi",
                "Melihat kekuatan anggota tim; membangun komitmen tim.",
            ),
            (
                "Membangun komitmen tim, sinergi",
                "Membangun sinergi antarunit kerja; memfasilitasi kepentingan yang berbeda.",
            ),
            (
                "Menciptakan situasi kerja sama secara konsisten, baik di dalam maupun di luar "
                "instansi",
                "Membangun jaringan kerja sama lintas sektor yang berkelanjutan.",
            ),
        ],
    ),
    "komunikasi": (
        "Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis, disertai "
        "argumentasi yang logis, sesuai tujuan komunikasi.",
        [
            (
                "Menyampaikan informasi dengan jelas, lengkap, pemahaman yang sama",
                "Menyampaikan informasi secara jelas, baik lisan maupun tertulis.",
            ),
            (
                "Aktif menjalankan komunikasi secara formal dan informal",
                "Menggunakan gaya komunikasi yang sesuai dengan lawan bicara.",
            ),
            (
                "Berkomunikasi secara asertif, terampil berkomunikasi lisan/tertulis",
                "Menyusun materi presentasi dan naskah yang terstruktur.",
            ),
            (
                "Mampu mengemukakan pemikiran multidimensi secara lisan dan tertulis",
                "Mengkomunikasikan kebijakan yang kompleks kepada pemangku kepentingan.",
            ),
            (
                "Menggagas sistem komunikasi yang terbuka secara strategis",
                "Membangun sistem komunikasi organisasi yang terbuka dan efektif.",
            ),
        ],
    ),
    "orientasi_pada_hasil": (
        "Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat "
        "diandalkan, bertanggung jawab, mampu mengembangkan peluang perbaikan.",
        [
            (
                "Bertanggung jawab untuk memenuhi standar kerja",
                "Menyelesaikan tugas tepat waktu sesuai standar.",
            ),
            (
                "Berupaya meningkatkan hasil kerja pribadi yang lebih tinggi dari standar",
                "Menetapkan dan berupaya mencapai standar kerja pribadi yang lebih tinggi.",
            ),
            (
                "Menetapkan target kerja yang menantang bagi unit kerja",
                "Memberi apresiasi dan mengarahkan unit untuk mencapai target.",
            ),
            (
                "Mendorong unit kerja mencapai target yang ditetapkan atau melebihi hasil kerja "
                "sebelumnya",
                "Memperbaiki proses kerja unit secara sistematis.",
            ),
            (
                "Meningkatkan mutu pencapaian kerja organisasi",
                "Mengembangkan standar kinerja organisasi yang menantang.",
            ),
        ],
    ),
    "pelayanan_publik": (
        "Kemampuan melaksanakan tugas pemerintahan, pembangunan dan kegiatan pemenuhan kebutuhan "
        "pelayanan publik secara profesional, transparan, mengikuti standar pelayanan.",
        [
            (
                "Menjalankan pelayanan sesuai SOP",
                "Menunjukkan sikap ramah dan sopan; memberi informasi yang dibutuhkan masyarakat.",
            ),
            (
                "Mampu mengupayakan pelayanan publik yang meningkat",
                "Menanggapi keluhan dengan cepat; mencari penyelesaian masalah pengguna layanan.",
            ),
            (
                "Mampu memonitor, mengevaluasi, memperhitungkan dan mengantisipasi dampak "
                "pelayanan publik",
                "Mengevaluasi mutu layanan; menindaklanjuti hasil survei kepuasan masyarakat.",
            ),
            (
                "Mampu memanfaatkan kekuatan kelompok serta memperbaiki standar pelayanan publik",
                "Menyusun dan memperbaiki standar pelayanan unit.",
            ),
            (
                "Mampu menciptakan kebijakan pelayanan publik yang menjamin terselenggaranya "
                "pelayanan yang berkualitas",
                "Merumuskan kebijakan pelayanan publik di tingkat instansi.",
            ),
        ],
    ),
    "pengembangan_diri_dan_orang_lain": (
        "Kemampuan meningkatkan pengetahuan dan menyempurnakan keterampilan diri; menginspirasi "
        "orang lain untuk mengembangkan dan menyempurnakan pengetahuan dan keterampilan.",
        [
            (
                "Pengembangan diri",
                "Mengidentifikasi kebutuhan pengembangan diri; mengikuti pelatihan yang relevan.",
            ),
            (
                "Meningkatkan kemampuan bawahan dengan memberikan contoh dan penjelasan",
                "Berbagi pengetahuan; memberi contoh cara menyelesaikan pekerjaan.",
            ),
            (
                "Memberikan umpan balik, membimbing",
                "Melakukan coaching dan umpan balik berkala kepada bawahan.",
            ),
            (
                "Menyusun program pengembangan jangka panjang",
                "Menyusun program pengembangan kompetensi unit.",
            ),
            (
                "Menciptakan situasi yang mendorong organisasi untuk mengembangkan "
                "kemampuan belajar",
                "Membangun budaya belajar dan manajemen pengetahuan organisasi.",
            ),
        ],
    ),
    "mengelola_perubahan": (
        "Kemampuan menyesuaikan diri dengan situasi yang baru atau berubah dan tidak bergantung "
        "secara berlebihan pada metode dan proses lama.",
        [
            (
                "Mengikuti perubahan dengan arahan",
                "Menyesuaikan cara kerja lama dengan yang baru sesuai arahan.",
            ),
            (
                "Proaktif beradaptasi mengikuti perubahan",
                "Menyesuaikan diri dengan perubahan tanpa harus diarahkan.",
            ),
            (
                "Membantu orang lain mengikuti perubahan",
                "Mendorong rekan kerja memahami dan mengikuti perubahan.",
            ),
            (
                "Memimpin perubahan pada unit kerja",
                "Merancang langkah perubahan dan mengelola penolakan di unit.",
            ),
            (
                "Menciptakan situasi yang mendukung perubahan",
                "Mengarahkan perubahan strategis organisasi.",
            ),
        ],
    ),
    "pengambilan_keputusan": (
        "Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri "
        "setelah mempertimbangkan prinsip kehati-hatian.",
        [
            (
                "Mengumpulkan informasi untuk bertindak sesuai kewenangan",
                "Mengumpulkan data yang relevan sebelum bertindak.",
            ),
            (
                "Menganalisis masalah secara mendalam",
                "Mengidentifikasi akar masalah dan alternatif solusi.",
            ),
            (
                "Membandingkan berbagai alternatif, menyeimbangkan risiko keberhasilan dalam "
                "implementasi",
                "Memilih alternatif terbaik dengan memperhitungkan risiko.",
            ),
            (
                "Menyelesaikan masalah yang mengandung risiko tinggi, mengantisipasi dampak "
                "keputusan",
                "Mengambil keputusan berisiko tinggi secara tepat waktu.",
            ),
            (
                "Menghasilkan solusi dari berbagai masalah yang kompleks, membuat keputusan yang "
                "memberikan dampak jangka panjang",
                "Mengambil keputusan strategis yang berdampak luas bagi organisasi.",
            ),
        ],
    ),
    "perekat_bangsa": (
        "Kemampuan mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan "
        "individu/kelompok masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam "
        "mempersatukan masyarakat.",
        [
            (
                "Peka memahami dan menerima kemajemukan",
                "Menghargai perbedaan latar belakang, agama, dan budaya.",
            ),
            (
                "Aktif mengembangkan sikap saling menghargai, menekankan persamaan dan persatuan",
                "Menjalin hubungan baik dengan rekan kerja dari latar belakang berbeda.",
            ),
            (
                "Mempromosikan, mengembangkan sikap toleransi dan persatuan",
                "Mendorong unit kerja menghargai keberagaman.",
            ),
            (
                "Mendayagunakan perbedaan secara konstruktif dan kreatif untuk meningkatkan "
                "efektivitas organisasi",
                "Mengelola konflik akibat perbedaan menjadi kolaborasi.",
            ),
            (
                "Wakil pemerintah untuk membangun hubungan sosial psikologis",
                "Menjadi perekat masyarakat yang majemuk di tingkat daerah dan nasional.",
            ),
        ],
    ),
}
