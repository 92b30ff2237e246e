"""Complaint tracking codes: unguessable, easy to read aloud, with a check character.

Pure (no Django). A code is 12 random characters from an alphabet without look-alikes
(no 0/O, 1/I/L) plus one check character: 31^12 ≈ 7.9 × 10^17 codes (≈ 59 bits), drawn
with `secrets`, so guessing one that exists is hopeless even without the rate limit.

The check character is a weighted sum modulo 31 (a prime, with weights 1–12 all distinct
modulo 31): it catches every single wrong character and every swap of two different
characters — the usual slips when a code is copied from a WhatsApp message or read over the
phone. Codes are shown in groups of four (`K7QM-4TRX-9HWP-3`); input is accepted in any case,
with or without spaces and hyphens.
"""

from __future__ import annotations

import secrets
from typing import Final

ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
BASE: Final = len(ALPHABET)  # 31, prime
BODY_LENGTH: Final = 12
CODE_LENGTH: Final = BODY_LENGTH + 1
_VALUE: Final = {ch: i for i, ch in enumerate(ALPHABET)}


def check_character(body: str) -> str:
    """The check character of a 12-character body (ValueError for foreign characters)."""
    if len(body) != BODY_LENGTH:
        raise ValueError(f"body must have {BODY_LENGTH} characters")
    total = 0
    for position, ch in enumerate(body, start=1):
        if ch not in _VALUE:
            raise ValueError(f"character {ch!r} is not in the alphabet")
        total += position * _VALUE[ch]
    return ALPHABET[(-total) % BASE]


def new_code() -> str:
    """A fresh random code (13 characters, normalised form)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return body + check_character(body)


def normalise(raw: str) -> str:
    """Upper-case `raw` and drop spaces and hyphens; does not validate."""
    return "".join(ch for ch in raw.upper() if ch not in " -\t\r\n")[: CODE_LENGTH + 8]


def is_well_formed(code: str) -> bool:
    """Whether a normalised code has the right length, alphabet and check character."""
    if len(code) != CODE_LENGTH or any(ch not in _VALUE for ch in code):
        return False
    return check_character(code[:BODY_LENGTH]) == code[BODY_LENGTH]


def display(code: str) -> str:
    """`K7QM4TRX9HWP3` → `K7QM-4TRX-9HWP-3`."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
