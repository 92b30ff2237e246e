#!/usr/bin/env python
"""Development shortcut; the installed command is `penata` (same commands)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from penata.cli import main  # noqa: E402

main()
