"""Selectors behind the web pages: exact results and constant query counts."""

from __future__ import annotations

import datetime as dt

import pytest

from penata.accounts.scope import reach_of
from penata.org import selectors
from penata.people import privacy as people_privacy
from penata.people import selectors as people_selectors
from tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    UnitFactory,
    UserFactory,
)
from tests.web.orgdata import build_org

pytestmark = pytest.mark.django_db


def chain_of_units(instansi, height: int, prefix: str):
    """A root with a single line of descendants `height` levels deep, plus a sibling each."""
    root = UnitFactory(instansi=instansi, kind="dinas", name=f"{prefix} 0")
    units = [root]
    parent = root
    for level in range(1, height + 1):
        child = UnitFactory(
            instansi=instansi, parent=parent, kind="bidang", name=f"{prefix} {level}"
        )
        UnitFactory(instansi=instansi, parent=parent, kind="seksi", name=f"{prefix} {level}b")
        units.append(child)
        parent = child
    return root, units


def test_subtree_of_depth_2_and_depth_6_take_one_query_each(django_assert_num_queries):
    instansi = InstansiFactory()
    shallow, _ = chain_of_units(instansi, 2, "Dangkal")
    deep, _ = chain_of_units(instansi, 6, "Dalam")

    with django_assert_num_queries(1):
        shallow_names = [u.name for u in selectors.unit_subtree(shallow)]
    with django_assert_num_queries(1):
        deep_names = [u.name for u in selectors.unit_subtree(deep)]

    assert shallow_names[0] == "Dangkal 0"
    assert sorted(shallow_names) == [
        "Dangkal 0",
        "Dangkal 1",
        "Dangkal 1b",
        "Dangkal 2",
        "Dangkal 2b",
    ]
    assert deep_names[0] == "Dalam 0"
    assert sorted(deep_names) == sorted(
        [f"Dalam {i}" for i in range(7)] + [f"Dalam {i}b" for i in range(1, 7)]
    )


def test_ancestors_come_root_first_in_one_query(django_assert_num_queries):
    instansi = InstansiFactory()
    _, units = chain_of_units(instansi, 6, "Lapis")
    leaf = units[-1]

    with django_assert_num_queries(1):
        ancestors = selectors.unit_ancestors(leaf)

    assert [u.name for u in ancestors] == [f"Lapis {i}" for i in range(6)]


def test_ancestor_map_serves_many_units_in_one_query(django_assert_num_queries):
    instansi = InstansiFactory()
    _, units = chain_of_units(instansi, 4, "Peta")

    with django_assert_num_queries(1):
        found = selectors.unit_ancestor_map(units)

    assert [u.name for u in found[units[4].id]] == ["Peta 0", "Peta 1", "Peta 2", "Peta 3"]
    assert found[units[0].id] == []


def reporting_line(unit, length: int):
    top = PositionFactory(unit=unit, title="Posisi 0", kind="jpt_madya")
    positions = [top]
    for i in range(1, length + 1):
        positions.append(PositionFactory(unit=unit, title=f"Posisi {i}", reports_to=positions[-1]))
    for p in positions:
        AssignmentFactory(position=p, employee=EmployeeFactory(instansi=unit.instansi))
    return positions


@pytest.mark.parametrize("length", [2, 6])
def test_reporting_chain_takes_three_queries_whatever_its_length(length, django_assert_num_queries):
    unit = UnitFactory()
    positions = reporting_line(unit, length)

    with django_assert_num_queries(3):
        chain = selectors.position_reporting_chain(positions[-1])
        holders = [len(p.incumbents) for p in chain]

    assert [p.title for p in chain] == [f"Posisi {i}" for i in range(length - 1, -1, -1)]
    assert holders == [1] * length


def test_unit_tree_level_annotates_children_and_head_title(django_assert_num_queries):
    org = build_org()
    admin = org.users["admin"]
    reach_of(admin)

    with django_assert_num_queries(1):
        roots = list(selectors.unit_tree_level(admin, instansi=org.instansi))
    with django_assert_num_queries(1):
        level = list(selectors.unit_tree_level(admin, instansi=org.instansi, parent=org.root))

    assert [(u.name, u.child_count) for u in roots] == [("Pemerintah Kota Surakarta", 2)]
    assert [(u.name, u.child_count, u.head_title) for u in level] == [
        ("Sekretariat Daerah", 0, "Sekretaris Daerah"),
        ("Dinas Kesehatan", 1, "Kepala Dinas Kesehatan"),
    ]


