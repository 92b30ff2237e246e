# ruff: noqa: E501  -- data tables and Indonesian texts read better unwrapped
"""Participation part of the Surakarta demo: services, routing, complaints, SKM, a consultation.

Called once at the end of `penata.org.demo.load.demo_load` with the same seed. Every random
choice comes from the seed except the tracking codes (always from `secrets`); dates are placed relative to the day the demo is loaded (the last
three months of complaints, the last four triwulan of surveys), so that SLA timers, overdue
flags and trends are current whenever the demo is tried.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from random import Random
from typing import Final

from django.utils import timezone

from penata.core import audit
from penata.core import markdown as markup
from penata.core.dating import valid_on
from penata.org.models import Instansi, Position, Unit
from penata.participation import complaint_rules as rules
from penata.participation import periods, tracking
from penata.participation.models import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    Consultation,
    ForumComment,
    RoutingRule,
    ServiceStandard,
    SkmPopulation,
    SkmResponse,
)
from penata.participation.services.routing import DEFAULT_CATEGORIES

COMPLAINTS: Final = 320
DAYS: Final = 90
CHANNEL: Final = (
    "ULAS, WhatsApp Lapor Mas Wali 0812-2506-7171, aplikasi Solo Destination, loket pengaduan"
)

# (unit code, name, requirements, procedure, time, cost, product)
SERVICES: Final = (
    ("DISPENDUKCAPIL", "Penerbitan KTP-el", "Fotokopi Kartu Keluarga; berusia 17 tahun atau sudah/pernah kawin",
     "Ambil nomor antrean, verifikasi berkas, perekaman biometrik, pencetakan KTP-el", "1 hari kerja", "Gratis", "KTP-el"),
    ("DISPENDUKCAPIL", "Penerbitan Akta Kelahiran", "Surat keterangan lahir dari bidan/rumah sakit; Kartu Keluarga; KTP-el orang tua; buku nikah",
     "Ajukan daring atau di loket, verifikasi, tanda tangan elektronik, akta dikirim lewat e-mail", "1 hari kerja", "Gratis", "Kutipan Akta Kelahiran"),
    ("DISPENDUKCAPIL", "Pindah Datang Penduduk", "Surat pindah dari daerah asal (SKPWNI); KTP-el dan Kartu Keluarga",
     "Lapor di loket, verifikasi data, penerbitan Kartu Keluarga baru", "1 hari kerja", "Gratis", "Kartu Keluarga dan KTP-el baru"),
    ("DPMPTSP", "Nomor Induk Berusaha (NIB)", "NIK; NPWP; alamat dan bidang usaha (KBLI)",
     "Daftar melalui OSS RBA, pendampingan petugas di Mal Pelayanan Publik", "1 hari kerja", "Gratis", "NIB"),
    ("DPMPTSP", "Persetujuan Bangunan Gedung (PBG)", "Dokumen teknis bangunan; bukti kepemilikan tanah; KTP-el pemohon",
     "Ajukan melalui SIMBG, pemeriksaan dokumen oleh TPA, penetapan retribusi, penerbitan PBG", "28 hari kerja", "Retribusi sesuai Perda Kota Surakarta", "Persetujuan Bangunan Gedung"),
    ("DLH", "Pengangkutan Sampah Rumah Tangga", "Terdaftar sebagai pelanggan e-Retribusi sampah",
     "Sampah diangkut dari TPS sesuai jadwal; permintaan tambahan melalui ULAS", "Sesuai jadwal kelurahan", "Retribusi sampah sesuai Perda", "Sampah terangkut"),
    ("DISHUB", "Izin Parkir Tepi Jalan Umum", "Surat permohonan; KTP-el; denah lokasi",
     "Ajukan di loket, survei lokasi, penetapan juru parkir", "7 hari kerja", "Gratis", "Surat izin pengelolaan parkir"),
    ("DINSOS", "Pendaftaran DTKS (Data Terpadu Kesejahteraan Sosial)", "KTP-el dan Kartu Keluarga; surat pengantar kelurahan",
     "Usulan melalui kelurahan, verifikasi lapangan, pengesahan", "30 hari kerja", "Gratis", "Terdaftar di DTKS"),
    ("DINKES", "Pelayanan Kesehatan Puskesmas", "KTP-el atau kartu BPJS Kesehatan",
     "Pendaftaran, pemeriksaan, farmasi", "Hari yang sama", "Gratis bagi peserta BPJS; tarif sesuai Perda bagi umum", "Pelayanan kesehatan dasar"),
    ("DISDIK", "Penerimaan Peserta Didik Baru (PPDB) SMP Negeri", "Akta kelahiran; Kartu Keluarga; rapor SD",
     "Pendaftaran daring, verifikasi, pengumuman, daftar ulang", "Sesuai jadwal PPDB", "Gratis", "Diterima di SMP Negeri"),
)  # fmt: skip

# category code → unit code (demo routing rules; "lainnya" goes to triage)
ROUTES: Final = {
    "bansos": "DINSOS",
    "jalan-drainase": "DPUPR",
    "parkir-pju": "DISHUB",
    "trantib": "SATPOLPP",
    "kebersihan": "DLH",
    "adminduk": "DISPENDUKCAPIL",
    "kesehatan": "DINKES",
    "pendidikan": "DISDIK",
    "perizinan": "DPMPTSP",
}
# ULAS weekly reports: Bansos, Jalan & Drainase, Perparkiran/PJU and Ketenteraman lead.
CATEGORY_WEIGHTS: Final = {
    "bansos": 18, "jalan-drainase": 20, "parkir-pju": 14, "trantib": 11, "kebersihan": 12,
    "adminduk": 8, "kesehatan": 5, "pendidikan": 4, "perizinan": 3, "lainnya": 5,
}  # fmt: skip
TEXTS: Final = {
    "bansos": [
        "Keluarga kami di {place} belum menerima BLT padahal sudah terdaftar DTKS sejak tahun lalu.",
        "Bantuan sembako untuk lansia di {place} bulan ini belum dibagikan, mohon kejelasan jadwalnya.",
        "Ada warga mampu di {place} yang menerima PKH sementara tetangga yang lebih membutuhkan tidak.",
    ],
    "jalan-drainase": [
        "Jalan berlubang cukup dalam di {place}, sudah dua pengendara motor jatuh minggu ini.",
        "Saluran drainase di {place} tersumbat, setiap hujan air meluap sampai ke rumah warga.",
        "Tutup gorong-gorong di {place} pecah dan belum diganti, berbahaya bagi pejalan kaki.",
    ],
    "parkir-pju": [
        "Lampu PJU di {place} mati sejak seminggu, jalan gelap dan rawan kejahatan.",
        "Juru parkir liar di {place} menarik tarif Rp5.000 untuk motor tanpa karcis.",
        "Parkir di badan jalan dekat {place} membuat macet setiap sore.",
    ],
    "trantib": [
        "PKL berjualan di trotoar {place} sampai pejalan kaki harus turun ke jalan.",
        "Ada keributan dan minuman keras hampir setiap malam di {place}, mohon ditertibkan.",
        "Baliho tanpa izin dipasang di pohon dan tiang listrik di {place}.",
    ],
    "kebersihan": [
        "Sampah di TPS {place} belum diangkut tiga hari dan mulai berbau.",
        "Ada pembuangan sampah liar di bantaran sungai dekat {place}.",
        "Petugas kebersihan tidak datang sesuai jadwal ke {place} dua minggu terakhir.",
    ],
    "adminduk": [
        "KTP-el saya sudah direkam sebulan lalu di {place} tetapi belum juga tercetak.",
        "Pengurusan akta kelahiran anak saya tertunda karena data di SIAK tidak sinkron.",
        "Antrean di loket Dispendukcapil sangat panjang, nomor antrean daring sering penuh.",
    ],
    "kesehatan": [
        "Pelayanan di puskesmas dekat {place} lama sekali, menunggu lebih dari tiga jam.",
        "Fogging untuk DBD belum dilakukan di {place} padahal sudah ada dua warga dirawat.",
    ],
    "pendidikan": [
        "Sekolah di {place} meminta iuran seragam yang memberatkan orang tua murid.",
        "Sistem PPDB zonasi tidak menerima alamat kami di {place} padahal dekat sekolah.",
    ],
    "perizinan": [
        "Permohonan PBG saya sudah lebih dari dua bulan belum ada kabar dari petugas.",
        "Ada bangunan di {place} yang dibangun tanpa izin dan menutup saluran air.",
    ],
    "lainnya": [
        "Pohon besar di {place} miring dan dikhawatirkan tumbang saat angin kencang.",
        "Anjing liar berkeliaran di {place} dan beberapa kali mengejar anak-anak.",
    ],
}
RESPONSES: Final = {
    "verified": "Aduan sudah kami terima dan teruskan kepada perangkat daerah terkait.",
    "started": "Tim sudah dijadwalkan meninjau lokasi.",
    "resolved": "Sudah ditindaklanjuti di lapangan. Terima kasih atas laporan Anda.",
    "rejected": "Aduan tidak dapat diproses karena di luar kewenangan Pemerintah Kota Surakarta; "
    "silakan menghubungi instansi vertikal terkait.",
}
CONSULTATION_BODY: Final = """Dinas Kependudukan dan Pencatatan Sipil merencanakan **penggabungan
layanan Akta Kelahiran dan Kartu Identitas Anak (KIA)** menjadi satu loket dan satu permohonan.

