"""Each scenario operation: the happy path (exact resulting structure) and every error code."""

from __future__ import annotations

from decimal import Decimal

import pytest

from penata.restructure.graph import ErrorCode, OperationRefused
from penata.restructure.graph.operations import (
    AbolishPosition,
    AbolishUnit,
    ChangeDuty,
    ChangeReportingLine,
    ConvertPosition,
    CreatePosition,
    CreateUnit,
    MergeUnits,
    MoveDuty,
    MovePosition,
    MoveUnit,
    RemoveDuty,
    RenameUnit,
)
from tests.restructure.test_graph import small_city

# Happy paths ------------------------------------------------------------------------------


def test_create_unit():
    g = small_city()
    op = CreateUnit("new:1", 10, "bidang", "DA.4", " Bidang Z ")
    assert op.validate(g) == []
    after = op.apply(g)
    unit = after.units["new:1"]
    assert (unit.parent, unit.kind, unit.code, unit.name) == (10, "bidang", "DA.4", "Bidang Z")
    assert after.children(10)[-1] == "new:1"
    assert op.describe(g) == "Bentuk unit “Bidang Z” (Bidang, kode DA.4) di bawah “Dinas A”."


def test_rename_unit_keeps_code_unless_given():
    g = small_city()
    after = RenameUnit(12, "Bidang Pelayanan").run(g)
    assert (after.units[12].name, after.units[12].code) == ("Bidang Pelayanan", "DA.2")
    after = RenameUnit(12, "Bidang Pelayanan", "DA.9").run(g)
    assert after.units[12].code == "DA.9"


def test_move_unit_repoints_its_head_to_the_new_parent_head():
    g = small_city()
    after = MoveUnit(16, 12).run(g)
    assert after.units[16].parent == 12
    assert after.positions[107].reports_to == 103  # was Kabid Y (106), now Kabid X
    assert tuple(after.children(15)) == ()


def test_merge_units_moves_posts_and_subunits_and_unheads_the_source_head():
    g = small_city()
    after = MergeUnits(15, 12).run(g)
    assert 15 not in after.units
    assert after.units[16].parent == 12
    kabid_y = after.positions[106]
    assert (kabid_y.unit, kabid_y.is_unit_head, kabid_y.reports_to) == (12, False, 103)
    assert kabid_y.incumbents == (6,)
    assert after.positions[107].reports_to == 103
    assert after.head_of(12).id == 103


def test_merge_folds_same_titled_posts_with_holders_and_duties():
    g = small_city()
    after = MergeUnits(16, 11).run(g)
    # 113 "Pengadministrasi Perkantoran" folds into 110 of the same title and kind.
    assert 113 not in after.positions
    assert after.positions[110].incumbents == (8, 9, 14)
    assert after.duties[4].position == 110
    assert after.positions[107].unit == 11 and after.positions[107].reports_to == 102


def test_abolish_empty_unit_and_unit_with_destinations():
    g = small_city()
    empty = CreateUnit("new:1", 10, "bidang", "Z", "Bidang Z").run(g)
    assert "new:1" not in AbolishUnit("new:1").run(empty).units

    after = AbolishUnit(15, positions_to=11, children_to=12).run(g)
    assert 15 not in after.units
    assert after.units[16].parent == 12
    assert after.positions[107].reports_to == 103  # Kasi Y1 follows its seksi to Bidang X
    assert after.positions[106].unit == 11 and after.positions[106].reports_to == 102


def test_merge_into_a_headless_unit_keeps_the_source_head_heading():
    g = CreateUnit("new:1", 10, "bidang", "Z", "Bidang Z").run(small_city())
    after = MergeUnits(15, "new:1").run(g)
    assert after.positions[106].is_unit_head and after.positions[106].unit == "new:1"
    assert after.positions[107].reports_to == 106


def test_create_position_reports_to_the_unit_head_by_default():
    g = small_city()
    after = CreatePosition(
        "new:1", 12, "Analis Kebijakan Ahli Pertama", "fungsional", jenjang="ahli_pertama", kelas=8
    ).run(g)
    post = after.positions["new:1"]
    assert (post.unit, post.reports_to, post.kind, post.kelas) == (12, 103, "fungsional", 8)
    head = CreatePosition(
        "new:2", 1, "Wali Kota (jabatan uji)", "jpt_utama", is_unit_head=True
    ).run(g)
    assert head.positions["new:2"].reports_to is None
    seksi_head = CreatePosition(
        "new:3", "new:9", "x", "pengawas"
    )  # unit missing is checked in the error table
    assert seksi_head.created_ids() == ("new:3",)


