"""Demo data of the learning module: dictionary, standards, assessments, a training year with
real programme names, JP records and the 9-box (deterministic for a seed; bulk inserts)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from random import Random
from typing import Any

from django.db.models import Q
from django.utils import timezone

from penata.core import audit
from penata.learning import rules
from penata.learning.models import (
    Assessment,
    AssessmentResult,
    Competency,
    CompetencyStandard,
    EmployeeCompetency,
    Enrolment,
    JpRecord,
    Programme,
    ProgrammeCompetency,
    TrainingSession,
)
from penata.learning.services.competency import dictionary_seed
from penata.learning.services.talent import place_all
from penata.org.models import Instansi, Position
from penata.people.models import Assignment

# Required level by position kind (an illustrative SKJ; real levels come from the instansi).
KIND_LEVELS = {
    "jpt_utama": 5,
    "jpt_madya": 4,
    "jpt_pratama": 4,
    "administrator": 3,
    "pengawas": 3,
    "fungsional": 2,
    "pelaksana": 2,
}
TECHNICAL = (
    ("pengelolaan_pengaduan", "Pengelolaan Pengaduan Pelayanan Publik"),
    ("manajemen_proyek", "Manajemen Proyek Pemerintah"),
    ("pengadaan_barang_jasa", "Pengadaan Barang/Jasa Pemerintah"),
)
# code, name, kind, mode, JP, provider, cost, develops
PROGRAMMES: tuple[tuple[str, str, str, str, int, str, int, dict[str, int]], ...] = (
    (
        "PKN2",
        "Pelatihan Kepemimpinan Nasional Tingkat II",
        "pkn_ii",
        "klasikal",
        560,
        "LAN RI",
        45_000_000,
        {"pengambilan_keputusan": 4, "mengelola_perubahan": 4},
    ),
    (
        "PKA",
        "Pelatihan Kepemimpinan Administrator",
        "pka",
        "klasikal",
        420,
        "BPSDMD Provinsi Jawa Tengah",
        28_000_000,
        {"pengambilan_keputusan": 3, "kerja_sama": 3, "orientasi_pada_hasil": 3},
    ),
    (
        "PKP",
        "Pelatihan Kepemimpinan Pengawas",
        "pkp",
        "klasikal",
        320,
        "BPSDMD Provinsi Jawa Tengah",
        18_500_000,
        {"pengembangan_diri_dan_orang_lain": 3, "orientasi_pada_hasil": 3},
    ),
    (
        "LATSAR",
        "Pelatihan Dasar CPNS Golongan III",
        "latsar",
        "klasikal",
        320,
        "BPSDMD Provinsi Jawa Tengah",
        9_000_000,
        {"integritas": 2, "perekat_bangsa": 2},
    ),
    (
        "PPP",
        "Pelatihan Pelayanan Publik Prima",
        "teknis",
        "klasikal",
        30,
        "BKPSDM Kota Surakarta",
        1_500_000,
        {"pelayanan_publik": 3, "komunikasi": 2},
    ),
    (
        "P4",
        "Pelatihan Pengelolaan Pengaduan Pelayanan Publik",
        "teknis",
        "klasikal",
        24,
        "Ombudsman RI Perwakilan Jawa Tengah",
        1_250_000,
        {"pelayanan_publik": 3, "pengelolaan_pengaduan": 3},
    ),
    (
        "MPP",
        "Pelatihan Manajemen Proyek Pemerintah",
        "teknis",
        "klasikal",
        40,
        "BKPSDM Kota Surakarta",
        3_000_000,
        {"manajemen_proyek": 3, "orientasi_pada_hasil": 3, "kerja_sama": 3},
    ),
    (
        "PBJ",
        "Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar",
        "teknis",
        "klasikal",
        40,
        "LKPP",
        2_500_000,
        {"pengadaan_barang_jasa": 2, "integritas": 3},
    ),
    (
        "KOMEF",
        "Pelatihan Komunikasi Efektif dan Public Speaking",
        "teknis",
        "klasikal",
        16,
        "BKPSDM Kota Surakarta",
        800_000,
        {"komunikasi": 3},
    ),
    (
        "INTEG",
        "E-Learning Penguatan Integritas dan Antikorupsi",
        "elearning",
        "nonklasikal",
        10,
        "KPK (ACLC)",
        0,
        {"integritas": 3},
    ),
    (
        "PERUB",
        "Pelatihan Manajemen Perubahan Organisasi",
        "teknis",
        "klasikal",
        24,
        "BKPSDM Kota Surakarta",
        1_200_000,
        {"mengelola_perubahan": 3},
    ),
    (
        "COACH",
        "Coaching Kinerja oleh Atasan Langsung",
        "coaching",
        "nonklasikal",
        8,
        "Perangkat Daerah",
        0,
        {"orientasi_pada_hasil": 2, "pengembangan_diri_dan_orang_lain": 2},
    ),
    (
        "MENTOR",
        "Mentoring Pengambilan Keputusan",
        "mentoring",
        "nonklasikal",
        12,
        "BKPSDM Kota Surakarta",
        0,
        {"pengambilan_keputusan": 3},
    ),
    (
        "SEMNAS",
        "Seminar Nasional Transformasi Digital Pelayanan Publik",
        "seminar",
        "klasikal",
        6,
        "Kementerian PANRB",
        500_000,
        {},
    ),
    (
        "MAGANG",
        "Magang Inovasi Pelayanan di Mal Pelayanan Publik",
        "magang",
        "nonklasikal",
        40,
        "Mal Pelayanan Publik Kota Surakarta",
        0,
        {"pelayanan_publik": 3, "kerja_sama": 2},
    ),
    (
        "JFANALIS",
        "Pelatihan Fungsional Analis Kebijakan Ahli Pertama",
        "fungsional",
        "klasikal",
        120,
        "LAN RI",
        12_000_000,
        {"pengambilan_keputusan": 2},
    ),
)
ASSESSED_SHARE = 0.3


def learning_demo_load(
    *, instansi: Instansi, seed: int, as_of: dt.date | None = None
) -> dict[str, int]:
    """Load the learning demo into `instansi` (inside the caller's transaction)."""
    rng = Random(f"learning-{seed}")
    today = as_of or timezone.localdate()
    year = today.year
    dictionary_seed(actor="penata demo", instansi=instansi)
    for code, name in TECHNICAL:
        Competency.objects.create(
            instansi=instansi,
            code=code,
            name=name,
            kind="teknis",
            sort_order=100,
            description=f"Kompetensi teknis {name}.",
        )
    competencies = {c.code: c for c in Competency.objects.filter(instansi=instansi)}
    managerial = [c for c in competencies.values() if c.kind != "teknis"]

    holders = list(
        Assignment.objects.filter(instansi=instansi, end__isnull=True, acting="")
        .filter(Q(start__lte=today))
        .order_by("employee_id", "id")
        .values_list("employee_id", "position_id")
    )
    held = dict(holders)
    persona_ids = set(instansi_users(instansi))
    assessed = [e for e in sorted(held) if e in persona_ids or rng.random() <= ASSESSED_SHARE]
    # Standards for managerial posts (succession) and for the posts of assessed people; the
    # rest stay empty, as in a city that fills its SKJ step by step (fast demo too).
    wanted = {held[e] for e in assessed}
    positions = list(
        Position.objects.filter(instansi=instansi, valid_to__isnull=True)
        .filter(
            Q(kind__in=["jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas"])
            | Q(pk__in=wanted)
        )
        .values_list("id", "kind", "title")
    )
    standards: dict[int, dict[str, int]] = {}
    rows = []
    for pid, kind, title in positions:
        base = KIND_LEVELS.get(kind, 2)
        standard = {
            c.code: max(1, min(5, base + (1 if c.code == "integritas" else 0))) for c in managerial
        }
        lowered = title.lower()
        if "pengaduan" in lowered or "pelayanan" in lowered:
            standard["pengelolaan_pengaduan"] = base + 1
        if "pengadaan" in lowered:
            standard["pengadaan_barang_jasa"] = base + 1
        if kind == "administrator":
            standard["manajemen_proyek"] = 3
        standards[pid] = standard
        rows += [
            CompetencyStandard(
                instansi=instansi,
                position_id=pid,
                competency=competencies[code],
                required_level=level,
            )
            for code, level in standard.items()
        ]
    CompetencyStandard.objects.bulk_create(rows, batch_size=2000)

    assessments, results_for = [], []
    for employee_id in assessed:
        position_id = held[employee_id]
        standard = standards.get(position_id, {})
        levels = {
            code: max(1, min(5, need + rng.choice((-2, -1, -1, 0, 0, 0, 1))))
            for code, need in standard.items()
        }
        if employee_id in persona_ids and "pelayanan_publik" in levels:
            # The demo employee sees a public-service gap and a recommendation at once.
            levels["pelayanan_publik"] = max(1, standard["pelayanan_publik"] - 1)
        potential = Decimal(rng.randint(45, 95))
        assessments.append(
            Assessment(
                instansi=instansi,
                employee_id=employee_id,
                source="assessment_centre",
                assessed_on=dt.date(year - 1, rng.randint(2, 11), rng.randint(1, 28)),
                potential_score=potential,
                note="Assessment center BKPSDM",
            )
        )
        results_for.append(levels)
    Assessment.objects.bulk_create(assessments, batch_size=2000)
    results, current = [], []
    for assessment, levels in zip(assessments, results_for, strict=True):
        for code, level in levels.items():
            results.append(
                AssessmentResult(assessment=assessment, competency=competencies[code], level=level)
            )
            current.append(
                EmployeeCompetency(
                    instansi=instansi,
                    employee_id=assessment.employee_id,
                    competency=competencies[code],
                    level=level,
                    source="assessment_centre",
                    as_of=assessment.assessed_on,
                )
            )
    AssessmentResult.objects.bulk_create(results, batch_size=5000)
    EmployeeCompetency.objects.bulk_create(current, batch_size=5000)

    programmes = []
    for code, name, kind, mode, jp, provider, cost, _ in PROGRAMMES:
        programmes.append(
            Programme(
                instansi=instansi,
                code=code,
                name=name,
                kind=kind,
                mode=mode,
                jp=Decimal(jp),
                provider=provider,
                cost=Decimal(cost),
            )
        )
    Programme.objects.bulk_create(programmes)
    ProgrammeCompetency.objects.bulk_create(
        ProgrammeCompetency(programme=p, competency=competencies[c], target_level=lv)
        for p, spec in zip(programmes, PROGRAMMES, strict=True)
        for c, lv in spec[7].items()
    )
    sessions = []
    for p in programmes:
        days = max(1, int(p.jp) // 8)
        past = dt.date(year, 1, 15) + dt.timedelta(days=rng.randint(0, 120))
        if past + dt.timedelta(days=days) >= today:
            past = today - dt.timedelta(days=days + 14)
        future = today + dt.timedelta(days=rng.randint(14, 60))
        for name, start in (("Angkatan I", past), ("Angkatan II", future)):
            sessions.append(
                TrainingSession(
                    instansi=instansi,
                    programme=p,
                    name=f"{name} {year}",
                    starts_on=start,
                    ends_on=start + dt.timedelta(days=days - 1),
                    capacity=30,
                    place=""
                    if p.mode == "nonklasikal"
                    else "Gedung BKPSDM, Jl. Jend. Sudirman, Surakarta",
                    online_url="https://elearning.surakarta.go.id/"
                    if p.mode == "nonklasikal"
                    else "",
                )
            )
    TrainingSession.objects.bulk_create(sessions)

    employees = sorted(held)
    pool = [e for e in employees if e not in persona_ids]
    enrolments, records = [], []
    for session in sessions[0::2]:  # the past ones
        end = session.ends_on
        for employee_id in rng.sample(pool, min(len(pool), rng.randint(15, 30))):
            enrolments.append(
                Enrolment(
                    instansi=instansi,
                    session=session,
                    employee_id=employee_id,
                    status="completed",
                    attended=True,
                    completed_on=end,
                )
            )
    Enrolment.objects.bulk_create(enrolments, batch_size=2000)
    by_pk = {s.pk: s for s in sessions}
    for e in enrolments:
        session = by_pk[e.session_id]
        programme = session.programme
        records.append(
            JpRecord(
                instansi=instansi,
                employee_id=e.employee_id,
                enrolment=e,
                title=programme.name,
                provider=programme.provider,
                completed_on=session.ends_on,
                year=session.ends_on.year,
                minutes=int(rules.jp_to_minutes(programme.jp)),
                status="verified",
            )
        )
    for employee_id in rng.sample(pool, min(len(pool), 1500)):
        day = dt.date(year, 1, 1) + dt.timedelta(
            days=rng.randint(0, max(0, (today - dt.date(year, 1, 1)).days))
        )
        records.append(
            JpRecord(
                instansi=instansi,
                employee_id=employee_id,
                title=rng.choice(
                    (
                        "Webinar Literasi Digital ASN",
                        "Kursus daring Manajemen ASN",
                        "Bimbingan Teknis Penyusunan SKP",
                        "Sosialisasi Sistem Merit",
                    )
                ),
                provider=rng.choice(("LAN RI", "BKN", "Kementerian PANRB", "BPSDMD Jawa Tengah")),
                completed_on=day,
                year=day.year,
                minutes=rng.choice((90, 180, 270, 450, 720)),
                status="verified" if rng.random() < 0.85 else "pending",
            )
        )
    JpRecord.objects.bulk_create(records, batch_size=5000)
    placed = place_all(instansi=instansi, year=year)
    summary = {
        "standards": len(rows),
        "assessments": len(assessments),
        "programmes": len(programmes),
        "sessions": len(sessions),
        "enrolments": len(enrolments),
        "jp_records": len(records),
        **placed,
    }
    audit.record(actor="penata demo", action="learning.demo_load", obj=instansi, extra=summary)
    return summary


def instansi_users(instansi: Instansi) -> list[int]:
    """Employees linked to a login (the demo personas)."""
    from penata.people.models import Employee

    return list(
        Employee.objects.filter(instansi=instansi, user__isnull=False).values_list("pk", flat=True)
    )


__all__: list[Any] = ["learning_demo_load"]
