"""A small Surakarta-like world for the participation tests.

Tree (instansi 3372):
  Pemerintah Kota Surakarta (pemda)
  ├── Dinas Pekerjaan Umum dan Penataan Ruang (dinas) ─ Bidang Bina Marga (bidang)
  ├── Dinas Kependudukan dan Pencatatan Sipil (dinas)
  └── Kecamatan Laweyan ─ Kelurahan Bumi, Kelurahan Jajar
Users: admin, moderator, auditor (whole instansi), kadis_pu (unit_head DPUPR, linked to the
employee holding Kepala Dinas PUPR), kadis_capil (unit_head Dispendukcapil), nobody.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone

from penata.participation.models import ComplaintCategory, ServiceStandard
from penata.participation.services.routing import DEFAULT_CATEGORIES
from tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    RoleGrantFactory,
    UnitFactory,
    UserFactory,
)

REPORTER_CONTACT = "0812-9876-5432"
REPORTER_NAME = "Sutrisno Wibowo"


@pytest.fixture(autouse=True)
def _fresh_cache_and_fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


@contextlib.contextmanager
def frozen(at: dt.datetime):
    """Freeze `timezone.now()` everywhere it is looked up at call time."""
    with mock.patch("django.utils.timezone.now", return_value=at):
        yield at


def aware(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def world(db):
    inst = InstansiFactory()
    w = SimpleNamespace(inst=inst)
    w.root = UnitFactory(instansi=inst, kind="pemda", code="3372", name="Pemerintah Kota Surakarta")
    w.pu = UnitFactory(
        instansi=inst, parent=w.root, kind="dinas", code="DPUPR",
        name="Dinas Pekerjaan Umum dan Penataan Ruang", short_name="DPUPR",
    )  # fmt: skip
    w.bina_marga = UnitFactory(
        instansi=inst, parent=w.pu, kind="bidang", code="DPUPR.01", name="Bidang Bina Marga"
    )
    w.capil = UnitFactory(
        instansi=inst, parent=w.root, kind="dinas", code="DISPENDUKCAPIL",
        name="Dinas Kependudukan dan Pencatatan Sipil",
    )  # fmt: skip
    w.kecamatan = UnitFactory(
        instansi=inst, parent=w.root, kind="kecamatan", code="33.72.01", name="Kecamatan Laweyan"
    )
    w.bumi = UnitFactory(
        instansi=inst, parent=w.kecamatan, kind="kelurahan", code="33.72.01.1001",
        name="Kelurahan Bumi", region_code="33.72.01.1001",
    )  # fmt: skip
    w.jajar = UnitFactory(
        instansi=inst, parent=w.kecamatan, kind="kelurahan", code="33.72.01.1002",
        name="Kelurahan Jajar", region_code="33.72.01.1002",
    )  # fmt: skip
    w.categories = {
        code: ComplaintCategory.objects.create(instansi=inst, code=code, name=name, sort_order=i)
        for i, (code, name) in enumerate(DEFAULT_CATEGORIES)
    }
    w.service = ServiceStandard.objects.create(
        instansi=inst,
        unit=w.capil,
        name="Penerbitan KTP-el",
        requirements="Kartu Keluarga",
        procedure="Datang ke loket, rekam biometrik",
        time="1 hari kerja",
        cost="Gratis",
        product="KTP-el",
        complaint_channel="ULAS, WhatsApp Lapor Mas Wali 0812-2506-7171",
        is_published=True,
    )
    w.draft_service = ServiceStandard.objects.create(
        instansi=inst, unit=w.pu, name="Izin Galian Jalan (draf)", requirements="-",
        procedure="-", time="5 hari", cost="Gratis", product="Izin", complaint_channel="ULAS",
    )  # fmt: skip
    head = PositionFactory(
        instansi=inst, unit=w.pu, title="Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        kind="jpt_pratama", is_unit_head=True,
    )  # fmt: skip
    w.kadis_employee = EmployeeFactory(instansi=inst, name="Ir. Bambang Sudarsono")
    AssignmentFactory(employee=w.kadis_employee, position=head)
    w.users = {}
    for username, role, unit in (
        ("admin", "admin", None),
        ("moderator", "moderator", None),
        ("auditor", "auditor", None),
        ("kadis_pu", "unit_head", w.pu),
        ("kadis_capil", "unit_head", w.capil),
    ):
        user = UserFactory(username=username, email=f"{username}@surakarta.go.id")
        RoleGrantFactory(user=user, role=role, instansi=inst, unit=unit)
        w.users[username] = user
    w.kadis_employee.user = w.users["kadis_pu"]
    w.kadis_employee.save(update_fields=["user"])
    w.users["nobody"] = UserFactory(username="nobody")
    return w


def submit(world, **overrides):
    """Submit a complaint through the service with sensible defaults."""
    from penata.participation.services.complaints import ComplaintInput, complaint_submit

    values = {
        "category": world.categories["jalan-drainase"],
        "description": "Jalan berlubang besar di depan SD Negeri Bumi I, membahayakan pengendara.",
        "kelurahan": world.bumi,
        "reporter_name": REPORTER_NAME,
        "reporter_contact": REPORTER_CONTACT,
    }
    values.update(overrides)
    return complaint_submit(instansi=world.inst, data=ComplaintInput(**values))
