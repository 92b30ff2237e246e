"""Auditor pages: who reads the trail, filters, before/after, and safe exports."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from penata.core import audit
from penata.core.models import AuditEvent


@pytest.fixture
def events(world):
    admin = world.users["admin"]
    made = [
        audit.record(actor=admin, action="role_grant.create", object_type="accounts.rolegrant",
                     object_id=7, instansi_id=world.inst.pk, after={"role": "moderator"}),
        audit.record(actor=world.users["org_analyst"], action="scenario.create",
                     object_type="restructure.scenario", object_id=3, instansi_id=world.inst.pk,
                     before={"name": "Lama"}, after={"name": "=HYPERLINK(\"http://x\")"}),
        audit.record(actor=world.foreign_admin, action="role_grant.create",
                     object_type="accounts.rolegrant", object_id=9, instansi_id=world.other.pk),
        audit.record(actor=admin, action="account.2fa_enabled", obj=admin),
        audit.record(actor=world.foreign_admin, action="account.2fa_enabled",
                     obj=world.foreign_admin),
    ]  # fmt: skip
    return made


@pytest.mark.parametrize("who", ["auditor", "admin"])
def test_readers_see_their_instansi_and_their_users_account_events(world, signed_in, events, who):
    response = signed_in(world.users[who]).get(reverse("audit:list"))
    assert response.status_code == 200
    shown = {e.pk for e in response.context["page"]}
    assert shown == {events[0].pk, events[1].pk, events[3].pk}


@pytest.mark.parametrize(
    "who", ["employee", "supervisor", "unit_head_in", "org_analyst", "moderator"]
)
def test_other_roles_are_refused(world, signed_in, events, who):
    assert signed_in(world.users[who]).get(reverse("audit:list")).status_code == 403


def test_unit_scoped_auditor_is_refused(world, signed_in, events):
    from penata.accounts.models import RoleGrant

    RoleGrant.objects.create(user=world.bystander, role="auditor", instansi=world.inst,
                             unit=world.dinas)  # fmt: skip
    assert signed_in(world.bystander).get(reverse("audit:list")).status_code == 403


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"pelaku": "analis"}, [1]),
        ({"tindakan": "role_grant."}, [0]),
        ({"tindakan": "role_grant.create"}, [0]),
        ({"jenis": "restructure.scenario", "id_objek": "3"}, [1]),
        ({"jenis": "restructure.scenario", "id_objek": "4"}, []),
    ],
)
def test_filters(world, signed_in, events, params, expected):
    response = signed_in(world.users["auditor"]).get(reverse("audit:list"), params)
    assert [e.pk for e in response.context["page"]] == [events[i].pk for i in expected]


def test_date_range_filter(world, signed_in, events):
    client = signed_in(world.users["auditor"])
    today = timezone.localdate()
    inside = client.get(
        reverse("audit:list"), {"dari": today.isoformat(), "sampai": today.isoformat()}
    )
    assert len(inside.context["page"]) == 3
    future = (today + dt.timedelta(days=1)).isoformat()
    assert len(client.get(reverse("audit:list"), {"dari": future}).context["page"]) == 0
    past = (today - dt.timedelta(days=1)).isoformat()
    assert len(client.get(reverse("audit:list"), {"sampai": past}).context["page"]) == 0
    bad = client.get(reverse("audit:list"), {"dari": "kemarin"})
    assert "tidak sah" in bad.content.decode()


def test_detail_shows_before_and_after(world, signed_in, events):
    client = signed_in(world.users["auditor"])
    response = client.get(reverse("audit:detail", args=[events[1].pk]))
    assert response.status_code == 200
    assert response.context["rows"] == [("name", "Lama", '=HYPERLINK("http://x")')]
    assert client.get(reverse("audit:detail", args=[events[2].pk])).status_code == 404


def test_csv_export_neutralises_formulas(world, signed_in, events):
    audit.record(actor=world.users["admin"], action="test.cells", object_type="x",
                 object_id="+1", instansi_id=world.inst.pk,
                 extra={"note": "a"})  # fmt: skip
    response = signed_in(world.users["auditor"]).get(reverse("audit:export", args=["csv"]))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Waktu", "Pelaku", "Tindakan"]
    object_ids = {r[4] for r in rows[1:]}
    assert "'+1" in object_ids and "+1" not in object_ids
    # The three events of the instansi, test.cells and the export's own event (recorded
    # before the rows leave); not the foreign admin's.
    assert sorted(r[2] for r in rows[1:]) == [
        "account.2fa_enabled",
        "audit.export",
        "role_grant.create",
        "scenario.create",
        "test.cells",
    ]
    exported = AuditEvent.objects.get(action="audit.export")
    assert exported.changes["_"]["format"] == "csv"


def test_xlsx_export_keeps_formula_text_as_text(world, signed_in, events):
    audit.record(actor=world.users["admin"], action="test.cells", object_type="x",
                 object_id="@SUM(A1)", instansi_id=world.inst.pk)  # fmt: skip
    audit.record(actor=world.users["admin"], action="test.cells", object_type="x",
                 object_id="\tTAB", instansi_id=world.inst.pk)  # fmt: skip
    audit.record(actor=world.users["admin"], action="test.cells", object_type="x",
                 object_id="-2+3", instansi_id=world.inst.pk)  # fmt: skip
    response = signed_in(world.users["admin"]).get(
        reverse("audit:export", args=["xlsx"]), {"tindakan": "test.cells"}
    )
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book.active
    values = sorted(row[4] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert values == ["'\tTAB", "'-2+3", "'@SUM(A1)"]
    assert all(cell.data_type == "s" for row in sheet.iter_rows(min_row=2) for cell in row[4:5])


def test_export_is_refused_to_other_roles(world, signed_in, events):
    before = AuditEvent.objects.count()
    response = signed_in(world.users["org_analyst"]).get(reverse("audit:export", args=["csv"]))
    assert response.status_code == 403
    assert AuditEvent.objects.count() == before
