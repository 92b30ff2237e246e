"""The Surakarta demo dataset (`penata demo`): deterministic, valid identifiers, real units,
sound reporting lines, plausible careers, demo logins."""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter, defaultdict
from random import Random

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Q
from faker import Faker

from penata.accounts.models import RoleGrant, User
from penata.core import reference
from penata.core.errors import ApplicationError
from penata.core.models import AuditEvent
from penata.org.demo import (
    DEMO_LOGINS,
    DEMO_PASSWORD,
    REFERENCE_DATE,
    RETIREMENT_NOT_BEFORE,
)
from penata.org.demo.duty_contexts import OVERLAPS
from penata.org.demo.load import demo_load
from penata.org.demo.people import generate_people
from penata.org.demo.plan import build_plan
from penata.org.demo.structure import kelurahan_name, wilayah
from penata.org.models import Duty, Instansi, Position, Unit
from penata.people import rules
from penata.people.models import Assignment, Employee

SEED = 2026
EMPLOYEES = 300
USERNAMES = [username for username, _ in DEMO_LOGINS]

# DOMAIN.md §9: every Perangkat Daerah of Kota Surakarta, with its unit kind.
PERANGKAT_DAERAH = {
    "Sekretariat Daerah": "sekretariat_daerah",
    "Sekretariat DPRD": "sekretariat_dprd",
    "Inspektorat": "inspektorat",
    "Dinas Kependudukan dan Pencatatan Sipil": "dinas",
    "Dinas Kebudayaan dan Pariwisata": "dinas",
    "Dinas Kepemudaan dan Olahraga": "dinas",
    "Dinas Kesehatan": "dinas",
    "Dinas Ketahanan Pangan dan Pertanian": "dinas",
    "Dinas Komunikasi, Informatika, Statistik dan Persandian": "dinas",
    "Dinas Koperasi, Usaha Kecil dan Menengah dan Perindustrian": "dinas",
    "Dinas Lingkungan Hidup": "dinas",
    "Dinas Pekerjaan Umum dan Penataan Ruang": "dinas",
    "Dinas Pemadam Kebakaran": "dinas",
    "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Pengendalian Penduduk dan "
    "Keluarga Berencana": "dinas",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu": "dinas",
    "Dinas Pendidikan": "dinas",
    "Dinas Perdagangan": "dinas",
    "Dinas Perhubungan": "dinas",
    "Dinas Perpustakaan dan Kearsipan": "dinas",
    "Dinas Perumahan, Kawasan Permukiman dan Pertanahan": "dinas",
    "Dinas Sosial": "dinas",
    "Dinas Tenaga Kerja": "dinas",
    "Satuan Polisi Pamong Praja": "satpol_pp",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia": "badan",
    "Badan Kesatuan Bangsa dan Politik": "badan",
    "Badan Penanggulangan Bencana Daerah": "badan",
    "Badan Pendapatan Daerah": "badan",
    "Badan Pengelolaan Keuangan dan Aset Daerah": "badan",
    "Badan Perencanaan Pembangunan Daerah": "badan",
    "Badan Riset dan Inovasi Daerah": "badan",
    "Rumah Sakit Umum Daerah Bung Karno": "rsud",
    "Rumah Sakit Umum Daerah Ibu Fatmawati Soekarno": "rsud",
    "Kecamatan Laweyan": "kecamatan",
    "Kecamatan Serengan": "kecamatan",
    "Kecamatan Pasar Kliwon": "kecamatan",
    "Kecamatan Jebres": "kecamatan",
    "Kecamatan Banjarsari": "kecamatan",
}
SETDA_BAGIAN = [
    "Bagian Umum",
    "Bagian Hukum",
    "Bagian Organisasi",
    "Bagian Administrasi Pembangunan",
    "Bagian Pemerintahan",
    "Bagian Kesejahteraan Rakyat",
    "Bagian Perekonomian",
    "Bagian Pengadaan Barang/Jasa",
    "Bagian Protokol dan Komunikasi Pimpinan",
]
PUSKESMAS = [
    "Pajang", "Purwosari", "Penumping", "Jayengan", "Kratonan", "Gajahan", "Sangkrah",
    "Purwodiningratan", "Ngoresan", "Sibela", "Pucangsawit", "Setabelan", "Banyuanyar",
    "Gambirsari", "Manahan", "Nusukan", "Gilingan",
]  # fmt: skip