def test_unit_tree_level_on_a_past_date_leaves_out_later_units():
    org = build_org()
    UnitFactory(
        instansi=org.instansi,
        parent=org.root,
        name="Badan Riset dan Inovasi Daerah",
        valid_from=dt.date(2025, 1, 1),
    )
    admin = org.users["admin"]

    now = selectors.unit_tree_level(admin, instansi=org.instansi, parent=org.root)
    then = selectors.unit_tree_level(
        admin, instansi=org.instansi, parent=org.root, as_of=dt.date(2024, 6, 1)
    )

    assert "Badan Riset dan Inovasi Daerah" in [u.name for u in now]
    assert [u.name for u in then] == ["Sekretariat Daerah", "Dinas Kesehatan"]


def test_unit_tree_level_is_empty_for_a_user_of_no_instansi():
    org = build_org()
    assert list(selectors.unit_tree_level(org.users["nobody"], instansi=org.instansi)) == []


def test_instansi_summary_counts_units_positions_vacancies_and_active_staff():
    org = build_org()
    EmployeeFactory(instansi=org.instansi, status="pensiun")

    summary = selectors.instansi_summary(org.users["kadis"], instansi=org.instansi)

    assert summary == selectors.InstansiSummary(
        units=5, perangkat_daerah=2, positions=5, vacant_positions=1, employees=4
    )


def test_headcount_counts_a_subtree_once_per_person():
    org = build_org()

    headcount = selectors.unit_headcount(org.dinkes)

    assert headcount.total == 3
    assert headcount.by_kind == {"pns": 3}
    assert headcount.by_golongan == {"III/a": 1, "III/d": 1, "IV/b": 1}
    assert headcount.positions == 4
    assert headcount.vacant_positions == 1


def test_unit_chart_nests_units_with_heads_and_counts():
    org = build_org()

    tree = selectors.unit_chart(org.dinkes)

    assert tree["name"] == "Dinas Kesehatan"
    assert tree["head_title"] == "Kepala Dinas Kesehatan"
    assert tree["holder"] == "dr. Ratna Dewi"
    assert (tree["positions"], tree["people"]) == (1, 1)
    bidang = tree["children"][0]
    assert (bidang["name"], bidang["holder"], bidang["acting"]) == (
        "Bidang Pelayanan Kesehatan",
        "Budi Prasetyo",
        "plt",
    )
    seksi = bidang["children"][0]
    assert (seksi["name"], seksi["holder"], seksi["positions"], seksi["people"]) == (
        "Seksi Rujukan",
        "",
        2,
        1,
    )
    assert seksi["children"] == []


def test_unit_chart_is_empty_for_a_unit_not_in_force_on_the_date():
    org = build_org()
    assert selectors.unit_chart(org.dinkes, as_of=dt.date(2019, 1, 1)) == {}


@pytest.mark.parametrize("height", [2, 6])
def test_unit_chart_takes_five_queries_whatever_the_depth(height, django_assert_num_queries):
    instansi = InstansiFactory()
    root, units = chain_of_units(instansi, height, "Bagan")
    for unit in units:
        head = PositionFactory(unit=unit, title=f"Kepala {unit.name}", is_unit_head=True)
        AssignmentFactory(position=head, employee=EmployeeFactory(instansi=instansi))

    with django_assert_num_queries(5):
        tree = selectors.unit_chart(root)

    depth = 0
    node = tree
    while node["children"]:
        node = next(c for c in node["children"] if c["children"] or c["name"].endswith(str(height)))
        depth += 1
    assert depth == height
    assert node["holder"] != ""


def test_position_chart_follows_reporting_lines_in_two_queries(django_assert_num_queries):
    org = build_org()

    with django_assert_num_queries(2):
        roots = selectors.position_chart(org.dinkes)

    assert [r["title"] for r in roots] == ["Kepala Dinas Kesehatan"]
    kabid = roots[0]["children"][0]
    assert (kabid["title"], kabid["holder"], kabid["acting"]) == (
        "Kepala Bidang Pelayanan Kesehatan",
        "Budi Prasetyo",
        "plt",
    )
    kasi = kabid["children"][0]
    assert (kasi["title"], kasi["holder"], kasi["holders"]) == ("Kepala Seksi Rujukan", "", 0)
    assert [c["title"] for c in kasi["children"]] == ["Pengelola Data Rujukan"]


