"""The world of the security tests: one user per role, in and out of every scope.

Instansi 3372 (Kota Surakarta):
  Dinas Kesehatan (kadis position)               unit_head_in holds unit_head here
    Bidang Pelayanan (kabid, reports to kadis)   supervisor = the kabid (Sri Wahyuni)
      staff position (reports to kabid)          target = Agus Prasetyo, user `employee`
  BKPSDM (kaban)                                 unit_head_out holds unit_head here
                                                 bystander = Rina (analis SDM)
Instansi 3311 (Sukoharjo): foreign unit, position and employee — out of everybody's scope.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    RoleGrantFactory,
    UnitFactory,
    UserFactory,
)

# Role rows of the authorisation matrix, in the order the brief lists them.
ROLES = (
    "anonymous",
    "employee",
    "supervisor",
    "unit_head_in",
    "unit_head_out",
    "org_analyst",
    "admin",
    "moderator",
    "auditor",
)
# Roles whose user is linked to an employee record.
LINKED = frozenset({"employee", "supervisor", "unit_head_in"})


def build_world() -> SimpleNamespace:
    inst = InstansiFactory()
    other = InstansiFactory(code="3311", name="Pemerintah Kabupaten Sukoharjo")
    w = SimpleNamespace(inst=inst, other=other)
    w.dinas = UnitFactory(instansi=inst, kind="dinas", code="1.02", name="Dinas Kesehatan")
    w.bidang = UnitFactory(
        instansi=inst, parent=w.dinas, kind="bidang", code="1.02.01", name="Bidang Pelayanan"
    )
    w.badan = UnitFactory(instansi=inst, kind="badan", code="5.01", name="BKPSDM")
    w.foreign_unit = UnitFactory(instansi=other, kind="dinas", code="1.02", name="Dinkes Skh")

    w.p_kadis = PositionFactory(
        unit=w.dinas, title="Kepala Dinas Kesehatan", kind="jpt_pratama", is_unit_head=True
    )
    w.p_kabid = PositionFactory(
        unit=w.bidang,
        title="Kepala Bidang Pelayanan",
        kind="administrator",
        is_unit_head=True,
        reports_to=w.p_kadis,
    )
    w.p_staff = PositionFactory(
        unit=w.bidang, title="Pengadministrasi Perkantoran", kind="pelaksana", reports_to=w.p_kabid
    )
    w.p_kaban = PositionFactory(
        unit=w.badan, title="Kepala BKPSDM", kind="jpt_pratama", is_unit_head=True
    )
    w.p_analis = PositionFactory(
        unit=w.badan, title="Analis SDM Aparatur", kind="fungsional", reports_to=w.p_kaban
    )
    w.p_foreign = PositionFactory(
        unit=w.foreign_unit, title="Kepala Dinkes Skh", kind="jpt_pratama"
    )

    w.kadis = EmployeeFactory(
        instansi=inst, name="Budi Santoso", sex="L", golongan="IV/b",
        birth_date=dt.date(1972, 3, 12), nik="3372011203720001",
    )  # fmt: skip
    w.kabid = EmployeeFactory(
        instansi=inst, name="Sri Wahyuni", sex="P", golongan="IV/a",
        birth_date=dt.date(1978, 5, 20), nik="3372026005780002",
    )  # fmt: skip
    w.target = EmployeeFactory(
        instansi=inst, name="Agus Prasetyo", sex="L", golongan="III/a",
        birth_date=dt.date(1990, 8, 17), nik="3372011708900003",
        email="agus@example.go.id", phone="081234567890",
    )  # fmt: skip
    w.rina = EmployeeFactory(
        instansi=inst, name="Rina Kartika", sex="P", golongan="III/b",
        birth_date=dt.date(1988, 1, 30), nik="3372017001880005",
    )  # fmt: skip
    w.foreigner = EmployeeFactory(
        instansi=other, name="Slamet Riyadi", sex="L", birth_date=dt.date(1980, 4, 4),
        nik="3311010404800001",
    )  # fmt: skip
    for emp, pos in [
        (w.kadis, w.p_kadis),
        (w.kabid, w.p_kabid),
        (w.target, w.p_staff),
        (w.rina, w.p_analis),
        (w.foreigner, w.p_foreign),
    ]:
        AssignmentFactory(employee=emp, position=pos, start=dt.date(2022, 1, 1))

    def user(name: str, *, employee=None, role: str | None = None, unit=None, instansi=inst):
        account = UserFactory(username=name)
        if employee is not None:
            employee.user = account
            employee.save(update_fields=["user"])
        if role:
            RoleGrantFactory(user=account, role=role, instansi=instansi, unit=unit)
        return account

    w.users = {
        "employee": user("pegawai", employee=w.target),
        "supervisor": user("atasan", employee=w.kabid, role="supervisor"),
        "unit_head_in": user("kadis", employee=w.kadis, role="unit_head", unit=w.dinas),
        "unit_head_out": user("kaban", role="unit_head", unit=w.badan),
        "org_analyst": user("analis", role="org_analyst"),
        "admin": user("admin", role="admin"),
        "moderator": user("moderator", role="moderator"),
        "auditor": user("auditor", role="auditor"),
    }
    w.foreign_admin = user("admin_skh", role="admin", instansi=other)
    w.bystander = user("rina", employee=w.rina)
    return w
