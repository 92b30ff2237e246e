"""Structure metrics against the hand-computed small city of test_graph.

Small city (reporting lines):
    100 Sekda (JPT pratama, IIa) ─ 101 Kepala Dinas A (JPT pratama, IIb)
        101 ─ 102 Sekretaris (adm.) ─ 110 pelaksana ×2 people
        101 ─ 103 Kabid X (adm.) ─ 104 Kasi X1 (peng.) ─ 111 JF ×3
                                 ─ 105 Kasi X2 (peng., vacant) ─ 112 pelaksana ×1
                                 ─ 114 pelaksana (vacant)
        101 ─ 106 Kabid Y (adm.) ─ 107 Kasi Y1 (peng.) ─ 113 pelaksana ×1
        101 ─ 115 JF Ahli Muda ×1
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from penata.restructure.graph import MetricsConfig, structure_metrics
from penata.restructure.graph.metrics import managerial_layers
from penata.restructure.graph.model import PositionNode
from penata.restructure.graph.operations import ChangeReportingLine, ConvertPosition, MergeUnits
from penata.workload.rules import AbkConfig
from tests.restructure.test_graph import small_city


def test_layers_are_the_depth_of_the_managerial_tree():
    m = structure_metrics(small_city())
    assert m.layers == 4
    assert m.layer_counts == ((1, 1), (2, 1), (3, 3), (4, 3))
    assert managerial_layers(small_city())[107] == 4


def test_spans_in_people_and_positions():
    m = structure_metrics(small_city())
    spans = {s.position: (s.span_positions, s.span_people, s.status) for s in m.spans}
    assert spans == {
        100: (1, 1, "below"),
        101: (4, 4, "within"),  # 3 managerial posts + JF post with 1 holder
        102: (1, 2, "below"),
        103: (3, 2, "below"),  # 2 managerial posts + a vacant pelaksana post
        104: (1, 3, "within"),
        105: (1, 1, "below"),
        106: (1, 1, "below"),
        107: (1, 1, "below"),
    }
    assert m.span_distribution == ((1, 4), (2, 2), (3, 1), (4, 1))
    assert m.span_mean == pytest.approx(15 / 8)
    assert m.span_median == 1.5
    assert (m.managers_below, m.managers_above) == (6, 0)
    assert [s.position for s in m.outside_range] == [100, 102, 103, 105, 106, 107]


def test_span_range_and_basis_are_configurable():
    m = structure_metrics(
        small_city(), MetricsConfig(span_min=1, span_max=3, span_basis="positions")
    )
    statuses = {s.position: s.status for s in m.spans}
    assert statuses[101] == "above"  # 4 positions > 3
    assert statuses[104] == "within"  # 1 position (3 people would not matter)
    assert m.span_distribution == ((1, 6), (3, 1), (4, 1))


def test_decision_paths_per_perangkat_daerah():
    m = structure_metrics(small_city())
    # 110: 2 hops, 111: 3, 112: 3, 113: 3, 114: 2, 115: 1 → mean 14/6, max 3.
    assert m.decision_path_mean == pytest.approx(14 / 6)
    assert m.decision_path_max == 3
    assert m.decision_path_unresolved == 0
    by_unit = {p.unit: p for p in m.perangkat_daerah}
    assert set(by_unit) == {2, 10}
    dinas = by_unit[10]
    assert (dinas.decider, dinas.paths, dinas.path_max) == (101, 6, 3)
    assert dinas.path_mean == pytest.approx(14 / 6)
    assert dinas.layers == 3  # Kepala Dinas → Kabid → Kasi
    assert (dinas.positions, dinas.people) == (13, 14)
    assert by_unit[2].paths == 0 and by_unit[2].path_mean is None


def test_decision_path_unresolved_when_the_line_never_reaches_the_head():
    g = ChangeReportingLine(113, None).run(small_city())
    m = structure_metrics(g)
    assert m.decision_path_unresolved == 1
    assert {p.unit: p.unresolved for p in m.perangkat_daerah}[10] == 1
    assert m.decision_path_mean == pytest.approx(11 / 5)


def test_decision_maker_can_be_another_unit_kind():
    m = structure_metrics(
        small_city(),
        MetricsConfig(decider_unit_kinds=frozenset({"bidang", "sekretariat", "dinas"})),
    )
    # Now the Kabid/Sekretaris decide: 110→102 1, 111→104→103 2, 112 2, 113→107→106 2,
    # 114→103 1, 115→101 1 → mean 9/6.
    assert m.decision_path_mean == pytest.approx(9 / 6)
    assert m.decision_path_max == 2


def test_managerial_ratio_counts_and_vacancies():
    m = structure_metrics(small_city())
    assert (m.positions, m.managerial_positions, m.nonmanagerial_positions) == (14, 8, 6)
    assert m.managerial_ratio_positions == pytest.approx(8 / 14)
    assert (m.people, m.managerial_people) == (15, 7)
    assert m.managerial_ratio_people == pytest.approx(7 / 15)
    assert m.vacant_positions == 2
    assert [(k.kind, k.positions, k.people) for k in m.by_kind] == [
        ("jpt_pratama", 2, 2),
        ("administrator", 3, 3),
        ("pengawas", 3, 2),
        ("fungsional", 2, 4),
        ("pelaksana", 4, 4),
    ]
    assert m.by_eselon == (("IIa", 1), ("IIb", 1), ("IIIa", 1), ("IIIb", 2), ("IVa", 3), ("", 6))


def test_abk_need_against_existing():
    m = structure_metrics(small_city())
    # 110: 1200×60 + 10/month×12×300 = 108,000 → 1.44 → 1; 111: 150,000 → 2; 113: 50/week×50×30
    # = 75,000 → 1; 104: 15,000 → 0.2 → 0.  Σ 348,000 / 75,000 = 4.64.
    assert m.abk.workload_minutes == Decimal(348000)
    assert m.abk.need == Decimal("4.64")
    assert (m.abk.need_rounded, m.abk.existing, m.abk.gap) == (4, 15, -11)
    units = {u.unit: u for u in m.per_unit}
    assert units[11].need == Decimal("1.44") and units[11].need_rounded == 1
    assert (units[12].subtree_positions, units[12].subtree_people) == (6, 6)
    assert units[12].subtree_need == Decimal("2.2")
    assert units[10].subtree_need_rounded == 4
    assert units[13].perangkat_daerah == 10 and units[1].perangkat_daerah is None
    assert [u.unit for u in m.per_unit] == [1, 2, 10, 11, 12, 13, 14, 15, 16]
    assert units[16].depth == 3


def test_abk_uses_the_configured_wke_and_rounding():
    config = MetricsConfig(abk=AbkConfig(effective_minutes=Decimal(72000), rounding="ceil"))
    m = structure_metrics(small_city(), config)
    assert m.abk.need == Decimal(348000) / Decimal(72000)
    # 1.5 → 2, 2.083 → 3, 1.0417 → 2, 0.2083 → 1
    assert m.abk.need_rounded == 8


def test_delayering_reduces_layers_and_managerial_ratio():
    g = small_city()
    for op in (
        MergeUnits(15, 12),
        ConvertPosition(106),
        ConvertPosition(104),
        ConvertPosition(105),
        ConvertPosition(107),
    ):
        g = op.run(g)
    m = structure_metrics(g)
    assert m.layers == 3  # Sekda → Kadis → Kabid X / Sekretaris
    assert m.managerial_positions == 4
    # Every non-managerial post under Bidang X now reaches the Kadis in 2 hops.
    by_unit = {p.unit: p for p in m.perangkat_daerah}
    assert by_unit[10].path_max == 2
    spans = {s.position: s for s in m.spans}
    # Kabid X leads: 106, 107, 104, 105 (JF, 1+1+1+0 holders), 114 (vacant), 111 (3), 112 (1), 113 (1)
    assert spans[103].span_positions == 8
    assert spans[103].span_people == 1 + 1 + 1 + 0 + 0 + 3 + 1 + 1


def test_as_dict_is_json_serialisable_and_deterministic():
    m = structure_metrics(small_city())
    data = m.as_dict()
    text = json.dumps(data, sort_keys=True)
    assert text == json.dumps(structure_metrics(small_city()).as_dict(), sort_keys=True)
    assert data["headline"]["layers"] == 4
    assert data["abk"] == {
        "workload_minutes": 348000.0,
        "need": 4.64,
        "need_rounded": 4,
        "existing": 15,
        "gap": -11,
    }
    assert data["by_eselon"][-1] == {"eselon": None, "positions": 6}


def test_metrics_survive_a_reporting_cycle_in_bad_data():
    g = small_city()
    editor = g.edit()
    from penata.restructure.graph.model import replace

    editor.put_position(replace(g.positions[100], reports_to=107))  # loop 100→…→107→100
    editor.put_position(PositionNode(200, 12, "Penelaah", "pelaksana", reports_to=200))
    m = structure_metrics(editor.finish())
    assert m.layers >= 1
    assert m.decision_path_unresolved == 1  # the self-reporting post


def test_abk_figures_carried_across_steps_follow_every_duty_change():
    from penata.restructure.graph.operations import (
        AbolishPosition,
        ChangeDuty,
        MergeUnits,
        MoveDuty,
    )

    g = small_city()
    assert structure_metrics(g).abk.need == Decimal("4.64")  # fills the per-post cache
    steps = [
        (ChangeDuty(3, volume=Decimal(125)), Decimal("3.64")),  # 111: 150,000 → 75,000
        (MoveDuty(1, 114), Decimal("3.64")),  # same total, other post
        (AbolishPosition(113, incumbents_to=110), Decimal("2.64")),  # its 75,000 go with it
        (MergeUnits(12, 11), Decimal("2.64")),
    ]
    for op, expected in steps:
        g = op.run(g)
        m = structure_metrics(g)
        fresh = structure_metrics(type(g)(g.units, g.positions, g.duties, g.people))
        assert m.abk.need == expected == fresh.abk.need, op
        assert m.abk.need_rounded == fresh.abk.need_rounded
        assert {u.unit: u.need for u in m.per_unit} == {u.unit: u.need for u in fresh.per_unit}
