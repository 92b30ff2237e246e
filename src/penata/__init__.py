"""Penata: civil-service restructuring platform for Indonesian local governments."""

__version__ = "0.1.0"
