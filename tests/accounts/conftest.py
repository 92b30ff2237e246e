"""Fixtures of the access-control tests: the security world of `tests/accounts/world.py`."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.accounts.world import build_world


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Accounts are made per test; argon2 would make that the slow part (login tests that
    need the real hasher set it back)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def signed_in():
    """A fresh test client with a session of `user`."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
