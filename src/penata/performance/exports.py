"""Spreadsheet exports of the dashboards (formula cells neutralised by the core writer)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from penata.core.spreadsheets.writing import xlsx_bytes
from penata.performance import rules
from penata.performance.models import Skp
from penata.performance.selectors.city import CityDashboard
from penata.performance.selectors.dashboard import UnitDashboard

STATUS_LABELS = dict(Skp.Status.choices)

UNIT_HEADER = [
    "Nama",
    "Jabatan",
    "Unit",
    "Status SKP",
    "Mengisi log hari ini",
    "Mengisi log minggu ini",
    "Capaian indikator (%)",
    "Predikat terakhir",
    "Periode predikat",
    "Evaluasi terlambat",
]


def unit_rows(data: UnitDashboard) -> list[list[Any]]:
    rows = []
    for employee_id, person in data.people.items():
        skp = data.skp_by_employee.get(employee_id)
        share = skp["realisation_share"] if skp else None
        rows.append(
            [
                person.name,
                person.position,
                person.unit,
                str(STATUS_LABELS.get(skp["status"], "")) if skp else gettext("Belum membuat SKP"),
                employee_id in data.today_logged_ids,
                employee_id in data.week_logged_ids,
                round(float(share) * 100, 1) if share is not None else None,
                rules.PREDIKAT_LABELS.get(skp["predikat"], "") if skp else "",
                skp["predikat_label"] if skp else "",
                data.late_by_employee.get(employee_id, 0),
            ]
        )
    return rows


def unit_xlsx(data: UnitDashboard) -> bytes:
    return xlsx_bytes(UNIT_HEADER, unit_rows(data), sheet_name="Pantauan kinerja")


CITY_HEADER = [
    "Peringkat",
    "Perangkat daerah",
    "Pegawai",
    "SKP disetujui",
    "SKP disetujui (%)",
    "Mengisi log hari ini",
    "Mengisi log hari ini (%)",
    "Kegiatan hari ini",
    "Mengisi log minggu ini",
    "Menunggu persetujuan",
    "Capaian indikator (%)",
    *[rules.PREDIKAT_LABELS[p] for p in rules.PREDIKATS],
    "Predikat organisasi",
    "Pelanggaran kurva",
    "Evaluasi terlambat",
]


def city_rows(data: CityDashboard) -> list[list[Any]]:
    return [
        [
            row.rank,
            row.unit.name,
            row.employees,
            row.skp.get("approved", 0),
            float(row.approved_percent),
            row.logged_today,
            float(row.logged_percent),
            row.activities_today,
            row.logged_week,
            row.pending,
            float(row.realisation_percent),
            *[n for _p, n in row.predikat_rows],
            rules.ORG_PREDIKAT_LABELS.get(row.org_predikat, ""),
            len(row.violations),
            row.late,
        ]
        for row in data.rows
    ]


def city_xlsx(data: CityDashboard) -> bytes:
    return xlsx_bytes(CITY_HEADER, city_rows(data), sheet_name="Pantauan kota")
