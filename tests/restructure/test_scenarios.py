"""Scenario services and selectors on a database structure: loading the graph, adding
validated operations, undo/redo, the approval flow, permissions and the audit trail.

`build_city()` makes, in the database, the Dinas A part of test_graph's small city;
test_enactment and test_views_restructure reuse it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from penata.core.errors import ApplicationError, NotFound, PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from penata.restructure.graph_loader import graph_from_db
from penata.restructure.models import Scenario, ScenarioOperation, ScenarioStatus
from penata.restructure.selectors import (
    scenario_get_for,
    scenario_list,
    scenario_state,
    structure_as_of,
)
from penata.restructure.services import (
    scenario_add_operation,
    scenario_approve,
    scenario_create,
    scenario_redo,
    scenario_reject,
    scenario_reopen,
    scenario_submit,
    scenario_undo,
)
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

BASE_DATE = dt.date(2026, 1, 5)


@dataclass
class City:
    instansi: object
    units: dict
    posts: dict
    people: dict
    assignments: dict


def build_city(instansi) -> City:
    """Setda + Dinas A (Sekretariat; Bidang X with Seksi X1, X2; Bidang Y with Seksi Y1)."""
    u = {}
    u["pemda"] = UnitFactory(instansi=instansi, kind="pemda", code="P", name="Pemerintah Kota")
    u["setda"] = UnitFactory(
        instansi=instansi,
        parent=u["pemda"],
        kind="sekretariat_daerah",
        code="SETDA",
        name="Sekretariat Daerah",
        sort_order=1,
    )
    u["dinas"] = UnitFactory(
        instansi=instansi, parent=u["pemda"], kind="dinas", code="DA", name="Dinas A", sort_order=2
    )
    for key, parent, kind, code, name, order in [
        ("sekretariat", "dinas", "sekretariat", "DA.1", "Sekretariat Dinas A", 1),
        ("bidang_x", "dinas", "bidang", "DA.2", "Bidang X", 2),
        ("seksi_x1", "bidang_x", "seksi", "DA.2.1", "Seksi X1", 1),
        ("seksi_x2", "bidang_x", "seksi", "DA.2.2", "Seksi X2", 2),
        ("bidang_y", "dinas", "bidang", "DA.3", "Bidang Y", 3),
        ("seksi_y1", "bidang_y", "seksi", "DA.3.1", "Seksi Y1", 1),
    ]:
        u[key] = UnitFactory(
            instansi=instansi, parent=u[parent], kind=kind, code=code, name=name, sort_order=order
        )
    p = {}

    def post(key, unit, title, kind, reports_to=None, eselon="", head=False, jenjang=""):
        p[key] = PositionFactory(
            instansi=instansi,
            unit=u[unit],
            title=title,
            kind=kind,
            eselon=eselon,
            reports_to=p.get(reports_to),
            is_unit_head=head,
            jf_jenjang=jenjang,
        )

    post("sekda", "setda", "Sekretaris Daerah", "jpt_pratama", None, "IIa", True)
    post("kadis", "dinas", "Kepala Dinas A", "jpt_pratama", "sekda", "IIb", True)
    post("sekdis", "sekretariat", "Sekretaris Dinas A", "administrator", "kadis", "IIIa", True)
    post("kabid_x", "bidang_x", "Kepala Bidang X", "administrator", "kadis", "IIIb", True)
    post("kasi_x1", "seksi_x1", "Kepala Seksi X1", "pengawas", "kabid_x", "IVa", True)
    post("kasi_x2", "seksi_x2", "Kepala Seksi X2", "pengawas", "kabid_x", "IVa", True)
    post("kabid_y", "bidang_y", "Kepala Bidang Y", "administrator", "kadis", "IIIb", True)
    post("kasi_y1", "seksi_y1", "Kepala Seksi Y1", "pengawas", "kabid_y", "IVa", True)
    post("admin_sek", "sekretariat", "Pengadministrasi Perkantoran", "pelaksana", "sekdis")
    post("analis_x", "seksi_x1", "Analis X", "fungsional", "kasi_x1", jenjang="ahli_pertama")
    post("pengolah", "seksi_x2", "Pengolah Data", "pelaksana", "kasi_x2")
    post("admin_y", "seksi_y1", "Pengadministrasi Perkantoran", "pelaksana", "kasi_y1")
    DutyFactory(position=p["admin_sek"], volume=1200, period="year", time_norm_minutes=60)
    DutyFactory(position=p["admin_sek"], volume=10, period="month", time_norm_minutes=300)
    DutyFactory(position=p["analis_x"], volume=250, period="year", time_norm_minutes=600)
    DutyFactory(position=p["admin_y"], volume=50, period="week", time_norm_minutes=30)
    people, assignments = {}, {}
    for key, holder in [
        ("sekda", "Sekda"),
        ("kadis", "Kadis"),
        ("sekdis", "Sekdis"),
        ("kabid_x", "Kabid X"),
        ("kasi_x1", "Kasi X1"),
        ("kabid_y", "Kabid Y"),
        ("kasi_y1", "Kasi Y1"),
        ("admin_sek", "Admin 1"),
        ("admin_sek", "Admin 2"),
        ("analis_x", "Analis 1"),
        ("pengolah", "Pengolah 1"),
        ("admin_y", "Admin Y"),
    ]:
        employee = EmployeeFactory(instansi=instansi, name=f"Pegawai {holder}")
        people[holder] = employee
        assignments[holder] = AssignmentFactory(
            employee=employee, position=p[key], start=dt.date(2022, 1, 1)
        )
    # Kabid X is also Plt of the vacant Kasi X2.
    assignments["Plt Kasi X2"] = AssignmentFactory(
        employee=people["Kabid X"], position=p["kasi_x2"], start=dt.date(2025, 6, 1), acting="plt"
    )
    return City(instansi, u, p, people, assignments)


def user_with(instansi, role, username):
    user = UserFactory(username=username)
    RoleGrantFactory(user=user, role=role, instansi=instansi)
    return user


def test_graph_from_db_makes_duty_nodes_only_when_something_asks(city):
    from penata.org.models import Duty
    from penata.restructure.graph import DeferredDuties, structure_metrics

    for n in range(3):  # a second, third and fourth duty for the Kasi X1 post, out of order
        DutyFactory(position=city.posts["kasi_x1"], sort_order=3 - n, statement=f"Tugas {n}")
    graph = graph_from_db(city.instansi, BASE_DATE)
    duties = graph.duties
    assert isinstance(duties, DeferredDuties)

    # Counting and the metrics (per-post ABK added up while loading) make no node.
    assert len(duties) == 7
    metrics = structure_metrics(graph)
    assert metrics.abk.need > 0
    assert duties._nodes is None

    # Asked once, made once, in the database's order: by post, sort order, id.
    expected = list(
        Duty.objects.filter(position__instansi=city.instansi)
        .order_by("position_id", "sort_order", "id")
        .values_list("id", flat=True)
    )
    assert list(duties) == expected and len(duties) == 7
    first = duties[expected[0]]
    assert duties[expected[0]] is first and duties.get("new:1") is None
    assert duties._make is None
    assert {d.statement for d in duties.values()} >= {"Tugas 0", "Tugas 1", "Tugas 2"}


def test_graph_from_db_reads_the_structure_in_a_constant_number_of_queries(city):
    with CaptureQueriesContext(connection) as queries:
        graph = graph_from_db(city.instansi, BASE_DATE)
    assert len(queries) == 5
    assert len(graph.units) == 9 and len(graph.positions) == 12 and len(graph.duties) == 4
    kasi_x2 = graph.positions[city.posts["kasi_x2"].pk]
    assert kasi_x2.incumbents == () and kasi_x2.acting == (city.people["Kabid X"].pk,)
    admin_sek = graph.positions[city.posts["admin_sek"].pk]
    assert sorted(admin_sek.incumbents) == sorted(
        [city.people["Admin 1"].pk, city.people["Admin 2"].pk]
    )
    assert graph.people[city.people["Admin 1"].pk].name == "Pegawai Admin 1"
    monthly = next(d for d in graph.duties.values() if d.period == "month")
    assert monthly.annual_volume == Decimal(120)
    # More rows, same number of queries.
    for n in range(5):
        extra = PositionFactory(unit=city.units["bidang_x"], title=f"Penelaah {n}")
        DutyFactory(position=extra)
        AssignmentFactory(position=extra, employee=EmployeeFactory(instansi=city.instansi))
    with CaptureQueriesContext(connection) as queries:
        graph_from_db(city.instansi, BASE_DATE)
    assert len(queries) == 5


def test_graph_from_db_honours_effective_dating(city):
    old = city.posts["pengolah"]
    old.valid_to = dt.date(2026, 3, 1)
    old.save()
    assert old.pk in graph_from_db(city.instansi, dt.date(2026, 2, 28)).positions
    assert old.pk not in graph_from_db(city.instansi, dt.date(2026, 3, 1)).positions
    assert graph_from_db(city.instansi, dt.date(2019, 1, 1)).units == {}


def test_graph_from_db_abk_per_post_matches_the_duties(city):
    """The loader adds up each post's workload while reading (for speed); the metrics must
    give the same ABK as a graph that recomputes every post from its duties."""
    from penata.restructure.graph import OrgGraph, structure_metrics

    DutyFactory(position=city.posts["pengolah"], volume=Decimal("12.5"), period="week")
    loaded = graph_from_db(city.instansi, BASE_DATE)
    fresh = OrgGraph.build(loaded.units.values(), loaded.positions.values(), loaded.duties.values())
    assert loaded._post_abk is not None and fresh._post_abk is None
    assert structure_metrics(loaded).abk == structure_metrics(fresh).abk
    assert structure_metrics(loaded).per_unit == structure_metrics(fresh).per_unit
    assert structure_metrics(loaded).abk.workload_minutes > 0


def test_structure_as_of_gives_metrics(city, auditor):
    snapshot = structure_as_of(auditor, city.instansi, BASE_DATE)
    assert snapshot.metrics.layers == 4
    assert snapshot.metrics.managerial_positions == 8
    with pytest.raises(NotFound):
        structure_as_of(UserFactory(username="tamu"), city.instansi, BASE_DATE)


def test_create_and_add_operations(city, analyst):
    scenario = scenario_create(
        actor=analyst, instansi=city.instansi, name="Penyederhanaan Dinas A", base_date=BASE_DATE
    )
    assert (scenario.status, scenario.cursor, scenario.created_by) == ("draft", 0, analyst)
    merge = scenario_add_operation(
        actor=analyst,
        scenario=scenario,
        kind="unit.merge",
        params={"source": str(city.units["bidang_y"].pk), "target": str(city.units["bidang_x"].pk)},
    )
    assert (merge.seq, merge.kind) == (1, "unit.merge")
    assert merge.description == "Gabungkan unit “Bidang Y” ke dalam “Bidang X”."
    created = scenario_add_operation(
        actor=analyst,
        scenario=scenario,
        kind="unit.create",
        params={
            "parent": city.units["dinas"].pk,
            "unit_kind": "bidang",
            "code": "DA.9",
            "name": "Bidang Z",
        },
    )
    assert created.params["new_id"] == "new:1"
    post = scenario_add_operation(
        actor=analyst,
        scenario=scenario,
        kind="position.create",
        params={
            "unit": "new:1",
            "title": "Kepala Bidang Z",
            "position_kind": "administrator",
            "is_unit_head": "on",
        },
    )
    assert post.params["new_id"] == "new:2" and post.params["is_unit_head"] is True
    scenario.refresh_from_db()
    assert scenario.cursor == 3
    state = scenario_state(scenario)
    assert city.units["bidang_y"].pk not in state.graph.units
    assert state.graph.positions["new:2"].unit == "new:1"
    assert state.comparison.change_counts["unit.added"] == 1
    events = list(
        AuditEvent.objects.filter(object_id=str(scenario.pk)).values_list("action", flat=True)
    )
    assert events.count("scenario.operation_add") == 3 and "scenario.create" in events


def test_refused_operation_carries_its_code_and_changes_nothing(city, analyst):
    scenario = scenario_create(
        actor=analyst, instansi=city.instansi, name="Uji", base_date=BASE_DATE
    )
    with pytest.raises(ValidationFailed) as caught:
        scenario_add_operation(
            actor=analyst,
            scenario=scenario,
            kind="unit.abolish",
            params={"unit": city.units["bidang_y"].pk},
        )
    assert caught.value.code == "unit.not_empty"
    assert "“Bidang Y” masih memiliki 1 jabatan dan 1 sub-unit" in caught.value.message
    assert caught.value.extra["errors"][0]["field"] == "positions_to"
    with pytest.raises(ValidationFailed) as bad_params:
        scenario_add_operation(actor=analyst, scenario=scenario, kind="unit.rename", params={})
    assert bad_params.value.code == "operation.params"
    with pytest.raises(ValidationFailed) as unknown:
        scenario_add_operation(actor=analyst, scenario=scenario, kind="unit.explode", params={})
    assert unknown.value.code == "operation.unknown"
    scenario.refresh_from_db()
    assert scenario.cursor == 0 and not ScenarioOperation.objects.exists()


def test_operations_are_validated_after_the_earlier_ones(city, analyst):
    scenario = scenario_create(
        actor=analyst, instansi=city.instansi, name="Uji", base_date=BASE_DATE
    )
    bidang_y = city.units["bidang_y"].pk
    scenario_add_operation(
        actor=analyst,
        scenario=scenario,
        kind="unit.merge",
        params={"source": bidang_y, "target": city.units["bidang_x"].pk},
    )
    with pytest.raises(ValidationFailed) as caught:
        scenario_add_operation(
            actor=analyst,
            scenario=scenario,
            kind="unit.rename",
            params={"unit": bidang_y, "name": "Y"},
        )
    assert caught.value.code == "unit.missing"


def test_undo_redo_and_adding_after_undo_drops_the_tail(city, analyst):
    scenario = scenario_create(
        actor=analyst, instansi=city.instansi, name="Uji", base_date=BASE_DATE
    )
    for name in ("Bidang Satu", "Bidang Dua"):
        scenario_add_operation(
            actor=analyst,
            scenario=scenario,
            kind="unit.rename",
            params={"unit": city.units["bidang_x"].pk, "name": name},
        )
    scenario = scenario_undo(actor=analyst, scenario=scenario)
    assert scenario.cursor == 1
    assert scenario_state(scenario).graph.units[city.units["bidang_x"].pk].name == "Bidang Satu"
    scenario = scenario_redo(actor=analyst, scenario=scenario)
    assert scenario_state(scenario).graph.units[city.units["bidang_x"].pk].name == "Bidang Dua"
    with pytest.raises(ApplicationError) as caught:
        scenario_redo(actor=analyst, scenario=scenario)
    assert caught.value.code == "scenario.nothing_to_redo"
    scenario_undo(actor=analyst, scenario=scenario)
    scenario = scenario_undo(actor=analyst, scenario=scenario)
    with pytest.raises(ApplicationError) as empty:
        scenario_undo(actor=analyst, scenario=scenario)
    assert empty.value.code == "scenario.nothing_to_undo"
    scenario = scenario_redo(actor=analyst, scenario=scenario)
    scenario_add_operation(
        actor=analyst,
        scenario=scenario,
        kind="unit.rename",
        params={"unit": city.units["bidang_y"].pk, "name": "Bidang Tiga"},
    )
    assert list(scenario.operations.values_list("seq", "description")) == [
        (1, "Ubah nama unit “Bidang X” menjadi “Bidang Satu”."),
        (2, "Ubah nama unit “Bidang Y” menjadi “Bidang Tiga”."),
    ]
    actions = list(
        AuditEvent.objects.filter(object_id=str(scenario.pk)).values_list("action", flat=True)
    )
    assert actions.count("scenario.undo") == 3 and actions.count("scenario.redo") == 2


def test_approval_flow(city, analyst, admin):
    scenario = scenario_create(
        actor=analyst, instansi=city.instansi, name="Uji", base_date=BASE_DATE
    )
    with pytest.raises(ApplicationError) as empty:
        scenario_submit(actor=analyst, scenario=scenario)
    assert empty.value.code == "scenario.empty"
    scenario_add_operation(
        actor=analyst,
        scenario=scenario,
        kind="position.convert",
        params={"position": city.posts["kasi_x1"].pk},
    )
    scenario = scenario_submit(actor=analyst, scenario=scenario)
    assert scenario.status == ScenarioStatus.SUBMITTED and scenario.submitted_by == analyst
    with pytest.raises(ApplicationError) as locked:
        scenario_add_operation(
            actor=analyst,
            scenario=scenario,
            kind="position.convert",
            params={"position": city.posts["kasi_y1"].pk},
        )
    assert locked.value.code == "scenario.not_draft"
    with pytest.raises(PermissionDenied):
        scenario_approve(actor=analyst, scenario=scenario)
    with pytest.raises(ValidationFailed) as no_note:
        scenario_reject(actor=admin, scenario=scenario, note=" ")
    assert no_note.value.code == "scenario.note_required"
    scenario = scenario_reject(actor=admin, scenario=scenario, note="Lengkapi kajian ABK.")
    assert (scenario.status, scenario.decision_note) == ("rejected", "Lengkapi kajian ABK.")
    scenario = scenario_reopen(actor=analyst, scenario=scenario)
    assert scenario.status == "draft" and scenario.decided_by is None
    scenario = scenario_submit(actor=analyst, scenario=scenario)
    scenario = scenario_approve(actor=admin, scenario=scenario, note="Setuju.")
    assert (scenario.status, scenario.decided_by) == ("approved", admin)
    with pytest.raises(ApplicationError) as twice:
        scenario_approve(actor=admin, scenario=scenario)
    assert twice.value.code == "scenario.not_submitted"


def test_the_submitter_cannot_approve_their_own_scenario(city, admin):
    scenario = scenario_create(actor=admin, instansi=city.instansi, name="Uji", base_date=BASE_DATE)
    scenario_add_operation(
        actor=admin,
        scenario=scenario,
        kind="position.convert",
        params={"position": city.posts["kasi_x1"].pk},
    )
    scenario_submit(actor=admin, scenario=scenario)
    with pytest.raises(ApplicationError) as caught:
        scenario_approve(actor=admin, scenario=scenario)
    assert caught.value.code == "scenario.self_approval"
    scenario.refresh_from_db()
    assert scenario.status == "submitted"


def test_submit_refuses_a_scenario_the_structure_no_longer_supports(city, analyst):
    scenario = scenario_create(
        actor=analyst, instansi=city.instansi, name="Uji", base_date=BASE_DATE
    )
    scenario_add_operation(
        actor=analyst,
        scenario=scenario,
        kind="position.convert",
        params={"position": city.posts["kasi_x1"].pk},
    )
    # The post is edited (outside the scenario) into a fungsional post on the base date.
    post = city.posts["kasi_x1"]
    post.kind, post.eselon, post.jf_jenjang = "fungsional", "", "ahli_muda"
    post.save()
    with pytest.raises(ApplicationError) as caught:
        scenario_submit(actor=analyst, scenario=scenario)
    assert caught.value.code == "scenario.stale"
    assert caught.value.extra["errors"][0]["code"] == "position.not_convertible"


def test_permissions_and_scoping(city, analyst, auditor):
    scenario = scenario_create(
        actor=analyst, instansi=city.instansi, name="Uji", base_date=BASE_DATE
    )
    assert scenario_get_for(auditor, scenario.pk) == scenario
    assert list(scenario_list(auditor, instansi=city.instansi)) == [scenario]
    with pytest.raises(PermissionDenied):
        scenario_create(actor=auditor, instansi=city.instansi, name="X")
    with pytest.raises(PermissionDenied):
        scenario_add_operation(
            actor=auditor,
            scenario=scenario,
            kind="unit.rename",
            params={"unit": city.units["bidang_x"].pk, "name": "X"},
        )
    stranger = UserFactory(username="pegawai")
    other = InstansiFactory(code="3301", name="Kabupaten Lain")
    foreign_analyst = user_with(other, "org_analyst", "analis_lain")
    unit_head = UserFactory(username="kadis")
    RoleGrantFactory(
        user=unit_head, role="unit_head", instansi=city.instansi, unit=city.units["dinas"]
    )
    for outsider in (stranger, foreign_analyst, unit_head):
        with pytest.raises(NotFound):
            scenario_get_for(outsider, scenario.pk)
        assert list(scenario_list(outsider, instansi=city.instansi)) == []
    assert Scenario.objects.count() == 1


def test_scenario_list_counts_operations_without_n_plus_one(
    city, analyst, django_assert_num_queries
):
    for n in range(3):
        s = scenario_create(
            actor=analyst, instansi=city.instansi, name=f"S{n}", base_date=BASE_DATE
        )
        scenario_add_operation(
            actor=analyst,
            scenario=s,
            kind="unit.rename",
            params={"unit": city.units["bidang_x"].pk, "name": f"Bidang {n}"},
        )
    analyst = type(analyst).objects.get(pk=analyst.pk)
    with django_assert_num_queries(3):  # grants, employee link, the list
        rows = [
            (s.name, s.operation_count, s.created_by.username)
            for s in scenario_list(analyst, instansi=city.instansi)
        ]
    assert sorted(rows) == [("S0", 1, "analis"), ("S1", 1, "analis"), ("S2", 1, "analis")]


def _call(*args):
    import io

    from django.core.management import call_command

    out, err = io.StringIO(), io.StringIO()
    call_command("structure", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_cli_structure_metrics_json_and_text(city):
    code = city.instansi.code
    out, _err = _call("metrics", "--instansi", code, "--as-of", "2026-01-05", "--format", "json")
    data = json.loads(out)
    assert data["as_of"] == "2026-01-05"
    assert data["metrics"]["headline"]["layers"] == 4
    assert data["metrics"]["headline"]["managerial_positions"] == 8
    assert data["metrics"]["abk"]["need"] == pytest.approx(4.44)
    text, _err = _call("metrics", "--instansi", code, "--as-of", "2026-01-05")
    assert "Lapis manajerial: 4 (lapis 1: 1, lapis 2: 1, lapis 3: 3, lapis 4: 3)" in text
    assert "Dinas A: 2,75 / 3, 3 lapis, 11 pegawai" in text
    assert "Rasio manajerial: " in text and "Belum ada struktur" not in text
    before, _err = _call("metrics", "--instansi", code, "--as-of", "1999-01-01")
    assert "Belum ada struktur yang berlaku pada tanggal ini." in before
    assert "Rasio manajerial: —\n" in before


def test_cli_structure_metrics_of_a_scenario(city, analyst):
    scenario = scenario_create(
        actor=analyst, instansi=city.instansi, name="Uji", base_date=BASE_DATE
    )
    scenario_add_operation(
        actor=analyst,
        scenario=scenario,
        kind="position.convert",
        params={"position": city.posts["kasi_x1"].pk},
    )
    out, _err = _call(
        "metrics",
        "--instansi",
        city.instansi.code,
        "--scenario",
        str(scenario.pk),
        "--format",
        "json",
    )
    data = json.loads(out)
    assert data["scenario"]["operations_in_force"] == 1
    assert data["baseline"]["managerial_positions"] == 8
    assert data["metrics"]["headline"]["managerial_positions"] == 7
    assert data["comparison"]["affected_employees"] == 1
    text, _err = _call("metrics", "--instansi", city.instansi.code, "--scenario", str(scenario.pk))
    assert re.search(r"^Jabatan manajerial\s+8\s+7\s+-1$", text, re.M)


def test_cli_refuses_an_unknown_scenario(city):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as caught:
        _call("metrics", "--instansi", city.instansi.code, "--scenario", "999")
    assert "skenario 999" in str(caught.value)
    assert caught.value.returncode == 1


def test_graph_from_db_keeps_fractional_volumes_and_norms_exact(city):
    duty = DutyFactory(
        position=city.posts["pengolah"],
        volume=Decimal("12.35"),
        period="month",
        time_norm_minutes=Decimal("7.25"),
    )
    node = graph_from_db(city.instansi, BASE_DATE).duties[duty.pk]
    assert (node.volume, node.time_norm) == (Decimal("12.35"), Decimal("7.25"))
    assert node.workload_minutes == Decimal("12.35") * 12 * Decimal("7.25")
