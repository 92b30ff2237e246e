"""Deterministic synthetic duty statements for benchmarks and scale tests.

Statements are built as *verb phrase + object + qualifier*, with the verb drawn from a group
of interchangeable bureaucratic phrasings ("mengelola" / "melaksanakan pengelolaan"), the
object from combinations of local-government nouns, and a share of boilerplate
("menyusun rencana kerja Bidang …"). A duty (verb group + object) is given to one unit or,
now and then, to several — those are the overlaps to find. The same `seed` and `count`
always give the same statements.

Pure: no Django import.
"""

from __future__ import annotations

import random

from penata.restructure.overlap.detect import Statement

_VERBS: tuple[tuple[str, ...], ...] = (
    ("mengelola", "melaksanakan pengelolaan", "menyelenggarakan pengelolaan"),
    ("menyusun", "melakukan penyusunan", "melaksanakan penyusunan"),
    ("mendata", "melakukan pendataan", "melaksanakan pendataan"),
    ("membina", "melaksanakan pembinaan", "melakukan pembinaan terhadap"),
    ("mengawasi", "melakukan pengawasan terhadap", "melaksanakan pengawasan"),
    ("memfasilitasi", "melaksanakan fasilitasi", "memberikan fasilitasi"),
    ("mengembangkan", "melaksanakan pengembangan", "melakukan pengembangan"),
    ("menerbitkan", "memproses penerbitan", "melayani penerbitan"),
    ("menyalurkan", "melaksanakan penyaluran", "mendistribusikan"),
    ("mengevaluasi", "melaksanakan evaluasi", "melakukan evaluasi terhadap"),
    ("memelihara", "melaksanakan pemeliharaan", "melakukan pemeliharaan"),
    ("menertibkan", "melakukan penertiban", "melaksanakan penertiban"),
    ("mengoordinasikan", "melaksanakan koordinasi", "melakukan koordinasi"),
    ("menyosialisasikan", "melaksanakan sosialisasi", "melakukan sosialisasi"),
    ("memverifikasi", "melakukan verifikasi", "melaksanakan verifikasi"),
    ("memantau", "melakukan pemantauan", "melaksanakan monitoring"),
)

_HEADS: tuple[str, ...] = (
    "data",
    "izin",
    "pelayanan",
    "bantuan",
    "sarana",
    "prasarana",
    "program",
    "sistem",
    "aplikasi",
    "informasi",
    "dokumen",
    "layanan",
    "pengaduan",
    "standar",
    "jaringan",
    "kawasan",
    "fasilitas",
    "sertifikat",
    "rekomendasi",
    "pendampingan",
    "pelatihan",
    "penyuluhan",
    "kajian",
    "profil",
    "peta",
    "basis data",
    "laporan",
    "kemitraan",
    "forum",
    "kelompok",
    "lembaga",
    "retribusi",
    "pajak",
    "tarif",
    "kualitas",
    "keamanan",
)

_TOPICS: tuple[str, ...] = (
    "statistik sektoral",
    "kependudukan",
    "perizinan usaha",
    "penanaman modal",
    "pasar rakyat",
    "pedagang kaki lima",
    "usaha mikro",
    "koperasi",
    "industri kecil",
    "ketahanan pangan",
    "pertanian perkotaan",
    "kesehatan hewan",
    "kesehatan ibu dan anak",
    "gizi balita",
    "penyakit menular",
    "imunisasi",
    "puskesmas",
    "rumah sakit",
    "obat dan perbekalan kesehatan",
    "air minum",
    "sanitasi",
    "persampahan",
    "bank sampah",
    "ruang terbuka hijau",
    "taman kota",
    "pencemaran udara",
    "kualitas air sungai",
    "drainase",
    "jalan dan jembatan",
    "penerangan jalan umum",
    "rambu lalu lintas",
    "angkutan umum",
    "perparkiran",
    "terminal",
    "pengujian kendaraan",
    "bangunan gedung",
    "tata ruang",
    "permukiman kumuh",
    "rumah tidak layak huni",
    "pertanahan",
    "cagar budaya",
    "kesenian tradisional",
    "museum",
    "destinasi wisata",
    "event pariwisata",
    "olahraga prestasi",
    "kepemudaan",
    "perpustakaan",
    "kearsipan",
    "pendidikan anak usia dini",
    "sekolah dasar",
    "sekolah menengah pertama",
    "pendidikan nonformal",
    "guru dan tenaga kependidikan",
    "penyandang disabilitas",
    "fakir miskin",
    "anak terlantar",
    "korban bencana",
    "kesiapsiagaan bencana",
    "kebakaran",
    "ketertiban umum",
    "perlindungan masyarakat",
    "kerukunan umat beragama",
    "organisasi kemasyarakatan",
    "partai politik",
    "wawasan kebangsaan",
    "tenaga kerja",
    "hubungan industrial",
    "pencari kerja",
    "kewirausahaan",
    "pemberdayaan perempuan",
    "perlindungan anak",
    "keluarga berencana",
    "ketahanan keluarga",
    "pengadaan barang dan jasa",
    "aset daerah",
    "pendapatan daerah",
    "pajak bumi dan bangunan",
    "hibah dan bantuan sosial",
    "produk hukum daerah",
    "bantuan hukum",
    "kelembagaan perangkat daerah",
    "analisis jabatan",
    "reformasi birokrasi",
    "inovasi daerah",
    "pelayanan publik",
    "survei kepuasan masyarakat",
    "kepegawaian",
    "pengembangan kompetensi",
    "persandian",
    "keamanan informasi",
    "pusat data",
    "media sosial",
    "informasi publik",
    "hubungan media",
    "protokol pimpinan",
    "rukun tetangga dan rukun warga",
    "lembaga kemasyarakatan kelurahan",
    "posyandu",
    "kader kesehatan",
    "jemaah haji",
    "zakat",
    "ekonomi kreatif",
    "metrologi legal",
    "perlindungan konsumen",
    "harga bahan pokok",
    "stunting",
    "kemiskinan",
)

