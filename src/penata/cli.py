"""The `penata` command: Django's management commands with Penata's settings preselected.

`penata nip …`, `penata demo`, `penata serve`, `penata import …` are management commands of
the apps; `penata help` lists them all.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "penata.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["penata", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
