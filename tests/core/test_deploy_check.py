"""`manage.py check --deploy --fail-level WARNING` passes under production settings."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

PENATA = Path(sys.executable).parent / "penata"


def _check(tmp_path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PENATA_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "penata.surakarta.go.id",
        "PENATA_DEMO": "0",
        "PENATA_VAR_DIR": str(tmp_path),
        **extra,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [str(PENATA), "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_deploy_check_passes_under_production_settings(tmp_path):
    result = _check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_catches_a_weakened_setting(tmp_path):
    """The same run fails when production is misconfigured (DEBUG on): the check bites."""
    result = _check(tmp_path, DEBUG="1")
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr
