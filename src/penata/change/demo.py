"""Demo data of the change app: one city-wide restructuring announcement with
realistic acknowledgements, questions (one anonymous) and two readiness pulses in which one
unit (the largest) turns into a hotspot (low Knowledge). Deterministic for a seed; bulk inserts."""

from __future__ import annotations

import datetime as dt
from random import Random

from django.utils import timezone

from penata.accounts.models import User
from penata.change import rules
from penata.change.audience import current_units
from penata.change.models import (
    Announcement,
    AnnouncementStatus,
    Pulse,
    PulseParticipation,
    PulseResponse,
    Question,
    Recipient,
)
from penata.core import markdown
from penata.core.reference import POSITION_KINDS
from penata.org.models import Instansi
from penata.people.models import Assignment
from penata.people.selectors import current_assignment_q

BODY = """Mulai **1 Januari**, Bidang Pelayanan Kesehatan dan Bidang Sumber Daya Kesehatan
digabung menjadi satu bidang dengan kelompok kerja fungsional.

- Tidak ada pegawai yang diberhentikan; semua pegawai mendapat jabatan di struktur baru.
- Jabatan pengawas (eselon IV) disetarakan menjadi jabatan fungsional.
- Penempatan baru ditetapkan dengan SK Wali Kota.
"""
QUESTIONS = (
    (
        "Apakah tunjangan kinerja saya berubah setelah penyetaraan?",
        True,
        "Tidak berkurang. Kelas jabatan fungsional hasil penyetaraan setara kelas jabatan lama.",
    ),
    (
        "Kapan SK penempatan baru diterima pegawai?",
        False,
        "SK diserahkan paling lambat dua minggu sebelum tanggal berlaku.",
    ),
    ("Siapa atasan langsung saya setelah bidang digabung?", False, ""),
    ("Apakah ada pelatihan untuk jabatan fungsional yang baru?", True, ""),
)


def demo_load(*, instansi: Instansi, seed: int) -> None:
    rng = Random(seed + 10)
    admin = User.objects.get(username="admin")
    now = timezone.now()
    published = now - dt.timedelta(days=12)
    announcement = Announcement.objects.create(
        instansi=instansi,
        title="Penyederhanaan birokrasi: penggabungan bidang dan penyetaraan jabatan",
        body=BODY,
        body_html=markdown.render(BODY),
        reason="Mengurangi lapis manajerial dan mempercepat keputusan pelayanan kesehatan.",
        benefits="Keputusan lebih cepat, beban kerja lebih merata, jenjang karier fungsional.",
        what_changes="Seluruh pegawai Pemerintah Kota Surakarta; berlaku 1 Januari.",
        effective_date=dt.date(now.year + 1, 1, 1),
        target_kinds=sorted(POSITION_KINDS),
        ack_due_days=7,
        reminder_days=3,
        status=AnnouncementStatus.PUBLISHED,
        published_at=published,
        created_by=admin,
    )
    employees = sorted(
        set(
            Assignment.objects.filter(current_assignment_q(), instansi=instansi).values_list(
                "employee_id", flat=True
            )
        )
    )
    units = current_units(employees)
    # One unit (the largest) lags: few acknowledgements, low Knowledge.
    counts: dict[int, int] = {}
    for unit_key in units.values():
        counts[unit_key] = counts.get(unit_key, 0) + 1
    lagging = max(counts, key=lambda u: (counts[u], -u), default=None)
    rows = []
    for employee_id in employees:
        unit_id = units.get(employee_id)
        share = 0.35 if unit_id == lagging else 0.95
        acked = rng.random() < share
        rows.append(
            Recipient(
                instansi=instansi,
                announcement=announcement,
                employee_id=employee_id,
                unit_id=unit_id,
                reason="target",
                notified_at=published,
                acknowledged_at=published + dt.timedelta(hours=rng.randint(1, 120))
                if acked
                else None,
                last_reminded_at=None if acked else published + dt.timedelta(days=9),
                reminder_count=0 if acked else 3,
            )
        )
    Recipient.objects.bulk_create(rows)
    askers = [r.employee_id for r in rows if r.unit_id == lagging] or employees
    for index, (text, anonymous, answer) in enumerate(QUESTIONS):
        asked = published + dt.timedelta(days=1 + index)
        Question.objects.create(
            instansi=instansi,
            announcement=announcement,
            asked_by_id=askers[index % len(askers)],
            is_anonymous=anonymous,
            text=text,
            asked_at=asked,
            answer=answer,
            answered_by=admin if answer else None,
            answered_at=asked + dt.timedelta(days=1) if answer else None,
        )
    questions = [{"dimension": d, "text": t} for d, t in rules.DEFAULT_QUESTIONS]
    for number, opened, drop in (
        (1, published + dt.timedelta(days=1), 0),
        (2, published + dt.timedelta(days=10), 1),
    ):
        pulse = Pulse.objects.create(
            instansi=instansi,
            announcement=announcement,
            title=f"Survei kesiapan ke-{number}",
            questions=questions,
            opened_at=opened,
            is_open=number == 2,
            created_by=admin,
        )
        answering = [r for r in rows if rng.random() < 0.8]
        PulseParticipation.objects.bulk_create(
            PulseParticipation(instansi=instansi, pulse=pulse, employee_id=r.employee_id)
            for r in answering
        )
        responses = []
        for r in rng.sample(answering, len(answering)):
            low = r.unit_id == lagging
            scores = {
                d: float(
                    max(
                        1,
                        min(
                            5,
                            rng.choice((3, 4, 4, 5))
                            - (drop * 2 if low and d in ("knowledge", "ability") else 0)
                            - (1 if low and d == "desire" else 0),
                        ),
                    )
                )
                for d in rules.ADKAR
            }
            responses.append(
                PulseResponse(instansi=instansi, pulse=pulse, unit_id=r.unit_id, scores=scores)
            )
        PulseResponse.objects.bulk_create(responses)
