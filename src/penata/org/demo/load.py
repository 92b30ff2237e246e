"""Load the deterministic Surakarta demo dataset: `demo_load(seed=…, employees=…)`.

One transaction: the instansi, its unit tree (materialised paths), the peta jabatan with
reporting lines, uraian tugas, employees with assignments (Plt included), the demo users with
their role grants, and one audit event `demo.load`. Same seed and size → identical data.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from random import Random
from typing import Any, Final

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.db import transaction
from faker import Faker

from penata.accounts.models import Role, RoleGrant, User
from penata.change.demo import demo_load as change_demo_load
from penata.core import audit
from penata.core.errors import ApplicationError
from penata.learning.demo import learning_demo_load
from penata.org.demo import (
    DEFAULT_EMPLOYEES,
    DEFAULT_SEED,
    DEMO_LOGINS,
    DEMO_PASSWORD,
    MIN_EMPLOYEES,
    STRUCTURE_VALID_FROM,
)
from penata.org.demo.people import PERSONAS, People, generate_people
from penata.org.demo.plan import Plan, build_plan
from penata.org.demo.structure import ROOT_CODE, ROOT_NAME
from penata.org.models import Duty, Instansi, Position, Unit
from penata.participation.demo import participation_demo_load
from penata.people.models import Assignment, Employee
from penata.performance.demo import performance_demo_load
from penata.restructure.demo import restructure_demo_load

BATCH: Final = 1000

# Where each login's role applies: None = the whole instansi, "unit" = the subtree of the unit
# of the persona's post (for the kepala dinas, the whole Dinas Kesehatan).
GRANT_SCOPE: Final[dict[str, str | None]] = {
    "admin": None,
    "analis": None,
    "kadis": "unit",
    "atasan": "unit",
    "pegawai": "unit",
    "moderator": None,
    "auditor": None,
}
# Django admin rights of the BKPSDM admin: the records BKPSDM keeps.
ADMIN_APPS: Final = ("people", "org", "learning")


@dataclass(frozen=True)
class DemoSummary:
    instansi_id: int
    seed: int
    units: int
    positions: int
    duties: int
    employees: int
    assignments: int
    vacancies: int  # positions without a definitive holder
    acting: int  # of those, held by a Plt official
    users: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def instansi_present() -> bool:
    """Whether the database already holds an instansi (the demo or real data)."""
    return Instansi.objects.exists()


def _refuse_if_present() -> None:
    if Instansi.objects.filter(code=ROOT_CODE).exists():
        raise ApplicationError(
            "demo.instansi_exists",
            f"Instansi {ROOT_CODE} ({ROOT_NAME}) sudah ada; data demo hanya dimuat ke basis "
            "data yang kosong.",
        )
    usernames = [username for username, _ in DEMO_LOGINS]
    taken = sorted(User.objects.filter(username__in=usernames).values_list("username", flat=True))
    if taken:
        raise ApplicationError(
            "demo.users_exist",
            f"Akun demo sudah ada: {', '.join(taken)}.",
            {"usernames": taken},
        )


def _insert_units(plan: Plan, instansi: Instansi) -> list[int]:
    """Insert the tree level by level; a unit's path needs its own id, so paths are set
    right after each level's insert."""
    ids: list[int] = [0] * len(plan.units)
    paths: list[str] = [""] * len(plan.units)
    by_depth: dict[int, list[int]] = defaultdict(list)
    for unit in plan.units:
        by_depth[unit.depth].append(unit.index)
    for depth in sorted(by_depth):
        rows = []
        for i in by_depth[depth]:
            unit = plan.units[i]
            rows.append(
                Unit(
                    instansi=instansi,
                    parent_id=None if unit.parent is None else ids[unit.parent],
                    path="",
                    depth=depth,
                    kind=unit.kind,
                    code=unit.code,
                    name=unit.name,
                    short_name=unit.short_name,
                    sort_order=unit.sort_order,
                    region_code=unit.region_code,
                    valid_from=STRUCTURE_VALID_FROM,
                )
            )
        created = Unit.objects.bulk_create(rows, batch_size=BATCH)
        for i, obj in zip(by_depth[depth], created, strict=True):
            assert obj.pk is not None
            ids[i] = obj.pk
            parent = plan.units[i].parent
            paths[i] = f"{paths[parent] if parent is not None else ''}{obj.pk}/"
            obj.path = paths[i]
        Unit.objects.bulk_update(created, ["path"], batch_size=BATCH)
    return ids


def _insert_positions(plan: Plan, instansi: Instansi, unit_ids: list[int]) -> list[int]:
    """Insert positions boss first (by depth in the reporting chain) so that `reports_to`
    always points to a row already written."""
    ids: list[int] = [0] * len(plan.positions)
    by_depth: dict[int, list[int]] = defaultdict(list)
    for pos in plan.positions:
        by_depth[pos.chain_depth].append(pos.index)
    for depth in sorted(by_depth):
        rows = []
        for i in by_depth[depth]:
            p = plan.positions[i]
            rows.append(
                Position(
                    instansi=instansi,
                    unit_id=unit_ids[p.unit],
                    title=p.title,
                    kind=p.kind,
                    jf_jenjang=p.jf_jenjang,
                    kelas_jabatan=p.kelas_jabatan,
                    eselon=p.eselon,
                    reports_to_id=ids[p.reports_to] if p.reports_to is not None else None,
                    is_unit_head=p.is_unit_head,
                    is_penyetaraan=p.is_penyetaraan,
                    is_critical=p.is_critical,
                    sort_order=p.sort_order,
                    valid_from=STRUCTURE_VALID_FROM,
                )
            )
        created = Position.objects.bulk_create(rows, batch_size=BATCH)
        for i, obj in zip(by_depth[depth], created, strict=True):
            assert obj.pk is not None
            ids[i] = obj.pk
    return ids


