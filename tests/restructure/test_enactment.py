"""Enactment: crosswalk proposal, one-transaction application with effective dating, history
on past dates, and every refusal leaving the database as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from penata.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from penata.org.models import Duty, Position, Unit
from penata.people.models import Assignment
from penata.restructure.graph import compare, structure_metrics
from penata.restructure.graph_loader import graph_from_db
from penata.restructure.models import Enactment, PositionRole, ScenarioStatus
from penata.restructure.selectors import scenario_state, structure_compare_dates
from penata.restructure.services import (
    scenario_add_operation,
    scenario_approve,
    scenario_create,
    scenario_crosswalk,
    scenario_enact,
    scenario_submit,
)
from tests.factories import AssignmentFactory, EmployeeFactory
from tests.restructure.test_scenarios import BASE_DATE, user_with

EFFECTIVE = dt.date(2026, 2, 1)
DAY_BEFORE = dt.date(2026, 1, 31)
PERWALI = "Perwali Surakarta No. 7 Tahun 2026"


def approved_scenario(city, analyst, admin, operations):
    scenario = scenario_create(
        actor=analyst, instansi=city.instansi, name="Penyederhanaan Dinas A", base_date=BASE_DATE
    )
    for kind, params in operations:
        scenario_add_operation(actor=analyst, scenario=scenario, kind=kind, params=params)
    scenario_submit(actor=analyst, scenario=scenario)
    return scenario_approve(actor=admin, scenario=scenario)


def delayering(city):
    u, p = city.units, city.posts
    return [
        ("unit.merge", {"source": u["bidang_y"].pk, "target": u["bidang_x"].pk}),
        ("position.convert", {"position": p["kasi_x1"].pk}),
        ("position.abolish", {"position": p["pengolah"].pk, "incumbents_to": p["analis_x"].pk}),
    ]


def confirm_all(proposal):
    return {row.assignment: row.target for row in proposal.rows}


def db_state():
    return (
        sorted(Unit.objects.values_list("id", "valid_to", "parent_id", "name")),
        sorted(Position.objects.values_list("id", "valid_to", "unit_id", "kind", "reports_to_id")),
        sorted(Assignment.objects.values_list("id", "position_id", "start", "end")),
        Duty.objects.count(),
        Enactment.objects.count(),
    )


def test_crosswalk_proposes_where_each_affected_holder_goes(city, analyst, admin):
    scenario = approved_scenario(city, analyst, admin, delayering(city))
    proposal = scenario_crosswalk(scenario, effective_date=EFFECTIVE)
    rows = {row.name: row for row in proposal.rows}
    assert set(rows) == {
        "Pegawai Kabid Y",
        "Pegawai Kasi Y1",
        "Pegawai Admin Y",
        "Pegawai Kasi X1",
        "Pegawai Analis 1",
        "Pegawai Pengolah 1",
    }
    p = city.posts
    assert rows["Pegawai Pengolah 1"].reason == "removed"
    assert rows["Pegawai Pengolah 1"].target == p["analis_x"].pk
    assert rows["Pegawai Pengolah 1"].changed
    assert rows["Pegawai Kasi X1"].target == p["kasi_x1"].pk
    assert rows["Pegawai Kasi X1"].target_title == "Analis Kebijakan Ahli Muda"
    assert rows["Pegawai Kasi X1"].changed
    assert rows["Pegawai Kabid Y"].target_unit == "Bidang X"
    # Re-issued only because its seksi moved: same post, same kind.
    assert rows["Pegawai Admin Y"].reason == "replaced" and not rows["Pegawai Admin Y"].changed
    assert proposal.plan.summary()["units_closed"] == 2  # Bidang Y abolished, Seksi Y1 re-issued


def test_enactment_closes_old_rows_opens_new_ones_and_carries_assignments(city, analyst, admin):
    scenario = approved_scenario(city, analyst, admin, delayering(city))
    predicted = scenario_state(scenario)
    before_graph = graph_from_db(city.instansi, DAY_BEFORE)
    proposal = scenario_crosswalk(scenario, effective_date=EFFECTIVE)

    enactment = scenario_enact(
        actor=analyst,
        scenario=scenario,
        legal_basis=PERWALI,
        effective_date=EFFECTIVE,
        crosswalk=confirm_all(proposal),
    )

    u, p, people = city.units, city.posts, city.people
    scenario.refresh_from_db()
    assert scenario.status == ScenarioStatus.ENACTED
    assert (enactment.approved_by, enactment.enacted_by) == (admin, analyst)
    # Old rows closed on the effective date, untouched rows left alone.
    u["bidang_y"].refresh_from_db()
    assert u["bidang_y"].valid_to == EFFECTIVE
    for key in ("kabid_y", "kasi_y1", "admin_y", "kasi_x1", "analis_x", "pengolah"):
        p[key].refresh_from_db()
        assert p[key].valid_to == EFFECTIVE, key
    for key in ("kadis", "kabid_x", "kasi_x2", "sekdis", "admin_sek"):
        p[key].refresh_from_db()
        assert p[key].valid_to is None, key
    # New rows open on the effective date with the legal basis.
    lineage = enactment.lineage
    new_seksi = Unit.objects.get(pk=lineage["units"][str(u["seksi_y1"].pk)])
    assert (new_seksi.valid_from, new_seksi.legal_basis) == (EFFECTIVE, PERWALI)
    assert new_seksi.parent_id == u["bidang_x"].pk
    assert new_seksi.path == f"{u['bidang_x'].path}{new_seksi.pk}/"
    assert new_seksi.depth == u["bidang_x"].depth + 1
    converted = Position.objects.get(pk=lineage["positions"][str(p["kasi_x1"].pk)])
    assert (converted.kind, converted.jf_jenjang, converted.eselon, converted.is_penyetaraan) == (
        "fungsional",
        "ahli_muda",
        "",
        True,
    )
    assert (converted.reports_to_id, converted.is_unit_head) == (p["kabid_x"].pk, False)
    role = PositionRole.objects.get(position=converted)
    assert (role.role, role.former_kind, role.former_eselon, role.former_title) == (
        "subkoordinator",
        "pengawas",
        "IVa",
        "Kepala Seksi X1",
    )
    new_analis = Position.objects.get(pk=lineage["positions"][str(p["analis_x"].pk)])
    assert new_analis.reports_to_id == p["kabid_x"].pk
    assert list(new_analis.duties.values_list("volume", "time_norm_minutes")) == [(250, 600)]
    assert p["analis_x"].duties.count() == 1  # the old row keeps its duties for history
    new_kasi_y1 = Position.objects.get(pk=lineage["positions"][str(p["kasi_y1"].pk)])
    assert (new_kasi_y1.unit_id, new_kasi_y1.reports_to_id) == (new_seksi.pk, p["kabid_x"].pk)
    new_admin_y = Position.objects.get(pk=lineage["positions"][str(p["admin_y"].pk)])
    assert new_admin_y.reports_to_id == new_kasi_y1.pk
    # Assignments carried by the crosswalk: old ones end the day before, new ones start.
    moved = Assignment.objects.get(pk=city.assignments["Pengolah 1"].pk)
    assert moved.end == DAY_BEFORE
    carried = Assignment.objects.get(employee=people["Pengolah 1"], start=EFFECTIVE)
    assert (carried.position_id, carried.end, carried.sk_number) == (new_analis.pk, None, PERWALI)
    assert Assignment.objects.get(employee=people["Kasi X1"], start=EFFECTIVE).position == converted
    untouched = Assignment.objects.get(pk=city.assignments["Kadis"].pk)
    assert untouched.end is None
    plt = Assignment.objects.get(pk=city.assignments["Plt Kasi X2"].pk)
    assert plt.end is None and plt.acting == "plt"
    assert len(enactment.crosswalk) == 6
    # The structure on the day before is exactly as it was.
    assert compare(before_graph, graph_from_db(city.instansi, DAY_BEFORE)).changes == ()
    after_graph = graph_from_db(city.instansi, EFFECTIVE)
    assert structure_metrics(after_graph).headline() == predicted.metrics.headline()
    # Every write is audited.
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"unit.close", "unit.open", "position.close", "position.open"} <= actions
    assert {"assignment.end", "assignment.start", "enactment.create", "scenario.enact"} <= actions
    assert {"duty.open", "position_role.open"} <= actions


def test_two_dates_compare_through_the_lineage(city, analyst, admin):
    scenario = approved_scenario(city, analyst, admin, delayering(city))
    predicted = scenario_state(scenario).comparison
    scenario_enact(
        actor=analyst,
        scenario=scenario,
        legal_basis=PERWALI,
        effective_date=EFFECTIVE,
        crosswalk=confirm_all(scenario_crosswalk(scenario, effective_date=EFFECTIVE)),
    )
    left, right, history = structure_compare_dates(analyst, city.instansi, EFFECTIVE, DAY_BEFORE)
    assert (left.day, right.day) == (DAY_BEFORE, EFFECTIVE)
    kinds = sorted(c.kind for c in history.changes)
    assert kinds == sorted(c.kind for c in predicted.changes)
    assert {a.name for a in history.affected} == {a.name for a in predicted.affected}
    assert history.metrics == predicted.metrics
    # The earlier structure comes back under its successors' ids (charts highlight by id).
    assert set(history.changed_ids()["unit"]) <= set(left.graph.units) | set(right.graph.units)
    moved_seksi = next(c.object_id for c in history.changes if c.kind == "unit.moved")
    assert moved_seksi in left.graph.units and moved_seksi in right.graph.units


def test_a_plt_of_an_abolished_post_ends(city, analyst, admin):
    p = city.posts
    scenario = approved_scenario(
        city,
        analyst,
        admin,
        [
            ("position.abolish", {"position": p["pengolah"].pk, "incumbents_to": p["analis_x"].pk}),
            ("position.abolish", {"position": p["kasi_x2"].pk}),
        ],
    )
    proposal = scenario_crosswalk(scenario, effective_date=EFFECTIVE)
    plt_row = next(row for row in proposal.rows if row.acting)
    assert plt_row.target is None and plt_row.name == "Pegawai Kabid X"
    scenario_enact(
        actor=analyst,
        scenario=scenario,
        legal_basis=PERWALI,
        effective_date=EFFECTIVE,
        crosswalk=confirm_all(proposal),
    )
    plt = Assignment.objects.get(pk=city.assignments["Plt Kasi X2"].pk)
    assert plt.end == DAY_BEFORE
    assert not Assignment.objects.filter(employee=city.people["Kabid X"], start=EFFECTIVE).exists()


def test_the_analyst_may_redirect_a_holder_in_the_crosswalk(city, analyst, admin):
    scenario = approved_scenario(city, analyst, admin, delayering(city))
    proposal = scenario_crosswalk(scenario, effective_date=EFFECTIVE)
    choices = confirm_all(proposal)
    pengolah = next(r for r in proposal.rows if r.name == "Pegawai Pengolah 1")
    choices[pengolah.assignment] = city.posts["admin_sek"].pk  # unchanged row keeps its id
    scenario_enact(
        actor=analyst,
        scenario=scenario,
        legal_basis=PERWALI,
        effective_date=EFFECTIVE,
        crosswalk=choices,
    )
    carried = Assignment.objects.get(employee=city.people["Pengolah 1"], start=EFFECTIVE)
    assert carried.position_id == city.posts["admin_sek"].pk


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lambda c, rows: c.pop(rows[0].assignment), "enactment.crosswalk_incomplete"),
        (lambda c, rows: c.update({rows[0].assignment: 999999}), "enactment.crosswalk_target"),
        (
            lambda c, rows: c.update({next(r for r in rows if not r.acting).assignment: None}),
            "enactment.crosswalk_target",
        ),
    ],
)
def test_a_bad_crosswalk_changes_nothing(city, analyst, admin, mutate, code):
    scenario = approved_scenario(city, analyst, admin, delayering(city))
    proposal = scenario_crosswalk(scenario, effective_date=EFFECTIVE)
    choices = confirm_all(proposal)
    mutate(choices, list(proposal.rows))
    state = db_state()
    with pytest.raises(ValidationFailed) as caught:
        scenario_enact(
            actor=analyst,
            scenario=scenario,
            legal_basis=PERWALI,
            effective_date=EFFECTIVE,
            crosswalk=choices,
        )
    assert caught.value.code == code
    assert db_state() == state
    scenario.refresh_from_db()
    assert scenario.status == "approved"


def test_enactment_refusals(city, analyst, admin):
    scenario = approved_scenario(city, analyst, admin, delayering(city))
    choices = confirm_all(scenario_crosswalk(scenario, effective_date=EFFECTIVE))
    state = db_state()
    with pytest.raises(ValidationFailed) as blank:
        scenario_enact(
            actor=analyst,
            scenario=scenario,
            legal_basis=" ",
            effective_date=EFFECTIVE,
            crosswalk=choices,
        )
    assert blank.value.code == "enactment.legal_basis_blank"
    with pytest.raises(PermissionDenied):
        auditor = user_with(city.instansi, "auditor", "inspektur")
        scenario_enact(
            actor=auditor,
            scenario=scenario,
            legal_basis=PERWALI,
            effective_date=EFFECTIVE,
            crosswalk=choices,
        )
    # A later-starting assignment on a closing post must be settled first.
    late = AssignmentFactory(
        employee=EmployeeFactory(instansi=city.instansi),
        position=city.posts["pengolah"],
        start=EFFECTIVE,
    )
    with pytest.raises(ApplicationError) as conflict:
        scenario_enact(
            actor=analyst,
            scenario=scenario,
            legal_basis=PERWALI,
            effective_date=EFFECTIVE,
            crosswalk=choices,
        )
    assert conflict.value.code == "enactment.conflict"
    late.delete()
    assert db_state() == state


def test_only_an_approved_scenario_is_enacted(city, analyst):
    scenario = scenario_create(
        actor=analyst, instansi=city.instansi, name="Draf", base_date=BASE_DATE
    )
    scenario_add_operation(
        actor=analyst,
        scenario=scenario,
        kind="position.convert",
        params={"position": city.posts["kasi_x1"].pk},
    )
    with pytest.raises(ApplicationError) as caught:
        scenario_enact(
            actor=analyst,
            scenario=scenario,
            legal_basis=PERWALI,
            effective_date=EFFECTIVE,
            crosswalk={},
        )
    assert caught.value.code == "scenario.not_approved"


def test_a_row_already_scheduled_to_close_conflicts(city, analyst, admin):
    scenario = approved_scenario(city, analyst, admin, delayering(city))
    choices = confirm_all(scenario_crosswalk(scenario, effective_date=EFFECTIVE))
    post = city.posts["pengolah"]
    post.valid_to = dt.date(2026, 6, 1)
    post.save()
    with pytest.raises(ApplicationError) as caught:
        scenario_enact(
            actor=analyst,
            scenario=scenario,
            legal_basis=PERWALI,
            effective_date=EFFECTIVE,
            crosswalk=choices,
        )
    assert caught.value.code == "enactment.conflict"
    assert Enactment.objects.count() == 0


def test_a_scenario_the_structure_outgrew_is_stale_at_enactment(city, analyst, admin):
    scenario = approved_scenario(city, analyst, admin, delayering(city))
    # Bidang Y (and everything in it) is closed by other means before the effective date.
    for row in (
        city.units["bidang_y"],
        city.units["seksi_y1"],
        city.posts["kabid_y"],
        city.posts["kasi_y1"],
        city.posts["admin_y"],
    ):
        row.valid_to = dt.date(2026, 1, 20)
        row.save()
    with pytest.raises(ApplicationError) as caught:
        scenario_crosswalk(scenario, effective_date=EFFECTIVE)
    assert caught.value.code == "scenario.stale"
    assert caught.value.extra["index"] == 0
    assert caught.value.extra["errors"][0]["code"] == "unit.missing"
    # On a date before that, the scenario still applies.
    assert scenario_crosswalk(scenario, effective_date=dt.date(2026, 1, 15)).rows


def test_enacting_a_removed_duty_reopens_the_post_without_it(city, analyst, admin):
    p = city.posts
    kept, removed = sorted(p["admin_sek"].duties.all(), key=lambda d: d.volume, reverse=True)
    scenario = approved_scenario(city, analyst, admin, [("duty.remove", {"duty": removed.pk})])
    proposal = scenario_crosswalk(scenario, effective_date=EFFECTIVE)
    enactment = scenario_enact(
        actor=analyst,
        scenario=scenario,
        legal_basis=PERWALI,
        effective_date=EFFECTIVE,
        crosswalk=confirm_all(proposal),
    )
    p["admin_sek"].refresh_from_db()
    assert p["admin_sek"].valid_to == EFFECTIVE
    assert p["admin_sek"].duties.count() == 2  # the closed row keeps both for the record
    reopened = Position.objects.get(pk=enactment.lineage["positions"][str(p["admin_sek"].pk)])
    assert list(reopened.duties.values_list("statement", "volume")) == [
        (kept.statement, kept.volume)
    ]
