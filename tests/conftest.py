"""Shared pytest fixtures. Factories live in tests/factories.py."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def instansi(db):
    from tests.factories import InstansiFactory

    return InstansiFactory()