def test_create_head_of_a_new_unit_reports_to_the_parent_head():
    g = CreateUnit("new:1", 12, "seksi", "DA.2.3", "Seksi X3").run(small_city())
    after = CreatePosition(
        "new:2", "new:1", "Kepala Seksi X3", "pengawas", eselon="IVa", is_unit_head=True
    ).run(g)
    assert after.positions["new:2"].reports_to == 103
    assert after.head_of("new:1").id == "new:2"


def test_move_position_reports_to_the_target_head_or_folds():
    g = small_city()
    after = MovePosition(114, 15).run(g)
    assert (after.positions[114].unit, after.positions[114].reports_to) == (15, 106)
    explicit = MovePosition(114, 15, reports_to=107).run(g)
    assert explicit.positions[114].reports_to == 107
    folded = MovePosition(113, 11).run(g)
    assert 113 not in folded.positions
    assert folded.positions[110].incumbents == (8, 9, 14)


def test_abolish_position_repoints_subordinates_and_moves_holders_and_duties():
    g = small_city()
    after = AbolishPosition(104, incumbents_to=114, duties_to=103).run(g)
    assert 104 not in after.positions
    assert after.positions[111].reports_to == 103
    assert after.positions[114].incumbents == (5,)
    assert after.duties[5].position == 103
    vacant = AbolishPosition(105).run(g)
    assert vacant.positions[112].reports_to == 103
    dropped = AbolishPosition(113, incumbents_to=110).run(g)
    assert 4 not in dropped.duties  # duties go with the post unless duties_to says otherwise


def test_abolish_position_ends_acting_assignments():
    g = small_city()
    from penata.restructure.graph.model import replace

    editor = g.edit()
    editor.put_position(replace(g.positions[105], acting=(4,)))
    after = AbolishPosition(105).run(editor.finish())
    assert all(4 not in p.acting for p in after.positions.values())


def test_convert_pengawas_to_jf_ahli_muda_with_subkoordinator_role():
    g = small_city()
    op = ConvertPosition(104)
    assert op.validate(g) == []
    after = op.apply(g)
    post = after.positions[104]
    assert (post.kind, post.jenjang, post.eselon, post.is_unit_head) == (
        "fungsional",
        "ahli_muda",
        "",
        False,
    )
    assert (post.is_penyetaraan, post.former_kind, post.former_eselon) == (True, "pengawas", "IVa")
    assert post.role == "subkoordinator"
    assert post.title == "Analis Kebijakan Ahli Muda"
    assert post.incumbents == (5,)
    assert post.reports_to == 103
    assert after.positions[111].reports_to == 103  # its JF re-point to the next manager up
    assert after.head_of(13) is None
    assert op.describe(g) == (
        "Setarakan “Kepala Seksi X1” di Seksi X1 (Pengawas) menjadi jabatan fungsional "
        "“Analis Kebijakan Ahli Muda” (Ahli Muda) dengan peran Subkoordinator."
    )


def test_convert_administrator_to_ahli_madya_koordinator_skipping_non_managerial():
    g = ChangeReportingLine(106, 115).run(small_city())  # Kabid Y reports via a JF post
    after = ConvertPosition(106, title="Perencana Ahli Madya", kelas=11).run(g)
    post = after.positions[106]
    assert (post.jenjang, post.role, post.title, post.kelas) == (
        "ahli_madya",
        "koordinator",
        "Perencana Ahli Madya",
        11,
    )
    assert post.reports_to == 101  # the next *managerial* post up, not JF 115
    assert after.positions[107].reports_to == 101
    no_role = ConvertPosition(106, role="").run(small_city())
    assert no_role.positions[106].role == ""