def test_position_chart_survives_a_reporting_cycle():
    unit = UnitFactory()
    a = PositionFactory(unit=unit, title="A")
    b = PositionFactory(unit=unit, title="B", reports_to=a)
    a.reports_to = b
    a.save()

    roots = selectors.position_chart(unit)

    assert [r["title"] for r in roots] == ["A"]
    assert [c["title"] for c in roots[0]["children"]] == ["B"]
    assert roots[0]["children"][0]["children"] == []


def test_subordinates_are_direct_reports_with_incumbents():
    org = build_org()

    subordinates = list(selectors.position_subordinates(org.kasi))

    assert [p.title for p in subordinates] == ["Pengelola Data Rujukan"]
    assert [a.employee.name for a in subordinates[0].incumbents] == ["Sri Wahyuni"]


def test_perangkat_daerah_map_finds_the_nearest_perangkat_daerah():
    org = build_org()

    found = selectors.unit_perangkat_daerah_map([org.seksi, org.dinkes, org.root])

    assert found[org.seksi.id] == org.dinkes
    assert found[org.dinkes.id] == org.dinkes
    assert org.root.id not in found


def test_public_unit_list_carries_titles_and_no_personal_data():
    org = build_org()

    units = selectors.public_unit_list(org.instansi)

    assert [(u.name, u.depth, u.head_title) for u in units] == [
        ("Pemerintah Kota Surakarta", 0, ""),
        ("Sekretariat Daerah", 1, "Sekretaris Daerah"),
        ("Dinas Kesehatan", 1, "Kepala Dinas Kesehatan"),
        ("Bidang Pelayanan Kesehatan", 2, "Kepala Bidang Pelayanan Kesehatan"),
    ]
    assert set(selectors.PublicUnit.__dataclass_fields__) == {
        "id",
        "name",
        "kind",
        "kind_label",
        "depth",
        "head_title",
    }


def test_visible_employee_ids_keeps_only_what_the_actor_may_open(django_assert_num_queries):
    org = build_org()
    everyone = {org.hadi.id, org.ratna.id, org.budi.id, org.sri.id}
    pegawai = org.users["pegawai"]
    reach_of(pegawai)

    with django_assert_num_queries(1):
        visible = people_selectors.visible_employee_ids(pegawai, everyone)

    assert visible == {org.sri.id}
    assert people_selectors.visible_employee_ids(org.users["kadis"], everyone) == {
        org.ratna.id,
        org.budi.id,
        org.sri.id,
    }
    assert people_selectors.visible_employee_ids(org.users["admin"], everyone) == everyone


def test_specific_data_is_for_admin_and_the_employee_only():
    org = build_org()
    current = people_selectors.current_assignments(org.sri)
    scoped_admin = UserFactory(username="admin_dinkes")
    from tests.factories import RoleGrantFactory

    RoleGrantFactory(user=scoped_admin, role="admin", instansi=org.instansi, unit=org.dinkes)
    setda_admin = UserFactory(username="admin_setda")
    RoleGrantFactory(user=setda_admin, role="admin", instansi=org.instansi, unit=org.setda)

    def sees(user):
        return people_privacy.sees_specific_data(user, org.sri, current)

    assert sees(org.users["admin"]) is True
    assert sees(org.users["pegawai"]) is True
    assert sees(scoped_admin) is True
    assert sees(setda_admin) is False
    assert sees(org.users["kadis"]) is False


def test_employee_list_orders_by_golongan_rank():
    org = build_org()
    EmployeeFactory(instansi=org.instansi, name="Pegawai PPPK", kind="pppk", golongan="IX")

    names = [
        e.name
        for e in people_selectors.employee_list(
            org.users["admin"], instansi=org.instansi, order_by=("golongan_rank", "name")
        )
    ]

    assert names == ["Sri Wahyuni", "Budi Prasetyo", "Ratna Dewi", "Hadi Santoso", "Pegawai PPPK"]


def test_public_unit_list_follows_the_tree_with_siblings_by_order_then_name():
    org = build_org()
    UnitFactory(instansi=org.instansi, parent=org.root, kind="badan", name="Badan Z", sort_order=0)
    upt = UnitFactory(instansi=org.instansi, parent=org.root, kind="upt", name="UPT Laboratorium")
    UnitFactory(instansi=org.instansi, parent=upt, kind="seksi", name="Seksi di dalam UPT")

    names = [u.name for u in selectors.public_unit_list(org.instansi)]

    assert names == [
        "Pemerintah Kota Surakarta",
        "Badan Z",
        "Sekretariat Daerah",
        "Dinas Kesehatan",
        "Bidang Pelayanan Kesehatan",
    ]