def _insert_duties(plan: Plan, instansi: Instansi, position_ids: list[int]) -> int:
    rows = [
        Duty(
            instansi=instansi,
            position_id=position_ids[d.position],
            statement=d.statement,
            output_unit=d.output_unit,
            volume=d.volume,
            period=d.period,
            time_norm_minutes=d.time_norm_minutes,
            sort_order=d.sort_order,
        )
        for d in plan.duties
    ]
    Duty.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _insert_people(people: People, instansi: Instansi, position_ids: list[int]) -> list[int]:
    employees = Employee.objects.bulk_create(
        [
            Employee(
                instansi=instansi,
                nip=e.nip,
                name=e.name,
                front_title=e.front_title,
                back_title=e.back_title,
                birth_date=e.birth_date,
                sex=e.sex,
                kind=e.kind,
                golongan=e.golongan,
                tmt_golongan=e.tmt_golongan,
                education=e.education,
                education_major=e.education_major,
                status=e.status,
                nik=e.nik,
            )
            for e in people.employees
        ],
        batch_size=BATCH,
    )
    ids = [e.pk for e in employees]
    Assignment.objects.bulk_create(
        [
            Assignment(
                instansi=instansi,
                employee_id=ids[a.employee],
                position_id=position_ids[a.position],
                start=a.start,
                end=a.end,
                sk_number=a.sk_number,
                acting=a.acting,
            )
            for a in people.assignments
        ],
        batch_size=BATCH,
    )
    return ids


def _create_users(
    plan: Plan,
    people: People,
    instansi: Instansi,
    unit_ids: list[int],
    employee_ids: list[int],
) -> int:
    """The demo logins (one shared published password) with their role grants; each person
    role is linked to the employee who holds the persona's post."""
    # Every demo login has the same published password, so one argon2 hash (about half a
    # second of work) serves them all.
    password = make_password(DEMO_PASSWORD)
    User.objects.create(username="superadmin", password=password, is_staff=True, is_superuser=True)
    roles = dict(DEMO_LOGINS)
    for username, where in PERSONAS.items():
        employee = people.employees[people.personas[username]]
        first, _, last = employee.name.partition(" ")
        user = User.objects.create(
            username=username,
            password=password,
            first_name=first,
            last_name=last,
            is_staff=username == "admin",
        )
        if user.is_staff:
            user.user_permissions.set(
                Permission.objects.filter(
                    content_type__app_label__in=ADMIN_APPS,
                    codename__regex=r"^(view|add|change)_",
                ).order_by("id")
            )
        position = plan.find_position(*where)
        unit_id = unit_ids[position.unit] if GRANT_SCOPE[username] else None
        RoleGrant.objects.create(
            user=user, role=Role(roles[username]), instansi=instansi, unit_id=unit_id
        )
        Employee.objects.filter(pk=employee_ids[employee.index]).update(user=user)
    return 1 + len(PERSONAS)


@transaction.atomic
def demo_load(*, seed: int = DEFAULT_SEED, employees: int = DEFAULT_EMPLOYEES) -> DemoSummary:
    """Load the Surakarta demo into an empty database and return what was written.

    Refuses (ApplicationError, nothing written) when instansi 3372 or a demo login already
    exists, or when `employees` is below MIN_EMPLOYEES. Records one audit event `demo.load`.
    """
    began = time.perf_counter()
    if employees < MIN_EMPLOYEES:
        raise ApplicationError(
            "demo.employees_too_few",
            f"Jumlah pegawai demo minimal {MIN_EMPLOYEES}, bukan {employees}.",
            {"minimum": MIN_EMPLOYEES},
        )
    _refuse_if_present()
    rng = Random(seed)
    fake = Faker("id_ID")
    fake.seed_instance(seed)
    plan = build_plan(rng)
    people = generate_people(plan, employees=employees, rng=rng, fake=fake)

    instansi = Instansi.objects.create(code=ROOT_CODE, name=ROOT_NAME, head_title="Wali Kota")
    unit_ids = _insert_units(plan, instansi)
    position_ids = _insert_positions(plan, instansi, unit_ids)
    duties = _insert_duties(plan, instansi, position_ids)
    employee_ids = _insert_people(people, instansi, position_ids)
    users = _create_users(plan, people, instansi, unit_ids, employee_ids)

    held = {a.position for a in people.assignments if a.end is None and not a.acting}
    summary = DemoSummary(
        instansi_id=instansi.pk,
        seed=seed,
        units=len(plan.units),
        positions=len(plan.positions),
        duties=duties,
        employees=len(people.employees),
        assignments=len(people.assignments),
        vacancies=len(plan.positions) - len(held),
        acting=len(people.acting),
        users=users,
        seconds=0.0,
    )
    audit.record(
        actor="penata demo",
        action="demo.load",
        obj=instansi,
        extra={k: v for k, v in summary.as_dict().items() if k != "seconds"},
    )
    participation_demo_load(instansi=instansi, seed=seed)
    performance_demo_load(instansi, seed=seed)
    learning_demo_load(instansi=instansi, seed=seed)
    change_demo_load(instansi=instansi, seed=seed)
    restructure_demo_load(instansi=instansi)
    return DemoSummary(**{**summary.as_dict(), "seconds": round(time.perf_counter() - began, 2)})
