"""Sign-in protection: throttling, session lifetimes, session keys, two-factor sign-in."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from penata.accounts.security import SESSION_STARTED_KEY
from penata.core.models import AuditEvent

PASSWORD = "rahasia-uji-123"  # tests/factories.py UserFactory
HOME = "/beranda/"


def _login(client: Client, username: str, password: str = PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_passwords_are_hashed_with_argon2_first(db, settings):
    from penata.config import settings as project_settings
    from tests.factories import UserFactory

    assert project_settings.PASSWORD_HASHERS[0] == (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    )
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    assert UserFactory(username="baru").password.startswith("argon2$argon2id$")


def test_lockout_after_repeated_failures_then_cool_off(world, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(2):
        assert _login(client, "admin", "salah-sandi").status_code == 200  # form again
    assert _login(client, "admin", "salah-sandi").status_code == 429  # the third: locked
    locked = _login(client, "admin")  # right password, but still locked out
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Cool-off: the failures are older than AXES_COOLOFF_TIME.
    cooloff = dt.timedelta(hours=settings.AXES_COOLOFF_TIME) + dt.timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=timezone.now() - cooloff)
    assert _login(client, "admin").status_code == 302
    assert client.session["_auth_user_id"] == str(world.users["admin"].pk)


def test_lockout_is_per_username_and_address(world, settings):
    settings.AXES_FAILURE_LIMIT = 2
    client = Client()
    for _ in range(2):
        _login(client, "admin", "salah-sandi")
    assert _login(client, "admin").status_code == 429
    assert _login(Client(), "analis").status_code == 302  # another account is not locked


def test_new_session_key_at_login(world):
    client = Client()
    session = client.session
    session["jejak"] = "sebelum login"
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert _login(client, "pegawai").status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()


def _cookie_client(session_key: str) -> Client:
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return other


def test_session_dead_after_logout(world):
    client = Client()
    _login(client, "pegawai")
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get(HOME).status_code == 200
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=key).exists()
    replay = _cookie_client(key).get(HOME)
    assert replay.status_code == 302 and replay["Location"].startswith(reverse("accounts:login"))


def test_session_dead_after_deactivation(world, signed_in):
    client = signed_in(world.users["employee"])
    assert client.get(HOME).status_code == 200
    world.users["employee"].is_active = False
    world.users["employee"].save()
    assert client.get(HOME).status_code == 302


def test_session_dead_after_password_change(world, signed_in):
    client = signed_in(world.users["employee"])
    assert client.get(HOME).status_code == 200
    user = world.users["employee"]
    user.set_password("sandi-baru-yang-panjang-1")
    user.save()
    assert client.get(HOME).status_code == 302


def test_idle_timeout_renews_on_use_and_expires_when_idle(world, signed_in):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    client = signed_in(world.users["employee"])
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + dt.timedelta(minutes=1)
    )
    assert client.get(HOME).status_code == 200
    renewed = Session.objects.get(session_key=key).expire_date
    assert renewed > timezone.now() + dt.timedelta(minutes=29)
    # 30 idle minutes later the row has expired.
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    assert client.get(HOME).status_code == 302


def test_absolute_lifetime_ends_even_an_active_session(world, signed_in):
    assert settings.PENATA_SESSION_ABSOLUTE_SECONDS == 12 * 60 * 60
    client = signed_in(world.users["employee"])
    assert client.get(HOME).status_code == 200
    session = client.session
    assert int(time.time()) - session[SESSION_STARTED_KEY] < 60
    session[SESSION_STARTED_KEY] = int(time.time()) - 12 * 60 * 60 + 60  # 11 h 59 m ago
    session.save()
    assert client.get(HOME).status_code == 200
    session = client.session
    session[SESSION_STARTED_KEY] = int(time.time()) - 12 * 60 * 60 - 1
    session.save()
    ended = client.get(HOME)
    assert ended.status_code == 302 and ended["Location"] == reverse("accounts:login")
    assert client.get(HOME).status_code == 302  # and it stays ended


# --- two-factor sign-in -----------------------------------------------------------------


def _current_code(device: TOTPDevice) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return str(code).zfill(device.digits)


@pytest.mark.parametrize("role", ["admin", "org_analyst", "unit_head_in", "auditor"])
def test_two_factor_is_enforced_for_privileged_roles(world, settings, role):
    settings.PENATA_REQUIRE_2FA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no back-off delay after the wrong code below
    client = Client()
    assert _login(client, world.users[role].username).status_code == 302
    blocked = client.get(HOME)
    assert blocked.status_code == 302
    assert blocked["Location"] == f"{reverse('security:two_factor')}?next={HOME}"
    api = client.get("/api/v1/units")
    assert (api.status_code, api.json()["code"]) == (403, "two_factor_required")

    setup = client.get(reverse("security:two_factor"))
    assert setup.status_code == 200 and setup.context["setting_up"] is True
    device = TOTPDevice.objects.get(user=world.users[role])
    assert not device.confirmed
    wrong = client.post(reverse("security:two_factor"), {"token": "000000", "next": HOME})
    assert wrong.status_code == 200 and client.get(HOME).status_code == 302
    done = client.post(
        reverse("security:two_factor"), {"token": _current_code(device), "next": HOME}
    )
    assert done.status_code == 302 and done["Location"] == HOME
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(HOME).status_code == 200
    assert AuditEvent.objects.filter(
        action="account.2fa_enabled", object_id=str(world.users[role].pk)
    ).exists()

    # The next sign-in asks for a code again (the device is set up now).
    second = Client()
    _login(second, world.users[role].username)
    assert second.get(HOME).status_code == 302
    page = second.get(reverse("security:two_factor"))
    assert page.context["setting_up"] is False


@pytest.mark.parametrize("role", ["employee", "supervisor", "moderator"])
def test_two_factor_not_required_for_other_roles(world, settings, role):
    settings.PENATA_REQUIRE_2FA = True
    client = Client()
    _login(client, world.users[role].username)
    assert client.get(HOME).status_code == 200


def test_two_factor_skipped_when_not_required(world, settings):
    settings.PENATA_REQUIRE_2FA = False
    client = Client()
    _login(client, "admin")
    assert client.get(HOME).status_code == 200
    assert not TOTPDevice.objects.exists()


def test_api_tokens_are_not_held_up_by_two_factor(world, settings):
    from penata.accounts.services import api_token_create

    settings.PENATA_REQUIRE_2FA = True
    _, secret = api_token_create(
        actor=None, user=world.users["admin"], name="Integrasi",
        expires_at=timezone.now() + dt.timedelta(days=1),
    )  # fmt: skip
    response = Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/units")
    assert response.status_code == 200
