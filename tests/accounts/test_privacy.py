"""Personal data: the class of every Employee field, masking, the access log of specific
data, "my data" downloads and breach look-ups."""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from penata.core.models import AuditEvent
from penata.people import breach
from penata.people.models import Employee
from penata.people.personal_data import EMPLOYEE_FIELDS, DataClass, public_fields
from penata.people.privacy import employee_personal_view, my_data
from penata.people.services_corrections import correction_request_create

NIK = "3372011708900003"


def _views():
    return list(
        AuditEvent.objects.filter(action="personal_data.view").values_list(
            "actor__username", "object_id"
        )
    )


def test_every_employee_field_has_a_class():
    names = {f.name for f in Employee._meta.concrete_fields}
    assert set(EMPLOYEE_FIELDS) == names, (
        f"unclassified: {sorted(names - set(EMPLOYEE_FIELDS))}; "
        f"stale: {sorted(set(EMPLOYEE_FIELDS) - names)} (penata/people/personal_data.py)"
    )
    assert EMPLOYEE_FIELDS["nik"].data_class is DataClass.SPECIFIC
    assert {EMPLOYEE_FIELDS[f].data_class for f in ("phone", "email", "birth_date")} == {
        DataClass.GENERAL
    }


def test_public_fields_of_officials_and_others():
    assert public_fields(is_official=False) == ("instansi",)
    assert set(public_fields(is_official=True)) == {
        "instansi",
        "nip",
        "name",
        "front_title",
        "back_title",
    }


@pytest.mark.parametrize(
    ("who", "shows", "logged"),
    [
        ("admin", True, True),
        ("employee", True, False),  # the employee themself: shown, not an access to log
        ("unit_head_in", False, False),
        ("supervisor", False, False),
        ("auditor", False, False),
        ("org_analyst", False, False),
    ],
)
def test_specific_data_is_shown_to_admin_and_self_only(world, who, shows, logged):
    seen = employee_personal_view(world.users[who], world.target, via="web")
    assert seen["shows_specific"] is shows
    assert seen["nik"] == (NIK if shows else "3372**********03")
    assert seen["nik_masked"] is (not shows)
    assert _views() == ([(world.users[who].username, str(world.target.pk))] if logged else [])


def test_employee_page_logs_the_admins_view(world, signed_in):
    page = signed_in(world.users["admin"]).get(
        reverse("people:employee_detail", args=[world.target.pk])
    )
    assert page.status_code == 200
    assert NIK in page.content.decode()
    event = AuditEvent.objects.get(action="personal_data.view")
    assert event.changes["_"] == {"fields": ["nik"], "via": "web"}


