"""A small Dinas Kesehatan with every case of the pejabat penilai rules, shared by the
performance tests.

  Dinas Kesehatan                    Kepala Dinas (Kadis)              unit_head of the dinas
    Bidang Pelayanan                   Kepala Bidang (Kabid)
      Seksi Primer                       Kepala Seksi (Kasi)             supervisor
                                           Pengadministrasi (Agus PNS, Dewi PPPK)
                                           Epidemiolog Ahli Pertama (Nina, JF)
      Seksi Rujukan                      Kepala Seksi — VACANT
                                           Pengelola Rujukan (Budi)      → Kabid (next manager up)
    Bidang Pencegahan                  Kepala Bidang — VACANT, Plt Rina
                                         Pengelola Program (Fajar)       → Rina (Plt)
      Seksi Surveilans                   Kepala Seksi (Rina)             → Kadis (she is the Plt above)
                                           Pengolah Data (Eko)           → Rina
  BKPSDM                             Kepala Badan (Kaban)
Users: one per person (username = first name in lower case), plus admin, auditor, analis.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    RoleGrantFactory,
    UnitFactory,
    UserFactory,
)

PASSWORD = "rahasia-uji-123"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _national_holidays(request):
    """The 2026 holidays come from a data migration; a transactional test (the browser
    journeys) flushes every table afterwards, so put them back when a test needs the DB."""
    names = request.fixturenames
    if "transactional_db" in names or "live_server" in names:
        request.getfixturevalue("transactional_db")
    elif "db" in names or any(m.name == "django_db" for m in request.node.iter_markers()):
        request.getfixturevalue("db")
    else:
        return
    import importlib

    from django.apps import apps

    from penata.performance.models import Holiday

    if not Holiday.objects.filter(instansi=None).exists():
        migration = importlib.import_module(
            "penata.performance.migrations.0002_national_holidays_2026"
        )
        migration.seed(apps, None)


def build_city() -> SimpleNamespace:
    inst = InstansiFactory()
    c = SimpleNamespace(inst=inst, users={}, people={}, posts={})
    c.dinas = UnitFactory(
        instansi=inst, kind="dinas", code="1.02", name="Dinas Kesehatan", short_name="Dinkes"
    )
    c.bidang = UnitFactory(
        instansi=inst, parent=c.dinas, kind="bidang", code="1.02.1", name="Bidang Pelayanan"
    )
    c.seksi = UnitFactory(
        instansi=inst, parent=c.bidang, kind="seksi", code="1.02.1.1", name="Seksi Primer"
    )
    c.rujukan = UnitFactory(
        instansi=inst, parent=c.bidang, kind="seksi", code="1.02.1.2", name="Seksi Rujukan"
    )
    c.bidang2 = UnitFactory(
        instansi=inst, parent=c.dinas, kind="bidang", code="1.02.2", name="Bidang Pencegahan"
    )
    c.surveilans = UnitFactory(
        instansi=inst, parent=c.bidang2, kind="seksi", code="1.02.2.1", name="Seksi Surveilans"
    )
    c.badan = UnitFactory(
        instansi=inst, kind="badan", code="5.01", name="BKPSDM", short_name="BKPSDM"
    )

    def post(key, unit, title, kind, reports_to=None, head=False, **kw):
        c.posts[key] = PositionFactory(
            unit=unit, title=title, kind=kind, reports_to=reports_to, is_unit_head=head, **kw
        )
        return c.posts[key]

    post("kadis", c.dinas, "Kepala Dinas Kesehatan", "jpt_pratama", head=True, kelas_jabatan=14)
    post("kabid", c.bidang, "Kepala Bidang Pelayanan", "administrator", c.posts["kadis"], True)
    post("kasi", c.seksi, "Kepala Seksi Primer", "pengawas", c.posts["kabid"], True)
    post("staff", c.seksi, "Pengadministrasi Perkantoran", "pelaksana", c.posts["kasi"])
    post(
        "jf",
        c.seksi,
        "Epidemiolog Kesehatan Ahli Pertama",
        "fungsional",
        c.posts["kasi"],
        jf_jenjang="ahli_pertama",
    )
    post("kasi_rujukan", c.rujukan, "Kepala Seksi Rujukan", "pengawas", c.posts["kabid"], True)
    post("rujukan", c.rujukan, "Pengelola Rujukan", "pelaksana", c.posts["kasi_rujukan"])
    post("kabid2", c.bidang2, "Kepala Bidang Pencegahan", "administrator", c.posts["kadis"], True)
    post("program", c.bidang2, "Pengelola Program", "pelaksana", c.posts["kabid2"])
    post("kasi2", c.surveilans, "Kepala Seksi Surveilans", "pengawas", c.posts["kabid2"], True)
    post("data", c.surveilans, "Pengolah Data", "pelaksana", c.posts["kasi2"])
    post("kaban", c.badan, "Kepala BKPSDM", "jpt_pratama", head=True)

    def person(key, name, post_key, *, kind="pns", golongan="III/a", acting=None, email=""):
        employee = EmployeeFactory(
            instansi=inst, name=name, kind=kind, golongan=golongan, email=email
        )
        AssignmentFactory(employee=employee, position=c.posts[post_key], start=dt.date(2022, 1, 1))
        user = UserFactory(username=key, first_name=name.split()[0])
        employee.user = user
        employee.save(update_fields=["user"])
        c.people[key], c.users[key] = employee, user
        return employee

    person("kadis", "Budi Santoso", "kadis", golongan="IV/b")
    person("kabid", "Sri Wahyuni", "kabid", golongan="IV/a")
    person("kasi", "Hadi Purnomo", "kasi", golongan="III/d", email="hadi@example.go.id")
    person("agus", "Agus Prasetyo", "staff", email="agus@example.go.id")
    person("dewi", "Dewi Lestari", "staff", kind="pppk", golongan="IX")
    person("nina", "Nina Kartika", "jf", email="nina@example.go.id")
    person("budi", "Budi Rahardjo", "rujukan")
    person("rina", "Rina Anggraini", "kasi2", golongan="III/d")
    AssignmentFactory(
        employee=c.people["rina"],
        position=c.posts["kabid2"],
        start=dt.date(2025, 6, 1),
        acting="plt",
    )
    person("fajar", "Fajar Nugroho", "program")
    person("eko", "Eko Saputra", "data")
    person("kaban", "Wahyu Hidayat", "kaban", golongan="IV/c")

    RoleGrantFactory(user=c.users["kadis"], role="unit_head", instansi=inst, unit=c.dinas)
    RoleGrantFactory(user=c.users["kasi"], role="supervisor", instansi=inst, unit=c.seksi)
    RoleGrantFactory(user=c.users["kabid"], role="supervisor", instansi=inst, unit=c.bidang)
    for username, role in (("admin", "admin"), ("auditor", "auditor"), ("analis", "org_analyst")):
        c.users[username] = RoleGrantFactory(
            user=UserFactory(username=username), role=role, instansi=inst
        ).user
    return c


@pytest.fixture
def city(db):
    return build_city()


# Every performance test runs on a fixed clock: Wednesday 17 June 2026, 10:00 WIB. Monthly
# periods January–May are then due (their grace of 10 days has passed), June is running.
FROZEN_DAY = dt.date(2026, 6, 17)


def frozen_at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """Freeze `timezone.now()`; `clock.set(day, hour)` moves it."""
    from django.utils import timezone

    state = SimpleNamespace(now=frozen_at(FROZEN_DAY))

    def set_(day: dt.date, hour: int = 10, minute: int = 0) -> None:
        state.now = frozen_at(day, hour, minute)

    monkeypatch.setattr(timezone, "now", lambda: state.now)
    state.set = set_
    return state


@pytest.fixture
def plan(city):
    """Helpers that build SKP data through the services (as the pages would)."""
    return PlanHelper(city)


class PlanHelper:
    def __init__(self, city):
        self.city = city

    def skp(self, who: str, *, rhks: int = 1, approve: bool = True, kinds=("utama",), year=2026):
        from decimal import Decimal

        from penata.performance.services import rhk as rhk_services
        from penata.performance.services import skp as services
        from penata.performance.services.rhk import IndicatorInput

        c = self.city
        skp = services.skp_create(actor=c.users[who], employee=c.people[who], year=year)
        for n in range(rhks):
            rhk_services.rhk_save(
                actor=c.users[who],
                skp=skp,
                text=f"Hasil kerja {who} nomor {n + 1}",
                kind=kinds[n % len(kinds)],
                indicators=[
                    IndicatorInput("kuantitas", f"Jumlah dokumen {n + 1}", Decimal(12), "dokumen")
                ],
            )
        if approve:
            services.skp_submit(actor=c.users[who], skp=skp)
            evaluator = next(
                k
                for k, e in c.people.items()
                if e.pk == skp.__class__.objects.get(pk=skp.pk).evaluator_id
            )
            services.skp_approve(actor=c.users[evaluator], skp=skp)
        skp.refresh_from_db()
        return skp
