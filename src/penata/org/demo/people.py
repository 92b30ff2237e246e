"""Demo employees and their assignments, drawn for the positions of a plan.

Everything is computed against `REFERENCE_DATE` with the given `Random` and seeded `Faker`,
never today's date or global random state. NIP, NI PPPK and NIK follow DOMAIN.md §1 and parse
with `penata.people.rules`; golongan follows education, years of service and the position;
nobody reaches batas usia pensiun before `RETIREMENT_NOT_BEFORE`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from random import Random
from typing import Any, Final

from penata.core import reference
from penata.org.demo import (
    MIN_EMPLOYEES,
    REFERENCE_DATE,
    RETIREMENT_NOT_BEFORE,
    STRUCTURE_VALID_FROM,
)
from penata.org.demo.catalog import FAMILIES, MIXES
from penata.org.demo.plan import Plan, PlanPosition
from penata.org.demo.titles import pick_education, title_for
from penata.people import rules

# (Perangkat Daerah code, unit name, position title) held by the person behind each demo login.
PERSONAS: Final[dict[str, tuple[str, str, str]]] = {
    "admin": (
        "BKPSDM",
        "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
        "Analis Sumber Daya Manusia Aparatur Ahli Muda",
    ),
    "analis": ("SETDA", "Bagian Organisasi", "Analis Kebijakan Ahli Muda"),
    "kadis": ("DINKES", "Dinas Kesehatan", "Kepala Dinas Kesehatan"),
    "atasan": ("DINKES", "Seksi Pelayanan Kesehatan", "Kepala Seksi Pelayanan Kesehatan"),
    "pegawai": ("DINKES", "Seksi Pelayanan Kesehatan", "Penata Kelola Layanan Kesehatan"),
    "moderator": (
        "DISKOMINFOSP",
        "Bidang Informasi dan Komunikasi Publik",
        "Pranata Hubungan Masyarakat Ahli Pertama",
    ),
    "auditor": ("INSPEKTORAT", "Inspektur Pembantu Wilayah I", "Auditor Ahli Muda"),
}

VACANT_SHARE: Final = 0.03  # of official posts and of other positions, left without holder
OFFICIAL_SHARE: Final = 0.3  # at most this share of a small workforce goes to official posts

# Age at the reference date: (youngest, oldest, most common).
OFFICIAL_AGES: Final = {
    "IIa": (48, 59, 55), "IIb": (45, 59, 53), "IIIa": (40, 57, 50), "IIIb": (38, 57, 48),
    "IVa": (32, 57, 46), "IVb": (30, 57, 43),
}  # fmt: skip
JF_AGES: Final = {
    "ahli_utama": (56, 64, 60), "ahli_madya": (42, 59, 51), "ahli_muda": (33, 57, 45),
    "ahli_pertama": (24, 57, 33), "penyelia": (40, 57, 50), "mahir": (30, 57, 42),
    "terampil": (22, 57, 33), "pemula": (20, 45, 26),
}  # fmt: skip
PELAKSANA_AGES: Final = (21, 57, 43)
PPPK_AGES: Final = (23, 56, 37)
PPPK_PW_AGES: Final = (20, 55, 34)

# Youngest age at first appointment by education (PP 11/2017: at least 18).
ENTRY_AGE: Final = {
    "sd": 18, "smp": 18, "sma": 18, "d1": 19, "d2": 20, "d3": 21, "d4": 22, "s1": 22,
    "s2": 24, "s3": 28,
}  # fmt: skip
MAX_ENTRY_AGE: Final = 35  # CPNS (PermenPAN-RB 27/2021); dokter and specialists up to 40

# Lowest pangkat for an eselon (PP 13/2002) and the golongan band of each JF jenjang.
ESELON_MIN_GOLONGAN: Final = {
    "IIa": "IV/c", "IIb": "IV/b", "IIIa": "III/d", "IIIb": "III/c", "IVa": "III/b", "IVb": "III/a",
}  # fmt: skip
JENJANG_GOLONGAN: Final = {
    "ahli_pertama": ("III/a", "III/b"), "ahli_muda": ("III/c", "III/d"),
    "ahli_madya": ("IV/a", "IV/c"), "ahli_utama": ("IV/d", "IV/e"),
    "pemula": ("II/a", "II/a"), "terampil": ("II/b", "II/d"),
    "mahir": ("III/a", "III/b"), "penyelia": ("III/c", "III/d"),
}  # fmt: skip
PELAKSANA_MAX_GOLONGAN: Final = "III/d"
# PPPK golongan by JF jenjang [P] (DOMAIN §2.2); others by education.
PPPK_JENJANG_GOLONGAN: Final = {
    "ahli_pertama": "IX", "ahli_muda": "XI", "ahli_madya": "XIII", "ahli_utama": "XVI",
    "pemula": "V", "terampil": "VII", "mahir": "IX", "penyelia": "XI",
}  # fmt: skip
PPPK_YEARS: Final = ((2021, 14), (2022, 22), (2023, 22), (2024, 24), (2025, 18))

# Klasifikasi arsip of the decrees (SK): jabatan, CPNS appointment, PPPK appointment.
SK_JABATAN: Final = "821.2"
SK_CPNS: Final = "813.3"
SK_PPPK: Final = "810"

OUTSIDE_JAVA_SURNAMES: Final = frozenset(
    {
        "Damanik", "Dongoran", "Dabukke", "Hutagalung", "Hutapea", "Hutasoit", "Latupono",
        "Mangunsong", "Manullang", "Marpaung", "Marbun", "Nainggolan", "Nababan", "Napitupulu",
        "Siregar", "Sihombing", "Samosir", "Saragih", "Sihotang", "Simanjuntak", "Sinaga",
        "Simbolon", "Sitompul", "Sitorus", "Sirait", "Situmorang", "Tampubolon", "Tamba",
        "Tarihoran", "Namaga",
    }
)  # fmt: skip

_RANK = {g.label: g.rank for g in reference.PNS_GOLONGAN}
_LABEL = {g.rank: g.label for g in reference.PNS_GOLONGAN}


@dataclass
class PlanEmployee:
    index: int
    nip: str
    name: str
    front_title: str
    back_title: str
    birth_date: dt.date
    sex: str
    kind: str
    golongan: str
    tmt_golongan: dt.date
    education: str
    education_major: str
    status: str
    nik: str
    position: int  # the definitive post the employee was drawn for


@dataclass
class PlanAssignment:
    employee: int
    position: int
    start: dt.date
    end: dt.date | None
    sk_number: str
    acting: str = ""


@dataclass
class People:
    employees: list[PlanEmployee] = field(default_factory=list)
    assignments: list[PlanAssignment] = field(default_factory=list)
    personas: dict[str, int] = field(default_factory=dict)  # username -> employee index
    vacant_official: list[int] = field(default_factory=list)  # positions
    acting: list[int] = field(default_factory=list)  # vacant official posts held by a Plt


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class _Generator:
    def __init__(self, plan: Plan, rng: Random, fake: Any) -> None:
        self.plan = plan
        self.rng = rng
        self.fake = fake
        self.people = People()
        self.nips: set[str] = set()
        self.niks: set[str] = set()
        self.sk_counters: dict[tuple[str, int], int] = {}

    # -- who fills what -----------------------------------------------------------------------

    def _chain(self, index: int) -> list[int]:
        out, boss = [], self.plan.positions[index].reports_to
        while boss is not None:
            out.append(boss)
            boss = self.plan.positions[boss].reports_to
        return out

    def _sekretaris_of(self, pd: int | None) -> int | None:
        for pos in self.plan.positions:
            unit = self.plan.units[pos.unit]
            if unit.kind == "sekretariat" and unit.parent == pd and pos.is_unit_head:
                return pos.index
        return None

    def _choose_vacancies(self, must: set[int]) -> dict[int, int]:
        """Leave some official posts vacant; three of them are held by a Plt official.

        Returns {vacant post: Plt holder's own post}."""
        rng, positions, units = self.rng, self.plan.positions, self.plan.units
        officials = [p for p in positions if p.is_managerial]
        candidates = [p for p in officials if p.index not in must and p.reports_to is not None]
        acting: dict[int, int] = {}
        kinds = (
            lambda p: p.eselon == "IIb" and units[p.unit].kind in ("dinas", "badan"),
            lambda p: p.eselon == "IIIb" and units[p.unit].kind == "bidang",
            lambda p: p.role == "lurah",
        )
        for matches in kinds:
            options = [p for p in candidates if matches(p) and p.index not in acting]
            rng.shuffle(options)
            for post in options:
                unit = units[post.unit]
                if post.role == "lurah":
                    holder = next(
                        (q.index for q in positions if q.unit == post.unit and q.role == "sekkel"),
                        None,
                    )
                else:
                    holder = self._sekretaris_of(unit.pd)
                if holder is None or holder in acting or holder == post.index:
                    continue
                acting[post.index] = holder
                break
        self.people.acting = sorted(acting)
        taken = set(acting) | set(acting.values())
        rest = [p.index for p in candidates if p.index not in taken]
        extra = max(0, round(VACANT_SHARE * len(officials)) - len(acting))
        vacant = set(acting) | set(rng.sample(rest, min(extra, len(rest))))
        self.people.vacant_official = sorted(vacant)
        return acting

    def _counts(self, employees: int) -> tuple[dict[int, int], dict[int, int]]:
        """(headcount per position, Plt post -> holder's post) for `employees` people."""
        if employees < MIN_EMPLOYEES:
            raise ValueError(f"employees must be at least {MIN_EMPLOYEES}")
        positions = self.plan.positions
        persona_posts = {self.plan.find_position(*where).index for where in PERSONAS.values()}
        must = set(persona_posts)
        for index in persona_posts:
            must.update(self._chain(index))
        acting = self._choose_vacancies(must)
        for holder in acting.values():
            must.add(holder)
            must.update(self._chain(holder))
        vacant = set(self.people.vacant_official)

        def official_order(p: PlanPosition) -> tuple[int, int, int]:
            return (0 if p.index in must else 1, p.chain_depth, p.index)

        officials = sorted(
            (p for p in positions if p.is_single and p.index not in vacant),
            key=official_order,
        )
        required = sum(1 for p in officials if p.index in must)
        n_officials = min(len(officials), max(required, round(employees * OFFICIAL_SHARE)))
        counts = {p.index: 1 for p in officials[:n_officials]}

        staff = [p for p in positions if not p.is_single]
        rest = [p.index for p in staff if p.index not in persona_posts]
        closed = set(self.rng.sample(rest, round(VACANT_SHARE * len(staff))))
        reserved = [p for p in staff if p.index in persona_posts]
        remaining = employees - n_officials - len(reserved)
        if remaining < 0:
            raise ValueError(f"employees must be at least {n_officials + len(reserved)}")
        weights = [0.0 if p.index in closed else p.weight for p in staff]
        total = sum(weights)
        quotas = [remaining * w / total for w in weights]
        share = [int(q) for q in quotas]
        # Largest remainder; ties go to the earlier position, so the result is deterministic.
        leftover = remaining - sum(share)
        order = sorted(range(len(staff)), key=lambda i: (-(quotas[i] - share[i]), i))
        for i in order[:leftover]:
            share[i] += 1
        for pos, n in zip(staff, share, strict=True):
            n += 1 if pos.index in persona_posts else 0
            if n:
                counts[pos.index] = n
        return counts, acting

    # -- one person ---------------------------------------------------------------------------

    def _kind(self, pos: PlanPosition, *, persona: bool) -> str:
        if pos.is_managerial or persona or pos.is_penyetaraan or not pos.family:
            return "pns"
        weights = MIXES[FAMILIES[pos.family].mix]
        kind = self.rng.choices(("pns", "cpns", "pppk", "pppk_pw"), weights=weights)[0]
        senior = pos.jf_jenjang in ("ahli_muda", "ahli_madya", "ahli_utama", "mahir", "penyelia")
        if kind == "cpns" and senior:
            return "pns"
        if kind in ("pppk", "pppk_pw") and pos.jf_jenjang in ("ahli_madya", "ahli_utama"):
            return "pns"
        return kind

    def _age_band(self, pos: PlanPosition, kind: str) -> tuple[int, int, float]:
        if kind == "pppk":
            return PPPK_AGES
        if kind == "pppk_pw":
            return PPPK_PW_AGES
        if pos.is_managerial:
            return OFFICIAL_AGES[pos.eselon]
        if pos.jf_jenjang:
            if pos.is_penyetaraan:
                return (40, 57, 50)
            return JF_AGES[pos.jf_jenjang]
        return PELAKSANA_AGES

    def _birth_date(self, lo: float, hi: float, mode: float, bup: int) -> dt.date:
        rng = self.rng
        hi = max(hi, lo)
        age = rng.triangular(lo, hi, min(max(mode, lo), hi))
        birth = REFERENCE_DATE - dt.timedelta(days=int(age * 365.25) + rng.randint(0, 364))
        while rules.retirement_date(birth, bup) <= RETIREMENT_NOT_BEFORE:
            birth = _add_years(birth, 1)
        return birth

    def _sk(self, code: str, year: int) -> str:
        key = (code, year)
        n = self.sk_counters.get(key, self.rng.randint(8, 60)) + self.rng.randint(1, 5)
        self.sk_counters[key] = n
        return f"{code}/{n}/{year}"

    def _nip(self, birth: dt.date, middle: str, sex: str) -> str:
        rng = self.rng
        head = f"{birth:%Y%m%d}{middle}{'1' if sex == 'L' else '2'}"
        serial = 1 if rng.random() < 0.75 else rng.randint(2, 9)
        while f"{head}{serial:03d}" in self.nips:
            serial += 1  # the serial moves on only when digits 1–15 collide
        nip = f"{head}{serial:03d}"
        self.nips.add(nip)
        return nip

    def _nik(self, birth: dt.date, sex: str) -> str:
        rng = self.rng
        day = birth.day + (40 if sex == "P" else 0)  # NIK: women's birth day + 40
        head = f"3372{rng.randint(1, 5):02d}{day:02d}{birth:%m%y}"
        serial = rng.randint(1, 80)
        while f"{head}{serial:04d}" in self.niks:
            serial += 1
        nik = f"{head}{serial:04d}"
        self.niks.add(nik)
        return nik

    def _last_name(self, sex: str) -> str:
        draw = self.fake.last_name_male if sex == "L" else self.fake.last_name_female
        name = str(draw())
        # Most ASN of Surakarta are Javanese; Faker's id_ID list is a third Batak and Maluku.
        for _ in range(3):
            if name not in OUTSIDE_JAVA_SURNAMES or self.rng.random() < 0.12:
                break
            name = str(draw())
        return name

    def _name(self, sex: str) -> str:
        fake, rng = self.fake, self.rng
        first = fake.first_name_male if sex == "L" else fake.first_name_female
        last = partial(self._last_name, sex)
        roll = rng.random()
        if roll < 0.12:
            return str(first())
        if roll < 0.85:
            return f"{first()} {last()}"
        return f"{first()} {first()} {last()}"

    def _pns_golongan(
        self, pos: PlanPosition, education: str, tmt: dt.date, kind: str
    ) -> tuple[str, dt.date]:
        entry = _RANK[reference.PNS_ENTRY_GOLONGAN[education]]
        if kind == "cpns":
            return _LABEL[entry], tmt
        years = (REFERENCE_DATE - tmt).days / 365.25
        rank = entry + int(years / self.rng.uniform(3.2, 4.2))
        low, high = 1, 17
        if pos.is_managerial and pos.eselon:
            low = _RANK[ESELON_MIN_GOLONGAN[pos.eselon]]
        if pos.jf_jenjang:
            band = JENJANG_GOLONGAN[pos.jf_jenjang]
            low, high = _RANK[band[0]], _RANK[band[1]]
        elif pos.kind == "pelaksana":
            high = _RANK[PELAKSANA_MAX_GOLONGAN]
        ceiling = _RANK[reference.PNS_CEILING_GOLONGAN[education]]
        rank = max(entry, min(max(rank, low), high, ceiling))
        if rank == entry:
            return _LABEL[rank], tmt
        # Kenaikan pangkat takes effect on 1 April or 1 October.
        last = dt.date(REFERENCE_DATE.year - self.rng.randint(1, 4), self.rng.choice((4, 10)), 1)
        return _LABEL[rank], max(last, tmt)

    def person(self, pos: PlanPosition, *, persona: bool) -> PlanEmployee:
        rng = self.rng
        kind = self._kind(pos, persona=persona)
        family = FAMILIES.get(pos.family)
        women = family.women if family else 0.38
        sex = "P" if rng.random() < women else "L"
        education, major = pick_education(rng, pos.profile)
        entry_age = ENTRY_AGE[education] + (3 if major.front in ("dr.", "drg.") else 0)
        max_entry = 40 if major.front in ("dr.", "drg.") else MAX_ENTRY_AGE
        bup = rules.bup_age(pos.kind, pos.jf_jenjang or None)

        if kind == "cpns":
            tmt = dt.date(2025, rng.choice((3, 4, 5, 6, 7, 10)), 1)
            lo = entry_age + 1
            birth = self._birth_date(lo, max(lo, max_entry), lo + 4, bup)
            while _age_on(birth, tmt) > max_entry:
                birth = _add_years(birth, 1)
            nip = self._nip(birth, f"{tmt:%Y%m}", sex)
        elif kind in ("pppk", "pppk_pw"):
            lo, hi, mode = self._age_band(pos, kind)
            birth = self._birth_date(max(lo, entry_age + 2), hi, mode, bup)
            if kind == "pppk_pw":
                tmt = dt.date(2025, rng.choice((10, 12)), 1)
            else:
                years, weights = zip(*PPPK_YEARS, strict=True)
                tmt = dt.date(
                    rng.choices(years, weights=weights)[0], rng.choice((1, 3, 4, 7, 10)), 1
                )
            while _age_on(birth, tmt) < 20 and tmt.year < REFERENCE_DATE.year - 1:
                tmt = dt.date(tmt.year + 1, tmt.month, 1)
            nip = self._nip(birth, f"{tmt.year}21", sex)
        else:
            lo, hi, mode = self._age_band(pos, kind)
            birth = self._birth_date(max(lo, entry_age + 3), hi, mode, bup)
            first = birth.year + entry_age + 1
            last = min(birth.year + max_entry, REFERENCE_DATE.year - 2)
            year = rng.randint(first, last) if first <= last else last
            tmt = dt.date(year, rng.randint(1, 12), 1)
            nip = self._nip(birth, f"{tmt:%Y%m}", sex)

        if kind in reference.PNS_LIKE_KINDS:
            golongan, tmt_golongan = self._pns_golongan(pos, education, tmt, kind)
        else:
            jf = PPPK_JENJANG_GOLONGAN.get(pos.jf_jenjang)
            golongan, tmt_golongan = jf or reference.PPPK_ENTRY_GOLONGAN[education], tmt
        front, back = title_for(
            rng, education=education, major=major, sex=sex, birth_year=birth.year
        )
        status = "aktif"
        roll = rng.random()
        if not persona and not pos.is_single and kind == "pns":
            if roll < 0.004 and education in ("s1", "d4") and _age_on(birth, REFERENCE_DATE) < 45:
                status = "tugas_belajar"
            elif roll > 0.998:
                status = "cuti"
        employee = PlanEmployee(
            index=len(self.people.employees),
            nip=nip,
            name=self._name(sex),
            front_title=front,
            back_title=back,
            birth_date=birth,
            sex=sex,
            kind=kind,
            golongan=golongan,
            tmt_golongan=tmt_golongan,
            education=education,
            education_major="" if major.name == "Umum" else major.name,
            status=status,
            nik=self._nik(birth, sex),
            position=pos.index,
        )
        self.people.employees.append(employee)
        self._assign(employee, pos, tmt)
        return employee

    # -- assignments --------------------------------------------------------------------------

    def _day_between(self, first: dt.date, last: dt.date) -> dt.date:
        if last <= first:
            return first
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))

    def _assign(self, employee: PlanEmployee, pos: PlanPosition, tmt: dt.date) -> None:
        rng = self.rng
        latest = REFERENCE_DATE - dt.timedelta(days=30)
        if employee.kind == "cpns":
            start, code = tmt, SK_CPNS
        elif employee.kind in ("pppk", "pppk_pw"):
            start, code = max(tmt, STRUCTURE_VALID_FROM), SK_PPPK
        elif pos.is_single:
            start, code = self._day_between(max(tmt, STRUCTURE_VALID_FROM), latest), SK_JABATAN
        else:
            base = max(tmt, STRUCTURE_VALID_FROM)
            start = base if rng.random() < 0.55 else self._day_between(base, latest)
            code = SK_JABATAN
        if pos.is_managerial and start >= dt.date(2023, 1, 1) and rng.random() < 0.5:
            self._previous_post(employee, pos, start)
        self.people.assignments.append(
            PlanAssignment(employee.index, pos.index, start, None, self._sk(code, start.year))
        )

    def _previous_post(self, employee: PlanEmployee, pos: PlanPosition, start: dt.date) -> None:
        """A mutasi: the official held a post one level lower until the day before."""
        lower = {
            "jpt_pratama": "administrator",
            "administrator": "pengawas",
            "pengawas": "fungsional",
        }.get(pos.kind)
        if lower is None:
            return
        pool = self._pool(lower, self.plan.units[pos.unit].pd)
        if not pool:
            return
        end = start - dt.timedelta(days=1)
        first = STRUCTURE_VALID_FROM
        if (end - first).days < 120:
            return
        begin = self._day_between(first, end - dt.timedelta(days=90))
        self.people.assignments.append(
            PlanAssignment(
                employee.index, self.rng.choice(pool), begin, end, self._sk(SK_JABATAN, begin.year)
            )
        )

    def _pool(self, kind: str, pd: int | None) -> list[int]:
        """Posts of `kind` in Perangkat Daerah `pd` (an official's earlier post); for
        'fungsional', the JF Ahli Muda/Pertama and Penata Layanan Operasional posts."""
        key = (kind, pd)
        if key not in self._pools:
            units = self.plan.units

            def fits(p: PlanPosition) -> bool:
                if kind == "fungsional":
                    return p.jf_jenjang in ("ahli_muda", "ahli_pertama") or (
                        p.family == "penata_layanan"
                    )
                return p.kind == kind

            self._pools[key] = [
                p.index for p in self.plan.positions if fits(p) and units[p.unit].pd == pd
            ]
        return self._pools[key]

    def run(self, employees: int) -> People:
        self._pools: dict[tuple[str, int | None], list[int]] = {}
        counts, acting = self._counts(employees)
        persona_of = {
            self.plan.find_position(*where).index: username for username, where in PERSONAS.items()
        }
        holder_of: dict[int, int] = {}
        for pos in self.plan.positions:
            for n in range(counts.get(pos.index, 0)):
                username = persona_of.get(pos.index) if n == 0 else None
                employee = self.person(pos, persona=username is not None)
                holder_of.setdefault(pos.index, employee.index)
                if username:
                    self.people.personas[username] = employee.index
        for post, holder_post in sorted(acting.items()):
            start = REFERENCE_DATE - dt.timedelta(days=self.rng.randint(20, 150))
            self.people.assignments.append(
                PlanAssignment(
                    holder_of[holder_post], post, start, None,
                    self._sk(SK_JABATAN, start.year), acting="plt",
                )
            )  # fmt: skip
        return self.people


def generate_people(plan: Plan, *, employees: int, rng: Random, fake: Any) -> People:
    """Employees and assignments for `plan`, exactly `employees` people."""
    return _Generator(plan, rng, fake).run(employees)