def test_employee_page_masks_for_unit_head(world, signed_in):
    page = signed_in(world.users["unit_head_in"]).get(
        reverse("people:employee_detail", args=[world.target.pk])
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert NIK not in body and "3372**********03" in body
    assert _views() == []


def test_api_detail_uses_the_same_rule_and_log(world):
    from django.test import Client

    from penata.accounts.services import api_token_create

    _, secret = api_token_create(
        actor=None, user=world.users["admin"], name="Uji",
        expires_at=timezone.now() + dt.timedelta(days=1),
    )  # fmt: skip
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    body = client.get(f"/api/v1/employees/{world.target.pk}").json()
    assert (body["nik"], body["nik_masked"]) == (NIK, False)
    assert AuditEvent.objects.get(action="personal_data.view").changes["_"]["via"] == "api"


def test_export_with_nik_logs_every_employee_in_the_file(world, signed_in):
    response = signed_in(world.users["admin"]).get(
        reverse("people:export", kwargs={"kind": "employees", "fmt": "csv"})
    )
    assert response.status_code == 200
    assert NIK in b"".join(response.streaming_content).decode("utf-8-sig")
    event = AuditEvent.objects.get(action="personal_data.view")
    with_nik = set(
        Employee.objects.filter(instansi=world.inst).exclude(nik="").values_list("id", flat=True)
    )
    assert event.object_id == ""
    assert set(event.changes["_"]["employee_ids"]) == with_nik
    assert event.changes["_"]["via"] == "export.csv"


def test_my_data_lists_who_saw_and_changed_my_record(world):
    employee_personal_view(world.users["admin"], world.target, via="web")
    correction_request_create(
        actor=world.users["employee"], employee=world.target, field="phone",
        new_value="081399990000", reason="Nomor lama tidak aktif lagi.",
    )  # fmt: skip
    data = my_data(world.users["employee"])
    actions = [(e["actor"], e["action"]) for e in data["events"]]
    assert actions == [("Anda sendiri", "correction.request"), ("admin", "personal_data.view")]
    assert {r["field"]: r["class"] for r in data["profile"]}["nik"] == "specific"


def test_my_data_downloads(world, signed_in):
    employee_personal_view(world.users["admin"], world.target, via="api")
    client = signed_in(world.users["employee"])
    as_json = client.get(reverse("privacy:my_data_download", args=["json"]))
    assert as_json.status_code == 200
    assert "attachment" in as_json["Content-Disposition"]
    body = json.loads(as_json.content)
    assert body["employee"]["nik"] == NIK
    assert body["employee"]["birth_date"] == "1990-08-17"
    assert body["assignments"][0]["position"] == "Pengadministrasi Perkantoran"
    assert [e["action"] for e in body["audit_events"]] == ["personal_data.view"]
    as_xlsx = client.get(reverse("privacy:my_data_download", args=["xlsx"]))
    book = openpyxl.load_workbook(io.BytesIO(as_xlsx.content))
    assert book.sheetnames == ["Profil", "Riwayat jabatan", "Permohonan koreksi", "Peran",
                               "Akses dan perubahan"]  # fmt: skip
    assert book["Akses dan perubahan"]["B2"].value == "admin"


def test_my_data_needs_an_employee_record(world, signed_in):
    assert signed_in(world.users["auditor"]).get(reverse("privacy:my_data")).status_code == 403


# --- breach -----------------------------------------------------------------------------


def test_breach_by_records_resolves_nip_nik_and_id(world):
    result = breach.breach_by_records(
        world.users["admin"],
        [world.target.nip, world.kabid.nik, str(world.kadis.pk), "999999999999999999",
         world.foreigner.nip],
    )  # fmt: skip
    names = sorted(p.employee.name for p in result.people)
    assert names == ["Agus Prasetyo", "Budi Santoso", "Sri Wahyuni"]
    assert sorted(result.unknown) == sorted(["999999999999999999", world.foreigner.nip])
    agus = next(p for p in result.people if p.employee == world.target)
    assert agus.held_fields[0] == "nik"
    assert {"email", "phone", "birth_date"} <= set(agus.held_fields)


def test_breach_by_window_finds_views_exports_and_changes(world, signed_in):
    start = timezone.now() - dt.timedelta(minutes=1)
    employee_personal_view(world.users["admin"], world.kabid, via="web")
    signed_in(world.users["admin"]).get(
        reverse("people:export", kwargs={"kind": "employees", "fmt": "csv"}), {"q": "Agus"}
    )
    end = timezone.now() + dt.timedelta(minutes=1)
    result = breach.breach_by_window(world.users["admin"], start=start, end=end)
    by_name = {p.employee.name: p for p in result.people}
    assert sorted(by_name) == ["Agus Prasetyo", "Sri Wahyuni"]
    assert by_name["Sri Wahyuni"].fields == {"NIK"}
    assert by_name["Agus Prasetyo"].events == 1
    before = breach.breach_by_window(world.users["admin"], start=start - dt.timedelta(days=1),
                                     end=start)  # fmt: skip
    assert before.people == []


def test_breach_lookup_is_for_instansi_admins(world, signed_in):
    assert signed_in(world.users["auditor"]).get(reverse("privacy:breach")).status_code == 403
    with pytest.raises(Exception) as refused:
        breach.breach_by_window(
            world.users["org_analyst"], start=timezone.now(), end=timezone.now()
        )
    assert getattr(refused.value, "status_code", None) == 403


def test_breach_page_and_export(world, signed_in):
    client = signed_in(world.users["admin"])
    page = client.post(reverse("privacy:breach"), {"mode": "data", "nomor": world.target.nip})
    assert page.status_code == 200
    assert "Agus Prasetyo" in page.content.decode()
    download = client.post(
        reverse("privacy:breach"), {"mode": "data", "nomor": world.target.nip, "unduh": "xlsx"}
    )
    book = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    row = next(book.active.iter_rows(min_row=2, values_only=True))
    assert row[:4] == (world.target.nip, "Agus Prasetyo", "agus@example.go.id", "081234567890")
    assert AuditEvent.objects.filter(action="breach.export").count() == 1
    empty = client.post(reverse("privacy:breach"), {"mode": "waktu"})
    assert empty.status_code == 400