def _wipe() -> None:
    """Remove everything the demo wrote, inside the test's transaction. Every app adds its
    own demo rows, so empty all of Penata's tables (foreign keys are checked only at commit,
    and the transaction is rolled back). Audit events stay: the trail is append-only."""
    penata_apps = {app.label for app in apps.get_app_configs() if app.name.startswith("penata.")}
    penata_apps |= {"otp_totp"}
    tables = [
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in penata_apps
        and model is not AuditEvent
        and model._meta.managed
        and not model._meta.proxy
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One small demo load shared by the tests of this module, inside a transaction that is
    rolled back afterwards (each test runs in a savepoint within it), so nothing leaks."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_load(seed=SEED, employees=EMPLOYEES)
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def _fingerprint() -> str:
    """A checksum of the loaded data by natural keys (ids differ between loads)."""
    digest = hashlib.sha256()
    queries = [
        Unit.objects.order_by("code").values_list(
            "code", "name", "kind", "short_name", "region_code", "depth", "sort_order",
            "parent__code", "valid_from",
        ),
        Position.objects.order_by("unit__code", "sort_order").values_list(
            "unit__code", "title", "kind", "jf_jenjang", "kelas_jabatan", "eselon",
            "is_unit_head", "is_penyetaraan", "is_critical", "sort_order",
            "reports_to__unit__code", "reports_to__title",
        ),
        Duty.objects.order_by("position__unit__code", "position__sort_order", "sort_order")
        .values_list(
            "position__unit__code", "position__title", "sort_order", "statement",
            "output_unit", "volume", "period", "time_norm_minutes",
        ),
        Employee.objects.order_by("nip").values_list(
            "nip", "name", "front_title", "back_title", "birth_date", "sex", "kind",
            "golongan", "tmt_golongan", "education", "education_major", "status", "nik",
            "user__username",
        ),
        Assignment.objects.order_by("employee__nip", "start", "position__unit__code").values_list(
            "employee__nip", "position__unit__code", "position__title", "start", "end",
            "sk_number", "acting",
        ),
        RoleGrant.objects.order_by("user__username").values_list(
            "user__username", "role", "unit__code"
        ),
    ]  # fmt: skip
    rows = 0
    for query in queries:
        for row in query:
            digest.update(repr(row).encode())
            rows += 1
    return f"{rows}:{digest.hexdigest()}"


def _current(employee_ids=None):
    qs = Assignment.objects.filter(end__isnull=True).select_related("position")
    return qs if employee_ids is None else qs.filter(employee_id__in=employee_ids)


# --- determinism ---------------------------------------------------------------------------


def test_same_seed_loads_identical_data(demo):
    first = _fingerprint()
    _wipe()
    assert Instansi.objects.count() == 0

    again = demo_load(seed=SEED, employees=EMPLOYEES)

    assert _fingerprint() == first
    assert again.employees == EMPLOYEES == Employee.objects.count()
    assert int(first.split(":")[0]) > EMPLOYEES + demo.units + demo.positions + demo.duties


def test_another_seed_draws_other_people():
    def nips(seed: int) -> list[str]:
        rng = Random(seed)
        fake = Faker("id_ID")
        fake.seed_instance(seed)
        plan = build_plan(rng)
        return [e.nip for e in generate_people(plan, employees=100, rng=rng, fake=fake).employees]

    assert nips(SEED) == nips(SEED)
    assert nips(SEED) != nips(SEED + 1)


def test_default_size_staffs_each_single_post_once_and_counts_exactly():
    rng = Random(SEED)
    fake = Faker("id_ID")
    fake.seed_instance(SEED)
    plan = build_plan(rng)

    people = generate_people(plan, employees=8000, rng=rng, fake=fake)

    definitive = Counter(a.position for a in people.assignments if a.end is None and not a.acting)
    single = [p.index for p in plan.positions if p.is_single]
    assert {definitive[i] for i in single} == {0, 1}
    assert sum(definitive.values()) == len(people.employees) == 8000
    vacant_single = sum(1 for i in single if definitive[i] == 0)
    assert vacant_single == len(people.vacant_official)
    assert 0.02 <= vacant_single / len(single) <= 0.05
    schools = [p.index for p in plan.positions if plan.units[p.unit].kind == "sekolah"]
    assert sum(definitive[i] for i in schools) > 2000


# --- structure -----------------------------------------------------------------------------


def test_root_and_every_perangkat_daerah_exist(demo):
    root = Unit.objects.get(parent__isnull=True)
    assert (root.code, root.name, root.kind) == ("3372", "Pemerintah Kota Surakarta", "pemda")
    assert Instansi.objects.get().name == "Pemerintah Kota Surakarta"

    top = dict(Unit.objects.filter(parent=root).values_list("name", "kind"))

    assert top == PERANGKAT_DAERAH


def test_setda_has_its_bagian_and_dinkes_its_puskesmas(demo):
    setda = Unit.objects.get(name="Sekretariat Daerah")
    bagian = set(
        Unit.objects.filter(path__startswith=setda.path, kind="bagian").values_list(
            "name", flat=True
        )
    )
    dinkes = Unit.objects.get(name="Dinas Kesehatan")
    puskesmas = set(
        Unit.objects.filter(parent=dinkes, kind="puskesmas").values_list("name", flat=True)
    )
    disdik = Unit.objects.get(name="Dinas Pendidikan")
    smp = set(
        Unit.objects.filter(parent=disdik, name__startswith="SMP Negeri").values_list(
            "name", flat=True
        )
    )

    assert set(SETDA_BAGIAN) <= bagian
    assert puskesmas == {f"Puskesmas {p}" for p in PUSKESMAS}
    assert smp == {f"SMP Negeri {n} Surakarta" for n in range(1, 28)}
    assert Unit.objects.filter(parent=disdik, name__startswith="SD Negeri").count() == 108


def test_54_kelurahan_with_kemendagri_codes_under_their_kecamatan(demo):
    expected = {
        (kec["kode"], f"Kecamatan {kec['nama']}"): {
            (kel["kode"], f"Kelurahan {kelurahan_name(kel['nama'])}") for kel in kec["kelurahan"]
        }
        for kec in wilayah()["kecamatan"]
    }
    found = defaultdict(set)
    for kel in Unit.objects.filter(kind="kelurahan").select_related("parent"):
        assert kel.code == kel.region_code
        found[(kel.parent.region_code, kel.parent.name)].add((kel.region_code, kel.name))

    assert dict(found) == expected
    assert sum(len(v) for v in found.values()) == 54
    assert Unit.objects.get(region_code="33.72.02.1005").name == "Kelurahan Kratonan"
    assert Unit.objects.get(region_code="33.72.03.1003").name == "Kelurahan Pasar Kliwon"


def test_paths_and_depths_follow_the_tree(demo):
    units = {u.pk: u for u in Unit.objects.all()}
    for unit in units.values():
        if unit.parent_id is None:
            assert (unit.path, unit.depth) == (f"{unit.pk}/", 0)
        else:
            parent = units[unit.parent_id]
            assert unit.path == f"{parent.path}{unit.pk}/"
            assert unit.depth == parent.depth + 1
    assert len(units) == demo.units
    assert Unit.objects.values("code").distinct().count() == demo.units


def test_reporting_lines_reach_the_sekda_without_cycles(demo):
    positions = {p.pk: p for p in Position.objects.select_related("unit")}
    tops = [p for p in positions.values() if p.reports_to_id is None]
    assert [(p.title, p.kind, p.eselon, p.unit.name) for p in tops] == [
        ("Sekretaris Daerah", "jpt_pratama", "IIa", "Sekretariat Daerah")
    ]
    top = tops[0]
    for pos in positions.values():
        seen = {pos.pk}
        boss = pos.reports_to_id
        while boss is not None:
            assert boss not in seen, f"siklus pada {pos.title}"
            seen.add(boss)
            assert positions[boss].instansi_id == pos.instansi_id
            last, boss = boss, positions[boss].reports_to_id
        assert pos.pk == top.pk or last == top.pk
    assert len(positions) == demo.positions


def test_every_unit_below_the_root_has_one_head_reporting_up_the_tree(demo):
    heads = defaultdict(list)
    for pos in Position.objects.filter(is_unit_head=True).select_related("reports_to__unit"):
        heads[pos.unit_id].append(pos)
    sekda = Position.objects.get(title="Sekretaris Daerah")
    for unit in Unit.objects.exclude(parent__isnull=True).select_related("parent"):
        assert len(heads[unit.pk]) == 1, unit.name
        head = heads[unit.pk][0]
        if unit.depth == 1:
            assert head.reports_to_id == (None if head == sekda else sekda.pk), unit.name
        else:
            assert head.reports_to.unit_id == unit.parent_id, unit.name
    assert Position.objects.filter(unit__parent__isnull=True).count() == 0


def test_officials_carry_eselon_and_kelas(demo):
    levels = set(
        Position.objects.filter(kind__in=reference.MANAGERIAL_KINDS).values_list(
            "kind", "eselon", "kelas_jabatan"
        )
    )

    assert levels == {
        ("jpt_pratama", "IIa", 15),
        ("jpt_pratama", "IIb", 14),
        ("administrator", "IIIa", 12),
        ("administrator", "IIIb", 11),
        ("pengawas", "IVa", 9),
        ("pengawas", "IVb", 8),
    }
    assert Position.objects.get(title="Camat Laweyan").eselon == "IIIa"
    assert Position.objects.get(title="Lurah Pajang").eselon == "IVa"
    assert not Position.objects.filter(kind="fungsional", jf_jenjang="").exists()
    assert Position.objects.filter(is_penyetaraan=True, jf_jenjang="ahli_muda").exists()
    assert set(Position.objects.filter(kind="pelaksana").values_list("title", flat=True)) >= {
        "Pengadministrasi Perkantoran",
        "Operator Layanan Operasional",
        "Pengelola Layanan Operasional",
        "Penata Layanan Operasional",
        "Pengolah Data dan Informasi",
        "Penelaah Teknis Kebijakan",
        "Pengelola Umum Operasional",
    }


def test_every_position_has_three_to_eight_duties(demo):
    per_position = Counter(Duty.objects.values_list("position_id", flat=True))

    assert set(per_position) == set(Position.objects.values_list("pk", flat=True))
    assert min(per_position.values()) >= 3
    assert max(per_position.values()) <= 8
    assert not Duty.objects.exclude(period__in=reference.DUTY_PERIODS).exists()
    assert not Duty.objects.filter(volume__lte=0).exists()
    assert not Duty.objects.filter(time_norm_minutes__lte=0).exists()
    assert Duty.objects.count() == demo.duties
    assert not Duty.objects.filter(statement__contains="{").exists()


def test_overlapping_duties_are_planted_in_different_units(demo):
    for overlap in OVERLAPS:
        holders = Duty.objects.filter(
            position__unit__name=overlap.unit_name, statement=overlap.duty.statement
        )
        assert holders.count() == 1, overlap.unit_name
    statistik = set(
        Duty.objects.filter(statement__contains="data statistik sektoral").values_list(
            "position__unit__parent__name", flat=True
        )
    )
    assert {
        "Dinas Komunikasi, Informatika, Statistik dan Persandian",
        "Badan Perencanaan Pembangunan Daerah",
    } <= statistik


# --- people --------------------------------------------------------------------------------


def test_every_nip_parses_and_agrees_with_birth_date_and_sex(demo):
    employees = list(Employee.objects.all())
    for e in employees:
        decoded = rules.parse_nip(e.nip, kind=e.kind)
        assert rules.nip_mismatches(decoded, birth_date=e.birth_date, sex=e.sex) == []
        if e.kind in reference.PNS_LIKE_KINDS:
            assert decoded.tmt_cpns is not None
            assert decoded.tmt_cpns < REFERENCE_DATE
        else:
            assert e.nip[12:14] == "21"
    assert len(employees) == EMPLOYEES
    assert len({e.nip for e in employees}) == EMPLOYEES


def test_every_nik_parses_and_agrees(demo):
    niks = list(Employee.objects.values_list("nik", "birth_date", "sex"))
    for nik, birth, sex in niks:
        decoded = rules.parse_nik(nik)
        assert (decoded.birth_date, decoded.sex) == (birth, sex)
        assert decoded.district in {f"33720{k}" for k in range(1, 6)}
    assert len({nik for nik, _, _ in niks}) == EMPLOYEES


def test_golongan_is_valid_for_kind_and_education(demo):
    for e in Employee.objects.all():
        golongan = rules.golongan_for(e.kind, e.golongan)
        if e.kind == "cpns":
            assert e.golongan == reference.PNS_ENTRY_GOLONGAN[e.education]
        elif e.kind == "pns":
            entry = reference.PNS_GOLONGAN_BY_LABEL[reference.PNS_ENTRY_GOLONGAN[e.education]]
            ceiling = reference.PNS_GOLONGAN_BY_LABEL[reference.PNS_CEILING_GOLONGAN[e.education]]
            assert entry.rank <= golongan.rank <= ceiling.rank, e.nip
        assert e.tmt_golongan is not None and e.tmt_golongan <= REFERENCE_DATE
    kinds = set(Employee.objects.values_list("kind", flat=True))
    assert kinds == set(reference.EMPLOYEE_KINDS)


def test_nobody_is_past_retirement_age(demo):
    for a in _current().filter(acting="").select_related("employee"):
        e, pos = a.employee, a.position
        bup = rules.bup_age(pos.kind, pos.jf_jenjang or None)
        assert rules.retirement_date(e.birth_date, bup) > RETIREMENT_NOT_BEFORE, e.nip
        age = (
            REFERENCE_DATE.year
            - e.birth_date.year
            - ((REFERENCE_DATE.month, REFERENCE_DATE.day) < (e.birth_date.month, e.birth_date.day))
        )
        assert 19 <= age <= 64


def test_each_employee_holds_one_definitive_post_and_plt_fill_vacant_official_posts(demo):
    definitive = Counter(_current().filter(acting="").values_list("employee_id", flat=True))
    assert set(definitive.values()) == {1}
    assert len(definitive) == EMPLOYEES

    single = Position.objects.filter(
        Q(is_unit_head=True) | Q(kind__in=reference.MANAGERIAL_KINDS)
    ).values("pk")
    holders = Counter(
        _current().filter(acting="", position__in=single).values_list("position_id", flat=True)
    )
    assert set(holders.values()) == {1}

    held = set(_current().filter(acting="").values_list("position_id", flat=True))
    assert Position.objects.exclude(pk__in=held).count() == demo.vacancies
    acting = list(_current().filter(acting="plt"))
    assert len(acting) == demo.acting == 3
    for a in acting:
        assert a.position_id not in held
        assert a.position.kind in reference.MANAGERIAL_KINDS
        own = _current([a.employee_id]).get(acting="")
        assert own.position.kind in reference.MANAGERIAL_KINDS
    assert not Assignment.objects.exclude(sk_number__regex=r"^[0-9.]+/[0-9]+/20[0-9]{2}$").exists()


def test_teachers_in_schools_and_health_staff_in_puskesmas(demo):
    guru_units = set(
        _current()
        .filter(position__title__startswith="Guru ")
        .values_list("position__unit__kind", flat=True)
    )
    bidan_units = set(
        _current()
        .filter(position__title__startswith="Bidan ")
        .values_list("position__unit__kind", "position__unit__parent__kind")
    )

    assert guru_units == {"sekolah"}
    assert bidan_units <= {("puskesmas", "dinas"), ("seksi", "rsud")}
    assert bidan_units
    assert not Employee.objects.filter(
        pk__in=_current().filter(position__title__startswith="Bidan ").values("employee_id"),
        sex="L",
    ).exists()


# --- logins, audit and the command ---------------------------------------------------------


def test_demo_logins_with_roles_and_their_employees(demo):
    users = {u.username: u for u in User.objects.filter(username__in=USERNAMES)}
    assert set(users) == set(USERNAMES)
    # One published password, hashed once for all demo logins.
    assert len({u.password for u in users.values()}) == 1
    assert users["pegawai"].check_password(DEMO_PASSWORD)
    assert users["superadmin"].is_superuser and users["superadmin"].is_staff
    assert users["admin"].is_staff and not users["admin"].is_superuser
    assert users["admin"].password.startswith("argon2")

    grants = {
        g.user.username: (g.role, g.unit.name if g.unit else None)
        for g in RoleGrant.objects.select_related("user", "unit")
    }
    assert grants == {
        "admin": ("admin", None),
        "analis": ("org_analyst", None),
        "kadis": ("unit_head", "Dinas Kesehatan"),
        "atasan": ("supervisor", "Seksi Pelayanan Kesehatan"),
        "pegawai": ("employee", "Seksi Pelayanan Kesehatan"),
        "moderator": ("moderator", None),
        "auditor": ("auditor", None),
    }

    def post(username: str) -> Position:
        employee = Employee.objects.get(user__username=username)
        return _current([employee.pk]).get(acting="").position

    assert post("kadis").title == "Kepala Dinas Kesehatan"
    assert post("atasan").title == "Kepala Seksi Pelayanan Kesehatan"
    assert post("pegawai").reports_to == post("atasan")
    assert post("admin").unit.parent.name == (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
    )
    assert post("auditor").title == "Auditor Ahli Muda"
    assert not Employee.objects.filter(user__username="superadmin").exists()


def test_one_audit_event_summarises_the_load(demo):
    event = AuditEvent.objects.get(action="demo.load", object_id=str(demo.instansi_id))

    assert event.object_type == "org.instansi"
    assert event.object_id == str(demo.instansi_id)
    assert event.changes["_"]["employees"] == EMPLOYEES
    assert event.changes["_"]["seed"] == SEED


def test_two_draft_scenarios_for_dinkes_compare_with_the_baseline(demo, client):
    from penata.restructure.models import Scenario
    from penata.restructure.selectors import scenario_state

    scenarios = {s.name: s for s in Scenario.objects.filter(instansi_id=demo.instansi_id)}
    first = scenarios["Penyederhanaan Bidang Pelayanan dan SDK Dinkes 2027"]
    second = scenarios["Alternatif: gabung Bidang Kesmas dan P2P"]
    assert (first.status, first.cursor, second.cursor) == ("draft", 3, 1)
    assert [op.kind for op in first.operations.order_by("seq")] == [
        "unit.merge",
        "position.convert",
        "position.convert",
    ]
    comparison = scenario_state(first).comparison
    deltas = {m.key: m.delta for m in comparison.metrics}
    assert deltas["units"] == -1 and deltas["managerial_positions"] == -2
    assert comparison.affected

    analyst = User.objects.get(username="analis")

    client.force_login(analyst)
    page = client.get(f"/penataan/skenario/{first.pk}/banding/?dengan={second.pk}")
    assert page.status_code == 200
    assert "Alternatif: gabung Bidang Kesmas dan P2P" in page.content.decode()


def test_if_empty_does_nothing_on_a_loaded_database(demo):
    before = (_fingerprint(), AuditEvent.objects.count())
    out = io.StringIO()

    call_command("demo", "--if-empty", stdout=out)

    assert "tidak dimuat" in out.getvalue()
    assert (_fingerprint(), AuditEvent.objects.count()) == before


def test_loading_twice_is_refused_and_changes_nothing(demo):
    before = (_fingerprint(), AuditEvent.objects.count())

    with pytest.raises(CommandError, match="sudah ada"):
        call_command("demo", "--employees", "60", stdout=io.StringIO())

    assert (_fingerprint(), AuditEvent.objects.count()) == before


def test_too_few_employees_is_refused_and_changes_nothing(demo):
    _wipe()
    events = AuditEvent.objects.count()

    with pytest.raises(ApplicationError) as refused:
        demo_load(seed=SEED, employees=10)

    assert refused.value.code == "demo.employees_too_few"
    assert not Instansi.objects.exists()
    assert not Unit.objects.exists()
    assert not User.objects.filter(username__in=USERNAMES).exists()
    assert AuditEvent.objects.count() == events


def test_command_loads_and_prints_the_summary_and_logins(demo):
    _wipe()
    events = AuditEvent.objects.filter(action="demo.load").count()
    out = io.StringIO()

    call_command("demo", "--seed", "7", "--employees", "60", stdout=out)

    text = out.getvalue()
    assert "seed 7" in text
    assert re.search(r"^  pegawai +60$", text, re.MULTILINE)
    assert f"kata sandi: {DEMO_PASSWORD}" in text
    for username in USERNAMES:
        assert re.search(rf"^  {username} +\S", text, re.MULTILINE), username
    assert Employee.objects.count() == 60
    assert AuditEvent.objects.filter(action="demo.load").count() == events + 1
