"""A small Surakarta-like structure shared by the API tests, with one user per kind of reach.

Tree (instansi 3372):            positions (incumbents)
  Dinas Kesehatan                  Kepala Dinas Kesehatan (Budi Santoso)
    Bidang Pelayanan Kesehatan       Kepala Bidang Pelayanan Kesehatan (Sri Wahyuni)
      Seksi Pelayanan Primer           Pengadministrasi Perkantoran (Agus Prasetyo, Dewi Lestari)
                                       Epidemiolog Kesehatan Ahli Muda (vacant, in the seksi)
    Bidang Lama (closed 2023)
  BKPSDM                           Kepala BKPSDM (Rina Kartika as Plt), Analis SDM (Rina Kartika)
Instansi 3311 has one unit, one position and one employee nobody of 3372 may see.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

from penata.accounts.services import api_token_create
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


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The world creates five accounts per test; argon2 would make that the slow part."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    inst = InstansiFactory()
    other = InstansiFactory(code="3311", name="Pemerintah Kabupaten Sukoharjo")
    w = SimpleNamespace(inst=inst, other=other)

    w.dinas = UnitFactory(instansi=inst, kind="dinas", code="1.02", name="Dinas Kesehatan")
    w.bidang = UnitFactory(
        instansi=inst,
        parent=w.dinas,
        kind="bidang",
        code="1.02.01",
        name="Bidang Pelayanan Kesehatan",
    )
    w.seksi = UnitFactory(
        instansi=inst,
        parent=w.bidang,
        kind="seksi",
        code="1.02.01.01",
        name="Seksi Pelayanan Primer",
    )
    w.closed = UnitFactory(
        instansi=inst,
        parent=w.dinas,
        kind="bidang",
        code="1.02.09",
        name="Bidang Lama",
        valid_to=dt.date(2023, 1, 1),
    )
    w.badan = UnitFactory(
        instansi=inst,
        kind="badan",
        code="5.01",
        name="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        short_name="BKPSDM",
    )
    w.foreign_unit = UnitFactory(
        instansi=other, kind="dinas", code="1.02", name="Dinas Kesehatan Sukoharjo"
    )

    w.p_kadis = PositionFactory(
        unit=w.dinas,
        title="Kepala Dinas Kesehatan",
        kind="jpt_pratama",
        kelas_jabatan=14,
        eselon="IIb",
        is_unit_head=True,
    )
    w.p_kabid = PositionFactory(
        unit=w.bidang,
        title="Kepala Bidang Pelayanan Kesehatan",
        kind="administrator",
        kelas_jabatan=11,
        is_unit_head=True,
        reports_to=w.p_kadis,
    )
    w.p_admin = PositionFactory(
        unit=w.bidang,
        title="Pengadministrasi Perkantoran",
        kind="pelaksana",
        kelas_jabatan=5,
        reports_to=w.p_kabid,
        sort_order=1,
    )
    w.p_jf = PositionFactory(
        unit=w.seksi,
        title="Epidemiolog Kesehatan Ahli Muda",
        kind="fungsional",
        jf_jenjang="ahli_muda",
        kelas_jabatan=9,
        reports_to=w.p_kabid,
    )
    w.p_old = PositionFactory(
        unit=w.closed,
        title="Kepala Bidang Lama",
        kind="administrator",
        is_unit_head=True,
        valid_to=dt.date(2023, 1, 1),
    )
    w.p_kaban = PositionFactory(
        unit=w.badan, title="Kepala BKPSDM", kind="jpt_pratama", is_unit_head=True
    )
    w.p_analis = PositionFactory(
        unit=w.badan,
        title="Analis SDM Aparatur Ahli Pertama",
        kind="fungsional",
        jf_jenjang="ahli_pertama",
        reports_to=w.p_kaban,
    )
    w.p_foreign = PositionFactory(
        unit=w.foreign_unit, title="Kepala Dinas Kesehatan Sukoharjo", kind="jpt_pratama"
    )

    w.duty1 = DutyFactory(
        position=w.p_admin,
        statement="Mengagendakan surat masuk dan surat keluar",
        output_unit="Surat",
        volume=1200,
        time_norm_minutes=5,
        sort_order=1,
    )
    w.duty2 = DutyFactory(
        position=w.p_admin,
        statement="Menyusun laporan kepegawaian bulanan",
        output_unit="Laporan",
        volume=12,
        period="month",
        time_norm_minutes=240,
        sort_order=2,
    )

    def employee(name, **kw):
        return EmployeeFactory(instansi=kw.pop("instansi", inst), name=name, **kw)

    w.kadis = employee(
        "Budi Santoso",
        front_title="dr.",
        back_title="M.Kes.",
        sex="L",
        golongan="IV/b",
        birth_date=dt.date(1972, 3, 12),
        nik="3372011203720001",
    )
    w.kabid = employee(
        "Sri Wahyuni",
        sex="P",
        golongan="IV/a",
        birth_date=dt.date(1978, 5, 20),
        nik="3372026005780002",
    )
    w.agus = employee(
        "Agus Prasetyo",
        sex="L",
        golongan="III/a",
        birth_date=dt.date(1990, 8, 17),
        education="d3",
        nik="3372011708900003",
    )
    w.dewi = employee(
        "Dewi Lestari",
        sex="P",
        kind="pppk",
        golongan="IX",
        birth_date=dt.date(1994, 11, 2),
        nik="3372034211940004",
    )
    w.rina = employee(
        "Rina Kartika",
        sex="P",
        golongan="III/b",
        birth_date=dt.date(1988, 1, 30),
        nik="3372017001880005",
    )
    w.joko = employee(
        "Joko Susilo", sex="L", golongan="IV/a", status="pensiun", birth_date=dt.date(1960, 2, 3)
    )
    w.foreigner = employee("Slamet Riyadi", instansi=other, sex="L", birth_date=dt.date(1980, 4, 4))
    for emp, pos, acting in [
        (w.kadis, w.p_kadis, ""),
        (w.kabid, w.p_kabid, ""),
        (w.agus, w.p_admin, ""),
        (w.dewi, w.p_admin, ""),
        (w.rina, w.p_analis, ""),
        (w.rina, w.p_kaban, "plt"),
        (w.foreigner, w.p_foreign, ""),
    ]:
        AssignmentFactory(employee=emp, position=pos, acting=acting)
    AssignmentFactory(
        employee=w.joko, position=w.p_kabid, start=dt.date(2020, 1, 1), end=dt.date(2021, 12, 31)
    )

    w.admin = RoleGrantFactory(user=UserFactory(username="admin_bkpsdm"), instansi=inst).user
    w.analyst = RoleGrantFactory(
        user=UserFactory(username="analis"), role="org_analyst", instansi=inst
    ).user
    w.head = RoleGrantFactory(
        user=UserFactory(username="kabid"), role="unit_head", instansi=inst, unit=w.bidang
    ).user
    w.self_user = UserFactory(username="agus")
    w.agus.user = w.self_user
    w.agus.save(update_fields=["user"])
    w.outsider = RoleGrantFactory(user=UserFactory(username="admin_skh"), instansi=other).user
    return w


@pytest.fixture
def as_user():
    """A test client signed in (session) as the given user."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def bearer():
    """A test client that sends a fresh API token of the given user, and no session."""

    def make(user) -> Client:
        _, secret = api_token_create(
            actor=None,
            user=user,
            name="Uji",
            expires_at=timezone.now() + dt.timedelta(days=30),
        )
        return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")

    return make


def names(response, key="name"):
    assert response.status_code == 200, response.content
    return [item[key] for item in response.json()["items"]]
