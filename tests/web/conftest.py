"""Fixtures of the web page tests: the known organisation of `tests/web/orgdata.py`."""

from __future__ import annotations

import pytest

from tests.web.orgdata import PASSWORD, Org, build_org

__all__ = ["PASSWORD", "Org"]


@pytest.fixture
def org(db) -> Org:
    return build_org()


@pytest.fixture
def as_user(client, org):
    """Log the test client in as one of the org's users: `as_user("admin")`."""

    def login(username: str):
        client.force_login(org.users[username])
        return client

    return login
