"""Read settings from the environment (and an optional `.env` file at the project root)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def load_dotenv(path: Path) -> None:
    """Put KEY=VALUE lines of `path` into os.environ unless the variable is already set."""
    if not path.is_file():
        return
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def secret_key(var_dir: Path, production: bool) -> str:
    """Return SECRET_KEY from the environment; outside production generate one into var/ once."""
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if production:
        raise RuntimeError("SECRET_KEY must be set when PENATA_ENV=production")
    key_file = var_dir / "secret_key"
    if key_file.is_file():
        return key_file.read_text(encoding="utf-8").strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key, encoding="utf-8")
    key_file.chmod(0o600)
    return key
