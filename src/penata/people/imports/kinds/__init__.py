"""One importer per kind: how rows are keyed, checked, compared and written."""

from __future__ import annotations

from penata.people.imports.engine import Importer
from penata.people.imports.kinds.duties import DutyImporter
from penata.people.imports.kinds.employees import EmployeeImporter
from penata.people.imports.kinds.positions import PositionImporter
from penata.people.imports.kinds.units import UnitImporter

IMPORTERS: dict[str, type[Importer]] = {
    "units": UnitImporter,
    "positions": PositionImporter,
    "duties": DutyImporter,
    "employees": EmployeeImporter,
}
