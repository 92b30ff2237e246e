"""Personal-data classes of every Employee field (UU 27/2022 Pelindungan Data Pribadi, Pasal 4).

- `public`: may appear on public pages and in the public API.
- `general` (data pribadi yang bersifat umum, Pasal 4 ayat 3): full name, sex, and data that
  combined identify a person — birth date, NIP (it encodes the birth date), contact details,
  employment facts. Shown only to staff whose role reaches the employee.
- `specific` (data pribadi yang bersifat spesifik, Pasal 4 ayat 2): shown only to `admin`
  covering the employee and to the employee themself; masked elsewhere; every view logged
  (`personal_data.view`). UU PDP's own list (health, biometrics, criminal records, children,
  personal finance) holds no Employee field yet; Penata treats the NIK as specific too —
  the key to a person's civil registry record, and the most abused identifier in Indonesian
  data leaks (issue #3).

Officials (pejabat: holders of a managerial position, `reference.MANAGERIAL_KINDS`) act in
public: their name, titles, NIP and position title are `public` (DESIGN §7 forbids the NIP of
non-officials only). `tests/accounts/test_privacy.py` fails when a field is added to
Employee without a class here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class DataClass(StrEnum):
    PUBLIC = "public"
    GENERAL = "general"
    SPECIFIC = "specific"


@dataclass(frozen=True)
class FieldClass:
    name: str
    data_class: DataClass
    label: StrOrPromise  # lazily translated
    # True: public when the employee is an official (holds a managerial position).
    public_for_officials: bool = False


_G, _S, _P = DataClass.GENERAL, DataClass.SPECIFIC, DataClass.PUBLIC

EMPLOYEE_FIELDS: dict[str, FieldClass] = {
    f.name: f
    for f in (
        FieldClass("id", _G, _("ID pegawai")),
        FieldClass("instansi", _P, _("Instansi")),
        FieldClass("user", _G, _("Akun pengguna")),
        FieldClass("nip", _G, _("NIP / NI PPPK"), public_for_officials=True),
        FieldClass("name", _G, _("Nama"), public_for_officials=True),
        FieldClass("front_title", _G, _("Gelar depan"), public_for_officials=True),
        FieldClass("back_title", _G, _("Gelar belakang"), public_for_officials=True),
        FieldClass("birth_date", _G, _("Tanggal lahir")),
        FieldClass("sex", _G, _("Jenis kelamin")),
        FieldClass("kind", _G, _("Jenis pegawai")),
        FieldClass("golongan", _G, _("Golongan")),
        FieldClass("tmt_golongan", _G, _("TMT golongan")),
        FieldClass("education", _G, _("Pendidikan terakhir")),
        FieldClass("education_major", _G, _("Jurusan")),
        FieldClass("status", _G, _("Status kepegawaian")),
        FieldClass("nik", _S, _("NIK")),
        FieldClass("email", _G, _("Surel")),
        FieldClass("phone", _G, _("Telepon")),
    )
}
# Not a field of Employee but of the current Assignment's Position: public for officials.
POSITION_TITLE = FieldClass("position_title", _G, _("Nama jabatan"), public_for_officials=True)

SPECIFIC_FIELDS: tuple[str, ...] = tuple(
    name for name, f in EMPLOYEE_FIELDS.items() if f.data_class is DataClass.SPECIFIC
)


def class_of(field: str) -> DataClass:
    """The class of an Employee field; KeyError for a field nobody classified."""
    return EMPLOYEE_FIELDS[field].data_class


def public_fields(*, is_official: bool) -> tuple[str, ...]:
    """Fields a public page or the public API may show of this employee."""
    return tuple(
        name
        for name, f in EMPLOYEE_FIELDS.items()
        if f.data_class is DataClass.PUBLIC or (is_official and f.public_for_officials)
    )


def label_of(field: str) -> str:
    """The label of a field in the active language (the name itself for an unknown field)."""
    found = EMPLOYEE_FIELDS.get(field)
    return str(found.label) if found else field
