"""A small, fully known organisation for the web page tests.

    Pemerintah Kota Surakarta (pemda)
    ├── Sekretariat Daerah            Sekretaris Daerah ← Hadi Santoso
    └── Dinas Kesehatan               Kepala Dinas Kesehatan ← dr. Ratna Dewi (reports to Sekda)
        └── Bidang Pelayanan Kesehatan   Kepala Bidang ← Plt Budi Prasetyo
            └── Seksi Rujukan               Kepala Seksi (vacant); Pengelola Data ← Sri Wahyuni

Users: `admin` (admin, whole instansi), `kadis` (unit_head on Dinas Kesehatan, linked to
Ratna), `pegawai` (linked to Sri Wahyuni, no grant), `sekda_head` (unit_head on Setda only),
`nobody` (no grant, no employee).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tests.factories import (
    AssignmentFactory,
    DutyFactory,
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    RoleGrantFactory,
    UnitFactory,
    UserFactory,
    nip_for,
)

PASSWORD = "rahasia-uji-123"


@dataclass
class Org:
    instansi: Any
    root: Any
    setda: Any
    dinkes: Any
    bidang: Any
    seksi: Any
    sekda: Any
    kadis: Any
    kabid: Any
    kasi: Any
    pengelola: Any
    hadi: Any
    ratna: Any
    budi: Any
    sri: Any
    users: dict[str, Any]


def employee(name: str, birth: dt.date, tmt: dt.date, sex: str, serial: int, **kw: Any) -> Any:
    return EmployeeFactory(
        name=name,
        birth_date=birth,
        sex=sex,
        nip=nip_for(birth, tmt, sex, serial),
        **kw,
    )


def build_org() -> Org:
    instansi = InstansiFactory()
    root = UnitFactory(
        instansi=instansi, kind="pemda", code="3372", name="Pemerintah Kota Surakarta"
    )
    setda = UnitFactory(
        instansi=instansi,
        parent=root,
        kind="sekretariat_daerah",
        code="4.01",
        name="Sekretariat Daerah",
        sort_order=1,
    )
    dinkes = UnitFactory(
        instansi=instansi,
        parent=root,
        kind="dinas",
        code="1.02",
        name="Dinas Kesehatan",
        sort_order=2,
    )
    bidang = UnitFactory(
        instansi=instansi,
        parent=dinkes,
        kind="bidang",
        code="1.02.03",
        name="Bidang Pelayanan Kesehatan",
    )
    seksi = UnitFactory(
        instansi=instansi, parent=bidang, kind="seksi", code="1.02.03.01", name="Seksi Rujukan"
    )
    sekda = PositionFactory(
        unit=setda,
        title="Sekretaris Daerah",
        kind="jpt_madya",
        is_unit_head=True,
        kelas_jabatan=15,
        eselon="IIa",
    )
    kadis = PositionFactory(
        unit=dinkes,
        title="Kepala Dinas Kesehatan",
        kind="jpt_pratama",
        is_unit_head=True,
        reports_to=sekda,
        kelas_jabatan=14,
        eselon="IIb",
    )
    kabid = PositionFactory(
        unit=bidang,
        title="Kepala Bidang Pelayanan Kesehatan",
        kind="administrator",
        is_unit_head=True,
        reports_to=kadis,
        kelas_jabatan=12,
    )
    kasi = PositionFactory(
        unit=seksi,
        title="Kepala Seksi Rujukan",
        kind="pengawas",
        is_unit_head=True,
        reports_to=kabid,
        kelas_jabatan=9,
    )
    pengelola = PositionFactory(
        unit=seksi,
        title="Pengelola Data Rujukan",
        kind="pelaksana",
        reports_to=kasi,
        kelas_jabatan=7,
    )
    DutyFactory(
        position=pengelola,
        statement="Menghimpun data rujukan pasien dari puskesmas",
        output_unit="Laporan",
        volume=12,
        period="month",
        time_norm_minutes=90,
    )
    DutyFactory(
        position=pengelola,
        statement="Memutakhirkan basis data fasilitas rujukan",
        output_unit="Dokumen",
        volume=4,
        period="year",
        time_norm_minutes=600,
        sort_order=1,
    )
    hadi = employee(
        "Hadi Santoso",
        dt.date(1968, 4, 12),
        dt.date(1993, 3, 1),
        "L",
        1,
        golongan="IV/c",
        back_title="M.Si.",
    )
    ratna = employee(
        "Ratna Dewi",
        dt.date(1975, 8, 17),
        dt.date(2001, 12, 1),
        "P",
        2,
        golongan="IV/b",
        front_title="dr.",
        nik="3372025708750002",
    )
    budi = employee(
        "Budi Prasetyo", dt.date(1980, 2, 3), dt.date(2005, 1, 1), "L", 3, golongan="III/d"
    )
    sri = employee(
        "Sri Wahyuni",
        dt.date(1986, 9, 26),
        dt.date(2015, 5, 1),
        "P",
        1,
        golongan="III/a",
        nik="3372026609860001",
    )
    AssignmentFactory(
        employee=hadi, position=sekda, start=dt.date(2021, 1, 4), sk_number="821/1/2021"
    )
    AssignmentFactory(
        employee=ratna, position=kadis, start=dt.date(2022, 2, 1), sk_number="821/7/2022"
    )
    AssignmentFactory(employee=budi, position=kabid, start=dt.date(2023, 6, 1), acting="plt")
    AssignmentFactory(
        employee=sri, position=pengelola, start=dt.date(2019, 1, 2), end=dt.date(2020, 12, 31)
    )
    AssignmentFactory(employee=sri, position=pengelola, start=dt.date(2021, 1, 1))

    users = {
        "admin": UserFactory(username="admin"),
        "kadis": UserFactory(username="kadis"),
        "pegawai": UserFactory(username="pegawai"),
        "sekda_head": UserFactory(username="sekda_head"),
        "nobody": UserFactory(username="nobody"),
    }
    RoleGrantFactory(user=users["admin"], role="admin", instansi=instansi)
    RoleGrantFactory(user=users["kadis"], role="unit_head", instansi=instansi, unit=dinkes)
    RoleGrantFactory(user=users["sekda_head"], role="unit_head", instansi=instansi, unit=setda)
    ratna.user = users["kadis"]
    ratna.save()
    sri.user = users["pegawai"]
    sri.save()
    return Org(
        instansi,
        root,
        setda,
        dinkes,
        bidang,
        seksi,
        sekda,
        kadis,
        kabid,
        kasi,
        pengelola,
        hadi,
        ratna,
        budi,
        sri,
        users,
    )
