"""Role grants: the services' rules and audit events, and the admin pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from penata.accounts.models import RoleGrant
from penata.accounts.services import role_grant_create, role_grant_revoke
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent


def _state():
    return (
        sorted(RoleGrant.objects.values_list("user_id", "role", "unit_id")),
        AuditEvent.objects.count(),
    )


def test_grant_records_the_grant_and_its_audit_event(world):
    admin, rina = world.users["admin"], world.bystander
    grant = role_grant_create(
        actor=admin, user=rina, role="unit_head", instansi=world.inst, unit=world.bidang
    )
    assert (grant.user, grant.role, grant.unit, grant.granted_by) == (
        rina,
        "unit_head",
        world.bidang,
        admin,
    )
    event = AuditEvent.objects.get(action="role_grant.create")
    assert (event.actor, event.object_type, event.object_id) == (
        admin,
        "accounts.rolegrant",
        str(grant.pk),
    )
    assert event.instansi_id == world.inst.pk
    assert event.changes == {
        "user": [None, rina.pk],
        "role": [None, "unit_head"],
        "instansi": [None, world.inst.pk],
        "unit": [None, world.bidang.pk],
        "granted_by": [None, admin.pk],
    }


def test_revoke_records_the_grant_as_it_was(world):
    admin = world.users["admin"]
    grant = RoleGrant.objects.get(user=world.users["org_analyst"])
    role_grant_revoke(actor=admin, grant=grant)
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()
    event = AuditEvent.objects.get(action="role_grant.revoke")
    assert event.object_id == str(grant.pk)
    assert event.changes["role"] == ["org_analyst", None]
    assert event.changes["user"] == [world.users["org_analyst"].pk, None]
    assert event.changes["instansi"] == [world.inst.pk, None]


@pytest.mark.parametrize(
    ("who", "role", "unit", "code"),
    [
        ("analis", "unit_head", "bidang", "role_grant.duplicate"),
        ("rina", "unit_head", None, "role_grant.unit_required"),
        ("kaban", "supervisor", None, "role_grant.employee_link_required"),
        ("rina", "supervisor", "bidang", "role_grant.unit_not_applicable"),
        ("rina", "moderator", "foreign_unit", "role_grant.unit_instansi"),
        ("rina", "no_such_role", None, "role_grant.role_invalid"),
    ],
)
def test_invalid_grants_are_refused_and_change_nothing(world, who, role, unit, code):
    admin = world.users["admin"]
    RoleGrant.objects.create(
        user=world.users["org_analyst"], role="unit_head", instansi=world.inst, unit=world.bidang
    )
    user = {"analis": world.users["org_analyst"], "rina": world.bystander,
            "kaban": world.users["unit_head_out"]}[who]  # fmt: skip
    before = _state()
    with pytest.raises(ValidationFailed) as refused:
        role_grant_create(
            actor=admin,
            user=user,
            role=role,
            instansi=world.inst,
            unit=getattr(world, unit) if unit else None,
        )
    assert refused.value.code == code
    assert _state() == before


def test_inactive_accounts_get_no_role(world):
    world.bystander.is_active = False
    world.bystander.save()
    before = _state()
    with pytest.raises(ValidationFailed) as refused:
        role_grant_create(
            actor=world.users["admin"], user=world.bystander, role="moderator", instansi=world.inst
        )
    assert refused.value.code == "role_grant.user_inactive"
    assert _state() == before


@pytest.mark.parametrize(
    ("actor", "role", "unit"),
    [
        ("org_analyst", "moderator", None),  # not an admin
        ("unit_head_in", "moderator", "bidang"),  # not an admin
        ("admin", "admin", "self"),  # own grants
        ("foreign_admin", "moderator", "bidang"),  # admin elsewhere
        ("bidang_admin", "admin", "bidang"),  # admin role needs an instansi-wide admin
        ("bidang_admin", "moderator", None),  # instansi-wide grant from a unit admin
        ("bidang_admin", "moderator", "badan"),  # outside the unit admin's subtree
    ],
)
def test_grants_beyond_the_actors_reach_are_forbidden(world, actor, role, unit):
    bidang_admin = RoleGrant.objects.create(
        user=world.bystander, role="admin", instansi=world.inst, unit=world.dinas
    ).user
    actors = {**world.users, "foreign_admin": world.foreign_admin, "bidang_admin": bidang_admin}
    acting = actors[actor]
    user = acting if unit == "self" else world.users["unit_head_out"]
    before = _state()
    with pytest.raises(PermissionDenied):
        role_grant_create(
            actor=acting,
            user=user,
            role=role,
            instansi=world.inst,
            unit=getattr(world, unit) if unit not in (None, "self") else None,
        )
    assert _state() == before


def test_unit_admin_grants_inside_their_subtree(world):
    unit_admin = RoleGrant.objects.create(
        user=world.bystander, role="admin", instansi=world.inst, unit=world.dinas
    ).user
    grant = role_grant_create(
        actor=unit_admin,
        user=world.users["unit_head_out"],
        role="unit_head",
        instansi=world.inst,
        unit=world.bidang,
    )
    assert grant.unit == world.bidang


def test_nobody_revokes_their_own_grant(world):
    admin = world.users["admin"]
    grant = RoleGrant.objects.get(user=admin)
    before = _state()
    with pytest.raises(PermissionDenied):
        role_grant_revoke(actor=admin, grant=grant)
    assert _state() == before


# --- pages ------------------------------------------------------------------------------


def test_role_list_shows_managed_users_only(world, signed_in):
    response = signed_in(world.users["admin"]).get(reverse("roles:list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "analis" in body and "kaban" in body
    assert "admin_skh" not in body  # admin of another instansi


def test_role_list_is_for_admins(world, signed_in):
    response = signed_in(world.users["auditor"]).get(reverse("roles:list"))
    assert response.status_code == 403


def test_grant_through_the_page(world, signed_in):
    client = signed_in(world.users["admin"])
    response = client.post(
        reverse("roles:grant"),
        {"user": world.bystander.pk, "role": "unit_head", "unit": world.bidang.pk},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("roles:user", args=[world.bystander.pk])
    assert RoleGrant.objects.filter(
        user=world.bystander, role="unit_head", unit=world.bidang
    ).exists()


def test_refused_grant_shows_the_reason_and_changes_nothing(world, signed_in):
    client = signed_in(world.users["admin"])
    before = _state()
    response = client.post(
        reverse("roles:user", args=[world.bystander.pk]),
        {"user": world.bystander.pk, "role": "unit_head", "unit": ""},
    )
    assert response.status_code == 400
    assert "Peran Kepala Unit harus diberikan pada satu unit" in response.content.decode()
    assert _state() == before


def test_grant_form_refuses_a_foreign_unit(world, signed_in):
    client = signed_in(world.users["admin"])
    before = _state()
    response = client.post(
        reverse("roles:grant"),
        {"user": world.bystander.pk, "role": "moderator", "unit": world.foreign_unit.pk},
    )
    assert response.status_code == 400
    assert "Pilih unit dari hasil pencarian." in response.content.decode()
    assert _state() == before


def test_unit_search_returns_radio_buttons(world, signed_in):
    client = signed_in(world.users["admin"])
    response = client.get(reverse("roles:unit_search"), {"q": "bidang"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert f'value="{world.bidang.pk}"' in body
    assert "Dinkes Skh" not in body


def test_user_search_finds_by_employee_name(world, signed_in):
    client = signed_in(world.users["admin"])
    response = client.get(reverse("roles:user_search"), {"q": "Rina"})
    assert f'value="{world.bystander.pk}"' in response.content.decode()


def test_revoke_through_the_page(world, signed_in):
    client = signed_in(world.users["admin"])
    grant = RoleGrant.objects.get(user=world.users["moderator"])
    response = client.post(reverse("roles:revoke", args=[grant.pk]))
    assert response.status_code == 302
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()


def test_foreign_users_and_grants_answer_404(world, signed_in):
    client = signed_in(world.users["admin"])
    foreign_grant = RoleGrant.objects.get(user=world.foreign_admin)
    assert client.get(reverse("roles:user", args=[world.foreign_admin.pk])).status_code == 404
    before = _state()
    assert client.post(reverse("roles:revoke", args=[foreign_grant.pk])).status_code == 404
    assert _state() == before


def test_menu_offers_security_pages_by_role(world, signed_in):
    admin = signed_in(world.users["admin"]).get("/beranda/").content.decode()
    assert reverse("roles:list") in admin and reverse("audit:list") in admin
    auditor = signed_in(world.users["auditor"]).get("/beranda/").content.decode()
    assert reverse("audit:list") in auditor and reverse("roles:list") not in auditor
    employee = signed_in(world.users["employee"]).get("/beranda/").content.decode()
    assert reverse("privacy:my_data") in employee and reverse("audit:list") not in employee