_ASPECTS: tuple[str, ...] = (
    "",
    "",
    "",
    "",
    "perencanaan",
    "pendanaan",
    "kelembagaan",
    "sumber daya manusia",
    "regulasi",
    "teknologi",
    "kemitraan",
    "mutu",
    "distribusi",
    "pemanfaatan",
    "kapasitas",
    "akses",
    "kepatuhan",
    "integrasi",
    "digitalisasi",
    "pemulihan",
    "pencegahan",
    "penanganan",
    "pengaduan",
    "partisipasi masyarakat",
    "sertifikasi",
    "akreditasi",
    "promosi",
    "pemasaran",
    "pemutakhiran",
    "verifikasi",
    "validasi",
    "pendampingan",
    "advokasi",
    "publikasi",
    "inventarisasi",
    "rehabilitasi",
    "revitalisasi",
    "standardisasi",
    "perlindungan",
)

# Places of Kota Surakarta that make a duty specific ("… di kawasan Balekambang").
_PLACE_KINDS: tuple[str, ...] = (
    "Kelurahan",
    "kawasan",
    "koridor",
    "kampung",
    "Pasar",
    "Taman",
    "Puskesmas",
    "Terminal",
    "bantaran Kali",
    "Stadion",
    "Gedung",
    "Jalan",
)
_PLACE_NAMES: tuple[str, ...] = (
    "Pajang",
    "Laweyan",
    "Bumi",
    "Panularan",
    "Penumping",
    "Sriwedari",
    "Purwosari",
    "Sondakan",
    "Kerten",
    "Jajar",
    "Karangasem",
    "Kemlayan",
    "Jayengan",
    "Kratonan",
    "Tipes",
    "Danukusuman",
    "Serengan",
    "Joyotakan",
    "Joyosuran",
    "Kedung Lumbu",
    "Baluwarti",
    "Gajahan",
    "Kauman",
    "Semanggi",
    "Sangkrah",
    "Mojo",
    "Jebres",
    "Tegalharjo",
    "Gandekan",
    "Sewu",
    "Pucangsawit",
    "Jagalan",
    "Purwodiningratan",
    "Kepatihan",
    "Sudiroprajan",
    "Mojosongo",
    "Kadipiro",
    "Nusukan",
    "Gilingan",
    "Manahan",
    "Mangkubumen",
    "Setabelan",
    "Keprabon",
    "Timuran",
    "Ketelan",
    "Punggawan",
    "Banyuanyar",
    "Sumber",
    "Banjarsari",
    "Joglo",
    "Kestalan",
    "Balekambang",
    "Klewer",
    "Gede",
    "Legi",
    "Keraton",
    "Mangkunegaran",
    "Pepe",
    "Anyar",
    "Jurug",
    "Tirtonadi",
    "Ngarsopuro",
    "Vastenburg",
    "Lokananta",
    "Slamet Riyadi",
    "Adi Sucipto",
    "Ahmad Yani",
    "Kolonel Sutarto",
    "Urip Sumoharjo",
    "Yos Sudarso",
    "Veteran",
    "Honggowongso",
    "Radjiman",
    "Bhayangkara",
    "Gatot Subroto",
    "Sam Ratulangi",
    "Brigjen Sudiarto",
    "Kapten Mulyadi",
    "Ir Juanda",
    "Letjen Suprapto",
    "Monginsidi",
    "Dr Rajiman",
    "Diponegoro",
    "Hasanudin",
    "Sutan Syahrir",
    "Kebalen",
    "Widuran",
    "Ngemplak",
    "Kentingan",
    "Ngoresan",
    "Tegalmulyo",
    "Cengklik",
    "Krapyak",
    "Bibis",
    "Pasar Nongko",
    "Pasar Kembang",
    "Pasar Kadipolo",
    "Gading",
    "Harjodaksino",
    "Notoharjo",
    "Silir",
    "Kottabarat",
    "Ngudi Mulyo",
    "Jongke",
    "Kleco",
    "Mangkuyudan",
    "Tanjunganom",
    "Kadipolo",
    "Begalon",
    "Sidorejo",
    "Cinderejo",
)

