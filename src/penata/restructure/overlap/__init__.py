"""Detection of overlapping duties between units (tumpang tindih tugas).

Pure Python (no Django): `find_overlaps(statements)` takes duty statements of units and
returns the pairs of statements of different units that say the same thing, with evidence,
grouped into clusters. See docs/overlap.md.
"""

from penata.restructure.overlap.detect import (
    DEFAULT_THRESHOLD,
    Cluster,
    OverlapResult,
    Pair,
    Statement,
    find_overlaps,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "Cluster",
    "OverlapResult",
    "Pair",
    "Statement",
    "find_overlaps",
]
