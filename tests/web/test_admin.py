"""Django admin: every foundation model, Indonesian labels, audited writes, read-only audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib import admin
from django.urls import reverse

from penata.accounts.models import ApiToken, RoleGrant, User
from penata.core.models import AuditEvent
from penata.org.models import Duty, Instansi, Position, Unit
from penata.people.models import Assignment, Employee
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FOUNDATION = [
    Instansi,
    Unit,
    Position,
    Duty,
    Employee,
    Assignment,
    User,
    RoleGrant,
    AuditEvent,
    ApiToken,
]


@pytest.fixture
def superuser_client(client, org):
    user = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def test_every_foundation_model_is_registered():
    assert [m for m in FOUNDATION if not admin.site.is_registered(m)] == []


@pytest.mark.parametrize("model", FOUNDATION, ids=lambda m: m._meta.label)
def test_changelist_renders_with_search_and_indonesian_title(superuser_client, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    response = superuser_client.get(url, {"q": "Kesehatan"})

    assert response.status_code == 200
    assert str(model._meta.verbose_name_plural).lower().encode() in response.content.lower()


@pytest.mark.parametrize(
    "model", [Instansi, Unit, Position, Duty, Employee, Assignment, RoleGrant, User]
)
def test_add_page_renders(superuser_client, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")

    assert superuser_client.get(url).status_code == 200


def test_admin_index_is_in_indonesian(superuser_client):
    page = superuser_client.get(reverse("admin:index")).content.decode()

    assert "Administrasi Penata" in page
    assert "Unit organisasi" in page
    assert "Jejak audit" in page


def test_audit_events_cannot_be_added_changed_or_deleted(superuser_client, rf):
    model_admin = admin.site._registry[AuditEvent]
    request = rf.get("/")
    request.user = User.objects.get(username="root")
    event = AuditEvent.objects.create(action="uji", object_type="org.unit", actor_label="root")

    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request, event) is False
    assert model_admin.has_delete_permission(request, event) is False
    delete_url = reverse("admin:core_auditevent_delete", args=[event.pk])
    assert superuser_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    view = superuser_client.get(reverse("admin:core_auditevent_change", args=[event.pk]))
    assert view.status_code == 200
    assert b'name="_save"' not in view.content


def unit_form(org, **overrides):
    data = {
        "instansi": org.instansi.pk,
        "parent": org.dinkes.pk,
        "kind": "bidang",
        "code": "1.02.04",
        "name": "Bidang Pencegahan Penyakit",
        "short_name": "",
        "sort_order": 2,
        "region_code": "",
        "valid_from": "2024-01-01",
        "valid_to": "",
        "legal_basis": "Perwali 43/2023",
    }
    return {**data, **overrides}


def test_adding_a_unit_sets_its_tree_path_and_is_audited(superuser_client, org):
    response = superuser_client.post(reverse("admin:org_unit_add"), unit_form(org))

    assert response.status_code == 302
    unit = Unit.objects.get(code="1.02.04")
    assert unit.path == f"{org.dinkes.path}{unit.pk}/"
    assert unit.depth == 2
    event = AuditEvent.objects.get(action="admin.create", object_type="org.unit")
    assert event.object_id == str(unit.pk)
    assert event.actor_label == "root"
    assert event.changes["name"] == [None, "Bidang Pencegahan Penyakit"]


def test_moving_a_unit_moves_its_subtree(superuser_client, org):
    url = reverse("admin:org_unit_change", args=[org.bidang.pk])
    form = unit_form(
        org,
        parent=org.setda.pk,
        code=org.bidang.code,
        name=org.bidang.name,
        valid_from="2020-01-01",
    )

    response = superuser_client.post(url, form)

    assert response.status_code == 302
    org.bidang.refresh_from_db()
    org.seksi.refresh_from_db()
    assert org.bidang.path == f"{org.setda.path}{org.bidang.pk}/"
    assert org.seksi.path == f"{org.bidang.path}{org.seksi.pk}/"
    assert (org.bidang.depth, org.seksi.depth) == (2, 3)
    event = AuditEvent.objects.get(action="admin.change", object_type="org.unit")
    assert event.changes["parent"] == [org.dinkes.pk, org.setda.pk]


def test_a_unit_cannot_move_below_itself(superuser_client, org):
    url = reverse("admin:org_unit_change", args=[org.dinkes.pk])
    form = unit_form(
        org, parent=org.seksi.pk, code=org.dinkes.code, name=org.dinkes.name, kind="dinas"
    )

    response = superuser_client.post(url, form)

    assert response.status_code == 200
    assert (
        "Unit induk tidak boleh unit ini sendiri atau salah satu sub-unitnya."
        in response.content.decode()
    )
    org.dinkes.refresh_from_db()
    assert org.dinkes.parent_id == org.root.pk


def employee_form(org, **overrides):
    data = {
        "instansi": org.instansi.pk,
        "nip": "19900115 201503 1 004",
        "front_title": "",
        "name": "Agus Setiawan",
        "back_title": "S.Kom.",
        "user": "",
        "kind": "pns",
        "golongan": "III/b",
        "tmt_golongan": "",
        "status": "aktif",
        "education": "s1",
        "education_major": "Teknik Informatika",
        "birth_date": "1990-01-15",
        "sex": "L",
        "nik": "",
        "email": "",
        "phone": "",
        "assignments-TOTAL_FORMS": "0",
        "assignments-INITIAL_FORMS": "0",
        "assignments-MIN_NUM_FORMS": "0",
        "assignments-MAX_NUM_FORMS": "1000",
    }
    return {**data, **overrides}


def test_employee_form_stores_the_nip_without_spaces(superuser_client, org):
    response = superuser_client.post(reverse("admin:people_employee_add"), employee_form(org))

    assert response.status_code == 302
    assert Employee.objects.get(name="Agus Setiawan").nip == "199001152015031004"


def test_employee_form_refuses_a_birth_date_that_disagrees_with_the_nip(superuser_client, org):
    response = superuser_client.post(
        reverse("admin:people_employee_add"), employee_form(org, birth_date="1990-01-16", sex="P")
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Tanggal lahir 16-01-1990 tidak sesuai dengan NIP (15-01-1990)." in page
    assert "Jenis kelamin P tidak sesuai dengan NIP (L)." in page
    assert not Employee.objects.filter(name="Agus Setiawan").exists()


def test_employee_form_refuses_a_golongan_of_the_wrong_scheme(superuser_client, org):
    response = superuser_client.post(
        reverse("admin:people_employee_add"), employee_form(org, golongan="IX")
    )

    assert (
        "Golongan &#x27;IX&#x27; tidak dikenal untuk pegawai PNS (I/a … IV/e)."
        in response.content.decode()
    )


def test_the_audit_trail_keeps_no_nik_in_clear(superuser_client, org):
    superuser_client.post(
        reverse("admin:people_employee_add"), employee_form(org, nik="3372021501900003")
    )

    event = AuditEvent.objects.get(action="admin.create", object_type="people.employee")
    assert "3372021501900003" not in str(event.changes)
    assert event.changes["nik"][1].startswith("hmac:")


def test_a_role_granted_in_the_admin_records_who_granted_it(superuser_client, org):
    response = superuser_client.post(
        reverse("admin:accounts_rolegrant_add"),
        {
            "user": org.users["pegawai"].pk,
            "role": "supervisor",
            "instansi": org.instansi.pk,
            "unit": org.seksi.pk,
        },
    )

    assert response.status_code == 302
    grant = RoleGrant.objects.get(user=org.users["pegawai"], role="supervisor")
    assert grant.granted_by.username == "root"
    event = AuditEvent.objects.get(action="admin.create", object_type="accounts.rolegrant")
    assert event.changes["role"] == [None, "supervisor"]


def test_deleting_in_the_admin_is_audited(superuser_client, org):
    duty = Duty.objects.filter(position=org.pengelola).first()

    response = superuser_client.post(
        reverse("admin:org_duty_delete", args=[duty.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    event = AuditEvent.objects.get(action="admin.delete", object_type="org.duty")
    assert event.object_id == str(duty.pk)
    assert event.changes["statement"][0] == duty.statement


def test_position_change_page_shows_its_duties_inline(superuser_client, org):
    page = superuser_client.get(reverse("admin:org_position_change", args=[org.pengelola.pk]))

    assert "Menghimpun data rujukan pasien dari puskesmas" in page.content.decode()


def test_assignment_list_filters_current_posts(superuser_client, org):
    response = superuser_client.get(
        reverse("admin:people_assignment_changelist"), {"end__isempty": "1"}
    )

    assert response.status_code == 200
    assert response.context["cl"].result_count == 4
    assert dt.date(2019, 1, 2) not in [a.start for a in response.context["cl"].result_list]