def test_change_reporting_line_and_duty_operations():
    g = small_city()
    assert ChangeReportingLine(115, 103).run(g).positions[115].reports_to == 103
    assert ChangeReportingLine(100, None).validate(g)[0].code == ErrorCode.OPERATION_NOOP
    moved = MoveDuty(3, 115).run(g)
    assert moved.duties[3].position == 115
    assert tuple(moved.position_duties(111)) == ()
    changed = ChangeDuty(3, volume=Decimal(300)).run(g)
    assert (changed.duties[3].volume, changed.duties[3].time_norm) == (Decimal(300), Decimal(600))
    both = ChangeDuty(2, volume=Decimal(5), time_norm=Decimal(240)).run(g)
    assert both.duties[2].workload_minutes == Decimal(5 * 12 * 240)
    assert ChangeDuty(2, volume=Decimal(5), time_norm=Decimal(240)).describe(g) == (
        "Ubah uraian tugas “Menyusun laporan bulanan”: volume 10 → 5, norma waktu 300 → 240 menit."
    )


def test_remove_duty_takes_it_off_its_post_and_out_of_the_workload():
    g = small_city()
    owner = g.duties[3].position
    others = [d for d in g.position_duties(owner) if d != 3]
    removed = RemoveDuty(3).run(g)
    assert 3 not in removed.duties
    assert list(removed.position_duties(owner)) == others
    assert 3 in g.duties  # the base graph is untouched
    assert RemoveDuty(3).describe(g).startswith("Hapus uraian tugas “")
    assert [e.code for e in RemoveDuty(3).validate(removed)] == [ErrorCode.DUTY_MISSING]


def test_run_raises_with_every_error():
    with pytest.raises(OperationRefused) as caught:
        CreateUnit("x", 999, "planet", "", "").run(small_city())
    assert [e.code for e in caught.value.errors] == [
        ErrorCode.UNIT_NEW_ID,
        ErrorCode.UNIT_PARENT_MISSING,
        ErrorCode.UNIT_KIND_UNKNOWN,
        ErrorCode.UNIT_NAME_BLANK,
        ErrorCode.UNIT_CODE_BLANK,
    ]


def test_abolish_unit_not_empty_asks_where_things_go():
    (err,) = AbolishUnit(15).validate(small_city())
    assert err.code == ErrorCode.UNIT_NOT_EMPTY
    assert err.message == (
        "Unit “Bidang Y” masih memiliki 1 jabatan dan 1 sub-unit. Tentukan unit tujuan "
        "jabatannya dan unit induk baru sub-unitnya sebelum unit ini dihapus."
    )
    assert err.extra == {"positions": 1, "children": 1}
    (only_children,) = AbolishUnit(15, positions_to=12).validate(small_city())
    assert only_children.field == "children_to"
    assert "1 sub-unit" in only_children.message and "jabatan" not in only_children.message


def test_abolish_position_with_incumbents_names_them():
    (err,) = AbolishPosition(111).validate(small_city())
    assert err.code == ErrorCode.POSITION_HAS_INCUMBENTS
    assert err.message == (
        "“Analis X” di Seksi X1 masih dijabat oleh 3 pegawai. Tentukan jabatan tujuan mereka "
        "sebelum jabatan ini dihapus."
    )


def _with_clashing_title():
    # A pelaksana "Analis X" in Sekretariat clashes with the fungsional "Analis X" of Seksi X1.
    return CreatePosition("new:1", 11, "Analis X", "pelaksana").run(small_city())


