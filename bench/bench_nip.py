"""Decoding NIPs: parse_nip (validation and all) against bare slicing into dates.

Imports decode every NIP of a file, so parse_nip sets the pace of a 100,000-row import.
"""

from __future__ import annotations

import datetime as dt
import random

from figure import Figure, best_of

from penata.people.rules import parse_nip

COUNT = 100_000
TODAY = dt.date(2026, 1, 15)


def sample_nips(count: int, seed: int = 2015) -> list[str]:
    """Valid PNS NIPs with plausible birth dates (1965–2000) and TMT at 20–35 years old."""
    rng = random.Random(seed)
    nips = []
    for _ in range(count):
        birth = dt.date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
        tmt_year = min(birth.year + rng.randint(20, 35), TODAY.year)
        sex = rng.choice("12")
        nips.append(
            f"{birth:%Y%m%d}{tmt_year}{rng.randint(1, 12):02d}{sex}{rng.randint(1, 999):03d}"
        )
    return nips


def bare_decode(nip: str) -> tuple[dt.date, dt.date, str, int]:
    """The least any decoder must do: slice the fields and build the two dates."""
    return (
        dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8])),
        dt.date(int(nip[8:12]), int(nip[12:14]), 1),
        nip[14],
        int(nip[15:18]),
    )


def run() -> list[Figure]:
    nips = sample_nips(COUNT)
    # Both decoders must agree before their speed means anything.
    for nip in nips[:1000]:
        decoded = parse_nip(nip, today=TODAY)
        birth, tmt, _, serial = bare_decode(nip)
        assert (decoded.birth_date, decoded.tmt_cpns, decoded.serial) == (birth, tmt, serial)

    parse_seconds = best_of(lambda: [parse_nip(nip, today=TODAY) for nip in nips])
    bare_seconds = best_of(lambda: [bare_decode(nip) for nip in nips])
    return [
        Figure(
            name=f"parse_nip × {COUNT:,}",
            value=parse_seconds * 1000,
            unit="ms",
            baseline_name="slicing + datetime.date",
            baseline_value=bare_seconds * 1000,
            goal="≤ 6× bare decoding: validating costs little next to reading the file",
            max_ratio=6,
        ),
    ]
