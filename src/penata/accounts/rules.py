"""API token secrets: how they are made, named and hashed (pure functions).

A secret is 43 characters from [A-Za-z0-9] (43 × log2 62 ≈ 256 random bits), without `-` or
`_` so that its prefix never reads as a command-line option. Only its SHA-256 is stored: a
slow password hash is pointless against a secret with 256 bits of entropy, and the fast one
keeps every API request cheap.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 43
PREFIX_LENGTH = 8


def token_secret_new() -> str:
    """A fresh random secret (cryptographically strong)."""
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def token_prefix(secret: str) -> str:
    """The first characters of the secret, stored in clear to name the token."""
    return secret[:PREFIX_LENGTH]


def token_hash(secret: str) -> str:
    """The hex SHA-256 digest stored in place of the secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def token_matches(secret: str, stored_hash: str) -> bool:
    """Compare in constant time, so response timing says nothing about the stored hash."""
    return hmac.compare_digest(token_hash(secret), stored_hash)


def token_well_formed(secret: str) -> bool:
    return len(secret) == TOKEN_LENGTH and all(ch in TOKEN_ALPHABET for ch in secret)
