"""Breach look-ups for `admin` (UU 27/2022: written notice to the people affected within
3×24 hours): who is affected by a leak of given records, or by the accesses and changes in a
time window, with the data concerned and when.

Both read the audit trail through indexed columns (`action, created_at`, `object_type,
object_id`) and resolve the people in one query, whatever the window holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from penata.people.models import Employee
from penata.people.personal_data import EMPLOYEE_FIELDS, DataClass, label_of
from penata.people.privacy import (
    CORRECTION_TYPE,
    EMPLOYEE_TYPE,
    IMPORT_EMPLOYEES,
    PERSONAL_DATA_VIEW,
    action_label,
    bulk_view_ids,
    event_extra,
    event_fields,
    import_nips,
)
from penata.people.rules import normalize_nip

BREACH_MAX_IDENTIFIERS = 5000
# The page lists at most this many people; the download has all of them.
BREACH_PAGE_LIMIT = 2000


def require_breach_admin(actor: Any) -> frozenset[int]:
    """Instansi the actor may run breach look-ups for: instansi-wide admin only."""
    reach = reach_of(actor)
    if reach.is_superuser:
        return frozenset(reach.instansi_ids) | frozenset(
            Employee.objects.values_list("instansi_id", flat=True).distinct()
        )
    whole = reach.whole.get(Role.ADMIN, frozenset())
    if not whole:
        raise PermissionDenied(
            "Penelusuran insiden data pribadi hanya untuk admin BKPSDM tingkat instansi."
        )
    return frozenset(whole)


@dataclass
class AffectedPerson:
    employee: Employee
    fields: set[str] = field(default_factory=set)
    first: dt.datetime | None = None
    last: dt.datetime | None = None
    events: int = 0
    actions: set[str] = field(default_factory=set)

    def note(self, event: AuditEvent, fields: Iterable[str]) -> None:
        self.fields.update(fields)
        self.events += 1
        self.actions.add(action_label(event.action))
        if self.first is None or event.created_at < self.first:
            self.first = event.created_at
        if self.last is None or event.created_at > self.last:
            self.last = event.created_at

    @property
    def held_fields(self) -> list[str]:
        """Personal data Penata holds for this person (non-empty fields), specific first."""
        order = {DataClass.SPECIFIC: 0, DataClass.GENERAL: 1, DataClass.PUBLIC: 2}
        names = [
            name
            for name, spec in EMPLOYEE_FIELDS.items()
            if name not in ("id", "instansi", "user")
            and getattr(self.employee, name) not in (None, "")
        ]
        return sorted(names, key=lambda n: order[EMPLOYEE_FIELDS[n].data_class])

    @property
    def held_labels(self) -> list[str]:
        return [label_of(f) for f in self.held_fields]


def _identifier_q(identifiers: Sequence[str]) -> tuple[Q, list[str]]:
    """Employee filter for NIPs (18 digits), NIKs (16 digits) and ids; and what was unusable."""
    nips, niks, ids, bad = set(), set(), set(), []
    for raw in identifiers:
        token = normalize_nip(raw)
        if not token:
            continue
        if not token.isdigit():
            bad.append(raw.strip())
        elif len(token) == 18:
            nips.add(token)
        elif len(token) == 16:
            niks.add(token)
        elif len(token) <= 12:
            ids.add(int(token))
        else:
            bad.append(raw.strip())
    return Q(nip__in=nips) | Q(nik__in=niks) | Q(pk__in=ids), bad


def parse_identifiers(text: str) -> list[str]:
    """Split pasted text (one per line, or separated by commas/semicolons/spaces)."""
    for sep in ",;\t":
        text = text.replace(sep, "\n")
    tokens = [t.strip() for line in text.splitlines() for t in [line] if t.strip()]
    # A NIP written in groups (`19860926 201505 1 001`) stays one token per line.
    if len(tokens) > BREACH_MAX_IDENTIFIERS:
        raise ValidationFailed(
            "breach.too_many",
            f"Paling banyak {BREACH_MAX_IDENTIFIERS} data sekali telusur; bagi daftarnya.",
        )
    return tokens


def _window_events(
    instansi_ids: frozenset[int], start: dt.datetime, end: dt.datetime
) -> QuerySet[AuditEvent]:
    """Views of and changes to employees' personal data in [start, end) (indexed)."""
    actions = [PERSONAL_DATA_VIEW, IMPORT_EMPLOYEES]
    return AuditEvent.objects.filter(
        Q(action__in=actions) | Q(object_type__in=[EMPLOYEE_TYPE, CORRECTION_TYPE]),
        created_at__gte=start,
        created_at__lt=end,
        instansi_id__in=list(instansi_ids),
    ).order_by("created_at", "id")


