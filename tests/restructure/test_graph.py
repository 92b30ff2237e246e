"""OrgGraph, its editor, scenarios (undo/redo) and comparisons — pure, no database.

`small_city()` is the hand-built structure the pure tests share (test_operations and
test_metrics import it); its numbers are worked out in test_metrics.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from penata.restructure.graph import (
    DutyNode,
    OperationRefused,
    OrgGraph,
    PersonNode,
    PositionNode,
    Scenario,
    UnitNode,
    compare,
    parse_node_id,
)
from penata.restructure.graph.model import id_key
from penata.restructure.graph.operations import (
    ConvertPosition,
    CreateUnit,
    MergeUnits,
    RenameUnit,
    operation_from,
)
from penata.restructure.graph.scenario import CursorError


def duty(did, position, volume, period_factor, norm, statement="Menyusun laporan"):
    return DutyNode(
        did,
        position,
        statement,
        "Laporan",
        Decimal(volume),
        {1: "year", 12: "month", 50: "week"}[period_factor],
        Decimal(period_factor),
        Decimal(norm),
    )


def small_city() -> OrgGraph:
    """Pemda → Setda and Dinas A (Sekretariat, Bidang X with 2 seksi, Bidang Y with 1 seksi)."""
    units = [
        UnitNode(1, None, "pemda", "P", "Pemerintah Kota"),
        UnitNode(2, 1, "sekretariat_daerah", "SETDA", "Sekretariat Daerah", 1),
        UnitNode(10, 1, "dinas", "DA", "Dinas A", 2),
        UnitNode(11, 10, "sekretariat", "DA.1", "Sekretariat Dinas A", 1),
        UnitNode(12, 10, "bidang", "DA.2", "Bidang X", 2),
        UnitNode(13, 12, "seksi", "DA.2.1", "Seksi X1", 1),
        UnitNode(14, 12, "seksi", "DA.2.2", "Seksi X2", 2),
        UnitNode(15, 10, "bidang", "DA.3", "Bidang Y", 3),
        UnitNode(16, 15, "seksi", "DA.3.1", "Seksi Y1", 1),
    ]

    def head(pid, unit, title, kind, eselon, reports_to, holders):
        return PositionNode(
            pid,
            unit,
            title,
            kind,
            eselon=eselon,
            reports_to=reports_to,
            is_unit_head=True,
            incumbents=holders,
        )

    positions = [
        head(100, 2, "Sekretaris Daerah", "jpt_pratama", "IIa", None, (1,)),
        head(101, 10, "Kepala Dinas A", "jpt_pratama", "IIb", 100, (2,)),
        head(102, 11, "Sekretaris Dinas A", "administrator", "IIIa", 101, (3,)),
        head(103, 12, "Kepala Bidang X", "administrator", "IIIb", 101, (4,)),
        head(104, 13, "Kepala Seksi X1", "pengawas", "IVa", 103, (5,)),
        head(105, 14, "Kepala Seksi X2", "pengawas", "IVa", 103, ()),
        head(106, 15, "Kepala Bidang Y", "administrator", "IIIb", 101, (6,)),
        head(107, 16, "Kepala Seksi Y1", "pengawas", "IVa", 106, (7,)),
        PositionNode(
            110, 11, "Pengadministrasi Perkantoran", "pelaksana", reports_to=102, incumbents=(8, 9)
        ),
        PositionNode(
            111,
            13,
            "Analis X",
            "fungsional",
            jenjang="ahli_pertama",
            reports_to=104,
            incumbents=(10, 11, 12),
        ),
        PositionNode(112, 14, "Pengolah Data", "pelaksana", reports_to=105, incumbents=(13,)),
        PositionNode(
            113, 16, "Pengadministrasi Perkantoran", "pelaksana", reports_to=107, incumbents=(14,)
        ),
        PositionNode(114, 12, "Penata Layanan", "pelaksana", reports_to=103),
        PositionNode(
            115,
            10,
            "Analis Kebijakan Ahli Muda",
            "fungsional",
            jenjang="ahli_muda",
            reports_to=101,
            incumbents=(15,),
        ),
    ]
    duties = [
        duty(1, 110, 1200, 1, 60, "Mengagendakan surat masuk"),
        duty(2, 110, 10, 12, 300, "Menyusun laporan bulanan"),
        duty(3, 111, 250, 1, 600, "Menganalisis data pelayanan"),
        duty(4, 113, 50, 50, 30, "Mengarsipkan berkas"),
        duty(5, 104, 12, 1, 1250, "Mengevaluasi pelaksanaan kegiatan seksi"),
    ]
    people = [PersonNode(i, f"Pegawai {i}", f"1980010120050110{i:02d}") for i in range(1, 16)]
    return OrgGraph.build(units, positions, duties, people)


def test_indexes_and_reads():
    g = small_city()
    assert tuple(g.children(10)) == (11, 12, 15)
    assert tuple(g.unit_positions(12)) == (103, 114)
    assert sorted(g.subordinates(101)) == [102, 103, 106, 115]
    assert tuple(g.position_duties(110)) == (1, 2)
    assert g.head_of(12).id == 103
    assert g.head_of(1) is None
    assert g.roots() == [1]
    assert g.tree_order() == [1, 2, 10, 11, 12, 13, 14, 15, 16]
    assert g.ancestors(13) == [12, 10, 1]
    assert g.is_within(16, 10) and not g.is_within(10, 16)
    assert g.subtree(15) == [15, 16]
    assert g.reporting_chain(111) == [104, 103, 101, 100]
    assert g.next_manager_up(111) == 104
    assert g.posts_of()[10] == [(111, False)]


def test_editor_copies_on_write_and_patches_indexes():
    g = small_city()
    editor = g.edit()
    editor.put_unit(UnitNode("new:1", 10, "bidang", "DA.4", "Bidang Z"))
    editor.put_position(PositionNode("new:2", "new:1", "Kepala Bidang Z", "administrator"))
    moved = g.positions[114]
    from penata.restructure.graph.model import replace

    editor.put_position(replace(moved, unit="new:1", reports_to="new:2"))
    editor.remove_duty(5)
    after = editor.finish()
    # The source graph is untouched.
    assert "new:1" not in g.units and g.positions[114].unit == 12 and 5 in g.duties
    assert tuple(g.unit_positions(12)) == (103, 114)
    # The new graph's patched indexes equal freshly built ones.
    fresh = OrgGraph(after.units, after.positions, after.duties)
    for name in ("children_index", "unit_positions_index", "subordinates_index"):
        patched = {k: sorted(v, key=id_key) for k, v in getattr(after, name)().items()}
        rebuilt = {k: sorted(v, key=id_key) for k, v in getattr(fresh, name)().items()}
        assert patched == rebuilt, name
    assert tuple(after.position_duties(104)) == ()
    assert tuple(after.children(10)) == (11, 12, 15, "new:1")
    assert tuple(after.subordinates("new:2")) == (114,)
    # Untouched dicts are shared, not copied.
    assert after.people is g.people


def test_parse_node_id_and_sort_key():
    assert parse_node_id("12") == 12
    assert parse_node_id(" new:3 ") == "new:3"
    assert parse_node_id("") is None
    assert parse_node_id(None) is None
    assert sorted([12, "new:10", "new:2", 3], key=id_key) == [3, 12, "new:2", "new:10"]


def test_relabel_maps_ids_to_successors():
    g = small_city()
    moved = g.relabel({12: 212}, {103: 303, 114: 314}, {3: 33})
    assert 212 in moved.units and 12 not in moved.units
    assert moved.units[13].parent == 212
    assert moved.positions[303].unit == 212
    assert moved.positions[104].reports_to == 303
    assert moved.positions[314].reports_to == 303
    assert moved.duties[33].position == 111


def test_scenario_undo_redo_moves_the_cursor():
    g = small_city()
    scenario = Scenario()
    scenario.add(RenameUnit(12, "Bidang Pelayanan"))
    scenario.add(MergeUnits(15, 12))
    assert scenario.cursor == 2
    assert 15 not in scenario.apply_all(g).units

    assert scenario.undo() == MergeUnits(15, 12)
    after_undo = scenario.apply_all(g)
    assert 15 in after_undo.units and after_undo.units[12].name == "Bidang Pelayanan"
    assert scenario.can_redo

    scenario.redo()
    assert 15 not in scenario.apply_all(g).units
    with pytest.raises(CursorError):
        scenario.redo()

    scenario.undo()
    scenario.undo()
    with pytest.raises(CursorError):
        scenario.undo()
    assert scenario.apply_all(g).units[12].name == "Bidang X"

    # Adding after an undo drops the undone tail.
    scenario.redo()
    scenario.add(ConvertPosition(104))
    assert scenario.operations == [RenameUnit(12, "Bidang Pelayanan"), ConvertPosition(104)]
    assert not scenario.can_redo


def test_scenario_next_new_id_counts_undone_operations_too():
    scenario = Scenario()
    scenario.add(CreateUnit("new:1", 10, "bidang", "Z", "Bidang Z"))
    scenario.add(CreateUnit("new:2", 10, "bidang", "W", "Bidang W"))
    scenario.undo()
    assert scenario.next_new_id() == "new:3"


def test_apply_all_names_the_first_stale_operation_and_replay_skips_it():
    g = small_city()
    scenario = Scenario(
        [MergeUnits(15, 12), RenameUnit(15, "Bidang Y Baru"), ConvertPosition(104)], 3
    )
    with pytest.raises(OperationRefused) as caught:
        scenario.apply_all(g)
    assert caught.value.index == 1
    assert caught.value.code == "unit.missing"

    replay = scenario.replay(g)
    assert [s.applied for s in replay.steps] == [True, False, True]
    assert replay.steps[0].description == "Gabungkan unit “Bidang Y” ke dalam “Bidang X”."
    assert replay.graph.positions[104].kind == "fungsional"


def test_operation_params_round_trip():
    op = operation_from("duty.change", {"duty": "3", "volume": "12,5", "time_norm": ""})
    assert op.to_params() == {"duty": 3, "volume": "12.5", "time_norm": None}
    assert operation_from(op.kind, op.to_params()) == op
    merge = operation_from("unit.merge", {"source": 15, "target": "new:4"})
    assert merge == MergeUnits(15, "new:4")


def test_operation_from_refuses_unknown_kind_and_missing_params():
    with pytest.raises(OperationRefused) as unknown:
        operation_from("unit.explode", {})
    assert unknown.value.code == "operation.unknown"
    with pytest.raises(OperationRefused) as missing:
        operation_from("unit.rename", {"unit": 12})
    assert missing.value.code == "operation.params"
    assert missing.value.errors[0].field == "name"
    with pytest.raises(OperationRefused) as bad:
        operation_from("duty.change", {"duty": 3, "volume": "banyak"})
    assert bad.value.errors[0].field == "volume"


# Comparison --------------------------------------------------------------------------------


def test_compare_lists_changes_and_affected_employees():
    base = small_city()
    scenario = Scenario()
    scenario.add(MergeUnits(15, 12))
    scenario.add(ConvertPosition(104))
    scenario.add(RenameUnit(12, "Bidang Pelayanan"))
    other = scenario.apply_all(base)

    result = compare(base, other)

    kinds = [(c.kind, c.object_id) for c in result.changes]
    assert kinds == [
        ("unit.renamed", 12),
        ("unit.removed", 15),
        ("unit.moved", 16),
        ("position.converted", 104),
        ("position.head", 104),
        ("position.role", 104),
        ("position.moved", 106),
        ("position.reports_to", 106),
        ("position.head", 106),
        ("position.reports_to", 107),
        ("position.reports_to", 111),
    ]
    converted = next(c for c in result.changes if c.kind == "position.converted")
    assert converted.before == "Kepala Seksi X1: Pengawas (eselon IVa)"
    assert converted.after == "Analis Kebijakan Ahli Muda: Fungsional Ahli Muda"
    moved_line = next(c for c in result.changes if c.kind == "position.reports_to")
    assert (moved_line.before, moved_line.after) == (
        "Kepala Dinas A — Dinas A",
        "Kepala Bidang X — Bidang Pelayanan",
    )
    assert result.change_counts["position.reports_to"] == 3

    affected = {a.employee: a for a in result.affected}
    assert set(affected) == {5, 6}
    assert affected[5].reasons == ("kind_changed", "title_changed")
    assert affected[5].before.title == "Kepala Seksi X1"
    assert affected[5].after.kind_label == "Fungsional Ahli Muda"
    assert affected[6].reasons == ("unit_changed",)
    assert (affected[6].before.unit_name, affected[6].after.unit_name) == (
        "Bidang Y",
        "Bidang Pelayanan",
    )
    assert affected[6].name == "Pegawai 6"

    metrics = {m.key: m for m in result.metrics}
    assert (metrics["managerial_positions"].base, metrics["managerial_positions"].other) == (8, 7)
    assert metrics["managerial_positions"].delta == -1
    assert metrics["managerial_positions"].trend == "better"
    assert metrics["units"].delta == -1 and metrics["units"].trend == "neutral"
    assert metrics["layers"].trend == "same"
    assert result.changed_ids()["position"][104] == "converted"
    assert result.as_dict()["change_counts"]["unit.removed"] == 1


def test_compare_reports_folded_posts_and_moved_holders():
    from penata.restructure.graph.operations import AbolishPosition

    base = small_city()
    other = AbolishPosition(112, incumbents_to=110, duties_to=None).run(base)
    result = compare(base, other)
    assert [(c.kind, c.object_id) for c in result.changes] == [("position.removed", 112)]
    (person,) = result.affected
    assert person.employee == 13
    assert person.reasons == ("post_removed", "post_changed", "unit_changed")
    assert (person.before.title, person.after.title) == (
        "Pengolah Data",
        "Pengadministrasi Perkantoran",
    )


def test_compare_of_identical_graphs_is_empty():
    g = small_city()
    result = compare(g, g)
    assert result.changes == () and result.affected == ()
    assert all(m.delta in (0, 0.0) for m in result.metrics)


def test_the_graph_imports_without_django_settings():
    """The graph and the ABK rules are plain Python: benchmarks and tools use them without
    configuring Django (translated labels must stay lazy at import time). Operations then
    describe and refuse in Indonesian, the source language, with Indonesian numbers."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    code = (
        "from decimal import Decimal\n"
        "from penata.restructure.graph import OrgGraph, UnitNode, structure_metrics\n"
        "from penata.restructure.graph.operations import ChangeDuty, MergeUnits\n"
        "from tests.restructure.test_graph import small_city\n"
        "g = OrgGraph.build([UnitNode(1, None, 'dinas', 'D', 'Dinas')])\n"
        "print(structure_metrics(g).units)\n"
        "city = small_city()\n"
        "print(MergeUnits(15, 12).describe(city))\n"
        "print(MergeUnits(12, 12).validate(city)[0].message)\n"
        "print(ChangeDuty(2, volume=Decimal('1250.5')).describe(city))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines() == [
        "1",
        "Gabungkan unit “Bidang Y” ke dalam “Bidang X”.",
        "Unit “Bidang X” tidak dapat digabung ke dirinya sendiri.",
        "Ubah uraian tugas “Menyusun laporan bulanan”: volume 10 → 1.250,5.",
    ]