ERROR_CASES = [
    # Units
    (CreateUnit("new:1", 10, "bidang", "DA.2", "Bidang Z"), [ErrorCode.UNIT_CODE_TAKEN]),
    (CreateUnit("new:1", None, "bidang", "Z", "Z"), [ErrorCode.UNIT_PARENT_MISSING]),
    (CreateUnit(5, 10, "bidang", "Z", "Z"), [ErrorCode.UNIT_NEW_ID]),
    (RenameUnit(99, "X"), [ErrorCode.UNIT_MISSING]),
    (RenameUnit(12, " "), [ErrorCode.UNIT_NAME_BLANK]),
    (RenameUnit(12, "Bidang X2", "DA.3"), [ErrorCode.UNIT_CODE_TAKEN]),
    (RenameUnit(12, "Bidang X"), [ErrorCode.OPERATION_NOOP]),
    (MoveUnit(12, 99), [ErrorCode.UNIT_PARENT_MISSING]),
    (MoveUnit(99, 10), [ErrorCode.UNIT_MISSING]),
    (MoveUnit(12, 13), [ErrorCode.UNIT_MOVE_INTO_ITSELF]),
    (MoveUnit(12, 12), [ErrorCode.UNIT_MOVE_INTO_ITSELF]),
    (MoveUnit(12, 10), [ErrorCode.OPERATION_NOOP]),
    (MergeUnits(12, 12), [ErrorCode.UNIT_MERGE_SAME]),
    (MergeUnits(12, 13), [ErrorCode.UNIT_MERGE_INTO_DESCENDANT]),
    (MergeUnits(99, 12), [ErrorCode.UNIT_MISSING]),
    (AbolishUnit(99), [ErrorCode.UNIT_MISSING]),
    (AbolishUnit(15, positions_to=99, children_to=12), [ErrorCode.UNIT_TARGET_MISSING]),
    (AbolishUnit(15, positions_to=12, children_to=16), [ErrorCode.UNIT_TARGET_INSIDE]),
    # Positions
    (CreatePosition("new:1", 12, "Penata Layanan", "pelaksana"), [ErrorCode.POSITION_TITLE_TAKEN]),
    (CreatePosition(110, 12, "Baru", "pelaksana"), [ErrorCode.POSITION_NEW_ID]),
    (CreatePosition("new:1", 99, "Baru", "pelaksana"), [ErrorCode.UNIT_MISSING]),
    (CreatePosition("new:1", 12, "", "pelaksana"), [ErrorCode.POSITION_TITLE_BLANK]),
    (CreatePosition("new:1", 12, "Baru", "menteri"), [ErrorCode.POSITION_KIND_UNKNOWN]),
    (CreatePosition("new:1", 12, "Baru", "fungsional"), [ErrorCode.POSITION_JENJANG_INVALID]),
    (
        CreatePosition("new:1", 12, "Baru", "pelaksana", jenjang="ahli_muda"),
        [ErrorCode.POSITION_JENJANG_INVALID],
    ),
    (CreatePosition("new:1", 12, "Baru", "pelaksana", kelas=18), [ErrorCode.POSITION_KELAS_RANGE]),
    (
        CreatePosition("new:1", 12, "Baru", "pengawas", eselon="IIa"),
        [ErrorCode.POSITION_ESELON_INVALID],
    ),
    (
        CreatePosition("new:1", 12, "Baru", "pelaksana", role="koordinator"),
        [ErrorCode.POSITION_ROLE_INVALID],
    ),
    (
        CreatePosition("new:1", 12, "Baru", "pelaksana", is_unit_head=True),
        [ErrorCode.POSITION_HEAD_NOT_MANAGERIAL, ErrorCode.POSITION_HEAD_TAKEN],
    ),
    (
        CreatePosition("new:1", 12, "Baru", "pelaksana", reports_to=999),
        [ErrorCode.POSITION_REPORTS_TO_MISSING],
    ),
    (MovePosition(999, 12), [ErrorCode.POSITION_MISSING]),
    (MovePosition(114, 999), [ErrorCode.UNIT_MISSING]),
    (MovePosition(103, 15), [ErrorCode.POSITION_IS_UNIT_HEAD]),
    (MovePosition(114, 12), [ErrorCode.OPERATION_NOOP]),
    (MovePosition(114, 15, reports_to=114), [ErrorCode.POSITION_REPORTS_TO_SELF]),
    (AbolishPosition(999), [ErrorCode.POSITION_MISSING]),
    (AbolishPosition(111, incumbents_to=999), [ErrorCode.POSITION_TARGET_MISSING]),
    (AbolishPosition(111, incumbents_to=111), [ErrorCode.POSITION_TARGET_SELF]),
    (AbolishPosition(114, duties_to=114), [ErrorCode.POSITION_TARGET_SELF]),
    (AbolishPosition(111, incumbents_to=103), [ErrorCode.POSITION_TARGET_SINGLE_HOLDER]),
    (ConvertPosition(999), [ErrorCode.POSITION_MISSING]),
    (ConvertPosition(101), [ErrorCode.POSITION_NOT_CONVERTIBLE]),
    (ConvertPosition(110), [ErrorCode.POSITION_NOT_CONVERTIBLE]),
    (ConvertPosition(104, role="ketua"), [ErrorCode.POSITION_ROLE_INVALID]),
    (ConvertPosition(104, title="Analis X"), [ErrorCode.POSITION_TITLE_TAKEN]),
    (ConvertPosition(104, kelas=0), [ErrorCode.POSITION_KELAS_RANGE]),
    (ChangeReportingLine(999, 101), [ErrorCode.POSITION_MISSING]),
    (ChangeReportingLine(114, 999), [ErrorCode.POSITION_REPORTS_TO_MISSING]),
    (ChangeReportingLine(114, 114), [ErrorCode.POSITION_REPORTS_TO_SELF]),
    (ChangeReportingLine(103, 111), [ErrorCode.POSITION_REPORTING_CYCLE]),
    (ChangeReportingLine(114, 103), [ErrorCode.OPERATION_NOOP]),
    # Duties
    (MoveDuty(99, 110), [ErrorCode.DUTY_MISSING]),
    (MoveDuty(1, 999), [ErrorCode.POSITION_MISSING]),
    (MoveDuty(1, 110), [ErrorCode.OPERATION_NOOP]),
    (ChangeDuty(99, volume=Decimal(1)), [ErrorCode.DUTY_MISSING]),
    (ChangeDuty(1, volume=Decimal(-1)), [ErrorCode.DUTY_VOLUME_NEGATIVE]),
    (ChangeDuty(1, time_norm=Decimal(0)), [ErrorCode.DUTY_NORM_NOT_POSITIVE]),
    (ChangeDuty(1, volume=Decimal(1200)), [ErrorCode.OPERATION_NOOP]),
    (ChangeDuty(1), [ErrorCode.OPERATION_NOOP]),
    (RemoveDuty(99), [ErrorCode.DUTY_MISSING]),
]


