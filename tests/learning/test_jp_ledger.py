"""JP ledger via services: year boundaries, partial JP, unverified evidence, compliance rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from penata.core.errors import PermissionDenied, ValidationFailed
from penata.learning import selectors, services
from penata.learning.models import JpRecord

PNG = b"\x89PNG\r\n\x1a\n0000"


def evidence(city, day, minutes, user=None):
    user = user or city.pegawai
    return services.jp_evidence_submit(
        actor=user,
        employee=user.employee,
        title="Seminar Nasional Pelayanan Publik",
        completed_on=day,
        minutes=minutes,
        provider="LAN RI",
        evidence=SimpleUploadedFile("bukti.png", PNG, "image/png"),
    )


def test_unverified_evidence_does_not_count_until_admin_verifies(city):
    employee = city.pegawai.employee
    row = evidence(city, dt.date(2025, 6, 1), 450)
    assert selectors.jp_status(employee, 2025, dt.date(2025, 7, 1)).achieved_jp == D(0)
    with pytest.raises(PermissionDenied):
        services.jp_evidence_decide(actor=city.atasan, jp_record=row, approve=True)
    services.jp_evidence_decide(actor=city.admin, jp_record=row, approve=True)
    status = selectors.jp_status(employee, 2025, dt.date(2025, 7, 1))
    assert (status.achieved_jp, status.remaining_jp, status.months_left) == (D(10), D(10), 6)
    assert status.status == "sesuai_jadwal"


def test_rejected_evidence_never_counts_and_cannot_be_decided_twice(city):
    row = evidence(city, dt.date(2025, 6, 1), 900)
    services.jp_evidence_decide(actor=city.admin, jp_record=row, approve=False)
    with pytest.raises(ValidationFailed) as caught:
        services.jp_evidence_decide(actor=city.admin, jp_record=row, approve=True)
    assert caught.value.code == "learning.not_pending"
    assert selectors.jp_status(city.pegawai.employee, 2025, dt.date(2026, 1, 2)).status == (
        "tidak_terpenuhi"
    )


def test_year_boundary_counts_by_completion_day_and_partial_jp_adds_in_minutes(city):
    employee = city.pegawai.employee
    for day, minutes in (
        (dt.date(2024, 12, 31), 600),
        (dt.date(2025, 1, 1), 50),
        (dt.date(2025, 12, 31), 850),
    ):
        services.jp_evidence_decide(
            actor=city.admin, jp_record=evidence(city, day, minutes), approve=True
        )
    # 50 + 850 = 900 minutes = exactly 20 JP (1.11 + 18.89 would also give 20.00).
    status = selectors.jp_status(employee, 2025, dt.date(2026, 1, 5))
    assert (status.achieved_jp, status.status) == (D(20), "terpenuhi")
    assert selectors.jp_status(employee, 2024, dt.date(2025, 1, 1)).achieved_jp == D("13.33")
    assert JpRecord.objects.get(completed_on=dt.date(2025, 1, 1)).year == 2025


def test_evidence_validation_changes_nothing(city):
    for kwargs, code in (
        ({"minutes": 0}, "learning.minutes_positive"),
        ({"completed_on": dt.date.today() + dt.timedelta(days=1)}, "learning.future_date"),
        (
            {"evidence": SimpleUploadedFile("x.exe", b"MZ", "application/octet-stream")},
            "learning.file_type",
        ),
        (
            {"evidence": SimpleUploadedFile("x.pdf", b"%PDF" + b"0" * (3 * 1024 * 1024))},
            "learning.file_too_large",
        ),
    ):
        args = {
            "actor": city.pegawai,
            "employee": city.pegawai.employee,
            "title": "Kursus",
            "completed_on": dt.date(2025, 3, 1),
            "minutes": 90,
            "evidence": SimpleUploadedFile("b.pdf", b"%PDF-1.4", "application/pdf"),
        }
        args.update(kwargs)
        with pytest.raises(ValidationFailed) as caught:
            services.jp_evidence_submit(**args)
        assert caught.value.code == code
    with pytest.raises(PermissionDenied):
        services.jp_evidence_submit(
            actor=city.rekan,
            employee=city.pegawai.employee,
            title="x",
            completed_on=dt.date(2025, 3, 1),
            minutes=90,
        )
    assert JpRecord.objects.filter(employee=city.pegawai.employee).count() == 0


def test_compliance_rows_by_unit_scope_and_below_only(city):
    services.jp_evidence_decide(
        actor=city.admin, jp_record=evidence(city, dt.date(2025, 2, 1), 900), approve=True
    )
    rows = selectors.compliance_rows(city.kadis, city.instansi, 2025, on=dt.date(2025, 10, 1))
    assert sorted((r.employee.name, r.compliance.status) for r in rows) == [
        ("Atasan", "tertinggal"),
        ("Kadis", "tertinggal"),
        ("Pegawai", "terpenuhi"),
        ("Rekan", "tertinggal"),
    ]
    below = selectors.compliance_rows(
        city.admin, city.instansi, 2025, on=dt.date(2025, 10, 1), below_only=True
    )
    assert len(below) == 4 and all(r.compliance.months_left == 3 for r in below)
    assert selectors.compliance_by_unit(below) == [
        {"unit": "Dinas Kesehatan", "total": 3, "met": 0, "below": 3},
        {"unit": "Dinas Pendidikan", "total": 1, "met": 0, "below": 1},
    ]
    with pytest.raises(PermissionDenied):
        selectors.compliance_rows(city.pegawai, city.instansi, 2025)
