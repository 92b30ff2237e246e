"""The web form of each operation kind: which fields, in what order, with which widget.

Validation is the engine's (`Operation.validate` with error codes and `field` names); this
module only says how to ask for the parameters. Widgets `unit`, `position`, `duty` are htmx
search selects over the scenario's current structure (600+ units do not fit a plain select).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from penata.core.reference import ESELON, JF_JENJANG, POSITION_KINDS, UNIT_KINDS
from penata.restructure.graph import OPERATIONS, OrgGraph
from penata.restructure.graph.model import ROLES, parse_node_id


@dataclass(frozen=True)
class FormField:
    name: str
    label: str | Promise
    widget: str  # unit | position | duty | text | number | select | checkbox
    required: bool = True
    choices: tuple[tuple[str, Any], ...] = ()
    help: str | Promise = ""
    search_filter: str = ""  # e.g. "convertible" for the penyetaraan post picker
    default: str = ""  # the value shown before anything is submitted


def _choices(mapping: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(mapping.items())


OPTIONAL_JENJANG = (("", _("— tidak ada —")), *_choices(JF_JENJANG))
OPTIONAL_ESELON = (("", _("— tidak ada —")), *((e, e) for e in ESELON))
CREATE_ROLES = (("", _("— tanpa peran —")), *_choices(ROLES))
CONVERT_ROLES = (
    ("auto", _("Otomatis: Koordinator (eks administrator) / Subkoordinator (eks pengawas)")),
    *_choices(ROLES),
    ("", _("Tanpa peran")),
)

OPERATION_FORMS: dict[str, tuple[FormField, ...]] = {
    "unit.create": (
        FormField("parent", _("Unit induk"), "unit"),
        FormField("unit_kind", _("Jenis unit"), "select", choices=_choices(UNIT_KINDS)),
        FormField("code", _("Kode unit"), "text"),
        FormField("name", _("Nama unit"), "text"),
    ),
    "unit.rename": (
        FormField("unit", _("Unit"), "unit"),
        FormField("name", _("Nama baru"), "text"),
        FormField("code", _("Kode baru"), "text", required=False, help=_("Kosongkan bila tetap.")),
    ),
    "unit.move": (
        FormField("unit", _("Unit yang dipindah"), "unit"),
        FormField("parent", _("Unit induk baru"), "unit"),
    ),
    "unit.merge": (
        FormField("source", _("Unit yang digabungkan"), "unit"),
        FormField(
            "target",
            _("Digabungkan ke dalam unit"),
            "unit",
            help=_(
                "Jabatan dan sub-unit pindah ke unit ini; kepala unit yang digabung menjadi "
                "bawahan kepala unit tujuan (setarakan atau hapus bila tidak diperlukan)."
            ),
        ),
    ),
    "unit.abolish": (
        FormField("unit", _("Unit yang dihapus"), "unit"),
        FormField("positions_to", _("Jabatannya dipindah ke unit"), "unit", required=False),
        FormField("children_to", _("Sub-unitnya dipindah ke bawah unit"), "unit", required=False),
    ),
    "position.create": (
        FormField("unit", _("Unit"), "unit"),
        FormField("title", _("Nama jabatan"), "text"),
        FormField("position_kind", _("Jenis jabatan"), "select", choices=_choices(POSITION_KINDS)),
        FormField(
            "jenjang",
            _("Jenjang JF"),
            "select",
            required=False,
            choices=OPTIONAL_JENJANG,
            help=_("Wajib untuk jabatan fungsional."),
        ),
        FormField("kelas", _("Kelas jabatan"), "number", required=False),
        FormField("eselon", _("Eselon (lama)"), "select", required=False, choices=OPTIONAL_ESELON),
        FormField(
            "reports_to",
            _("Atasan langsung"),
            "position",
            required=False,
            help=_("Kosongkan: kepala unitnya (atau kepala unit induk bila jabatan ini kepala)."),
        ),
        FormField("is_unit_head", _("Kepala unit"), "checkbox", required=False),
        FormField("role", _("Peran tim (JF)"), "select", required=False, choices=CREATE_ROLES),
    ),
    "position.move": (
        FormField("position", _("Jabatan yang dipindah"), "position"),
        FormField("unit", _("Unit tujuan"), "unit"),
        FormField(
            "reports_to",
            _("Atasan langsung baru"),
            "position",
            required=False,
            help=_("Kosongkan: kepala unit tujuan."),
        ),
    ),
    "position.abolish": (
        FormField("position", _("Jabatan yang dihapus"), "position"),
        FormField("incumbents_to", _("Pemangkunya pindah ke jabatan"), "position", required=False),
        FormField(
            "duties_to",
            _("Uraian tugasnya pindah ke jabatan"),
            "position",
            required=False,
            help=_("Kosongkan bila uraian tugas ikut dihapus."),
        ),
    ),
    "position.convert": (
        FormField(
            "position",
            _("Jabatan administrator/pengawas"),
            "position",
            search_filter="convertible",
            help=_(
                "Administrator menjadi JF Ahli Madya, pengawas menjadi JF Ahli Muda "
                "(PermenPAN-RB 17/2021)."
            ),
        ),
        FormField(
            "title",
            _("Nama jabatan fungsional"),
            "text",
            required=False,
            help=_("Kosongkan: Analis Kebijakan Ahli Madya / Ahli Muda."),
        ),
        FormField(
            "role",
            _("Peran tim"),
            "select",
            required=False,
            choices=CONVERT_ROLES,
            default="auto",
        ),
        FormField("kelas", _("Kelas jabatan baru"), "number", required=False),
    ),
    "position.reporting_line": (
        FormField("position", _("Jabatan"), "position"),
        FormField(
            "reports_to",
            _("Atasan langsung baru"),
            "position",
            required=False,
            help=_("Kosongkan bila tidak memiliki atasan dalam struktur."),
        ),
    ),
    "duty.move": (
        FormField("duty", _("Uraian tugas"), "duty"),
        FormField("position", _("Pindah ke jabatan"), "position"),
    ),
    "duty.change": (
        FormField("duty", _("Uraian tugas"), "duty"),
        FormField(
            "volume",
            _("Volume baru"),
            "number",
            required=False,
            help=_("Per periode uraian tugas."),
        ),
        FormField("time_norm", _("Norma waktu baru (menit)"), "number", required=False),
    ),
    "duty.remove": (FormField("duty", _("Uraian tugas"), "duty"),),
}
assert set(OPERATION_FORMS) == set(OPERATIONS)

OPERATION_GROUPS: tuple[tuple[str | Promise, tuple[str, ...]], ...] = (
    (_("Unit"), ("unit.create", "unit.rename", "unit.move", "unit.merge", "unit.abolish")),
    (
        _("Jabatan"),
        (
            "position.create",
            "position.move",
            "position.abolish",
            "position.convert",
            "position.reporting_line",
        ),
    ),
    (_("Uraian tugas"), ("duty.move", "duty.change", "duty.remove")),
)


def operation_label(kind: str) -> str:
    """The name of an operation kind in the active language."""
    cls = OPERATIONS.get(kind)
    return cls.translated_label() if cls else kind


def form_values(kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The submitted parameters of `kind` (unknown keys dropped; an unticked box is False)."""
    values: dict[str, Any] = {}
    for field in OPERATION_FORMS.get(kind, ()):
        raw = data.get(field.name, "")
        if field.widget == "checkbox":
            values[field.name] = raw in ("on", "1", "true", True)
        else:
            values[field.name] = raw
    return values


