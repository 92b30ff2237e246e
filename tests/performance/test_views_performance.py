"""Web pages of the performance section: what each role sees and may do, the curve warning
per organisational predikat, exports, evidence, administration pages; no inline scripts."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from penata.performance.models import (
    Activity,
    Holiday,
    Indicator,
    OrgPredikat,
    PerformanceSettings,
    Realisation,
    Rhk,
    Skp,
)
from penata.performance.services import skp as skp_services
from penata.performance.services.activity import ActivityInput, activity_log

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 17)
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def as_user(city):
    def make(username: str) -> Client:
        client = Client()
        client.force_login(city.users[username])
        return client

    return make


def url(name, *args):
    return reverse(f"performance:{name}", args=args)


def no_inline_script(html: str) -> None:
    assert not re.search(
        r"<script(?![^>]*\bsrc=)[^>]*>(?!</script>)",
        html.replace('type="application/json"', 'src="json"'),
    )


# --- SKP pages ---------------------------------------------------------------------------------


def test_home_offers_to_open_the_plan_then_shows_it(city, as_user):
    client = as_user("agus")
    page = client.get(url("home"))
    assert page.status_code == 200
    assert "SKP tahun 2026 belum dibuat" in page.content.decode()
    created = client.post(url("skp_create"), {"year": "2026"})
    skp = Skp.objects.get(employee=city.people["agus"])
    assert created.status_code == 302 and created["Location"] == url("skp_detail", skp.pk)
    assert client.get(url("home"))["Location"] == url("skp_detail", skp.pk)


def test_rhk_form_adds_an_rhk_and_shows_errors_with_422(city, as_user, plan):
    boss = plan.skp("kasi")
    skp = skp_services.skp_create(actor=city.users["agus"], employee=city.people["agus"], year=2026)
    client = as_user("agus")
    form = client.get(url("rhk_add", skp.pk)).content.decode()
    assert Rhk.objects.get(skp=boss).text in form  # the superior's RHK to intervene
    bad = client.post(
        url("rhk_add", skp.pk),
        {
            "text": "Laporan tersusun",
            "kind": "utama",
            "ind-1-aspect": "kuantitas",
            "ind-1-text": "Jumlah laporan",
            "ind-1-target": "nol",
            "ind-1-unit": "laporan",
        },
    )
    assert (
        bad.status_code == 422
        and "Target indikator ke-1 harus berupa angka." in bad.content.decode()
    )
    assert 'value="Jumlah laporan"' in bad.content.decode()  # kept
    good = client.post(
        url("rhk_add", skp.pk),
        {
            "text": "Laporan tersusun",
            "kind": "utama",
            "parent": Rhk.objects.get(skp=boss).pk,
            "ind-1-aspect": "kuantitas",
            "ind-1-text": "Jumlah laporan",
            "ind-1-target": "1.200,5",
            "ind-1-unit": "laporan",
            "ind-2-aspect": "waktu",
            "ind-2-text": "",
            "ind-2-target": "",
            "ind-2-unit": "",
        },
    )
    assert good.status_code == 302
    rhk = Rhk.objects.get(skp=skp)
    assert (rhk.parent_id, list(rhk.indicators.values_list("target", flat=True))) == (
        Rhk.objects.get(skp=boss).pk,
        [Decimal("1200.50")],
    )


def test_approval_buttons_and_refusals(city, as_user, plan):
    skp = plan.skp("agus", approve=False)
    as_user("agus").post(url("skp_submit", skp.pk))
    assert "approve-skp" in as_user("kasi").get(url("skp_detail", skp.pk)).content.decode()
    assert "approve-skp" not in as_user("kadis").get(url("skp_detail", skp.pk)).content.decode()
    refused = as_user("kabid").post(url("skp_approve", skp.pk))
    assert refused.status_code == 403
    assert "Hanya pejabat penilai" in refused.content.decode()
    assert as_user("agus").post(url("skp_approve", skp.pk)).status_code == 403
    assert as_user("budi").post(url("skp_approve", skp.pk)).status_code == 404  # out of reach
    skp.refresh_from_db()
    assert skp.status == "submitted"
    done = as_user("kasi").post(url("skp_approve", skp.pk))
    assert done.status_code == 302
    skp.refresh_from_db()
    assert (skp.status, skp.version) == ("approved", 1)
    versions = as_user("agus").get(url("skp_versions", skp.pk)).content.decode()
    assert "Versi 1" in versions and "Hasil kerja agus nomor 1" in versions


def test_a_refused_state_is_a_message_not_an_error_page(city, as_user, plan):
    skp = plan.skp("agus", approve=False, kinds=("tambahan",))
    response = as_user("agus").post(url("skp_submit", skp.pk), follow=True)
    assert response.status_code == 200
    assert "SKP perlu paling sedikit satu RHK utama." in response.content.decode()


def test_subordinates_and_cascade_pages(city, as_user, plan):
    boss = plan.skp("kasi")
    parent = Rhk.objects.get(skp=boss)
    page = as_user("kasi").get(url("subordinates")).content.decode()
    for name in ("Agus Prasetyo", "Dewi Lestari", "Nina Kartika"):
        assert name in page
    assert "Budi Rahardjo" not in page
    form = as_user("kasi").get(url("rhk_cascade", parent.pk))
    assert form.status_code == 200
    done = as_user("kasi").post(
        url("rhk_cascade", parent.pk),
        {
            "employees": [city.people["agus"].pk, city.people["dewi"].pk],
            "text": "Berkas klaim terverifikasi",
            "kind": "utama",
            "ind-1-aspect": "kuantitas",
            "ind-1-text": "Jumlah berkas",
            "ind-1-target": "600",
            "ind-1-unit": "berkas",
        },
    )
    assert done.status_code == 200 and "RHK diturunkan ke 2 bawahan" in done.content.decode()
    assert Rhk.objects.filter(parent=parent).count() == 2
    assert as_user("agus").get(url("rhk_cascade", parent.pk)).status_code == 404


def test_evaluation_page_fill_submit_rate(city, as_user, plan):
    skp = plan.skp("nina")
    indicator = Indicator.objects.get(rhk__skp=skp)
    client = as_user("nina")
    saved = client.post(
        url("evaluation_realisation", skp.pk, 1),
        {
            f"real-{indicator.pk}-value": "2",
            f"real-{indicator.pk}-note": "Dua laporan",
            f"real-{indicator.pk}-file": SimpleUploadedFile("bukti.pdf", PDF),
        },
    )
    assert saved.status_code == 302
    realisation = Realisation.objects.get()
    assert client.post(url("evaluation_submit", skp.pk, 1)).status_code == 302
    assert (
        as_user("nina").post(url("evaluation_rate", skp.pk, 1), {"perilaku": "sesuai"}).status_code
        == 403
    )
    rated = as_user("kasi").post(
        url("evaluation_rate", skp.pk, 1),
        {
            f"rate-{indicator.rhk_id}": "di_atas",
            "perilaku": "di_atas",
            "feedback": "Sangat baik",
            "finalise": "1",
        },
    )
    assert rated.status_code == 302
    page = as_user("nina").get(url("evaluation", skp.pk, 1)).content.decode()
    assert "Sangat Baik" in page and "Sangat baik" in page
    # evidence: the employee and the pejabat penilai get the file, a peer does not
    assert as_user("nina").get(url("evidence", realisation.pk)).status_code == 200
    assert as_user("kasi").get(url("evidence", realisation.pk)).status_code == 200
    assert as_user("budi").get(url("evidence", realisation.pk)).status_code == 404


def test_bad_evidence_rerenders_with_422(city, as_user, plan):
    skp = plan.skp("nina")
    indicator = Indicator.objects.get(rhk__skp=skp)
    response = as_user("nina").post(
        url("evaluation_realisation", skp.pk, 1),
        {
            f"real-{indicator.pk}-value": "2",
            f"real-{indicator.pk}-file": SimpleUploadedFile("bukti.exe", b"MZ"),
        },
    )
    assert response.status_code == 422
    assert "Bukti dukung harus PDF, JPG, PNG, DOCX atau XLSX." in response.content.decode()
    assert not Realisation.objects.exists()


def test_annual_evaluation_page_shows_angka_kredit_for_jf(city, as_user, plan):
    skp = plan.skp("nina")
    page = as_user("nina").get(url("evaluation", skp.pk, 0)).content.decode()
    assert "Angka kredit menurut predikat" in page and "18,75" in page and "12,5" in page
    other = plan.skp("agus")
    assert (
        "Angka kredit menurut predikat"
        not in as_user("agus").get(url("evaluation", other.pk, 0)).content.decode()
    )
    assert as_user("agus").get(url("evaluation", other.pk, 9)).status_code == 200
    assert as_user("agus").get(url("evaluation", other.pk, 13)).status_code == 404


# --- activity log ---------------------------------------------------------------------------------


def test_activity_page_records_from_a_phone(city, as_user, plan):
    rhk = Rhk.objects.get(skp=plan.skp("agus"))
    client = as_user("agus")
    page = client.get(url("activity_log"), HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14)")
    html = page.content.decode()
    assert page.status_code == 200 and 'name="viewport"' in html and 'inputmode="numeric"' in html
    assert 'value="2026-06-17"' in html and "Hari kerja belum diisi" in html
    no_inline_script(html)
    done = client.post(
        url("activity_log"),
        {
            "date": "2026-06-17",
            "description": "Memverifikasi berkas",
            "minutes": "45",
            "rhk": rhk.pk,
            "output_count": "3",
        },
    )
    assert done.status_code == 302
    assert list(Activity.objects.values_list("minutes", "rhk_id", "output_count")) == [
        (45, rhk.pk, 3)
    ]
    bad = client.post(
        url("activity_log"), {"date": "2026-06-18", "description": "Besok", "minutes": "45"}
    )
    assert bad.status_code == 422 and "tidak boleh di masa depan" in bad.content.decode()


def test_bulk_approval_page(city, as_user):
    for who in ("agus", "dewi"):
        activity_log(actor=city.users[who], data=ActivityInput(TODAY, f"Kegiatan {who}", 60))
    page = as_user("kasi").get(url("activity_review")).content.decode()
    assert (
        "2 kegiatan bawahan menunggu persetujuan." in page and 'data-check-all="activities"' in page
    )
    done = as_user("kasi").post(url("activity_review"), {"all": "1"}, follow=True)
    assert "2 kegiatan disetujui." in done.content.decode()
    assert set(Activity.objects.values_list("status", flat=True)) == {"approved"}
    foreign = activity_log(actor=city.users["budi"], data=ActivityInput(TODAY, "Kegiatan budi", 30))
    refused = as_user("kasi").post(url("activity_review"), {"activities": [foreign.pk]})
    assert refused.status_code == 403
    assert Activity.objects.get(pk=foreign.pk).status == "pending"


# --- dashboards ---------------------------------------------------------------------------------


CURVES = [
    ("istimewa", {"sangat_baik": 9}, ["kurva.istimewa.sangat_baik_max"]),
    ("baik", {"baik": 9}, ["kurva.baik.baik_max", "kurva.baik.low_required"]),
    ("baik", {"baik": 6, "butuh_perbaikan": 2, "sangat_baik": 1}, []),
    (
        "butuh_perbaikan",
        {"butuh_perbaikan": 3, "baik": 6},
        ["kurva.butuh_perbaikan.butuh_perbaikan_min"],
    ),
    (
        "kurang",
        {"kurang": 5, "sangat_baik": 4},
        [
            "kurva.kurang.kurang_min",
            "kurva.kurang.butuh_perbaikan_min",
            "kurva.kurang.sangat_baik_max",
        ],
    ),
    (
        "sangat_kurang",
        {"sangat_kurang": 6, "kurang": 2, "sangat_baik": 1},
        ["kurva.sangat_kurang.sangat_baik_none"],
    ),
]


@pytest.mark.parametrize(("org", "spread", "codes"), CURVES)
def test_unit_head_sees_the_curve_warning_for_the_org_predikat(city, as_user, org, spread, codes):
    OrgPredikat.objects.create(instansi=city.inst, unit=city.dinas, year=2026, predikat=org)
    staff = ["kabid", "kasi", "agus", "dewi", "nina", "budi", "rina", "fajar", "eko"]
    predikats = [p for p, n in spread.items() for _ in range(n)]
    for who, predikat in zip(staff, predikats, strict=True):
        skp = skp_services.skp_create(actor=city.users[who], employee=city.people[who], year=2026)
        Skp.objects.filter(pk=skp.pk).update(predikat=predikat)
    head = skp_services.skp_create(
        actor=city.users["kadis"], employee=city.people["kadis"], year=2026
    )
    Skp.objects.filter(pk=head.pk).update(
        predikat="sangat_baik"
    )  # the head is left out of the curve
    html = as_user("kadis").get(url("dashboard")).content.decode()
    assert re.findall(r'data-code="([^"]+)"', html) == codes
    if codes:
        assert (
            "Distribusi belum sesuai kurva predikat organisasi (peringatan, bukan larangan)" in html
        )
    else:
        assert 'id="curve-ok"' in html


def test_dashboard_page_live_fragment_and_export(city, as_user, plan):
    plan.skp("agus")
    activity_log(actor=city.users["agus"], data=ActivityInput(TODAY, "Memverifikasi berkas", 60))
    page = as_user("kasi").get(url("dashboard"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'hx-trigger="every 2s"' in html and 'id="live-activities">1<' in html
    assert "vendor/echarts/echarts.min.js" in html and "performance/performance.js" in html
    no_inline_script(html)
    live = as_user("kasi").get(url("dashboard_live") + "?lingkup=bawahan").content.decode()
    assert live.count('id="live"') == 1 and 'id="live-logged">1<' in live and "<html" not in live
    export = as_user("kasi").get(url("dashboard_export") + "?lingkup=bawahan")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Nama", "Jabatan", "Unit", "Status SKP")
    assert [r[0] for r in rows[1:]] == ["Agus Prasetyo", "Dewi Lestari", "Nina Kartika"]
    assert rows[1][3:6] == ("Disetujui", "Ya", "Ya")


def test_dashboard_access(city, as_user):
    assert as_user("agus").get(url("dashboard")).status_code == 403
    assert as_user("analis").get(url("dashboard")).status_code == 403
    assert as_user("kadis").get(url("dashboard") + f"?lingkup={city.badan.pk}").status_code == 404
    assert as_user("admin").get(url("dashboard") + f"?lingkup={city.badan.pk}").status_code == 200
    assert as_user("kasi").get(url("person", city.people["agus"].pk)).status_code == 200
    assert as_user("kasi").get(url("person", city.people["budi"].pk)).status_code == 404
    assert Client().get(url("dashboard")).status_code == 302


def test_city_page_and_export(city, as_user):
    OrgPredikat.objects.create(instansi=city.inst, unit=city.dinas, year=2026, predikat="baik")
    activity_log(actor=city.users["agus"], data=ActivityInput(TODAY, "Memverifikasi berkas", 60))
    for who in ("admin", "auditor"):
        html = as_user(who).get(url("city")).content.decode()
        assert (
            'id="city-table"' in html
            and "Dinas Kesehatan" in html
            and 'id="city-logged">1<' in html
        )
    assert as_user("kadis").get(url("city")).status_code == 403
    export = as_user("auditor").get(url("city_export") + "?urut=nama")
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert [(r[0], r[1], r[2], r[5]) for r in rows[1:]] == [
        (1, "BKPSDM", 1, 0),
        (2, "Dinas Kesehatan", 10, 1),
    ]


# --- administration ---------------------------------------------------------------------------


def test_settings_page_is_for_admin(city, as_user):
    assert as_user("kadis").get(url("settings")).status_code == 403
    client = as_user("admin")
    assert client.get(url("settings")).status_code == 200
    saved = client.post(
        url("settings"),
        {
            "frequency": "quarterly",
            "grace_days": "14",
            "evidence_max_kb": "4096",
            "backdate_days": "7",
            "working_weekdays": "012345",
            "ak-ahli_pertama": "15",
        },
    )
    assert saved.status_code == 302
    row = PerformanceSettings.objects.get(instansi=city.inst)
    assert (row.frequency, row.grace_days, row.evidence_max_kb, row.backdate_days, row.reminders_enabled,
            row.ak_coefficients) == ("quarterly", 14, 4096, 7, False, {"ahli_pertama": "15"})  # fmt: skip
    bad = client.post(
        url("settings"),
        {
            "frequency": "monthly",
            "grace_days": "14",
            "evidence_max_kb": "4096",
            "backdate_days": "7",
            "working_weekdays": "0178",
        },
    )
    assert bad.status_code == 422


def test_calendar_page_lists_2026_and_adds_a_local_day(city, as_user):
    client = as_user("admin")
    html = client.get(url("calendar") + "?tahun=2026").content.decode()
    assert "Idul Fitri 1447 H (hari pertama)" in html and "SKB 3 Menteri" in html
    assert "perkiraan" in html
    saved = client.post(
        url("calendar"),
        {"date": "2026-02-17", "name": "Hari Jadi Kota Surakarta", "kind": "daerah"},
    )
    assert saved.status_code == 302
    local = Holiday.objects.get(instansi=city.inst)
    assert (local.date, local.kind) == (dt.date(2026, 2, 17), "daerah")
    national = Holiday.objects.get(instansi=None, date=dt.date(2026, 12, 25))
    assert client.post(url("holiday_delete", national.pk)).status_code == 403  # superuser only
    assert client.post(url("holiday_delete", local.pk)).status_code == 302
    assert not Holiday.objects.filter(instansi=city.inst).exists()
    assert as_user("kadis").get(url("calendar")).status_code == 403


def test_org_predikat_page(city, as_user):
    client = as_user("admin")
    assert "Dinas Kesehatan" in client.get(url("org_predikat")).content.decode()
    client.post(
        url("org_predikat"),
        {"unit": city.dinas.pk, "year": "2026", "predikat": "istimewa", "note": "LKjIP"},
    )
    assert OrgPredikat.objects.get(unit=city.dinas).predikat == "istimewa"
    client.post(url("org_predikat"), {"unit": city.dinas.pk, "year": "2026", "predikat": ""})
    assert not OrgPredikat.objects.exists()
    assert (
        as_user("kadis")
        .post(url("org_predikat"), {"unit": city.dinas.pk, "year": "2026", "predikat": "baik"})
        .status_code
        == 403
    )
    assert not OrgPredikat.objects.exists()
