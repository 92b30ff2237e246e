"""Shared pytest fixtures. Factories live in tests/factories.py."""

from __future__ import annotations

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests check rules, not speed: on a loaded two-core CI machine an example can take
# longer than Hypothesis' default 200 ms deadline, which would fail a correct rule.
hypothesis_settings.register_profile("penata", deadline=None)
hypothesis_settings.load_profile("penata")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request in English (cookie or header)
    leaves English active in the thread, which would leak into the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def in_english(client):
    """The test client with English chosen through the language switch, as a visitor would
    (`_default_language` puts the thread back to the default afterwards)."""
    from django.urls import reverse

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


@pytest.fixture
def instansi(db):
    from tests.factories import InstansiFactory

    return InstansiFactory()


def pytest_xdist_make_scheduler(config, log):
    """Under `--dist loadgroup`, run every test of tests/e2e on one worker (one browser).

    xdist's own grouping rewrites node ids, which pytest 9.2 no longer lets it do
    (pytest-dev/pytest-xdist#1386), so the group is read from the path here; `@group`
    suffixes still count once xdist is fixed.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class PathGroupScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith("tests/e2e/"):
                return "e2e"
            return super()._split_scope(nodeid)

    return PathGroupScheduling(config, log)