@dataclass(frozen=True)
class BoundField:
    field: FormField
    value: str
    value_label: str
    errors: tuple[str, ...]


def bind(
    kind: str,
    graph: OrgGraph,
    values: Mapping[str, Any] | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> tuple[list[BoundField], list[str]]:
    """The fields of `kind` with their values (and the chosen node's label for search
    selects) and errors; errors not tied to a field come back separately."""
    values = values or {}
    by_field: dict[str, list[str]] = {}
    general: list[str] = []
    names = {f.name for f in OPERATION_FORMS.get(kind, ())}
    for err in errors or []:
        if err.get("field") in names:
            by_field.setdefault(err["field"], []).append(err["message"])
        else:
            general.append(err["message"])
    bound = []
    for field in OPERATION_FORMS.get(kind, ()):
        raw = values.get(field.name, field.default)
        value = "on" if raw is True else "" if raw in (None, False) else str(raw)
        label = ""
        node_id = parse_node_id(value) if field.widget in ("unit", "position", "duty") else None
        if node_id is not None:
            if field.widget == "unit":
                label = graph.unit_label(node_id)
            elif field.widget == "position":
                label = graph.position_label(node_id)
            else:
                duty = graph.duties.get(node_id)
                label = duty.statement[:120] if duty else f"#{node_id}"
        bound.append(BoundField(field, value, label, tuple(by_field.get(field.name, ()))))
    return bound, general
