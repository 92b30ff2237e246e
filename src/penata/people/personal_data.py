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


class DataClass(StrEnum):
    PUBLIC = "public"
    GENERAL = "general"
    SPECIFIC = "specific"


@dataclass(frozen=True)
class FieldClass:
    name: str
    data_class: DataClass
    label: str
    # True: public when the employee is an official (holds a managerial position).
    public_for_officials: bool = False


_G, _S, _P = DataClass.GENERAL, DataClass.SPECIFIC, DataClass.PUBLIC

EMPLOYEE_FIELDS: dict[str, FieldClass] = {
    f.name: f
    for f in (
        FieldClass("id", _G, "ID pegawai"),
        FieldClass("instansi", _P, "Instansi"),
        FieldClass("user", _G, "Akun pengguna"),
        FieldClass("nip", _G, "NIP / NI PPPK", public_for_officials=True),
        FieldClass("name", _G, "Nama", public_for_officials=True),
        FieldClass("front_title", _G, "Gelar depan", public_for_officials=True),
        FieldClass("back_title", _G, "Gelar belakang", public_for_officials=True),
        FieldClass("birth_date", _G, "Tanggal lahir"),
        FieldClass("sex", _G, "Jenis kelamin"),
        FieldClass("kind", _G, "Jenis pegawai"),
        FieldClass("golongan", _G, "Golongan"),
        FieldClass("tmt_golongan", _G, "TMT golongan"),
        FieldClass("education", _G, "Pendidikan terakhir"),
        FieldClass("education_major", _G, "Jurusan"),
        FieldClass("status", _G, "Status kepegawaian"),
        FieldClass("nik", _S, "NIK"),
        FieldClass("email", _G, "Surel"),
        FieldClass("phone", _G, "Telepon"),
    )
}
# Not a field of Employee but of the current Assignment's Position: public for officials.
POSITION_TITLE = FieldClass("position_title", _G, "Nama jabatan", public_for_officials=True)

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
    found = EMPLOYEE_FIELDS.get(field)
    return found.label if found else field
