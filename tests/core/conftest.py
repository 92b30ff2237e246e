"""Fixtures of the core tests: the security world of tests/accounts/world.py."""

from tests.accounts.conftest import _fast_password_hashing, signed_in, world  # noqa: F401
