"""API tokens: services, bearer authentication, the admin pages and `penata token`."""

from __future__ import annotations

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from penata.accounts.models import ApiToken
from penata.accounts.services import api_token_create, api_token_revoke
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/units"


def in_days(n):
    return timezone.now() + dt.timedelta(days=n)


def create(actor, user, name="Integrasi SIASN", days=90):
    return api_token_create(actor=actor, user=user, name=name, expires_at=in_days(days))


def all_stored_text():
    """Every token row and audit event as text: where a leaked secret would show up."""
    rows = [str(list(ApiToken.objects.values_list()))]
    rows += [str(list(AuditEvent.objects.values_list()))]
    return "\n".join(rows)


# --- services -------------------------------------------------------------------------------


def test_create_returns_the_secret_once_and_stores_only_its_hash(world):
    token, secret = create(world.admin, world.analyst)

    assert len(secret) == 43
    assert token.prefix == secret[:8]
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.user == world.analyst
    assert token.created_by == world.admin
    assert secret not in all_stored_text()
    assert secret[8:] not in all_stored_text()


def test_create_is_audited_without_the_secret(world):
    token, secret = create(world.admin, world.analyst)

    event = AuditEvent.objects.get(action="api_token.create")
    assert event.actor == world.admin
    assert event.object_id == str(token.pk)
    assert event.instansi_id == world.inst.id
    assert event.changes["prefix"] == [None, token.prefix]
    assert event.changes["name"] == [None, "Integrasi SIASN"]
    assert event.changes["user"] == [None, world.analyst.pk]
    assert secret not in str(event.changes)


def test_expiry_defaults_to_90_days_in_the_model():
    token = ApiToken(name="x")

    assert in_days(89) < token.expires_at <= in_days(90)


def test_two_tokens_get_different_secrets(world):
    _, first = create(world.admin, world.analyst)
    _, second = create(world.admin, world.analyst)

    assert first != second


def test_anybody_may_create_a_token_for_themself(world):
    token, _ = create(world.self_user, world.self_user)

    assert token.user == world.self_user


@pytest.mark.parametrize("who", ["analyst", "head", "self_user", "outsider"])
def test_only_an_admin_of_the_instansi_creates_for_others(world, who):
    with pytest.raises(PermissionDenied):
        create(getattr(world, who), world.admin)

    assert ApiToken.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_an_admin_cannot_create_a_token_for_a_superuser(world):
    root = UserFactory(username="root", is_superuser=True)

    with pytest.raises(PermissionDenied):
        create(world.admin, root)
    assert ApiToken.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "days", "code"),
    [
        ("", 90, "token.name"),
        ("   ", 90, "token.name"),
        ("x" * 101, 90, "token.name"),
        ("SIASN", -1, "token.expiry_past"),
        ("SIASN", 366, "token.expiry_too_far"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(world, name, days, code):
    with pytest.raises(ValidationFailed) as refused:
        create(world.admin, world.analyst, name=name, days=days)

    assert refused.value.code == code
    assert ApiToken.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_no_token_for_an_inactive_account(world):
    world.analyst.is_active = False
    world.analyst.save()

    with pytest.raises(ValidationFailed) as refused:
        create(world.admin, world.analyst)
    assert refused.value.code == "token.user_inactive"


def test_revoke_is_audited_and_cannot_be_repeated(world):
    token, _ = create(world.admin, world.analyst)

    api_token_revoke(actor=world.admin, token=token)

    token.refresh_from_db()
    assert token.revoked_at is not None
    event = AuditEvent.objects.get(action="api_token.revoke")
    assert event.actor == world.admin
    assert list(event.changes) == ["revoked_at"]
    assert event.changes["revoked_at"][0] is None
    with pytest.raises(ValidationFailed) as refused:
        api_token_revoke(actor=world.admin, token=token)
    assert refused.value.code == "token.already_revoked"
    assert AuditEvent.objects.filter(action="api_token.revoke").count() == 1


def test_only_an_admin_revokes_the_token_of_another(world):
    token, _ = create(world.admin, world.analyst)

    with pytest.raises(PermissionDenied):
        api_token_revoke(actor=world.head, token=token)
    token.refresh_from_db()
    assert token.revoked_at is None


# --- bearer authentication ---------------------------------------------------------------


def get(client, secret, url=URL):
    return client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_a_valid_token_authenticates_as_its_user(world, client):
    token, secret = create(world.outsider, world.outsider)

    response = get(client, secret)

    assert response.status_code == 200
    assert [u["name"] for u in response.json()["items"]] == ["Dinas Kesehatan Sukoharjo"]
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_token_callers_get_their_own_scope(world, client):
    _, secret = create(world.self_user, world.self_user)

    response = get(client, secret, "/api/v1/employees")

    assert [e["name"] for e in response.json()["items"]] == ["Agus Prasetyo"]


def test_an_expired_token_is_refused(world, client):
    token, secret = create(world.admin, world.analyst)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))

    response = get(client, secret)

    assert response.status_code == 401
    assert response.json()["code"] == "token.expired"


def test_a_revoked_token_is_refused(world, client):
    token, secret = create(world.admin, world.analyst)
    assert get(client, secret).status_code == 200

    api_token_revoke(actor=world.admin, token=token)

    response = get(client, secret)
    assert response.status_code == 401
    assert response.json()["code"] == "token.revoked"


@pytest.mark.parametrize(
    "secret",
    ["", "abc", "x" * 43, "../../etc/passwd", "a" * 200],
)
def test_unknown_or_malformed_tokens_are_refused(world, client, secret):
    create(world.admin, world.analyst)

    response = get(client, secret)

    assert response.status_code == 401
    assert response.json()["code"] in {"token.invalid", "unauthenticated"}


