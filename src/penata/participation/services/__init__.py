"""Writes of participation, one function per use case (each audited, each atomic)."""