def _event_subjects(event: AuditEvent) -> tuple[list[int], list[str]]:
    """(employee ids, NIPs) an event is about."""
    if event.action == PERSONAL_DATA_VIEW and not event.object_id:
        return bulk_view_ids(event), []
    if event.action == IMPORT_EMPLOYEES:
        return [], sorted(import_nips(event))
    if event.object_type == EMPLOYEE_TYPE and event.object_id.isdigit():
        return [int(event.object_id)], []
    employee_id = event_extra(event).get("employee")
    if event.object_type == CORRECTION_TYPE and isinstance(employee_id, int):
        return [employee_id], []
    return [], []


def _affected_from_events(
    events: Iterable[AuditEvent], instansi_ids: frozenset[int], only: set[int] | None = None
) -> dict[int, AffectedPerson]:
    pending: list[tuple[AuditEvent, list[int], list[str]]] = []
    all_ids: set[int] = set()
    all_nips: set[str] = set()
    for event in events:
        ids, nips = _event_subjects(event)
        pending.append((event, ids, nips))
        all_ids.update(ids)
        all_nips.update(nips)
    people = {
        e.pk: e
        for e in Employee.objects.filter(
            Q(pk__in=all_ids) | Q(nip__in=all_nips), instansi_id__in=list(instansi_ids)
        )
    }
    by_nip = {e.nip: e.pk for e in people.values()}
    affected: dict[int, AffectedPerson] = {}
    for event, ids, nips in pending:
        fields = [label_of(f) for f in event_fields(event)]
        for employee_id in [*ids, *(by_nip[n] for n in nips if n in by_nip)]:
            if employee_id not in people or (only is not None and employee_id not in only):
                continue
            person = affected.setdefault(employee_id, AffectedPerson(people[employee_id]))
            person.note(event, fields)
    return affected


@dataclass
class BreachResult:
    people: list[AffectedPerson]
    unknown: list[str]
    mode: str


def breach_by_records(
    actor: Any,
    identifiers: Sequence[str],
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
) -> BreachResult:
    """The people behind leaked records (NIP, NIK or Penata id), with the data Penata holds
    about them and, when a window is given, the accesses and changes within it."""
    instansi_ids = require_breach_admin(actor)
    q, bad = _identifier_q(identifiers)
    people = list(
        Employee.objects.filter(q, instansi_id__in=list(instansi_ids)).order_by("name", "id")
    )
    found = {e.nip for e in people} | {e.nik for e in people if e.nik}
    found |= {str(e.pk) for e in people}
    unknown = bad + [
        raw.strip()
        for raw in identifiers
        if (token := normalize_nip(raw)).isdigit() and len(token) in {16, 18, *range(1, 13)}
        and (token if len(token) >= 16 else str(int(token))) not in found
    ]  # fmt: skip
    affected = {e.pk: AffectedPerson(e) for e in people}
    if start is not None and end is not None and affected:
        noted = _affected_from_events(
            _window_events(instansi_ids, start, end), instansi_ids, only=set(affected)
        )
        for employee_id, person in noted.items():
            affected[employee_id] = person
    return BreachResult(list(affected.values()), unknown, "records")


def breach_by_window(actor: Any, *, start: dt.datetime, end: dt.datetime) -> BreachResult:
    """The people whose personal data was viewed (specific data) or changed in [start, end)."""
    instansi_ids = require_breach_admin(actor)
    if end <= start:
        raise ValidationFailed(
            "breach.window", "Akhir rentang waktu harus sesudah awalnya.", {"field": "end"}
        )
    affected = _affected_from_events(_window_events(instansi_ids, start, end), instansi_ids)
    people = sorted(affected.values(), key=lambda p: (p.employee.name, p.employee.pk))
    return BreachResult(people, [], "window")


# Lazily translated: str() each heading when writing the file.
BREACH_HEADER = [
    "NIP", _("Nama"), _("Surel"), _("Telepon"), _("Data pribadi yang dimiliki"),
    _("Data terdampak"), _("Kejadian"), _("Jumlah kejadian"), _("Pertama"), _("Terakhir"),
]  # fmt: skip


def breach_rows(result: BreachResult) -> Iterator[list[Any]]:
    """Rows of the breach export (one per person), contact details included for the notice."""
    for person in result.people:
        e = person.employee
        yield [
            e.nip,
            e.full_name,
            e.email,
            e.phone,
            ", ".join(person.held_labels),
            ", ".join(sorted(person.fields)),
            ", ".join(sorted(person.actions)),
            person.events,
            person.first,
            person.last,
        ]
