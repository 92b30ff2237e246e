"""What the `penata import` and `penata export` commands share: progress bars, exit codes,
the instansi named on the command line."""

from __future__ import annotations

import sys
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError

from penata.org.models import Instansi
from penata.people.imports.engine import STAGE_LABELS

EXIT_INVALID_ROWS = 1
EXIT_BAD_FILE = 2


class ProgressBars:
    """One tqdm bar per stage on stderr, only on a terminal."""

    def __init__(self) -> None:
        self.stage: str | None = None
        self.bar: Any = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = tqdm(
                total=max(total, 1), desc=STAGE_LABELS.get(stage, stage), unit="baris",
                file=sys.stderr, leave=False, dynamic_ncols=True,
            )  # fmt: skip
        if self.bar is not None:
            self.bar.total = max(total, 1)
            self.bar.n = min(done, self.bar.total)
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def instansi_by_code(code: str | None) -> Instansi:
    code = code or settings.PENATA_DEFAULT_INSTANSI
    found = Instansi.objects.filter(code=code).first()
    if found is None:
        raise CommandError(f"Instansi berkode {code} tidak ada.", returncode=EXIT_BAD_FILE)
    return found