@pytest.mark.parametrize(("operation", "codes"), ERROR_CASES, ids=lambda v: getattr(v, "kind", ""))
def test_operation_errors(operation, codes):
    g = small_city()
    errors = operation.validate(g)
    assert [e.code for e in errors] == codes
    assert all(e.message for e in errors)


def test_errors_on_structures_built_by_earlier_operations():
    g = CreateUnit("new:1", 10, "bidang", "Z", "Bidang Z").run(small_city())
    assert [e.code for e in CreateUnit("new:1", 10, "bidang", "Y", "Y").validate(g)] == [
        ErrorCode.UNIT_EXISTS
    ]
    g = CreatePosition("new:2", 12, "Baru", "pelaksana").run(g)
    assert [e.code for e in CreatePosition("new:2", 12, "Lain", "pelaksana").validate(g)] == [
        ErrorCode.POSITION_EXISTS
    ]
    clash = _with_clashing_title()
    for op in (MergeUnits(13, 11), AbolishUnit(13, positions_to=11), MovePosition(111, 11)):
        errors = op.validate(clash)
        assert [e.code for e in errors] == [ErrorCode.POSITION_TITLE_TAKEN], op
        assert "“Analis X”" in errors[0].message
    cycle = MovePosition(114, 13, reports_to=111).validate(
        ChangeReportingLine(104, 114).run(small_city())
    )
    assert [e.code for e in cycle] == [ErrorCode.POSITION_REPORTING_CYCLE]


def test_every_error_code_is_exercised():
    seen = {code for _op, codes in ERROR_CASES for code in codes}
    seen |= {ErrorCode.UNIT_EXISTS, ErrorCode.POSITION_EXISTS, ErrorCode.UNIT_NOT_EMPTY}
    seen |= {
        ErrorCode.POSITION_HAS_INCUMBENTS,
        ErrorCode.UNIT_KIND_UNKNOWN,
        ErrorCode.UNIT_CODE_BLANK,
    }
    seen |= {ErrorCode.UNIT_NAME_BLANK, ErrorCode.POSITION_REPORTING_CYCLE}
    # operation.unknown / operation.params are raised by operation_from (test_graph).
    seen |= {ErrorCode.OPERATION_UNKNOWN, ErrorCode.OPERATION_PARAMS}
    assert seen == set(ErrorCode)


def test_operations_do_not_touch_the_graph_they_start_from():
    g = small_city()
    snapshot = (dict(g.units), dict(g.positions), dict(g.duties))
    for op in (
        MergeUnits(15, 12),
        ConvertPosition(104),
        AbolishPosition(111, incumbents_to=114),
        MoveDuty(1, 114),
        AbolishUnit(15, positions_to=11, children_to=12),
    ):
        op.run(g)
    assert (dict(g.units), dict(g.positions), dict(g.duties)) == snapshot
    assert tuple(g.unit_positions(15)) == (106,)
