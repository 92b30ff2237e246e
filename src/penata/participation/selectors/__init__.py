"""Reads of participation, scoped to the acting user (or public, with no personal data)."""