def test_a_token_with_one_character_changed_is_refused(world, client):
    _, secret = create(world.admin, world.analyst)
    forged = secret[:-1] + ("A" if secret[-1] != "A" else "B")

    response = get(client, forged)

    assert response.status_code == 401
    assert response.json()["code"] == "token.invalid"


def test_the_token_of_a_deactivated_account_is_refused(world, client):
    _, secret = create(world.admin, world.analyst)
    world.analyst.is_active = False
    world.analyst.save()

    assert get(client, secret).status_code == 401


def test_a_bad_token_is_refused_even_with_a_session(world, as_user):
    client = as_user(world.analyst)
    assert client.get(URL).status_code == 200

    response = get(client, "x" * 43)

    assert response.status_code == 401


def test_other_authorization_schemes_fall_back_to_the_session(world, client):
    response = client.get(URL, HTTP_AUTHORIZATION="Basic YWRtaW46YWRtaW4=")

    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


# --- admin pages ------------------------------------------------------------------------------


def test_admin_page_lists_tokens_without_secrets(world, as_user):
    token, secret = create(world.admin, world.analyst)

    response = as_user(world.admin).get("/akun/token/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"{token.prefix}…" in html
    assert "Integrasi SIASN" in html
    assert secret not in html


def test_admin_creates_a_token_and_sees_it_once(world, as_user):
    client = as_user(world.admin)

    response = client.post(
        "/akun/token/buat/", {"user": world.analyst.pk, "name": "e-Kinerja", "days": 30}
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get()
    secret = response.context["secret"]
    assert secret in response.content.decode()
    assert token.user == world.analyst
    assert token.name == "e-Kinerja"
    assert in_days(29) < token.expires_at <= in_days(30)
    assert secret not in client.get("/akun/token/").content.decode()
    assert get(client, secret).status_code == 200


def test_admin_form_refuses_bad_input_and_creates_nothing(world, as_user):
    response = as_user(world.admin).post(
        "/akun/token/buat/", {"user": world.analyst.pk, "name": "", "days": 400}
    )

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"name", "days"}
    assert ApiToken.objects.count() == 0


def test_admin_form_offers_only_users_of_their_instansi(world, as_user):
    response = as_user(world.admin).get("/akun/token/")

    offered = set(
        response.context["form"].fields["user"].queryset.values_list("username", flat=True)
    )
    assert offered == {"admin_bkpsdm", "analis", "kabid", "agus"}


def test_admin_revokes_from_the_page(world, as_user):
    token, _ = create(world.admin, world.analyst)
    client = as_user(world.admin)

    response = client.post(f"/akun/token/{token.pk}/cabut/")

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    again = client.post(f"/akun/token/{token.pk}/cabut/", follow=True)
    assert "sudah dicabut" in again.content.decode()


def test_admin_of_another_instansi_cannot_see_or_revoke_the_token(world, as_user):
    token, _ = create(world.admin, world.analyst)
    client = as_user(world.outsider)

    assert f"{token.prefix}…" not in client.get("/akun/token/").content.decode()
    assert client.post(f"/akun/token/{token.pk}/cabut/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.parametrize("who", ["analyst", "head", "self_user"])
def test_token_pages_are_for_admins_only(world, as_user, who):
    client = as_user(getattr(world, who))

    assert client.get("/akun/token/").status_code == 403
    assert (
        client.post(
            "/akun/token/buat/", {"user": world.analyst.pk, "name": "x", "days": 1}
        ).status_code
        == 403
    )
    assert ApiToken.objects.count() == 0


def test_token_pages_send_anonymous_visitors_to_login(client, world):
    response = client.get("/akun/token/")

    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")


# --- command line ------------------------------------------------------------------------


def test_cli_creates_a_token_printed_once(world, client):
    stdout, stderr = StringIO(), StringIO()

    call_command(
        "token", "create", "analis", "--name", "SIASN", "--days", "30", stdout=stdout, stderr=stderr
    )

    secret = stdout.getvalue().strip()
    token = ApiToken.objects.get()
    assert token.prefix == secret[:8]
    assert token.created_by is None
    assert in_days(29) < token.expires_at <= in_days(30)
    assert token.prefix in stderr.getvalue()
    assert secret not in stderr.getvalue()
    assert get(client, secret).status_code == 200
    assert AuditEvent.objects.get(action="api_token.create").actor_label == "sistem"


def test_cli_revokes_by_prefix(world, client):
    token, secret = create(world.admin, world.analyst)
    stdout = StringIO()

    call_command("token", "revoke", token.prefix, stdout=stdout)

    assert token.prefix in stdout.getvalue()
    assert get(client, secret).json()["code"] == "token.revoked"


def test_cli_lists_tokens_without_secrets(world):
    token, secret = create(world.admin, world.analyst)
    stdout = StringIO()

    call_command("token", "list", stdout=stdout)

    assert stdout.getvalue().split()[:3] == [token.prefix, "aktif", "analis"]
    assert secret not in stdout.getvalue()


@pytest.mark.parametrize(
    "args",
    [
        ["create", "tidak_ada", "--name", "SIASN"],
        ["create", "analis", "--name", "SIASN", "--days", "0"],
        ["create", "analis", "--name", "SIASN", "--days", "400"],
        ["revoke", "zzzzzzzz"],
    ],
)
def test_cli_refuses_bad_input(world, args):
    with pytest.raises(CommandError):
        call_command("token", *args, stdout=StringIO(), stderr=StringIO())

    assert ApiToken.objects.count() == 0
