"""A small city for the change tests: Dinas Kesehatan with two bidang, Dinas Pendidikan
apart, an admin, an analyst, the kepala dinas as unit head, an auditor and linked staff."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from penata.accounts.models import Role
from tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    RoleGrantFactory,
    UnitFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _person(instansi, position, username, name):
    user = UserFactory(username=username, email=f"{username}@surakarta.go.id")
    employee = EmployeeFactory(instansi=instansi, user=user, name=name)
    AssignmentFactory(employee=employee, position=position, start=dt.date(2022, 1, 1))
    return employee


@pytest.fixture
def city(db):
    return build_city()


def build_city():
    inst = InstansiFactory()
    dinkes = UnitFactory(instansi=inst, name="Dinas Kesehatan", kind="dinas")
    bx = UnitFactory(instansi=inst, parent=dinkes, name="Bidang Pelayanan", kind="bidang")
    by = UnitFactory(instansi=inst, parent=dinkes, name="Bidang Sumber Daya", kind="bidang")
    disdik = UnitFactory(instansi=inst, name="Dinas Pendidikan", kind="dinas")
    p_kadis = PositionFactory(unit=dinkes, title="Kepala Dinas Kesehatan", kind="jpt_pratama")
    p_kabid_x = PositionFactory(
        unit=bx, title="Kepala Bidang Pelayanan", kind="administrator", reports_to=p_kadis
    )
    p_kabid_y = PositionFactory(
        unit=by, title="Kepala Bidang Sumber Daya", kind="administrator", reports_to=p_kadis
    )
    p_staff_x = PositionFactory(unit=bx, title="Pengadministrasi Layanan", reports_to=p_kabid_x)
    p_staff_y = PositionFactory(unit=by, title="Pengelola Sumber Daya", reports_to=p_kabid_y)
    p_guru = PositionFactory(unit=disdik, title="Pengelola Pendidikan", kind="fungsional")
    kadis = _person(inst, p_kadis, "kadis", "Dr. Sri Wahyuni")
    kabid_x = _person(inst, p_kabid_x, "kabidx", "Bambang Setiawan")
    kabid_y = _person(inst, p_kabid_y, "kabidy", "Ratna Dewi")
    staff_x = [_person(inst, p_staff_x, f"sx{i}", f"Pegawai X{i}") for i in range(2)]
    staff_y = [_person(inst, p_staff_y, f"sy{i}", f"Pegawai Y{i}") for i in range(3)]
    guru = _person(inst, p_guru, "guru", "Agus Pranoto")
    admin = UserFactory(username="admin", email="admin@surakarta.go.id")
    RoleGrantFactory(user=admin, instansi=inst, role=Role.ADMIN)
    analyst = UserFactory(username="analis")
    RoleGrantFactory(user=analyst, instansi=inst, role=Role.ORG_ANALYST)
    auditor = UserFactory(username="auditor")
    RoleGrantFactory(user=auditor, instansi=inst, role=Role.AUDITOR)
    RoleGrantFactory(user=kadis.user, instansi=inst, role=Role.UNIT_HEAD, unit=dinkes)
    head_disdik = UserFactory(username="kadisdik")
    RoleGrantFactory(user=head_disdik, instansi=inst, role=Role.UNIT_HEAD, unit=disdik)
    return SimpleNamespace(
        inst=inst,
        dinkes=dinkes,
        bx=bx,
        by=by,
        disdik=disdik,
        p_kabid_y=p_kabid_y,
        kadis=kadis,
        kabid_x=kabid_x,
        kabid_y=kabid_y,
        staff_x=staff_x,
        staff_y=staff_y,
        guru=guru,
        admin=admin,
        analyst=analyst,
        auditor=auditor,
        head_disdik=head_disdik,
    )


def publish(city, **kw):
    """Create and publish an announcement as the admin (targets default to Dinas Kesehatan)."""
    from penata.change.services import announcement_create, announcement_publish

    kw.setdefault("target_unit", city.dinkes)
    announcement = announcement_create(
        actor=city.admin,
        instansi=city.inst,
        title=kw.pop("title", "Penggabungan Bidang Sumber Daya"),
        body=kw.pop("body", "Mulai **1 Januari** bidang digabung."),
        **kw,
    )
    announcement_publish(actor=city.admin, announcement=announcement)
    announcement.refresh_from_db()
    return announcement


class Clock:
    """A frozen `timezone.now()` that the test moves forward."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    from django.utils import timezone

    frozen = Clock(dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC))
    monkeypatch.setattr(timezone, "now", lambda: frozen.now)
    return frozen
