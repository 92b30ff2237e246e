"""The deterministic Surakarta demo dataset behind `penata demo` (and so `make demo`).

This module stays import-light (no models) so that `penata serve` can print the demo logins
without loading the generator. The loader service is `penata.org.demo.load.demo_load`.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

# One published password for every demo account (the demo is for trying Penata, not for
# real data); `penata demo` and `penata serve` print it next to the logins.
DEMO_PASSWORD: Final = "penata-demo"  # noqa: S105 - published on purpose

DEFAULT_SEED: Final = 2026
DEFAULT_EMPLOYEES: Final = 8000
# Smallest workforce that still staffs the personas behind the demo logins, their reporting
# chains and the Plt (acting) officials.
MIN_EMPLOYEES: Final = 50

# Ages, service years and dates are computed against this fixed day, never today's date,
# so that the same seed always yields the same data.
REFERENCE_DATE: Final = dt.date(2026, 1, 1)
# Nobody in the dataset reaches batas usia pensiun before this day, so the data stays
# plausible for a while after the reference date.
RETIREMENT_NOT_BEFORE: Final = dt.date(2027, 7, 1)
# The unit tree and the peta jabatan are in force from the SOTK after penyederhanaan
# birokrasi; definitive assignments start on or after this day.
STRUCTURE_VALID_FROM: Final = dt.date(2022, 1, 1)

# (username, role) of the demo accounts. `role` is an accounts.Role value; the superuser
# carries a descriptive label instead, since superuser is not a role.
DEMO_LOGINS: Final[tuple[tuple[str, str], ...]] = (
    ("superadmin", "Superuser (akses penuh, termasuk admin Django)"),
    ("admin", "admin"),
    ("analis", "org_analyst"),
    ("kadis", "unit_head"),
    ("atasan", "supervisor"),
    ("pegawai", "employee"),
    ("moderator", "moderator"),
    ("auditor", "auditor"),
)


def demo_logins_lines() -> list[str]:
    """The demo logins as aligned lines for a terminal: username, role label."""
    from penata.accounts.models import Role

    labels = dict(Role.choices)
    width = max(len(username) for username, _ in DEMO_LOGINS)
    return [
        f"  {username.ljust(width)}  {labels.get(role, role)}" for username, role in DEMO_LOGINS
    ]
