"""Pages of the organisation structure: tree, unit, position, org chart."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize(
    "name,args",
    [
        ("org:unit_tree", []),
        ("org:unit_detail", ["dinkes"]),
        ("org:unit_children", ["dinkes"]),
        ("org:unit_chart", ["dinkes"]),
        ("org:unit_chart_data", ["dinkes"]),
        ("org:position_detail", ["kadis"]),
    ],
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, org, name, args):
    url = reverse(name, args=[getattr(org, a).pk for a in args])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


def test_an_account_without_role_or_employee_record_gets_a_403_that_says_why(as_user):
    response = as_user("nobody").get(reverse("org:unit_tree"))

    assert response.status_code == 403
    assert "Akun Anda belum terhubung dengan data pegawai" in html(response)


def test_unit_tree_opens_on_the_perangkat_daerah(as_user, org):
    response = as_user("pegawai").get(reverse("org:unit_tree"))

    assert response.status_code == 200
    page = html(response)
    assert "Pemerintah Kota Surakarta" in page
    assert page.index("Sekretariat Daerah") < page.index("Dinas Kesehatan")
    assert "Sekretaris Daerah" in page  # the head's title when it says more than the name
    assert "Kepala Dinas Kesehatan" not in page  # … and not when it only repeats it
    # Deeper levels load on demand.
    assert "Bidang Pelayanan Kesehatan" not in page
    assert reverse("org:unit_children", args=[org.dinkes.pk]) in page


def test_unit_children_fragment_lists_one_level(as_user, org):
    response = as_user("pegawai").get(
        reverse("org:unit_children", args=[org.dinkes.pk]), HTTP_HX_REQUEST="true"
    )

    page = html(response)
    assert response.status_code == 200
    assert "<html" not in page
    assert "Bidang Pelayanan Kesehatan" in page
    assert "Seksi Rujukan" not in page


def test_unit_tree_search_finds_by_name_with_the_path_above(as_user, org):
    response = as_user("pegawai").get(reverse("org:unit_tree"), {"q": "rujukan"})

    page = html(response)
    assert "1 unit cocok dengan “rujukan”." in page
    assert "Seksi Rujukan" in page
    assert "Pemerintah Kota Surakarta › Dinas Kesehatan › Bidang Pelayanan Kesehatan" in page


def test_unit_tree_live_search_answers_htmx_with_the_results_only(as_user, org):
    response = as_user("pegawai").get(
        reverse("org:unit_tree"), {"q": "1.02.03"}, HTTP_HX_REQUEST="true"
    )

    page = html(response)
    assert "<html" not in page
    assert "2 unit cocok dengan “1.02.03”." in page


def test_unit_tree_search_without_match_explains_what_to_try(as_user):
    response = as_user("pegawai").get(reverse("org:unit_tree"), {"q": "Dinas Pariwisata"})

    assert "Tidak ada unit yang cocok dengan “Dinas Pariwisata”." in html(response)


def test_unit_tree_on_a_past_date_shows_the_structure_then(as_user, org):
    UnitFactory(
        instansi=org.instansi,
        parent=org.root,
        name="Badan Riset dan Inovasi Daerah",
        valid_from=dt.date(2025, 1, 1),
    )
    client = as_user("pegawai")

    now = html(client.get(reverse("org:unit_tree")))
    then = html(client.get(reverse("org:unit_tree"), {"tanggal": "2024-06-01"}))

    assert "Badan Riset dan Inovasi Daerah" in now
    assert "Badan Riset dan Inovasi Daerah" not in then
    assert "Menampilkan struktur yang berlaku pada 1 Juni 2024." in then


def test_unit_page_shows_breadcrumbs_positions_incumbents_and_vacancies(as_user, org):
    response = as_user("kadis").get(reverse("org:unit_detail", args=[org.seksi.pk]))

    assert response.status_code == 200
    page = html(response)
    for ancestor in ("Pemerintah Kota Surakarta", "Dinas Kesehatan", "Bidang Pelayanan Kesehatan"):
        assert f">{ancestor}</a></li>" in page
    assert "Kepala Seksi Rujukan" in page
    assert "Pengelola Data Rujukan" in page
    assert page.count("row-vacant") == 1  # the kepala seksi post
    assert f'href="{reverse("people:employee_detail", args=[org.sri.pk])}">Sri Wahyuni</a>' in page
    assert reverse("org:unit_chart", args=[org.seksi.pk]) in page


def test_unit_page_shows_plt_badge_and_headcount(as_user, org):
    response = as_user("kadis").get(reverse("org:unit_detail", args=[org.dinkes.pk]))

    page = html(response)
    assert "Bidang Pelayanan Kesehatan" in page  # sub-unit list
    charts = json.loads(page.split('id="unit-charts" type="application/json">')[1].split("<")[0])
    assert charts["by_kind"] == [{"name": "PNS", "value": 3}]
    assert charts["by_golongan"] == [
        {"name": "III/a", "value": 1},
        {"name": "III/d", "value": 1},
        {"name": "IV/b", "value": 1},
    ]
    assert charts["by_position_kind"] == [
        {"name": "JPT Pratama", "value": 1},
        {"name": "Administrator", "value": 1},
        {"name": "Pelaksana", "value": 1},
    ]
    bidang_page = html(as_user("kadis").get(reverse("org:unit_detail", args=[org.bidang.pk])))
    assert 'title="Pelaksana tugas">Plt</span>' in bidang_page


def test_incumbents_outside_the_viewers_reach_are_named_but_not_linked(as_user, org):
    page = html(as_user("pegawai").get(reverse("org:unit_detail", args=[org.dinkes.pk])))

    assert "<span>dr. Ratna Dewi</span>" in page
    assert reverse("people:employee_detail", args=[org.ratna.pk]) not in page


def test_unit_page_of_a_missing_unit_is_404(as_user):
    response = as_user("admin").get(reverse("org:unit_detail", args=[999999]))

    assert response.status_code == 404
    assert "Data tidak ditemukan (unit)." in html(response)


def test_unit_of_another_instansi_is_404(as_user, org):
    other = UnitFactory(
        instansi=InstansiFactory(code="3311", name="Pemerintah Kabupaten Sukoharjo")
    )

    for name in ("org:unit_detail", "org:unit_chart", "org:unit_chart_data", "org:unit_children"):
        response = as_user("kadis").get(reverse(name, args=[other.pk]))
        assert response.status_code == 404, name


def test_unit_page_queries_do_not_grow_with_positions(as_user, org):
    client = as_user("kadis")
    url = reverse("org:unit_detail", args=[org.seksi.pk])
    client.get(url)
    few = count_queries(client, url)
    for i in range(15):
        position = PositionFactory(
            unit=org.seksi, title=f"Pranata Komputer {i}", reports_to=org.kasi
        )
        for _ in range(2):
            AssignmentFactory(position=position, employee=EmployeeFactory(instansi=org.instansi))

    many = count_queries(client, url)

    assert many == few
    assert "Pranata Komputer 14" in html(client.get(url))


def test_unit_page_paginates_positions_by_fifty(as_user, org):
    for i in range(52):
        PositionFactory(unit=org.seksi, title=f"Pengadministrasi {i:02d}", reports_to=org.kasi)
    client = as_user("kadis")
    url = reverse("org:unit_detail", args=[org.seksi.pk])

    first = html(client.get(url))
    second = html(client.get(url, {"halaman": 2}))

    assert "Menampilkan 1–50 dari 54" in first
    assert "Menampilkan 51–54 dari 54" in second
    assert "Pengadministrasi 51" in second and "Pengadministrasi 51" not in first


def test_position_page_shows_duties_chain_subordinates_and_history(as_user, org):
    response = as_user("kadis").get(reverse("org:position_detail", args=[org.pengelola.pk]))

    assert response.status_code == 200
    page = html(response)
    assert "Menghimpun data rujukan pasien dari puskesmas" in page
    assert "12 / bulan" in page
    assert "90 menit" in page
    assert "4 / tahun" in page
    chain = page[page.index("Garis pelaporan") :]
    order = [
        "Wali Kota",
        "Sekretaris Daerah",
        "Kepala Dinas Kesehatan",
        "Kepala Bidang Pelayanan Kesehatan",
        "Kepala Seksi Rujukan",
        "Pengelola Data Rujukan",
    ]
    assert [chain.index(title) for title in order] == sorted(chain.index(t) for t in order)
    history = page[page.index("Riwayat pemangku") :]
    assert history.count("Sri Wahyuni") == 2
    assert "2 Jan 2019" in history
    assert "31 Des 2020" in history


def test_position_page_lists_direct_subordinates(as_user, org):
    page = html(as_user("kadis").get(reverse("org:position_detail", args=[org.kabid.pk])))

    section = page[page.index("Bawahan langsung") : page.index("Riwayat pemangku")]
    assert "Kepala Seksi Rujukan" in section
    assert "Lowong" in section


def test_vacant_position_says_so(as_user, org):
    page = html(as_user("kadis").get(reverse("org:position_detail", args=[org.kasi.pk])))

    assert "Jabatan ini sedang lowong." in page
    assert "Jabatan ini belum pernah diisi." in page


def test_missing_position_is_404(as_user):
    assert as_user("kadis").get(reverse("org:position_detail", args=[999999])).status_code == 404


def test_org_chart_page_points_at_its_data(as_user, org):
    response = as_user("pegawai").get(
        reverse("org:unit_chart", args=[org.dinkes.pk]), {"tanggal": "2024-01-31"}
    )

    page = html(response)
    assert response.status_code == 200
    assert (
        f'data-url="{reverse("org:unit_chart_data", args=[org.dinkes.pk])}?tanggal=2024-01-31"'
        in page
    )
    assert "vendor/echarts/echarts.min.js" in page
    assert "penata/orgchart.js" in page
    texts = json.loads(page.split('id="orgchart-text" type="application/json">')[1].split("<")[0])
    assert texts["vacant"] == "Lowong"
    assert texts["unit_kinds"]["dinas"] == "Dinas"


def test_org_chart_data_is_the_unit_tree(as_user, org):
    response = as_user("pegawai").get(reverse("org:unit_chart_data", args=[org.bidang.pk]))

    assert response.status_code == 200
    assert response.json() == {
        "mode": "unit",
        "roots": [
            {
                "id": org.bidang.pk,
                "name": "Bidang Pelayanan Kesehatan",
                "kind": "bidang",
                "kind_label": "Bidang",
                "head_title": "Kepala Bidang Pelayanan Kesehatan",
                "holder": "Budi Prasetyo",
                "acting": "plt",
                "positions": 1,
                "people": 1,
                "children": [
                    {
                        "id": org.seksi.pk,
                        "name": "Seksi Rujukan",
                        "kind": "seksi",
                        "kind_label": "Seksi",
                        "head_title": "Kepala Seksi Rujukan",
                        "holder": "",
                        "acting": "",
                        "positions": 2,
                        "people": 1,
                        "children": [],
                    }
                ],
            }
        ],
    }


def test_org_chart_data_in_position_mode_follows_reporting_lines(as_user, org):
    response = as_user("pegawai").get(
        reverse("org:unit_chart_data", args=[org.seksi.pk]), {"mode": "jabatan"}
    )

    body = response.json()
    assert body["mode"] == "jabatan"
    assert [(r["title"], r["holder"]) for r in body["roots"]] == [("Kepala Seksi Rujukan", "")]
    assert [(c["title"], c["holder"]) for c in body["roots"][0]["children"]] == [
        ("Pengelola Data Rujukan", "Sri Wahyuni")
    ]


def test_org_chart_data_before_the_unit_existed_is_a_404_with_a_reason(as_user, org):
    response = as_user("pegawai").get(
        reverse("org:unit_chart_data", args=[org.dinkes.pk]), {"tanggal": "2019-01-01"}
    )

    assert response.status_code == 404
    assert response.json()["code"] == "unit.not_in_force"


def count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_org_chart_data_queries_do_not_grow_with_depth(as_user, org):
    client = as_user("pegawai")
    url = reverse("org:unit_chart_data", args=[org.dinkes.pk])
    client.get(url)
    shallow = count_queries(client, url)
    parent = org.seksi
    for level in range(4):
        parent = UnitFactory(
            instansi=org.instansi, parent=parent, kind="kelompok_fungsional", name=f"Tim {level}"
        )
        head = PositionFactory(unit=parent, title=f"Ketua Tim {level}", is_unit_head=True)
        AssignmentFactory(position=head, employee=EmployeeFactory(instansi=org.instansi))

    deep = count_queries(client, url)

    assert deep == shallow
    assert "Ketua Tim 3" in json.dumps(client.get(url).json())


def test_an_expired_session_during_an_htmx_swap_redirects_the_whole_page(client, org):
    response = client.get(
        reverse("org:unit_children", args=[org.dinkes.pk]),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/org/?tanggal=2024-01-01",
    )

    assert response.status_code == 204
    assert (
        response["HX-Redirect"] == f"{reverse('accounts:login')}?next=/org/%3Ftanggal%3D2024-01-01"
    )
