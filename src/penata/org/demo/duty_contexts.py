# ruff: noqa: E501  -- data tables: one row per line reads better than wrapped rows
"""Duties that belong to what a unit does rather than to a position family.

A unit names its context (`duty_set`); its heads take one or two of these duties and its
staff draw most of theirs from here. `OVERLAPS` plant deliberately overlapping duties in
different Perangkat Daerah (the overlap analysis must find them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from penata.org.demo.duties import DutyTemplate, _d

CONTEXT_DUTIES: Final[dict[str, tuple[DutyTemplate, ...]]] = {
    "organisasi": (
        _d("Menyusun analisis jabatan dan analisis beban kerja perangkat daerah", "Dokumen", 12, "year", 2400),
        _d("Melakukan evaluasi kelembagaan perangkat daerah", "Laporan", 4, "year", 2400),
        _d("Menyusun rancangan peraturan wali kota tentang kedudukan, susunan organisasi, tugas dan fungsi perangkat daerah", "Rancangan", 6, "year", 1440),
        _d("Menyusun standar pelayanan dan memfasilitasi survei kepuasan masyarakat", "Dokumen", 12, "year", 720),
        _d("Memfasilitasi pembangunan zona integritas perangkat daerah", "Kegiatan", 12, "year", 480),
        _d("Menyusun peta proses bisnis dan standar operasional prosedur administrasi pemerintahan", "Dokumen", 6, "year", 1440),
    ),
    "pemerintahan": (
        _d("Menyusun Laporan Penyelenggaraan Pemerintahan Daerah", "Laporan", 1, "year", 7200),
        _d("Memfasilitasi kerja sama daerah dengan pemerintah daerah lain dan pihak ketiga", "Dokumen", 12, "year", 960),
        _d("Memfasilitasi penegasan batas wilayah kecamatan dan kelurahan", "Kegiatan", 4, "year", 960),
        _d("Menyusun bahan pembinaan penyelenggaraan pemerintahan kecamatan dan kelurahan", "Dokumen", 12, "year", 480),
    ),
    "kesra": (
        _d("Memfasilitasi kegiatan keagamaan dan peringatan hari besar keagamaan", "Kegiatan", 12, "year", 720),
        _d("Memverifikasi usulan hibah dan bantuan sosial kemasyarakatan", "Berkas", 30, "month", 45),
        _d("Memfasilitasi pemberangkatan dan pemulangan jemaah haji", "Kegiatan", 2, "year", 2400),
        _d("Menyusun bahan koordinasi pelaksanaan urusan pendidikan, kesehatan dan sosial", "Dokumen", 12, "year", 480),
    ),
    "perekonomian": (
        _d("Menyusun bahan pengendalian inflasi daerah bersama Tim Pengendalian Inflasi Daerah", "Laporan", 1, "week", 360),
        _d("Menyusun bahan pembinaan dan evaluasi kinerja badan usaha milik daerah", "Dokumen", 4, "year", 1440),
        _d("Memantau perkembangan harga bahan pokok dan distribusi barang", "Laporan", 1, "week", 240),
        _d("Menyusun bahan koordinasi kebijakan perekonomian daerah", "Dokumen", 12, "year", 480),
    ),
    "adm_pembangunan": (
        _d("Menghimpun data realisasi fisik dan keuangan kegiatan pembangunan perangkat daerah", "Laporan", 12, "year", 960),
        _d("Menyusun laporan pengendalian kegiatan pembangunan daerah", "Laporan", 4, "year", 1440),
        _d("Memfasilitasi Tim Evaluasi dan Pengawasan Realisasi Anggaran", "Kegiatan", 12, "year", 480),
        _d("Melakukan pemantauan lapangan kegiatan fisik perangkat daerah", "Lokasi", 6, "month", 240),
    ),
    "umum_setda": (
        _d("Mengelola rumah tangga dan kendaraan dinas pimpinan daerah", "Kegiatan", 20, "month", 60),
        _d("Menyiapkan sarana rapat dan jamuan tamu pimpinan daerah", "Kegiatan", 15, "month", 90),
        _d("Mengelola tata usaha dan persuratan Sekretariat Daerah", "Surat", 400, "month", 5),
        _d("Memelihara gedung dan lingkungan Balai Kota Surakarta", "Laporan", 12, "year", 480),
    ),
    "protokol": (
        _d("Menyusun jadwal acara pimpinan daerah", "Dokumen", 1, "day", 60),
        _d("Mengatur tata upacara, tata tempat dan tata penghormatan kegiatan pimpinan", "Kegiatan", 15, "month", 180),
        _d("Menyusun naskah sambutan Wali Kota", "Naskah", 20, "month", 120),
        _d("Mendokumentasikan kegiatan pimpinan daerah", "Kegiatan", 20, "month", 120),
    ),
    "pbj": (
        _d("Mengelola Layanan Pengadaan Secara Elektronik Pemerintah Kota Surakarta", "Laporan", 12, "year", 480),
        _d("Membina pelaku usaha dalam pengadaan barang/jasa pemerintah", "Kegiatan", 12, "year", 480),
    ),
    "keuangan_setda": (
        _d("Menyusun rencana kerja dan anggaran Sekretariat Daerah", "Dokumen", 1, "year", 4800),
        _d("Melakukan verifikasi pertanggungjawaban keuangan bagian-bagian Sekretariat Daerah", "Berkas", 80, "month", 20),
    ),
    "dprd": (
        _d("Menyiapkan bahan dan risalah rapat alat kelengkapan DPRD", "Risalah", 20, "month", 180),
        _d("Memfasilitasi pembahasan rancangan peraturan daerah bersama DPRD", "Kegiatan", 12, "year", 960),
        _d("Memfasilitasi reses dan kunjungan kerja anggota DPRD", "Kegiatan", 3, "year", 2400),
        _d("Menyiapkan bahan pembahasan rancangan APBD bersama Badan Anggaran DPRD", "Dokumen", 2, "year", 2400),
        _d("Mengelola hak keuangan dan administratif pimpinan dan anggota DPRD", "Berkas", 45, "month", 30),
    ),
    "pengawasan": (
        _d("Menyusun Program Kerja Pengawasan Tahunan", "Dokumen", 1, "year", 4800),
        _d("Menatausahakan laporan hasil pengawasan dan tindak lanjutnya", "Laporan", 60, "year", 120),
    ),
    "pendidikan_dinas": (
        _d("Melaksanakan penerimaan peserta didik baru jenjang SD dan SMP", "Kegiatan", 1, "year", 9600),
        _d("Mengelola data pokok pendidikan satuan pendidikan", "Data", 300, "month", 5),
        _d("Memverifikasi penyaluran Bantuan Operasional Satuan Pendidikan", "Sekolah", 30, "month", 30),
        _d("Melakukan pembinaan kurikulum dan penilaian pada satuan pendidikan", "Sekolah", 10, "month", 120),
        _d("Menyusun rencana kebutuhan guru dan tenaga kependidikan", "Dokumen", 1, "year", 4800),
        _d("Melakukan pendataan sarana dan prasarana sekolah", "Sekolah", 20, "month", 60),
    ),
    "sekolah_tu": (
        _d("Mengelola data pokok pendidikan sekolah", "Data", 200, "month", 5),
        _d("Melayani administrasi mutasi peserta didik", "Berkas", 6, "month", 45),
        _d("Mengelola administrasi dana Bantuan Operasional Satuan Pendidikan", "Dokumen", 12, "month", 60),
        _d("Menyusun administrasi kepegawaian guru dan tenaga kependidikan", "Berkas", 20, "month", 30),
    ),
    "kesehatan_dinas": (
        _d("Menindaklanjuti pengaduan masyarakat tentang pelayanan kesehatan", "Aduan", 20, "month", 60),
        _d("Melakukan pembinaan dan pengawasan fasilitas pelayanan kesehatan swasta", "Lokasi", 8, "month", 240),
        _d("Memproses rekomendasi perizinan fasilitas pelayanan kesehatan", "Berkas", 20, "month", 60),
        _d("Mengelola program Jaminan Kesehatan Daerah bagi warga tidak mampu", "Berkas", 300, "month", 10),
    ),
    "puskesmas_tu": (
        _d("Mengelola administrasi keuangan Badan Layanan Umum Daerah Puskesmas", "Dokumen", 40, "month", 30),
        _d("Menyusun laporan bulanan Puskesmas", "Laporan", 12, "year", 480),
        _d("Mengelola administrasi kepegawaian Puskesmas", "Berkas", 20, "month", 30),
        _d("Mengelola barang milik daerah di Puskesmas", "Laporan", 12, "year", 300),
    ),
    "rsud_admin": (
        _d("Menyiapkan berkas klaim pelayanan pasien BPJS Kesehatan", "Berkas", 50, "day", 5),
        _d("Mengelola administrasi pendaftaran dan pemulangan pasien rawat inap", "Pasien", 40, "day", 5),
        _d("Mengelola administrasi keuangan Badan Layanan Umum Daerah rumah sakit", "Dokumen", 60, "month", 30),
        _d("Mengelola pengaduan dan informasi pelayanan rumah sakit", "Aduan", 30, "month", 30),
    ),
    "labkesda": (
        _d("Melakukan pengujian kualitas air minum dan air bersih", "Sampel", 15, "day", 30),
        _d("Melakukan pemeriksaan laboratorium klinik rujukan", "Sampel", 20, "day", 20),
        _d("Menyusun laporan hasil uji laboratorium", "Laporan", 12, "year", 480),
    ),
    "instalasi_farmasi": (
        _d("Menerima dan memeriksa obat serta bahan medis habis pakai dari penyedia", "Item", 300, "month", 5),
        _d("Mendistribusikan obat dan bahan medis habis pakai ke Puskesmas", "Dokumen", 34, "month", 120),
        _d("Menyusun laporan persediaan obat kota", "Laporan", 12, "year", 480),
    ),
    "kependudukan": (
        _d("Melayani perekaman KTP elektronik", "Orang", 40, "day", 10),
        _d("Melayani penerbitan Kartu Keluarga", "Dokumen", 40, "day", 10),
        _d("Melayani penerbitan Kartu Identitas Anak", "Dokumen", 15, "day", 10),
        _d("Melayani surat keterangan pindah dan kedatangan penduduk", "Berkas", 20, "day", 15),
        _d("Melayani aktivasi Identitas Kependudukan Digital", "Orang", 30, "day", 5),
    ),
    "capil": (
        _d("Melayani penerbitan akta kelahiran", "Akta", 30, "day", 10),
        _d("Melayani penerbitan akta kematian dan pengantarannya kepada keluarga melalui layanan Besuk Kiamat", "Akta", 10, "day", 20),
        _d("Melayani pencatatan perkawinan dan perceraian bagi penduduk nonmuslim", "Akta", 3, "day", 30),
        _d("Melayani perubahan dan pembetulan akta pencatatan sipil", "Berkas", 4, "day", 30),
    ),
    "data_kependudukan": (
        _d("Menyusun profil perkembangan kependudukan Kota Surakarta", "Dokumen", 2, "year", 4800),
        _d("Melayani permohonan pemanfaatan data kependudukan perangkat daerah", "Dokumen", 20, "month", 60),
    ),
    "statistik": (
        _d("Menghimpun dan mengolah data statistik sektoral perangkat daerah", "Dataset", 40, "month", 45),
        _d("Menyusun buku data statistik sektoral Kota Surakarta", "Dokumen", 1, "year", 7200),
        _d("Melakukan rekomendasi kegiatan statistik sektoral perangkat daerah", "Dokumen", 20, "year", 240),
    ),
    "pengaduan": (
        _d("Menerima, memverifikasi dan meneruskan pengaduan masyarakat kepada perangkat daerah terkait", "Aduan", 40, "day", 5),
        _d("Memantau tindak lanjut pengaduan oleh perangkat daerah sesuai batas waktu", "Aduan", 40, "day", 3),
        _d("Menyusun rekap dan analisis mingguan pengaduan masyarakat", "Laporan", 1, "week", 300),
        _d("Mengelola kanal WhatsApp Lapor Mas Wali", "Aduan", 30, "day", 5),
    ),
    "egov": (
        _d("Mengembangkan layanan pada aplikasi Solo Destination", "Modul", 12, "year", 2400),
        _d("Melakukan evaluasi mandiri Sistem Pemerintahan Berbasis Elektronik", "Laporan", 1, "year", 4800),
        _d("Mengelola integrasi data dan interoperabilitas aplikasi perangkat daerah", "Layanan", 6, "month", 480),
    ),
    "infrastruktur_tik": (
        _d("Mengelola pusat data dan jaringan intra Pemerintah Kota Surakarta", "Laporan", 1, "day", 60),
        _d("Memasang dan memelihara titik akses internet publik", "Titik", 20, "month", 60),
        _d("Menangani gangguan jaringan perangkat daerah", "Kejadian", 40, "month", 60),
    ),
    "publikasi": (
        _d("Mengelola konten media sosial dan laman resmi Pemerintah Kota Surakarta", "Konten", 90, "month", 30),
        _d("Menyebarluaskan informasi kebijakan pemerintah daerah kepada masyarakat", "Konten", 30, "month", 45),
        _d("Mengelola layanan informasi publik selaku PPID", "Permohonan", 20, "month", 60),
    ),
    "perizinan": (
        _d("Menerima dan memeriksa kelengkapan berkas permohonan perizinan", "Berkas", 30, "day", 10),
        _d("Memasukkan data permohonan ke sistem Online Single Submission dan aplikasi perizinan daerah", "Data", 30, "day", 5),
        _d("Menyerahkan dokumen izin yang telah terbit kepada pemohon", "Dokumen", 20, "day", 5),
        _d("Memberikan informasi persyaratan perizinan di loket pelayanan", "Orang", 30, "day", 5),
    ),
    "penanaman_modal": (
        _d("Menyusun profil dan peluang investasi Kota Surakarta", "Dokumen", 1, "year", 4800),
        _d("Melakukan pemantauan Laporan Kegiatan Penanaman Modal", "Perusahaan", 100, "month", 10),
        _d("Memfasilitasi calon investor dalam forum promosi investasi", "Kegiatan", 6, "year", 960),
    ),
    "pendapatan": (
        _d("Melakukan pendataan objek dan subjek pajak daerah", "Objek", 60, "month", 20),
        _d("Menerbitkan surat ketetapan pajak daerah", "Dokumen", 200, "month", 5),
        _d("Melakukan penagihan tunggakan pajak daerah", "Wajib pajak", 60, "month", 45),
        _d("Melayani wajib pajak di loket pelayanan pajak daerah", "Orang", 30, "day", 10),
        _d("Memeriksa laporan omzet wajib pajak hotel, restoran dan hiburan", "Wajib pajak", 20, "month", 120),
    ),
    "pbb": (
        _d("Melakukan verifikasi permohonan mutasi objek PBB-P2", "Berkas", 15, "day", 20),
        _d("Melakukan penelitian dan penilaian objek BPHTB", "Berkas", 15, "day", 30),
        _d("Mencetak dan mendistribusikan SPPT PBB-P2 ke kelurahan", "Lembar", 20000, "year", 1),
        _d("Memutakhirkan data objek pajak PBB-P2", "Objek", 400, "month", 5),
    ),
    "anggaran": (
        _d("Menyusun rancangan Peraturan Daerah tentang APBD dan perubahannya", "Dokumen", 2, "year", 7200),
        _d("Melakukan verifikasi Rencana Kerja dan Anggaran perangkat daerah", "Dokumen", 40, "year", 480),
        _d("Mengesahkan Dokumen Pelaksanaan Anggaran perangkat daerah", "Dokumen", 40, "year", 240),
        _d("Menyusun anggaran kas pemerintah daerah", "Dokumen", 1, "year", 2400),
    ),
    "perbendaharaan": (
        _d("Menerbitkan Surat Perintah Pencairan Dana", "Dokumen", 40, "day", 10),
        _d("Melakukan verifikasi Surat Perintah Membayar perangkat daerah", "Berkas", 40, "day", 10),
        _d("Melakukan rekonsiliasi kas daerah dengan bank persepsi", "Kegiatan", 12, "year", 480),
        _d("Mengelola penerimaan dan pengeluaran kas daerah", "Laporan", 1, "day", 60),
    ),
    "akuntansi": (
        _d("Menyusun Laporan Keuangan Pemerintah Daerah", "Laporan", 1, "year", 14400),
        _d("Mengonsolidasikan laporan keuangan perangkat daerah", "Laporan", 4, "year", 2400),
        _d("Membina akuntansi bendahara dan pejabat penatausahaan keuangan perangkat daerah", "Kegiatan", 12, "year", 480),
    ),
    "aset": (
        _d("Melakukan inventarisasi barang milik daerah", "Unit", 400, "month", 5),
        _d("Melakukan rekonsiliasi data barang milik daerah dengan perangkat daerah", "Kegiatan", 4, "year", 2400),
        _d("Memproses usulan penghapusan barang milik daerah", "Berkas", 10, "month", 120),
        _d("Mengamankan administrasi dan sertifikasi tanah milik pemerintah daerah", "Bidang tanah", 6, "month", 240),
    ),
    "perencanaan_daerah": (
        _d("Menyusun rancangan Rencana Kerja Pemerintah Daerah", "Dokumen", 1, "year", 9600),
        _d("Menyelenggarakan Musyawarah Perencanaan Pembangunan tingkat kota", "Kegiatan", 1, "year", 4800),
        _d("Melakukan evaluasi pelaksanaan Rencana Pembangunan Jangka Menengah Daerah", "Laporan", 1, "year", 4800),
        _d("Melakukan verifikasi rancangan Rencana Kerja perangkat daerah", "Dokumen", 40, "year", 360),
    ),
    "riset_inovasi": (
        _d("Melaksanakan kajian kebijakan daerah", "Kajian", 4, "year", 4800),
        _d("Melakukan pengukuran Indeks Inovasi Daerah", "Laporan", 1, "year", 4800),
        _d("Melakukan pendataan dan kurasi inovasi perangkat daerah", "Inovasi", 10, "month", 90),
    ),
    "kepegawaian": (
        _d("Memproses usulan kenaikan pangkat pegawai negeri sipil", "Berkas", 1200, "year", 20),
        _d("Memproses penetapan pensiun pegawai negeri sipil", "Berkas", 500, "year", 45),
        _d("Memproses izin belajar dan ujian penyesuaian kenaikan pangkat", "Berkas", 20, "month", 30),
        _d("Menyelenggarakan seleksi pengadaan CPNS dan PPPK", "Kegiatan", 1, "year", 9600),
        _d("Menyelenggarakan seleksi terbuka jabatan pimpinan tinggi pratama", "Kegiatan", 2, "year", 4800),
        _d("Menyusun analisis kebutuhan pengembangan kompetensi pegawai", "Dokumen", 1, "year", 4800),
        _d("Mengelola data pegawai pada Sistem Informasi ASN", "Data", 1000, "month", 3),
    ),
    "kesbangpol": (
        _d("Memfasilitasi Forum Kerukunan Umat Beragama dan Forum Pembauran Kebangsaan", "Kegiatan", 12, "year", 480),
        _d("Melakukan pendaftaran dan pembinaan organisasi kemasyarakatan", "Berkas", 10, "month", 60),
        _d("Menyelenggarakan pendidikan politik bagi masyarakat", "Kegiatan", 6, "year", 960),
        _d("Melakukan deteksi dini potensi konflik sosial", "Laporan", 1, "week", 240),
        _d("Menerbitkan surat keterangan penelitian", "Surat", 40, "month", 20),
    ),
    "bencana": (
        _d("Mengoperasikan Pusat Pengendalian Operasi Penanggulangan Bencana", "Laporan", 1, "day", 60),
        _d("Melakukan pemantauan tinggi muka air Bengawan Solo dan peringatan dini banjir", "Laporan", 1, "day", 30),
        _d("Menyalurkan bantuan logistik kepada korban bencana", "Kejadian", 3, "month", 240),
    ),
    "ketertiban": (
        _d("Melaksanakan penjagaan di pos Satuan Polisi Pamong Praja", "Kegiatan", 1, "day", 240),
        _d("Membantu penertiban pedagang kaki lima dan bangunan liar", "Kegiatan", 8, "month", 240),
        _d("Melaksanakan pengamanan aset dan gedung pemerintah daerah", "Kegiatan", 1, "day", 240),
    ),
    "damkar": (
        _d("Mengemudikan mobil pemadam kebakaran ke lokasi kejadian", "Kejadian", 15, "month", 120),
        _d("Menerima laporan kejadian kebakaran dan penyelamatan melalui layanan panggilan darurat 112", "Laporan", 20, "day", 5),
        _d("Memelihara hidran dan sumber air pemadam kebakaran", "Titik", 20, "month", 60),
    ),
    "kebersihan": (
        _d("Menyapu dan membersihkan ruas jalan sesuai rute penugasan", "Ruas", 2, "day", 150),
        _d("Mengangkut sampah dari tempat penampungan sementara ke TPA Putri Cempo", "Ritase", 3, "day", 90),
        _d("Membersihkan saluran air di tepi jalan protokol", "Lokasi", 10, "month", 120),
        _d("Memilah sampah di tempat pengolahan sampah reduce-reuse-recycle", "Ton", 20, "month", 60),
        _d("Melaporkan titik timbulan sampah liar", "Laporan", 1, "week", 30),
    ),
    "tpa": (
        _d("Mengoperasikan alat berat di zona aktif TPA Putri Cempo", "Jam", 6, "day", 60),
        _d("Mencatat tonase sampah masuk di jembatan timbang", "Ritase", 150, "day", 1),
        _d("Memantau pengolahan sampah menjadi energi listrik di TPA Putri Cempo", "Laporan", 1, "day", 60),
    ),
    "lingkungan": (
        _d("Melakukan pengujian sampel air limbah dan air sungai di laboratorium lingkungan", "Sampel", 10, "day", 30),
        _d("Mengelola bank sampah dan kampung iklim", "Kelompok", 8, "month", 120),
    ),
    "jalan": (
        _d("Melakukan penambalan jalan berlubang", "Meter persegi", 60, "day", 5),
        _d("Membersihkan dan mengeruk saluran drainase", "Meter", 100, "day", 3),
        _d("Memperbaiki trotoar dan kelengkapan jalan", "Lokasi", 10, "month", 240),
    ),
    "perumahan": (
        _d("Melakukan verifikasi calon penerima bantuan rumah tidak layak huni", "Rumah", 30, "month", 60),
        _d("Memelihara taman kota dan ruang terbuka hijau publik", "Lokasi", 1, "day", 240),
        _d("Melakukan pendataan prasarana, sarana dan utilitas perumahan", "Perumahan", 6, "month", 240),
    ),
    "pertanahan": (
        _d("Melakukan inventarisasi tanah pemerintah daerah yang belum bersertifikat", "Bidang tanah", 10, "month", 120),
        _d("Memfasilitasi penyelesaian sengketa pertanahan", "Kasus", 3, "month", 480),
        _d("Melakukan pengadaan tanah bagi pembangunan untuk kepentingan umum", "Bidang tanah", 4, "month", 480),
    ),
    "lalu_lintas": (
        _d("Mengatur arus lalu lintas di persimpangan dan titik rawan kemacetan", "Kegiatan", 1, "day", 240),
        _d("Memasang dan memelihara rambu serta marka jalan", "Unit", 20, "month", 60),
        _d("Memelihara alat pemberi isyarat lalu lintas", "Unit", 10, "month", 90),
        _d("Melakukan survei volume lalu lintas", "Laporan", 2, "month", 480),
    ),
    "parkir": (
        _d("Mengawasi juru parkir di tepi jalan umum", "Lokasi", 20, "day", 15),
        _d("Melakukan pemungutan dan penyetoran retribusi parkir", "Transaksi", 40, "day", 5),
        _d("Melakukan pendataan titik parkir tepi jalan umum", "Lokasi", 60, "month", 15),
        _d("Menertibkan parkir liar bersama petugas gabungan", "Kegiatan", 8, "month", 180),
    ),
    "pju": (
        _d("Memelihara dan memperbaiki lampu penerangan jalan umum", "Titik", 8, "day", 30),
        _d("Menindaklanjuti laporan lampu penerangan jalan umum padam", "Laporan", 60, "month", 30),
        _d("Melakukan pendataan titik penerangan jalan umum", "Titik", 200, "month", 5),
    ),
    "angkutan": (
        _d("Mengelola layanan angkutan pengumpan Batik Solo Trans", "Laporan", 12, "year", 480),
        _d("Melakukan pengawasan trayek dan izin angkutan umum", "Kendaraan", 60, "month", 15),
    ),
    "pasar": (
        _d("Memungut retribusi pelayanan pasar melalui e-retribusi", "Transaksi", 80, "day", 2),
        _d("Melakukan pendataan pedagang dan penempatan kios serta los pasar", "Pedagang", 60, "month", 15),
        _d("Menjaga ketertiban dan kebersihan lingkungan pasar", "Kegiatan", 1, "day", 240),
        _d("Menyusun laporan penerimaan retribusi pasar", "Laporan", 12, "year", 300),
        _d("Memantau harga barang kebutuhan pokok di pasar tradisional", "Laporan", 1, "week", 120),
    ),
    "umkm": (
        _d("Melaksanakan pendampingan dan pembinaan pelaku usaha mikro dan kecil", "Pelaku usaha", 30, "month", 60),
        _d("Memfasilitasi sertifikasi halal dan hak kekayaan intelektual produk usaha mikro", "Berkas", 20, "month", 45),
        _d("Memfasilitasi pelaku usaha mikro dalam pameran dan pemasaran daring", "Kegiatan", 6, "year", 960),
    ),
    "industri": (
        _d("Melakukan pembinaan sentra industri kecil dan menengah batik", "Sentra", 4, "month", 240),
        _d("Memutakhirkan data industri kecil dan menengah", "Data", 100, "month", 10),
    ),
    "tenaga_kerja": (
        _d("Memproses pencatatan perjanjian kerja waktu tertentu", "Dokumen", 60, "month", 15),
        _d("Menyelenggarakan pelatihan keterampilan bagi pencari kerja", "Kegiatan", 12, "year", 2400),
    ),
    "sosial": (
        _d("Melakukan verifikasi dan validasi Data Tunggal Sosial dan Ekonomi Nasional", "Keluarga", 200, "month", 10),
        _d("Menyalurkan bantuan sosial kepada keluarga penerima manfaat", "Keluarga", 300, "month", 5),
        _d("Menerbitkan surat keterangan tidak mampu untuk layanan jaminan sosial", "Surat", 60, "month", 15),
    ),
    "perlindungan_anak": (
        _d("Menerima pengaduan kasus kekerasan terhadap perempuan dan anak", "Kasus", 15, "month", 60),
        _d("Melakukan pendampingan psikologis korban kekerasan", "Orang", 20, "month", 120),
        _d("Merujuk korban kekerasan ke layanan kesehatan dan bantuan hukum", "Kasus", 10, "month", 90),
        _d("Memfasilitasi Forum Anak Kota Surakarta dan evaluasi Kota Layak Anak", "Kegiatan", 12, "year", 480),
    ),
    "pangan": (
        _d("Melaksanakan gerakan pangan murah", "Kegiatan", 2, "month", 480),
        _d("Melakukan pemeriksaan kesehatan hewan kurban", "Ekor", 1500, "year", 10),
    ),
    "rph": (
        _d("Melaksanakan pemotongan hewan sesuai standar kesehatan dan kehalalan", "Ekor", 60, "day", 10),
        _d("Menjaga kebersihan dan sanitasi rumah potong hewan", "Kegiatan", 1, "day", 120),
        _d("Memungut retribusi rumah potong hewan", "Transaksi", 60, "day", 2),
    ),
    "budaya": (
        _d("Menyelenggarakan Solo International Performing Arts dan festival budaya kota", "Kegiatan", 4, "year", 4800),
        _d("Mengelola pemanfaatan Taman Sriwedari dan gedung kesenian", "Kegiatan", 6, "month", 240),
    ),
    "museum": (
        _d("Melayani kunjungan wisatawan dan pelajar ke museum", "Pengunjung", 100, "day", 2),
        _d("Merawat dan mengonservasi koleksi museum", "Koleksi", 40, "month", 60),
        _d("Menyelenggarakan pameran temporer koleksi museum", "Kegiatan", 4, "year", 2400),
    ),
    "olahraga": (
        _d("Menyelenggarakan kejuaraan olahraga tingkat kota", "Kegiatan", 8, "year", 2400),
        _d("Memfasilitasi kegiatan organisasi kepemudaan", "Kegiatan", 12, "year", 480),
        _d("Mengelola pemanfaatan sarana olahraga milik daerah", "Kegiatan", 20, "month", 60),
    ),
    "perpustakaan": (
        _d("Melayani pengunjung perpustakaan daerah dan perpustakaan keliling", "Pengunjung", 150, "day", 2),
        _d("Mengembangkan koleksi perpustakaan digital", "Judul", 100, "month", 15),
    ),
    "kearsipan": (
        _d("Membina pengelolaan arsip dinamis perangkat daerah", "Perangkat daerah", 4, "month", 240),
        _d("Mengelola arsip statis Pemerintah Kota Surakarta", "Berkas", 200, "month", 10),
        _d("Melakukan akuisisi dan alih media arsip statis", "Berkas", 150, "month", 10),
    ),
    "kecamatan": (
        _d("Melayani pengesahan dan legalisasi dokumen administrasi warga", "Berkas", 40, "day", 5),
        _d("Melayani rekomendasi izin keramaian dan kegiatan masyarakat", "Berkas", 20, "month", 20),
        _d("Mengoordinasikan pelaksanaan Musrenbang kelurahan di wilayah kecamatan", "Kegiatan", 1, "year", 2400),
        _d("Menyusun laporan penyelenggaraan pemerintahan kecamatan", "Laporan", 4, "year", 960),
    ),
    "kelurahan": (
        _d("Melayani pembuatan surat pengantar dan surat keterangan warga", "Surat", 25, "day", 10),
        _d("Melayani pendataan penduduk pindah dan datang di kelurahan", "Berkas", 3, "day", 15),
        _d("Menghimpun data potensi dan profil kelurahan", "Dokumen", 1, "year", 2400),
        _d("Memfasilitasi kegiatan RT, RW dan Lembaga Pemberdayaan Masyarakat Kelurahan", "Kegiatan", 6, "month", 120),
        _d("Mengelola layanan e-Kelurahan", "Data", 20, "day", 5),
        _d("Mendata dan menyalurkan bantuan sosial di tingkat kelurahan", "Keluarga", 60, "month", 10),
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Overlap:
    """A duty planted in one staff position of a named unit of a Perangkat Daerah."""

    pd_code: str
    unit_name: str
    duty: DutyTemplate


OVERLAPS: Final[tuple[Overlap, ...]] = (
    # Statistik sektoral: Diskominfo SP (wali data) and Bappeda.
    Overlap("DISKOMINFOSP", "Bidang Statistik", _d("Menghimpun dan mengolah data statistik sektoral dari perangkat daerah", "Dataset", 40, "month", 45)),
    Overlap("BAPPEDA", "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", _d("Menghimpun dan mengolah data statistik sektoral dari perangkat daerah sebagai bahan perencanaan", "Dataset", 30, "month", 45)),
    Overlap("BAPPEDA", "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", _d("Menyusun buku data statistik sektoral Kota Surakarta", "Dokumen", 1, "year", 7200)),
    # Pengaduan masyarakat: ULAS, Inspektorat, DPMPTSP, Bagian Organisasi, Dinkes.
    Overlap("INSPEKTORAT", "Inspektur Pembantu Khusus", _d("Menerima dan menelaah pengaduan masyarakat", "Aduan", 30, "month", 60)),
    Overlap("DPMPTSP", "Bidang Pengaduan, Kebijakan dan Pelaporan Layanan", _d("Menerima dan menindaklanjuti pengaduan masyarakat atas pelayanan perizinan", "Aduan", 20, "month", 60)),
    Overlap("SETDA", "Subbagian Pelayanan Publik dan Tata Laksana", _d("Menerima dan menindaklanjuti pengaduan masyarakat atas pelayanan publik perangkat daerah", "Aduan", 20, "month", 60)),
    Overlap("DISKOMINFOSP", "Bidang Informasi dan Komunikasi Publik", _d("Menerima dan menindaklanjuti pengaduan masyarakat melalui Unit Layanan Aduan Surakarta", "Aduan", 40, "day", 5)),
    # Publikasi kegiatan pemerintah: Diskominfo SP and Bagian Protokol dan Komunikasi Pimpinan.
    Overlap("SETDA", "Subbagian Komunikasi Pimpinan", _d("Mengelola publikasi kegiatan Wali Kota di media sosial dan laman resmi Pemerintah Kota Surakarta", "Konten", 60, "month", 30)),
    # UMKM: Dinas Koperasi, UKM dan Perindustrian and Dinas Perdagangan.
    Overlap("DISDAG", "Bidang Perdagangan", _d("Melaksanakan pendampingan dan pembinaan pelaku usaha mikro dan kecil", "Pelaku usaha", 20, "month", 60)),
    # Reklame: Satpol PP, Bapenda and DPMPTSP.
    Overlap("SATPOLPP", "Seksi Pembinaan dan Pengawasan", _d("Melakukan pendataan dan penertiban reklame yang tidak berizin", "Titik", 40, "month", 30)),
    Overlap("BAPENDA", "Subbidang Pendaftaran dan Pendataan", _d("Melakukan pendataan objek pajak reklame", "Titik", 60, "month", 20)),
    Overlap("DPMPTSP", "Bidang Pengendalian Pelaksanaan Penanaman Modal", _d("Melakukan pengawasan izin penyelenggaraan reklame", "Titik", 30, "month", 30)),
    # Pelatihan keterampilan: Disnaker and Dinas Koperasi, UKM dan Perindustrian.
    Overlap("DISKOPUKMPERIN", "Bidang Perindustrian", _d("Menyelenggarakan pelatihan keterampilan bagi pencari kerja dan pelaku usaha", "Kegiatan", 8, "year", 2400)),
    # Data kemiskinan: Dinas Sosial and Bappeda.
    Overlap("BAPPEDA", "Bidang Pemerintahan dan Pembangunan Manusia", _d("Melakukan verifikasi dan validasi data kemiskinan daerah berbasis Data Tunggal Sosial dan Ekonomi Nasional", "Keluarga", 100, "month", 10)),
    # Anak korban kekerasan: DP3AP2KB and Dinas Sosial.
    Overlap("DINSOS", "Bidang Rehabilitasi Sosial", _d("Melakukan pendampingan psikologis anak korban kekerasan", "Orang", 10, "month", 120)),
    # SPBE and inovasi: Diskominfo SP, BRIDA and Bagian Organisasi.
    Overlap("SETDA", "Subbagian Kinerja dan Reformasi Birokrasi", _d("Melakukan evaluasi mandiri Sistem Pemerintahan Berbasis Elektronik", "Laporan", 1, "year", 4800)),
    Overlap("SETDA", "Subbagian Kinerja dan Reformasi Birokrasi", _d("Memfasilitasi kompetisi inovasi pelayanan publik perangkat daerah", "Kegiatan", 1, "year", 4800)),
    Overlap("BRIDA", "Bidang Inovasi Daerah", _d("Memfasilitasi kompetisi inovasi pelayanan publik perangkat daerah", "Kegiatan", 1, "year", 4800)),
)  # fmt: skip
