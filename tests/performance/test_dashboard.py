"""The monitoring numbers against hand-computed data, with exact query counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from penata.core.errors import NotFound
from penata.performance.errors import Refused
from penata.performance.models import Indicator, OrgPredikat, Rhk
from penata.performance.selectors import city as city_selectors
from penata.performance.selectors import dashboard as selectors
from penata.performance.selectors.person import person_view
from penata.performance.services import evaluation as evaluations
from penata.performance.services.activity import ActivityInput, activity_log
from penata.performance.services.evaluation import RealisationInput
from penata.performance.services.skp import skp_submit

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 17)


@pytest.fixture
def data(city, plan):
    """Agus: approved plan, January rated (Baik), June realisation 6 of 12 written today, two
    entries today. Dewi: plan submitted, one entry on Monday. Nina: nothing. Kasi: approved."""
    agus = plan.skp("agus")
    plan.skp("kasi")
    dewi = plan.skp("dewi", approve=False)
    skp_submit(actor=city.users["dewi"], skp=dewi)
    indicator = Indicator.objects.get(rhk__skp=agus)

    def realise(number, value):
        evaluations.realisation_save(
            actor=city.users["agus"],
            skp=agus,
            kind="periodic",
            number=number,
            entries=[RealisationInput(indicator.pk, Decimal(value))],
        )

    realise(1, 1)
    january = evaluations.evaluation_submit(
        actor=city.users["agus"], skp=agus, kind="periodic", number=1
    )
    rhk = Rhk.objects.get(skp=agus)
    evaluations.evaluation_rate(
        actor=city.users["kasi"],
        evaluation=january,
        rhk_ratings={rhk.pk: ("sesuai", "")},
        perilaku_rating="sesuai",
    )
    realise(6, 6)
    activity_log(actor=city.users["agus"], data=ActivityInput(TODAY, "Memverifikasi berkas", 60))
    activity_log(actor=city.users["agus"], data=ActivityInput(TODAY, "Rapat koordinasi", 30))
    activity_log(
        actor=city.users["dewi"], data=ActivityInput(dt.date(2026, 6, 15), "Mengarsipkan surat", 45)
    )
    activity_log(
        actor=city.users["fajar"], data=ActivityInput(dt.date(2026, 6, 12), "Menyusun program", 45)
    )
    return city


def names(people):
    return [p.name for p in people]


def test_supervisor_line_numbers(data):
    scope = selectors.scope_for(data.users["kasi"], data.inst, None, TODAY)
    assert (scope.kind, scope.key, scope.label) == ("line", "bawahan", "Bawahan saya")
    with CaptureQueriesContext(connection) as queries:
        found = selectors.unit_dashboard(scope, TODAY)
    assert len(queries) == 11
    assert names(found.people.values()) == ["Agus Prasetyo", "Dewi Lestari", "Nina Kartika"]
    live = found.live
    assert (live.total, live.logged_today, live.activities_today, live.minutes_today, live.pending,
            live.realisations_today, live.not_logged_today) == (3, 1, 2, 90, 3, 2, 2)  # fmt: skip
    # (both of Agus's realisations, January's and June's, were written today)
    assert found.skp_counts == [
        ("draft", "Draf", 0),
        ("submitted", "Diajukan", 1),
        ("approved", "Disetujui", 1),
        ("returned", "Dikembalikan", 0),
        ("none", "Belum membuat SKP", 1),
    ]
    assert (found.logged_week, names(found.not_logged_today), names(found.not_logged_week)) == (
        2,
        ["Dewi Lestari", "Nina Kartika"],
        ["Nina Kartika"],
    )
    assert found.progress_counts == {"tercapai": 0, "sesuai_jadwal": 1, "tertinggal": 0}
    row = found.progress_rows[0]
    assert (row.employee.name, row.realisation_percent, row.elapsed_percent, row.status) == (
        "Agus Prasetyo",
        Decimal("50.0"),
        Decimal("46.0"),
        "sesuai_jadwal",
    )
    # Agus: January–May due (grace 10 days), January rated → four periods late.
    assert (found.late_total, [(r.person.name, r.late) for r in found.late_rows]) == (
        4,
        [("Agus Prasetyo", 4)],
    )
    assert (
        found.distribution.counts,
        found.distribution.org_predikat,
        found.distribution.violations,
    ) == ({"baik": 1}, "", [])
    assert found.is_working_day is True


def test_live_fragment_costs_four_queries(data):
    scope = selectors.scope_for(data.users["kasi"], data.inst, "bawahan", TODAY)
    with CaptureQueriesContext(connection) as queries:
        live = selectors.live_counts(scope, TODAY)
    assert len(queries) == 4  # the people, today's entries, pending, realisations
    assert (live.total, live.logged_today, live.activities_today, live.minutes_today, live.pending,
            live.realisations_today) == (3, 1, 2, 90, 3, 2)  # fmt: skip
    assert live.last_entry_at == dt.datetime(2026, 6, 17, 3, 0, tzinfo=dt.UTC)  # 10:00 WIB


def test_unit_subtree_numbers_and_the_curve(data):
    OrgPredikat.objects.create(instansi=data.inst, unit=data.dinas, year=2026, predikat="baik")
    scope = selectors.scope_for(data.users["kadis"], data.inst, None, TODAY)
    assert (scope.kind, scope.unit, scope.key) == ("unit", data.dinas, str(data.dinas.pk))
    found = selectors.unit_dashboard(scope, TODAY)
    assert names(found.people.values()) == [
        "Agus Prasetyo",
        "Budi Rahardjo",
        "Budi Santoso",
        "Dewi Lestari",
        "Eko Saputra",
        "Fajar Nugroho",
        "Hadi Purnomo",
        "Nina Kartika",
        "Rina Anggraini",
        "Sri Wahyuni",
    ]
    assert (found.live.total, found.live.logged_today, found.logged_week, found.live.pending) == (
        10,
        1,
        2,
        4,
    )
    assert {c: n for c, _l, n in found.skp_counts} == {
        "draft": 0,
        "submitted": 1,
        "approved": 2,
        "returned": 0,
        "none": 7,
    }
    assert [v.code for v in found.distribution.violations] == [
        "kurva.baik.baik_max",
        "kurva.baik.low_required",
    ]
    assert found.distribution.rows()[1] == ("baik", "Baik", 1, Decimal("100.0"))


def test_scopes_follow_roles(data):
    with pytest.raises(Refused) as error:
        selectors.scope_for(data.users["agus"], data.inst, None, TODAY)
    assert error.value.code == "dashboard.no_scope"
    with pytest.raises(NotFound):
        selectors.scope_for(data.users["kadis"], data.inst, str(data.badan.pk), TODAY)
    with pytest.raises(Refused):
        selectors.scope_for(data.users["kadis"], data.inst, "bawahan", TODAY)  # no supervisor role
    assert (
        selectors.scope_for(data.users["admin"], data.inst, str(data.badan.pk), TODAY).unit
        == data.badan
    )
    assert selectors.scope_for(data.users["auditor"], data.inst, None, TODAY).unit == data.badan
    choices = selectors.scope_choices(data.users["kasi"], data.inst, TODAY)
    assert [c.key for c in choices] == ["bawahan"]
    assert [c.label for c in selectors.scope_choices(data.users["admin"], data.inst, TODAY)] == [
        "BKPSDM",
        "Dinas Kesehatan",
    ]


def test_city_numbers_per_perangkat_daerah(data):
    OrgPredikat.objects.create(instansi=data.inst, unit=data.dinas, year=2026, predikat="baik")
    with CaptureQueriesContext(connection) as queries:
        found = city_selectors.city_dashboard(data.users["admin"], data.inst, TODAY)
    assert len(queries) == 11
    rows = {r.unit.name: r for r in found.rows}
    dinkes, bkpsdm = rows["Dinas Kesehatan"], rows["BKPSDM"]
    assert (dinkes.employees, dict(dinkes.skp), dinkes.logged_today, dinkes.activities_today,
            dinkes.logged_week, dinkes.pending, dinkes.late) == (
        10, {"approved": 2, "submitted": 1}, 1, 2, 2, 4, 9
    )  # fmt: skip
    # late: Agus 4 (January rated), the kasi 5 (nothing rated)
    assert (dinkes.logged_percent, dinkes.approved_percent, dinkes.realisation_percent) == (
        Decimal("10.0"),
        Decimal("20.0"),
        Decimal("25.0"),  # shares 0.5 and 0
    )
    assert [v.code for v in dinkes.violations] == ["kurva.baik.baik_max", "kurva.baik.low_required"]
    assert (
        bkpsdm.employees,
        sum(bkpsdm.skp.values()),
        bkpsdm.logged_today,
        bkpsdm.org_predikat,
    ) == (1, 0, 0, "")
    assert [r.unit.name for r in found.rows] == ["Dinas Kesehatan", "BKPSDM"]  # ranked by log share
    totals = found.totals
    assert (totals.employees, totals.logged_today, totals.late) == (11, 1, 9)
    assert found.elapsed_percent == Decimal("46.0")


def test_city_ranks_by_the_chosen_column(data):
    by_name = city_selectors.city_dashboard(data.users["auditor"], data.inst, TODAY, sort="nama")
    assert [r.unit.name for r in by_name.rows] == ["BKPSDM", "Dinas Kesehatan"]
    late = city_selectors.city_dashboard(data.users["auditor"], data.inst, TODAY, sort="terlambat")
    assert [(r.rank, r.unit.name) for r in late.rows] == [(1, "Dinas Kesehatan"), (2, "BKPSDM")]


def test_city_is_for_admin_and_auditor(data):
    for who in ("kadis", "kasi", "agus", "analis"):
        with pytest.raises(Refused) as error:
            city_selectors.city_dashboard(data.users[who], data.inst, TODAY)
        assert error.value.code == "dashboard.city_only"


def test_person_drill_down(data):
    # 21 May–17 June: 20 weekdays less Idul Adha and its cuti bersama (27–28 May), Pancasila
    # (1 June) and Tahun Baru Islam (16 June) = 16 working days, one of them logged.
    view = person_view(data.users["kasi"], data.people["agus"].pk, TODAY)
    assert (view.employee.name, view.skp.status, view.late, view.empty_days) == (
        "Agus Prasetyo",
        "approved",
        4,
        15,
    )
    assert [
        (d.day, d.total.entries if d.total else 0)
        for d in view.days
        if d.day >= dt.date(2026, 6, 15)
    ] == [(dt.date(2026, 6, 15), 0), (dt.date(2026, 6, 16), 0), (dt.date(2026, 6, 17), 2)]
    assert [d.holiday for d in view.days if d.day == dt.date(2026, 6, 16)] == [
        "Tahun Baru Islam 1448 H (1 Muharam)"
    ]
    assert view.rhks[0].progress.realisation_percent == Decimal("50.0")
    assert [a.description for a in view.recent] == ["Rapat koordinasi", "Memverifikasi berkas"]
    with pytest.raises(NotFound):
        person_view(data.users["kasi"], data.people["budi"].pk, TODAY)  # not in the kasi's line


def test_city_headcount_counts_a_person_once_per_perangkat_daerah(data):
    """Rina holds two posts in Dinas Kesehatan (counted once there); an acting post in BKPSDM
    makes her count in BKPSDM as well. People who are no longer active count nowhere."""
    from penata.people.models import Employee
    from tests.factories import AssignmentFactory

    def employees():
        found = city_selectors.city_dashboard(data.users["admin"], data.inst, TODAY)
        return {r.unit.name: r.employees for r in found.rows}

    assert employees() == {"Dinas Kesehatan": 10, "BKPSDM": 1}
    AssignmentFactory(
        employee=data.people["rina"],
        position=data.posts["kaban"],
        start=dt.date(2026, 6, 1),
        acting="plh",
    )
    assert employees() == {"Dinas Kesehatan": 10, "BKPSDM": 2}
    Employee.objects.filter(pk=data.people["eko"].pk).update(status="pensiun")
    assert employees() == {"Dinas Kesehatan": 9, "BKPSDM": 2}
