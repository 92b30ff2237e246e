"""Web import and export: who may use them, and the upload → preview → confirm → done flow
with the tasks run by django-tasks' immediate backend."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from python_calamine import CalamineWorkbook

from penata.people.models import Employee, ImportJob
from tests.factories import EmployeeFactory, RoleGrantFactory, UnitFactory, UserFactory
from tests.people.test_import_support import (
    EMPLOYEE_HEADER,
    EMPLOYEE_ROWS,
    fingerprint,
    load_structure,
    write_xlsx,
)

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = IMMEDIATE


def user_with(role, instansi, unit=None):
    grant = RoleGrantFactory(role=role, instansi=instansi, unit=unit)
    return grant.user


def upload(tmp_path, header, rows, name="pegawai.xlsx"):
    path = write_xlsx(tmp_path / name, header, rows)
    return SimpleUploadedFile(name, path.read_bytes())


def workbook_rows(content: bytes) -> list[list]:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()


PAGES = [
    ("people:import_home", {}),
    ("people:import_template", {"kind": "employees"}),
    ("people:export", {"kind": "units", "fmt": "csv"}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_anonymous_is_sent_to_login(client, instansi, name, kwargs):
    url = reverse(name, kwargs=kwargs)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={url}"


@pytest.mark.parametrize("role", ["employee", "unit_head", "supervisor", "moderator"])
@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_other_roles_are_refused(client, instansi, role, name, kwargs):
    client.force_login(user_with(role, instansi))

    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403


def test_auditor_may_export_but_not_import(client, instansi):
    client.force_login(user_with("auditor", instansi))

    assert (
        client.get(reverse("people:export", kwargs={"kind": "units", "fmt": "csv"})).status_code
        == 200
    )
    assert client.get(reverse("people:import_home")).status_code == 403


def test_employee_linked_account_without_role_is_refused_upload(client, instansi, tmp_path):
    user = UserFactory()
    EmployeeFactory(instansi=instansi, user=user)
    client.force_login(user)

    response = client.post(
        reverse("people:import_home"),
        {"kind": "employees", "file": upload(tmp_path, EMPLOYEE_HEADER, EMPLOYEE_ROWS)},
    )

    assert response.status_code == 403
    assert ImportJob.objects.count() == 0


@pytest.mark.parametrize("role", ["admin", "org_analyst"])
def test_import_roles_see_the_page(client, instansi, role):
    client.force_login(user_with(role, instansi))

    response = client.get(reverse("people:import_home"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Unggah dan periksa" in content
    for kind in ("units", "positions", "duties", "employees"):
        assert reverse("people:import_template", kwargs={"kind": kind}) in content
        assert reverse("people:export", kwargs={"kind": kind, "fmt": "xlsx"}) in content


def test_unit_scoped_admin_may_not_upload(client, instansi, tmp_path):
    unit = UnitFactory(instansi=instansi)
    client.force_login(user_with("admin", instansi, unit=unit))

    page = client.get(reverse("people:import_home"))
    posted = client.post(
        reverse("people:import_home"),
        {"kind": "employees", "file": upload(tmp_path, EMPLOYEE_HEADER, EMPLOYEE_ROWS)},
    )

    assert page.status_code == 200
    assert "untuk seluruh instansi" in page.content.decode()
    assert posted.status_code == 403
    assert ImportJob.objects.count() == 0


def test_upload_preview_confirm_apply(
    client, instansi, tmp_path, django_capture_on_commit_callbacks
):
    load_structure(tmp_path, instansi)
    admin = user_with("admin", instansi)
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("people:import_home"),
            {"kind": "employees", "file": upload(tmp_path, EMPLOYEE_HEADER, EMPLOYEE_ROWS)},
        )

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("people:import_job", kwargs={"pk": job.pk})
    assert (job.status, job.kind, job.original_name, job.created_by) == (
        "ready",
        "employees",
        "pegawai.xlsx",
        admin,
    )
    assert job.file.name.startswith("imports/")
    assert (job.preview["created"], job.preview["updated"], job.preview["unchanged"]) == (3, 0, 0)
    assert Employee.objects.count() == 0

    page = client.get(response.url)
    assert page.status_code == 200
    assert "Terapkan perubahan" in page.content.decode()
    assert "198609262015051001" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(reverse("people:import_job_confirm", kwargs={"pk": job.pk}))

    assert confirmed.status_code == 302
    job.refresh_from_db()
    assert job.status == "done"
    assert (job.summary["created"], job.summary["applied"]) == (3, True)
    assert job.finished_at is not None
    assert Employee.objects.count() == 3
    assert "Perubahan telah disimpan" in client.get(response.url).content.decode()

    # A second confirmation is refused and changes nothing.
    before = fingerprint()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(
            reverse("people:import_job_confirm", kwargs={"pk": job.pk}), follow=True
        )
    assert "tidak dalam keadaan siap" in again.content.decode()
    assert fingerprint() == before


def test_invalid_upload_lists_errors_and_offers_a_report(
    client, instansi, tmp_path, django_capture_on_commit_callbacks
):
    load_structure(tmp_path, instansi)
    client.force_login(user_with("org_analyst", instansi))
    rows = [list(r) for r in EMPLOYEE_ROWS]
    rows[0][0] = "1986092620150510"
    rows[2][5] = "III/a"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("people:import_home"),
            {"kind": "employees", "file": upload(tmp_path, EMPLOYEE_HEADER, rows)},
        )

    job = ImportJob.objects.get()
    assert job.status == "invalid"
    page = client.get(reverse("people:import_job", kwargs={"pk": job.pk})).content.decode()
    assert "NIP harus 18 digit, bukan 16 digit." in page
    assert "Terapkan perubahan" not in page
    report = client.get(reverse("people:import_job_errors", kwargs={"pk": job.pk}))
    assert report["Content-Type"].startswith("application/vnd.openxmlformats")
    assert workbook_rows(report.content) == [
        ["Baris", "Kolom", "Kode", "Pesan"],
        [2.0, "NIP", "nip.length", "NIP harus 18 digit, bukan 16 digit."],
        [
            4.0,
            "Golongan",
            "golongan.invalid",
            "Golongan 'III/a' tidak dikenal untuk pegawai PPPK (I … XVII).",
        ],
    ]
    confirm = client.post(reverse("people:import_job_confirm", kwargs={"pk": job.pk}), follow=True)
    assert "tidak dalam keadaan siap" in confirm.content.decode()
    assert Employee.objects.count() == 0


def test_unreadable_upload_shows_the_file_error(
    client, instansi, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(user_with("admin", instansi))
    fake = SimpleUploadedFile("pegawai.xlsx", b"ini bukan excel")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("people:import_home"), {"kind": "employees", "file": fake})

    job = ImportJob.objects.get()
    assert job.status == "invalid"
    assert job.preview["file_error"] is True
    assert (
        "Berkas tidak dapat dibaca."
        in client.get(reverse("people:import_job", kwargs={"pk": job.pk})).content.decode()
    )


def test_upload_of_other_file_types_and_oversize_is_refused(client, instansi, settings):
    client.force_login(user_with("admin", instansi))

    pdf = client.post(
        reverse("people:import_home"),
        {"kind": "units", "file": SimpleUploadedFile("a.pdf", b"%PDF")},
    )
    settings.PENATA_IMPORT_MAX_BYTES = 10
    big = client.post(
        reverse("people:import_home"),
        {"kind": "units", "file": SimpleUploadedFile("a.csv", b"x" * 11)},
    )

    assert pdf.status_code == big.status_code == 400
    assert "Unggah berkas Excel (.xlsx) atau CSV (.csv)." in pdf.content.decode()
    assert "Berkas terlalu besar" in big.content.decode()
    assert ImportJob.objects.count() == 0


def test_progress_fragment_polls_while_running_and_refreshes_when_done(client, instansi):
    client.force_login(user_with("admin", instansi))
    job = ImportJob.objects.create(
        instansi=instansi, kind="units", file="imports/x.csv", original_name="x.csv",
        status="checking", stage="read", done=500, total=2000,
    )  # fmt: skip
    url = reverse("people:import_job_progress", kwargs={"pk": job.pk})

    running = client.get(url, HTTP_HX_REQUEST="true")
    job.status = "ready"
    job.save()
    finished = client.get(url, HTTP_HX_REQUEST="true")

    assert running.status_code == 200
    assert 'hx-trigger="every 1s"' in running.content.decode()
    assert "500 dari 2000 baris" in running.content.decode()
    assert (finished.status_code, finished["HX-Refresh"]) == (204, "true")


def test_jobs_of_another_instansi_are_not_found(client, instansi):
    from tests.factories import InstansiFactory

    other = InstansiFactory(code="3373", name="Kota Lain")
    job = ImportJob.objects.create(
        instansi=other, kind="units", file="imports/x.csv", original_name="x.csv"
    )
    client.force_login(user_with("admin", instansi))

    assert client.get(reverse("people:import_job", kwargs={"pk": job.pk})).status_code == 404


def test_template_download_has_header_example_and_lists(client, instansi):
    client.force_login(user_with("org_analyst", instansi))

    response = client.get(reverse("people:import_template", kwargs={"kind": "positions"}))

    assert response.status_code == 200
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == ["Data", "Petunjuk", "Pilihan"]
    rows = book.get_sheet_by_index(0).to_python()
    assert rows[0][:3] == ["Kode Unit", "Nama Jabatan", "Jenis Jabatan"]
    assert rows[1][:3] == ["3372.01.02", "Analis Kelembagaan Ahli Muda", "Fungsional"]
    choices = book.get_sheet_by_name("Pilihan").to_python()
    assert [r[0] for r in choices[1:8]] == ["JPT Utama", "JPT Madya", "JPT Pratama", "Administrator",
                                              "Pengawas", "Fungsional", "Pelaksana"]  # fmt: skip


def test_template_example_row_imports_once_its_references_exist(tmp_path, instansi, client):
    """The example employee of the template is itself valid data."""
    from tests.people.test_import_support import run

    load_structure(tmp_path, instansi)
    client.force_login(user_with("admin", instansi))
    content = client.get(reverse("people:import_template", kwargs={"kind": "employees"})).content
    path = tmp_path / "templat.xlsx"
    path.write_bytes(content)

    result = run("employees", path, instansi)

    assert (result.errors, result.created) == ([], 1)


def test_export_views_stream_csv_and_send_xlsx_with_filters(client, instansi):
    EmployeeFactory(instansi=instansi, name="Sri Wahyuni", nik="3372026609860002", kind="pppk", golongan="IX",
                    nip="199505122025212042", birth_date=__import__("datetime").date(1995, 5, 12), sex="P")  # fmt: skip
    EmployeeFactory(instansi=instansi, name="Bambang")
    client.force_login(user_with("admin", instansi))

    csv_response = client.get(
        reverse("people:export", kwargs={"kind": "employees", "fmt": "csv"}), {"q": "sri"}
    )
    xlsx_response = client.get(
        reverse("people:export", kwargs={"kind": "employees", "fmt": "xlsx"}), {"jenis": "pppk"}
    )

    assert csv_response.streaming
    text = b"".join(csv_response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 2 and "Sri Wahyuni" in lines[1] and "3372026609860002" in lines[1]
    rows = workbook_rows(b"".join(xlsx_response.streaming_content))
    assert [r[1] for r in rows[1:]] == ["Sri Wahyuni"]
    assert "attachment" in xlsx_response["Content-Disposition"]


def test_org_analyst_export_has_no_nik(client, instansi):
    EmployeeFactory(instansi=instansi, nik="3372026609860002")
    client.force_login(user_with("org_analyst", instansi))

    response = client.get(reverse("people:export", kwargs={"kind": "employees", "fmt": "csv"}))

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "NIK" not in text.splitlines()[0].split(",")
    assert "3372026609860002" not in text
