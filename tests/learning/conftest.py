"""A small city for the learning tests: one dinas with a head, a supervisor and two staff,
the competency dictionary, and users with their roles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    PositionFactory,
    RoleGrantFactory,
    UnitFactory,
    UserFactory,
)


@dataclass
class City:
    instansi: Any
    unit: Any
    other_unit: Any
    head_position: Any
    supervisor_position: Any
    staff_position: Any
    admin: Any
    kadis: Any
    atasan: Any
    pegawai: Any
    rekan: Any
    outsider: Any


def person(instansi: Any, position: Any, username: str) -> Any:
    user = UserFactory(username=username)
    employee = EmployeeFactory(instansi=instansi, user=user, name=username.title())
    AssignmentFactory(employee=employee, position=position, start=dt.date(2022, 1, 1))
    return user


@pytest.fixture
def city(db: Any) -> City:
    return build_city()


def build_city() -> City:
    """The city of these tests (also used by the browser journey)."""
    from penata.learning.services import dictionary_seed

    root = UnitFactory(kind="sekretariat", name="Pemerintah Kota")
    unit = UnitFactory(instansi=root.instansi, parent=root, name="Dinas Kesehatan")
    other = UnitFactory(instansi=root.instansi, parent=root, name="Dinas Pendidikan")
    instansi = root.instansi
    head = PositionFactory(unit=unit, title="Kepala Dinas", kind="jpt_pratama", is_unit_head=True)
    sup = PositionFactory(unit=unit, title="Kepala Bidang", kind="administrator", reports_to=head)
    staff = PositionFactory(unit=unit, title="Penata Layanan", kind="pelaksana", reports_to=sup)
    other_staff = PositionFactory(unit=other, title="Pengadministrasi", kind="pelaksana")
    admin = UserFactory(username="admin")
    RoleGrantFactory(user=admin, role="admin", instansi=instansi)
    kadis = person(instansi, head, "kadis")
    RoleGrantFactory(user=kadis, role="unit_head", instansi=instansi, unit=unit)
    atasan = person(instansi, sup, "atasan")
    RoleGrantFactory(user=atasan, role="supervisor", instansi=instansi)
    pegawai = person(instansi, staff, "pegawai")
    rekan = person(instansi, staff, "rekan")
    outsider = person(instansi, other_staff, "luar")
    dictionary_seed(actor=admin, instansi=instansi)
    return City(
        instansi, unit, other, head, sup, staff, admin, kadis, atasan, pegawai, rekan, outsider
    )