## Yang berubah
- Satu permohonan menghasilkan akta kelahiran, Kartu Keluarga baru dan KIA sekaligus.
- Loket KIA di kecamatan dipindahkan ke loket terpadu di Mal Pelayanan Publik.
- Waktu penyelesaian tetap **1 hari kerja**, tanpa biaya.

## Yang ingin kami dengar
1. Apakah loket terpadu memudahkan Anda?
2. Apakah perlu tetap ada layanan KIA di kecamatan untuk warga lanjut usia?

Pendapat Anda menjadi bahan pertimbangan sebelum rencana ini ditetapkan."""
COMMENTS: Final = (
    ("Setuju sekali. Kemarin saya harus datang dua kali untuk akta dan KIA anak saya.", 14),
    ("Tolong tetap sediakan layanan di kecamatan, ibu saya sudah sepuh dan sulit ke MPP.", 22),
    ("Kalau bisa sekalian diantar ke rumah seperti layanan *Besuk Kiamat*.", 9),
    ("Apakah nomor antrean daringnya juga akan digabung?", 5),
    ("Bagus, asal petugas di loket terpadu ditambah supaya antrean tidak makin panjang.", 11),
)


@dataclass(frozen=True)
class ParticipationDemoSummary:
    services: int
    rules: int
    complaints: int
    overdue: int
    skm_responses: int
    comments: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _units(instansi: Instansi) -> dict[str, Unit]:
    codes = {c for c, *_ in SERVICES} | set(ROUTES.values()) | {"DISKOMINFOSP"}
    return {u.code: u for u in Unit.objects.filter(valid_on(), instansi=instansi, code__in=codes)}


def _head_titles(units: list[Unit]) -> dict[int, str]:
    return dict(
        Position.objects.filter(valid_on(), unit__in=units, is_unit_head=True)
        .order_by("sort_order", "id")
        .values_list("unit_id", "title")
    )


def _weighted(rng: Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _hours(rng: Random, within: float, limit: int) -> float:
    """A handling delay: within the target with probability `within`, else late."""
    if rng.random() < within:
        return rng.uniform(0.5, limit * 0.95)
    return rng.uniform(limit * 1.05, limit * 3.5)


def _complaints(
    rng: Random,
    instansi: Instansi,
    now: dt.datetime,
    categories: dict[str, ComplaintCategory],
    units: dict[str, Unit],
    kelurahan: list[Unit],
    services: list[ServiceStandard],
) -> tuple[int, int]:
    titles = _head_titles(list(units.values()))
    admin_title = "Pranata Hubungan Masyarakat Ahli Pertama — Diskominfo SP (Admin ULAS)"
    rows: list[Complaint] = []
    plans: list[list[tuple[str, dt.datetime, str, str, Unit | None]]] = []
    used: set[str] = set()
    for _ in range(COMPLAINTS):
        code = _weighted(rng, CATEGORY_WEIGHTS)
        place_unit = rng.choice(kelurahan)
        place = place_unit.name.removeprefix("Kelurahan ")
        received = now - dt.timedelta(minutes=rng.randint(30, DAYS * 24 * 60))
        target = units.get(ROUTES.get(code, ""))
        service = next((s for s in services if s.unit_id == getattr(target, "pk", None)), None)
        age_hours = (now - received).total_seconds() / 3600
        response_at = received + dt.timedelta(hours=_hours(rng, 0.6, 24))
        # Tracking codes always come from `secrets`, never from the public seed: even demo
        # codes must not be guessable.
        tracking_code = tracking.new_code()
        while tracking_code in used:
            tracking_code = tracking.new_code()
        used.add(tracking_code)
        complaint = Complaint(
            instansi=instansi,
            tracking_code=tracking_code,
            category=categories[code],
            service=service if service and rng.random() < 0.3 else None,
            kelurahan=place_unit,
            description=rng.choice(TEXTS[code]).format(place=f"Kelurahan {place}"),
            location=f"RT {rng.randint(1, 9):02d}/RW {rng.randint(1, 15):02d}",
            unit=target,
            routing_reason="rule" if target else "triage",
            channel=rng.choice(["web", "web", "api"]),
            status=rules.RECEIVED,
            received_at=received,
            response_due_at=received + dt.timedelta(hours=rules.DEFAULT_RESPONSE_HOURS),
        )
        steps: list[tuple[str, dt.datetime, str, str, Unit | None]] = [
            ("submitted", received, "", "", None)
        ]
        if response_at < now:
            if rng.random() < 0.06:
                complaint.status = rules.REJECTED
                complaint.rejected_at = complaint.responded_at = response_at
                complaint.rejection_reason = RESPONSES["rejected"]
                steps.append(("rejected", response_at, admin_title, RESPONSES["rejected"], None))
            else:
                complaint.status = rules.VERIFIED
                complaint.verified_at = complaint.responded_at = response_at
                steps.append(("verified", response_at, admin_title, RESPONSES["verified"], None))
                if target is not None:
                    complaint.status = rules.ASSIGNED
                    complaint.assigned_at = response_at
                    complaint.followup_due_at = response_at + dt.timedelta(
                        hours=rules.DEFAULT_FOLLOWUP_HOURS
                    )
                    steps.append(("assigned", response_at, admin_title, "", target))
                    head = titles.get(target.pk, f"Kepala {target.name}")
                    start = response_at + dt.timedelta(hours=_hours(rng, 0.7, 48))
                    # Recent complaints are still being handled; some stay stuck (overdue).
                    if start < now and rng.random() < 0.93:
                        complaint.status = rules.IN_PROGRESS
                        complaint.followed_up_at = start
                        steps.append(("started", start, head, RESPONSES["started"], None))
                        done = start + dt.timedelta(hours=rng.uniform(4, 24 * 6))
                        if done < now and rng.random() < 0.85:
                            complaint.status = rules.RESOLVED
                            complaint.resolved_at = done
                            steps.append(("resolved", done, head, RESPONSES["resolved"], None))
                            closed = done + dt.timedelta(days=rng.uniform(1, 5))
                            if closed < now and age_hours > 24 * 10:
                                complaint.status = rules.CLOSED
                                complaint.closed_at = closed
                                steps.append(("closed", closed, admin_title, "", None))
                            if rng.random() < 0.45:
                                complaint.rating = rng.choices(
                                    [5, 4, 3, 2, 1], [40, 30, 15, 10, 5]
                                )[0]
                                complaint.rated_at = done + dt.timedelta(hours=rng.uniform(1, 20))
        rows.append(complaint)
        plans.append(steps)
    created = Complaint.objects.bulk_create(rows, batch_size=500)
    events: list[ComplaintEvent] = []
    for complaint, steps in zip(created, plans, strict=True):
        status = rules.RECEIVED
        for kind, at, title, message, unit in steps:
            status = {
                "verified": rules.VERIFIED,
                "assigned": rules.ASSIGNED,
                "started": rules.IN_PROGRESS,
                "resolved": rules.RESOLVED,
                "closed": rules.CLOSED,
                "rejected": rules.REJECTED,
            }.get(kind, status)
            events.append(
                ComplaintEvent(
                    instansi=instansi,
                    complaint=complaint,
                    kind=kind,
                    at=at,
                    actor_title=title,
                    unit=unit or complaint.unit,
                    status_after=status,
                    message=message,
                )
            )
    ComplaintEvent.objects.bulk_create(events, batch_size=1000)
    overdue = sum(1 for c in created if rules.sla_status(c.sla_facts(), now).is_overdue)
    return len(created), overdue


def _skm(rng: Random, instansi: Instansi, services: list[ServiceStandard], now: dt.datetime) -> int:
    current = periods.period_of(timezone.localdate(), "quarter")
    quarters = periods.previous(current, 4)
    rows: list[SkmResponse] = []
    populations: list[SkmPopulation] = []
    profile = {
        "age_band": ["lt20", "20-29", "30-39", "40-49", "50-59", "60+"],
        "sex": ["L", "P"],
        "education": ["sd", "smp", "sma", "d3", "s1", "s2"],
        "occupation": ["asn", "swasta", "wirausaha", "pelajar", "rumah_tangga", "lainnya"],
    }
    for s_index, service in enumerate(services[:8]):
        base = 3.0 + 0.08 * (s_index % 5)  # each service its own level, improving over time
        for q_index, quarter in enumerate(quarters):
            start, end = periods.bounds(quarter)
            last_day = min(end, timezone.localdate())
            count = rng.randint(25, 90)
            level = base + 0.07 * q_index
            for _ in range(count):
                day = start + dt.timedelta(days=rng.randint(0, max((last_day - start).days, 0)))
                answers = {
                    f"u{i}": max(1, min(4, round(rng.gauss(level - (0.35 if i == 3 else 0), 0.6))))
                    for i in range(1, 10)
                }
                rows.append(
                    SkmResponse(
                        instansi=instansi,
                        service=service,
                        unit_id=service.unit_id,
                        period=quarter,
                        submitted_at=dt.datetime.combine(
                            day, dt.time(rng.randint(8, 15), rng.randint(0, 59)),
                            tzinfo=timezone.get_current_timezone(),
                        ),
                        suggestion=rng.choice(
                            ["", "", "", "Antrean daring perlu ditambah kuotanya.",
                             "Petugas ramah, ruang tunggu perlu kipas angin.",
                             "Informasi persyaratan di situs web belum lengkap."]
                        ),
                        **answers,
                        **{k: rng.choice(v) if rng.random() < 0.8 else "" for k, v in profile.items()},
                    )
                )  # fmt: skip
            populations.append(
                SkmPopulation(
                    instansi=instansi, service=service, period=quarter,
                    population=rng.choice([150, 300, 500, 1200, 2500]),
                )
            )  # fmt: skip
    SkmResponse.objects.bulk_create(rows, batch_size=1000)
    SkmPopulation.objects.bulk_create(populations)
    return len(rows)


def _consultation(rng: Random, instansi: Instansi, unit: Unit | None, now: dt.datetime) -> int:
    title = "Rencana penggabungan layanan Akta Kelahiran dan Kartu Identitas Anak"
    consultation = Consultation.objects.create(
        instansi=instansi,
        unit=unit,
        title=title,
        body=CONSULTATION_BODY,
        body_html=markup.render(CONSULTATION_BODY),
        opens_at=now - dt.timedelta(days=10),
        closes_at=now + dt.timedelta(days=20),
        moderation="pre",
    )
    official = _head_titles([unit]).get(unit.pk, "Kepala Dinas") if unit else "Admin"
    made: list[ForumComment] = []
    for i, (text, support) in enumerate(COMMENTS):
        made.append(
            ForumComment.objects.create(
                instansi=instansi, consultation=consultation, body=text,
                body_html=markup.render(text, comment=True), author_kind="anonymous",
                author_label="Warga", status="published", support_count=support,
                created_at=now - dt.timedelta(days=9 - i, hours=rng.randint(0, 8)),
            )
        )  # fmt: skip
    reply = "Terima kasih. Layanan KIA di kecamatan tetap dibuka dua hari dalam seminggu untuk warga lanjut usia."
    ForumComment.objects.create(
        instansi=instansi, consultation=consultation, parent=made[1], body=reply,
        body_html=markup.render(reply, comment=True), author_kind="official",
        author_label=official, status="published", is_answer=True,
        created_at=now - dt.timedelta(days=6),
    )  # fmt: skip
    pending = "Loket terpadu jangan hanya buka sampai jam 12 siang."
    ForumComment.objects.create(
        instansi=instansi, consultation=consultation, body=pending,
        body_html=markup.render(pending, comment=True), author_kind="anonymous",
        author_label="Warga", status="pending", created_at=now - dt.timedelta(hours=5),
    )  # fmt: skip
    return len(COMMENTS) + 2


def participation_demo_load(*, instansi: Instansi, seed: int) -> ParticipationDemoSummary:
    """Load the participation demo into `instansi` (inside the caller's transaction)."""
    rng = Random(f"participation-{seed}")
    now = timezone.now().replace(second=0, microsecond=0)
    categories = {
        code: ComplaintCategory.objects.create(
            instansi=instansi, code=code, name=name, sort_order=i * 10
        )
        for i, (code, name) in enumerate(DEFAULT_CATEGORIES, start=1)
    }
    units = _units(instansi)
    services = [
        ServiceStandard.objects.create(
            instansi=instansi, unit=units[unit_code], name=name, requirements=requirements,
            procedure=procedure, time=time, cost=cost, product=product,
            complaint_channel=CHANNEL, is_published=True,
            description=f"Layanan {name.lower()} oleh {units[unit_code].name}.",
        )
        for unit_code, name, requirements, procedure, time, cost, product in SERVICES
        if unit_code in units
    ]  # fmt: skip
    rules_made = [
        RoutingRule(instansi=instansi, category=categories[cat], unit=units[unit_code])
        for cat, unit_code in ROUTES.items()
        if unit_code in units
    ]
    RoutingRule.objects.bulk_create(rules_made)
    kelurahan = list(
        Unit.objects.filter(valid_on(), instansi=instansi, kind="kelurahan").order_by("code")
    )
    complaints, overdue = (
        _complaints(rng, instansi, now, categories, units, kelurahan, services)
        if kelurahan
        else (0, 0)
    )
    skm = _skm(rng, instansi, services, now)
    comments = _consultation(rng, instansi, units.get("DISPENDUKCAPIL"), now)
    summary = ParticipationDemoSummary(
        services=len(services),
        rules=len(rules_made),
        complaints=complaints,
        overdue=overdue,
        skm_responses=skm,
        comments=comments,
    )
    audit.record(
        actor="penata demo", action="participation.demo", obj=instansi, extra=summary.as_dict()
    )
    return summary


def participation_demo_wipe(instansi: Instansi) -> None:
    """Delete what `participation_demo_load` wrote (for tests that load the demo twice).

    Audit events stay: the audit trail is append-only.
    """
    for model in (
        ForumComment, Consultation, SkmResponse, SkmPopulation, ComplaintEvent, Complaint,
        RoutingRule, ServiceStandard, ComplaintCategory,
    ):  # fmt: skip
        model.objects.filter(instansi=instansi).delete()