_QUALIFIERS: tuple[str, ...] = (
    "",
    "",
    "",
    "",
    "di wilayah kota",
    "bagi masyarakat",
    "di lingkungan Pemerintah Daerah",
    "sesuai dengan ketentuan yang berlaku",
    "secara berkala",
    "dalam rangka pelayanan",
    "tingkat kota",
    "pada perangkat daerah",
    "secara terpadu",
)

_SYLLABLES: tuple[str, ...] = (
    "ka",
    "ri",
    "so",
    "lo",
    "ma",
    "ta",
    "wi",
    "ja",
    "ya",
    "pu",
    "ra",
    "ni",
    "sa",
    "ga",
    "ndu",
    "ngu",
    "mu",
    "ba",
    "ke",
    "di",
    "se",
    "tra",
    "pra",
    "wa",
    "la",
    "ha",
    "nu",
    "ti",
    "gu",
    "bi",
)

_AGENCIES: tuple[str, ...] = (
    "Dinas Kesehatan",
    "Dinas Pendidikan",
    "Dinas Sosial",
    "Dinas Perdagangan",
    "Dinas Lingkungan Hidup",
    "Dinas Perhubungan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Badan Perencanaan Pembangunan Daerah",
    "Dinas Komunikasi dan Informatika",
    "Satuan Polisi Pamong Praja",
    "Dinas Tenaga Kerja",
    "Dinas Koperasi dan UKM",
    "Dinas Pariwisata",
    "Dinas Kebudayaan",
    "Inspektorat",
    "Badan Kepegawaian Daerah",
    "Badan Pendapatan Daerah",
    "Sekretariat Daerah",
    "Kecamatan",
)

_BOILERPLATE: tuple[str, ...] = (
    "Menyusun rencana kerja {unit}",
    "Menyusun laporan pelaksanaan tugas {unit}",
    "Melaksanakan monitoring dan evaluasi kegiatan {unit}",
    "Membagi tugas kepada bawahan sesuai dengan bidang tugasnya",
    "Memberikan saran dan pertimbangan kepada atasan",
    "Melaksanakan tugas lain yang diberikan oleh pimpinan",
)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((3, 3, 4))))


def statements(count: int, *, seed: int = 6, spread: float = 0.08) -> list[Statement]:
    """Return `count` synthetic statements; about `spread` of duties recur in other units.

    The vocabulary grows with `count`, as it does from a small city to a province: units
    (one per 25 statements), named programmes (one per eight statements) and each topic's
    technical terms (stand-in words built from syllables, like the jargon of every field).
    A fixed list of words would make every large corpus a repetition of a small one.
    """
    rng = random.Random(seed)
    unit_count = max(2, count // 25)
    units = [
        f"{_AGENCIES[index % len(_AGENCIES)]} {index // len(_AGENCIES) + 1} - Bidang "
        f"{rng.choice(_TOPICS).title()}"
        for index in range(unit_count)
    ]
    programmes = sorted({_word(rng).title() for _ in range(max(50, count // 8))})
    terms_per_topic = max(6, count // (len(_TOPICS) * 6))
    jargon = {topic: [_word(rng) for _ in range(terms_per_topic)] for topic in _TOPICS}
    result: list[Statement] = []
    while len(result) < count:
        unit = rng.choice(units)
        if rng.random() < 0.12:
            text = rng.choice(_BOILERPLATE).format(unit=unit.split(" - ", 1)[1])
            result.append(Statement(id=str(len(result) + 1), unit=unit, text=text))
            continue
        verbs = rng.choice(_VERBS)
        topic = rng.choice(_TOPICS)
        core = [rng.choice(_HEADS)]
        if rng.random() < 0.4:
            core.append(rng.choice(_ASPECTS))
        core.append(topic)
        core += rng.sample(jargon[topic], k=rng.choice((1, 2)))
        if rng.random() < 0.5:
            core += (
                ["program", rng.choice(programmes)]
                if rng.random() < 0.5
                else [rng.choice(programmes)]
            )
        if rng.random() < 0.4:
            core.append(f"{rng.choice(_PLACE_KINDS)} {rng.choice(_PLACE_NAMES)}")
        holders = [unit]
        if rng.random() < spread:
            holders += rng.sample(units, k=rng.choice((1, 1, 1, 2, 3)))
        for holder in holders[: count - len(result)]:
            # Each holder words the same duty its own way: verb phrasing and qualifier vary.
            parts = [rng.choice(verbs), *core, rng.choice(_QUALIFIERS)]
            text = " ".join(part for part in parts if part)
            result.append(
                Statement(id=str(len(result) + 1), unit=holder, text=text[0].upper() + text[1:])
            )
    return result
