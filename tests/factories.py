"""factory_boy factories with Faker's id_ID locale. Each builds a valid object by default.

NIPs are generated consistent with birth date, TMT and sex (see `nip_for`).
"""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from penata.accounts.models import RoleGrant, User
from penata.org.models import Duty, Instansi, Position, Unit
from penata.people.models import Assignment, Employee

factory.Faker._DEFAULT_LOCALE = "id_ID"


def nip_for(birth: dt.date, tmt: dt.date, sex: str, serial: int) -> str:
    return f"{birth:%Y%m%d}{tmt:%Y%m}{'1' if sex == 'L' else '2'}{serial:03d}"


class InstansiFactory(DjangoModelFactory):
    class Meta:
        model = Instansi
        django_get_or_create = ("code",)

    code = "3372"
    name = "Pemerintah Kota Surakarta"


class UnitFactory(DjangoModelFactory):
    """A unit; pass `parent=` to build a child. `path`/`depth` are set after insert."""

    class Meta:
        model = Unit

    instansi = factory.SubFactory(InstansiFactory)
    parent = None
    kind = "dinas"
    code = factory.Sequence(lambda n: f"U{n:05d}")
    name = factory.Sequence(lambda n: f"Dinas Contoh {n}")
    valid_from = dt.date(2020, 1, 1)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        unit = super()._create(model_class, *args, **kwargs)
        parent = unit.parent
        unit.path = f"{parent.path if parent else ''}{unit.pk}/"
        unit.depth = (parent.depth + 1) if parent else 0
        unit.save(update_fields=["path", "depth"])
        return unit


class PositionFactory(DjangoModelFactory):
    class Meta:
        model = Position

    instansi = factory.SelfAttribute("unit.instansi")
    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"Penata Layanan Operasional {n}")
    kind = "pelaksana"
    kelas_jabatan = 7
    valid_from = dt.date(2020, 1, 1)


class DutyFactory(DjangoModelFactory):
    class Meta:
        model = Duty

    instansi = factory.SelfAttribute("position.instansi")
    position = factory.SubFactory(PositionFactory)
    statement = "Menyusun laporan pelaksanaan kegiatan bidang"
    output_unit = "Laporan"
    volume = 12
    period = "year"
    time_norm_minutes = 300


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("rahasia-uji-123")


class EmployeeFactory(DjangoModelFactory):
    class Meta:
        model = Employee

    instansi = factory.SubFactory(InstansiFactory)
    name = factory.Faker("name")
    sex = factory.Iterator(["L", "P"])
    birth_date = factory.Sequence(lambda n: dt.date(1970 + n % 30, 1 + n % 12, 1 + n % 28))
    kind = "pns"
    golongan = "III/a"
    education = "s1"
    status = "aktif"
    nip = factory.LazyAttributeSequence(
        lambda o, n: nip_for(
            o.birth_date, dt.date(o.birth_date.year + 25, 3, 1), o.sex, n % 999 + 1
        )
    )


class AssignmentFactory(DjangoModelFactory):
    class Meta:
        model = Assignment

    instansi = factory.SelfAttribute("employee.instansi")
    employee = factory.SubFactory(EmployeeFactory)
    position = factory.SubFactory(PositionFactory)
    start = dt.date(2022, 1, 1)
    sk_number = factory.Sequence(lambda n: f"800/{n}/2022")


class RoleGrantFactory(DjangoModelFactory):
    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    role = "admin"
    instansi = factory.SubFactory(InstansiFactory)
    unit = None
