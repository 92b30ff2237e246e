"""A small hand-computed ABK world shared by the workload tests.

Dinas Uji (root, WKE 75,000) holds "Analis" (2 incumbents); its Bidang Uji holds "Pengolah"
(1 incumbent) and "Arsiparis Pembantu" (vacant):

    Analis    10/month × 300 = 36,000 + 250/year × 180 = 45,000 → 81,000 min
              need 1.08 → 1; existing 2; gap −1; EJ 0.54 → D
    Pengolah  5/week × 120 = 30,000 + 2/day × 150 = 75,000 → 105,000 min
              need 1.4 → 1; existing 1; gap 0; EJ 1.40 → A
    Arsiparis 1/year × 60 = 60 min → need 0.0008 → 0; existing 0; gap 0; no EJ
    Totals    186,060 min; need 2.4808; rounded 2; existing 3; gap −1; EJ 0.8269… → C
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from penata.core.dating import today
from tests.factories import (
    AssignmentFactory,
    DutyFactory,
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    RoleGrantFactory,
    UnitFactory,
    UserFactory,
)


@dataclass
class World:
    instansi: Any
    root: Any
    child: Any
    analis: Any
    pengolah: Any
    arsiparis: Any
    duties: dict[str, Any]
    analyst: Any
    admin: Any
    employee_user: Any
    unit_head: Any
    auditor: Any


@pytest.fixture
def world(db) -> World:
    instansi = InstansiFactory()
    root = UnitFactory(instansi=instansi, name="Dinas Uji", code="DU", kind="dinas")
    child = UnitFactory(instansi=instansi, parent=root, name="Bidang Uji", code="BU", kind="bidang")
    analis = PositionFactory(unit=root, title="Analis", kind="pelaksana", sort_order=1)
    pengolah = PositionFactory(unit=child, title="Pengolah", kind="pelaksana", sort_order=1)
    arsiparis = PositionFactory(
        unit=child, title="Arsiparis Pembantu", kind="pelaksana", sort_order=2
    )
    duties = {
        "d1": DutyFactory(position=analis, volume=10, period="month", time_norm_minutes=300),
        "d2": DutyFactory(
            position=analis, volume=250, period="year", time_norm_minutes=180, sort_order=1
        ),
        "d3": DutyFactory(position=pengolah, volume=5, period="week", time_norm_minutes=120),
        "d4": DutyFactory(
            position=pengolah, volume=2, period="day", time_norm_minutes=150, sort_order=1
        ),
        "d5": DutyFactory(position=arsiparis, volume=1, period="year", time_norm_minutes=60),
    }
    year = today().year
    # Pelaksana retire at 58 (BUP): TMT pensiun in year+1 and year+3; one far beyond.
    AssignmentFactory(
        position=analis,
        employee=EmployeeFactory(instansi=instansi, birth_date=dt.date(year + 1 - 58, 3, 15)),
    )
    AssignmentFactory(
        position=analis,
        employee=EmployeeFactory(instansi=instansi, birth_date=dt.date(1995, 5, 5)),
    )
    AssignmentFactory(
        position=pengolah,
        employee=EmployeeFactory(instansi=instansi, birth_date=dt.date(year + 3 - 58, 6, 10)),
    )
    # A former incumbent (ended) does not count.
    AssignmentFactory(
        position=pengolah,
        employee=EmployeeFactory(instansi=instansi, birth_date=dt.date(1990, 1, 1)),
        end=dt.date(2023, 1, 1),
    )
    analyst = RoleGrantFactory(role="org_analyst", instansi=instansi).user
    admin = RoleGrantFactory(role="admin", instansi=instansi).user
    unit_head = RoleGrantFactory(role="unit_head", instansi=instansi, unit=root).user
    auditor = RoleGrantFactory(role="auditor", instansi=instansi).user
    employee_user = UserFactory()
    EmployeeFactory(instansi=instansi, user=employee_user, birth_date=dt.date(1990, 2, 2))
    return World(
        instansi,
        root,
        child,
        analis,
        pengolah,
        arsiparis,
        duties,
        analyst,
        admin,
        employee_user,
        unit_head,
        auditor,
    )
