"""Reads of the organisation structure, scoped to the acting user.

The structure (units, positions, duties) is visible to every staff member of the instansi;
personal data about the people in it is scoped in `penata.people.selectors`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from penata.accounts.scope import reach_of
from penata.core.dating import today, valid_on
from penata.core.errors import NotFound
from penata.org.models import Duty, Instansi, Position, Unit


def instansi_default() -> Instansi | None:
    """The instansi the web serves when the request does not name one (settings)."""
    return (
        Instansi.objects.filter(code=settings.PENATA_DEFAULT_INSTANSI).first()
        or Instansi.objects.order_by("id").first()
    )


def instansi_for(actor: Any) -> Instansi:
    """The instansi whose data `actor` works on (their grant's or employee record's)."""
    reach = reach_of(actor)
    if reach.instansi_ids:
        found = Instansi.objects.filter(id__in=reach.instansi_ids).order_by("id").first()
        if found:
            return found
    if reach.is_superuser:
        found = instansi_default()
        if found:
            return found
    raise NotFound("instansi")


def instansi_by_code(code: str | None) -> Instansi:
    """The instansi with this Kemendagri code (the default one when None), or NotFound.

    For public pages and the public API, which serve any instansi without a login.
    """
    found = Instansi.objects.filter(code=code).first() if code else instansi_default()
    if found is None:
        raise NotFound("instansi")
    return found


def _structure_visible(actor: Any, instansi_id: int) -> bool:
    reach = reach_of(actor)
    return reach.is_superuser or instansi_id in reach.instansi_ids


def unit_list(
    actor: Any,
    *,
    instansi: Instansi,
    as_of: dt.date | None = None,
    search: str | None = None,
    kinds: list[str] | None = None,
    parent: Unit | None = None,
    subtree_of: Unit | None = None,
) -> QuerySet[Unit]:
    """Units of the instansi in force on `as_of`, in tree order.

    `parent` keeps its direct children; `subtree_of` keeps that unit and everything below it.
    """
    if not _structure_visible(actor, instansi.id):
        return Unit.objects.none()
    qs = Unit.objects.filter(valid_on(as_of), instansi=instansi)
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(code__icontains=search))
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if parent is not None:
        qs = qs.filter(parent=parent)
    if subtree_of is not None:
        qs = qs.filter(path__startswith=subtree_of.path)
    return qs.order_by("path")


def unit_get_for(actor: Any, unit_id: int) -> Unit:
    """One unit the actor may see (any date), or NotFound."""
    unit = Unit.objects.select_related("parent", "instansi").filter(pk=unit_id).first()
    if unit is None or not _structure_visible(actor, unit.instansi_id):
        raise NotFound("unit")
    return unit


def unit_subtree(
    unit: Unit, *, as_of: dt.date | None = None, include_self: bool = True
) -> QuerySet[Unit]:
    """The unit and everything below it, one indexed query whatever the depth."""
    qs = Unit.objects.filter(valid_on(as_of), instansi_id=unit.instansi_id)
    qs = qs.filter(path__startswith=unit.path)
    if not include_self:
        qs = qs.exclude(pk=unit.pk)
    return qs.order_by("path")


def unit_ancestors(unit: Unit) -> list[Unit]:
    """The chain from the root down to the unit's parent, one query."""
    ids = unit.ancestor_ids()
    by_id = {u.id: u for u in Unit.objects.filter(id__in=ids)}
    return [by_id[i] for i in ids if i in by_id]


def unit_children(unit: Unit, *, as_of: dt.date | None = None) -> QuerySet[Unit]:
    return (
        Unit.objects.filter(valid_on(as_of), parent=unit)
        .annotate(
            child_count=Count("children", filter=valid_on(as_of, "children__"), distinct=True)
        )
        .order_by("sort_order", "name")
    )


def _current_assignments(as_of: dt.date | None) -> Q:
    day = as_of or today()
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))


def assignment_prefetch(as_of: dt.date | None = None, to_attr: str = "incumbents") -> Prefetch:
    """Prefetch the assignments in force on `as_of`, with their employees."""
    from penata.people.models import Assignment

    return Prefetch(
        "assignments",
        queryset=Assignment.objects.filter(_current_assignments(as_of))
        .select_related("employee")
        .order_by("acting", "employee__name"),
        to_attr=to_attr,
    )


def position_list(
    actor: Any,
    *,
    instansi: Instansi,
    unit: Unit | None = None,
    subtree: bool = False,
    as_of: dt.date | None = None,
    kind: str | None = None,
    search: str | None = None,
    with_incumbents: bool = False,
    vacant: bool | None = None,
    with_incumbent_count: bool = False,
) -> QuerySet[Position]:
    """Positions in force on `as_of`; of one unit, or of its whole subtree.

    `vacant` True/False keeps the positions nobody/somebody holds on `as_of`;
    `with_incumbent_count` annotates `incumbent_count` (a subquery, no extra round trip).
    """
    from penata.people.models import Assignment

    if not _structure_visible(actor, instansi.id):
        return Position.objects.none()
    qs = Position.objects.filter(valid_on(as_of), instansi=instansi).select_related("unit")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path) if subtree else qs.filter(unit=unit)
    if kind:
        qs = qs.filter(kind=kind)
    if search:
        qs = qs.filter(title__icontains=search)
    held = Assignment.objects.filter(_current_assignments(as_of), position_id=OuterRef("pk"))
    if vacant is not None:
        qs = qs.filter(~Exists(held)) if vacant else qs.filter(Exists(held))
    if with_incumbent_count:
        count = held.order_by().values("position_id").annotate(n=Count("id")).values("n")
        qs = qs.annotate(incumbent_count=Coalesce(Subquery(count), 0))
    if with_incumbents:
        qs = qs.prefetch_related(assignment_prefetch(as_of))
    return qs.order_by("unit__path", "-is_unit_head", "sort_order", "id")


def position_get_for(actor: Any, position_id: int) -> Position:
    position = (
        Position.objects.select_related("unit", "reports_to", "reports_to__unit", "instansi")
        .filter(pk=position_id)
        .first()
    )
    if position is None or not _structure_visible(actor, position.instansi_id):
        raise NotFound("jabatan")
    return position


def position_reporting_chain(position: Position) -> list[Position]:
    """From the position's direct superior up to the top, in two queries whatever the depth."""
    links = dict(
        Position.objects.filter(instansi_id=position.instansi_id).values_list("id", "reports_to_id")
    )
    chain_ids: list[int] = []
    current = links.get(position.id)
    while current is not None and current not in chain_ids and current != position.id:
        chain_ids.append(current)
        current = links.get(current)
    by_id = (
        Position.objects.select_related("unit")
        .prefetch_related(assignment_prefetch())
        .in_bulk(chain_ids)
    )
    return [by_id[i] for i in chain_ids if i in by_id]


def duty_list(position: Position) -> QuerySet[Duty]:
    return Duty.objects.filter(position=position).order_by("sort_order", "id")


@dataclass(frozen=True)
class Headcount:
    total: int
    by_kind: dict[str, int]
    by_golongan: dict[str, int]
    by_position_kind: dict[str, int]
    positions: int
    vacant_positions: int


def unit_headcount(unit: Unit, *, as_of: dt.date | None = None) -> Headcount:
    """People and positions in the unit's subtree on `as_of` (three aggregate queries)."""
    from penata.people.models import Assignment

    positions = Position.objects.filter(
        valid_on(as_of), instansi_id=unit.instansi_id, unit__path__startswith=unit.path
    )
    filled = Assignment.objects.filter(
        _current_assignments(as_of), position__in=positions
    ).values_list("employee__kind", "employee__golongan", "position__kind", "employee_id")
    by_kind: Counter[str] = Counter()
    by_golongan: Counter[str] = Counter()
    by_position_kind: Counter[str] = Counter()
    people: set[int] = set()
    for kind, golongan, position_kind, employee_id in filled:
        if employee_id in people:
            continue  # a Plt holds two posts: count the person once
        people.add(employee_id)
        by_kind[kind] += 1
        by_golongan[golongan] += 1
        by_position_kind[position_kind] += 1
    total_positions = positions.count()
    vacant = (
        positions.exclude(
            id__in=Assignment.objects.filter(_current_assignments(as_of)).values("position_id")
        ).count()
        if total_positions
        else 0
    )
    return Headcount(
        total=len(people),
        by_kind=dict(by_kind),
        by_golongan=dict(sorted(by_golongan.items())),
        by_position_kind=dict(by_position_kind),
        positions=total_positions,
        vacant_positions=vacant,
    )


@dataclass(frozen=True)
class PublicUnit:
    id: int
    name: str
    kind: str
    kind_label: str
    depth: int
    head_title: str


def public_unit_list(instansi: Instansi, *, as_of: dt.date | None = None) -> list[PublicUnit]:
    """Units with their head's position title only — no personal data (public page/API)."""
    found = list(
        Unit.objects.filter(valid_on(as_of), instansi=instansi, depth__lte=2).exclude(
            kind__in=["upt", "sekolah", "puskesmas"]
        )
    )
    heads = dict(
        Position.objects.filter(
            valid_on(as_of), instansi=instansi, is_unit_head=True, unit__in=found
        ).values_list("unit_id", "title")
    )
    # Tree order with siblings by their set order then name (the path sorts ids as text);
    # a unit below an excluded one (e.g. inside a UPT) stays out with it.
    children: dict[int | None, list[Unit]] = {}
    for unit in found:
        children.setdefault(unit.parent_id, []).append(unit)
    for siblings in children.values():
        siblings.sort(key=lambda u: (u.sort_order, u.name, u.id))
    top = min((u.depth for u in found), default=0)
    stack = list(reversed([u for u in found if u.depth == top]))
    stack.sort(key=lambda u: (u.sort_order, u.name, u.id), reverse=True)
    units: list[Unit] = []
    while stack:
        unit = stack.pop()
        units.append(unit)
        stack.extend(reversed(children.get(unit.id, [])))
    return [
        PublicUnit(u.id, u.name, u.kind, u.get_kind_display(), u.depth, heads.get(u.id, ""))
        for u in units
    ]


# ---------------------------------------------------------------------------------------------
# Web pages: the tree, search, summaries and the org chart.


def _with_tree_facts(qs: QuerySet[Unit], as_of: dt.date | None) -> QuerySet[Unit]:
    """Annotate each unit with `child_count` and `head_title` (its head position's title)."""
    head = Position.objects.filter(valid_on(as_of), unit=OuterRef("pk"), is_unit_head=True)
    return qs.annotate(
        child_count=Count("children", filter=valid_on(as_of, "children__"), distinct=True),
        head_title=Subquery(head.order_by("sort_order", "id").values("title")[:1]),
    )


def unit_tree_level(
    actor: Any, *, instansi: Instansi, parent: Unit | None = None, as_of: dt.date | None = None
) -> QuerySet[Unit]:
    """One level of the unit tree (the roots when `parent` is None), one query."""
    if not _structure_visible(actor, instansi.id):
        return Unit.objects.none()
    qs = Unit.objects.filter(valid_on(as_of), instansi=instansi)
    qs = qs.filter(parent=parent) if parent is not None else qs.filter(parent__isnull=True)
    return _with_tree_facts(qs, as_of).order_by("sort_order", "name", "id")


def unit_ancestor_map(units: list[Unit]) -> dict[int, list[Unit]]:
    """For each unit, its ancestors from the root down (one query for all the units)."""
    wanted = {i for u in units for i in u.ancestor_ids()}
    by_id = Unit.objects.in_bulk(wanted) if wanted else {}
    return {u.id: [by_id[i] for i in u.ancestor_ids() if i in by_id] for u in units}


@dataclass(frozen=True)
class InstansiSummary:
    units: int
    perangkat_daerah: int
    positions: int
    vacant_positions: int
    employees: int


def instansi_summary(
    actor: Any, *, instansi: Instansi, as_of: dt.date | None = None
) -> InstansiSummary:
    """Counts for the staff home: units, Perangkat Daerah, positions, vacancies, active ASN.

    Aggregates only (no personal data), so every staff member of the instansi may see them.
    """
    from penata.core import reference
    from penata.people.models import Assignment, Employee

    if not _structure_visible(actor, instansi.id):
        raise NotFound("instansi")
    units = Unit.objects.filter(valid_on(as_of), instansi=instansi).aggregate(
        total=Count("id"),
        pd=Count("id", filter=Q(kind__in=reference.PERANGKAT_DAERAH_KINDS)),
    )
    filled = Assignment.objects.filter(_current_assignments(as_of), position_id=OuterRef("pk"))
    positions = Position.objects.filter(valid_on(as_of), instansi=instansi).aggregate(
        total=Count("id"),
        vacant=Count("id", filter=~Q(Exists(filled))),
    )
    employees = Employee.objects.filter(
        instansi=instansi, status__in=reference.ACTIVE_STATUSES
    ).count()
    return InstansiSummary(
        units=units["total"],
        perangkat_daerah=units["pd"],
        positions=positions["total"],
        vacant_positions=positions["vacant"],
        employees=employees,
    )


def position_subordinates(
    position: Position, *, as_of: dt.date | None = None
) -> QuerySet[Position]:
    """Positions reporting directly to `position` on `as_of`, with their incumbents."""
    return (
        Position.objects.filter(valid_on(as_of), reports_to=position)
        .select_related("unit")
        .prefetch_related(assignment_prefetch(as_of))
        .order_by("unit__path", "-is_unit_head", "sort_order", "id")
    )


def _holder(assignments: list[Any]) -> tuple[str, str]:
    """(name, acting) of the person shown for a position: the definitive holder first."""
    if not assignments:
        return "", ""
    first = sorted(assignments, key=lambda a: (a.acting != "", a.employee.name))[0]
    return first.employee.full_name, first.acting


def unit_chart(unit: Unit, *, as_of: dt.date | None = None) -> dict[str, Any]:
    """The unit subtree as nested nodes for the org chart (five queries whatever its size).

    Each node: id, name, kind, kind_label, head_title, holder (head's name, "" when vacant),
    acting (plt/plh/""), positions, people (counts in the unit itself) and children.
    """
    from penata.people.models import Assignment

    units = list(unit_subtree(unit, as_of=as_of))
    unit_ids = [u.id for u in units]
    heads: dict[int, Position] = {}
    for position in (
        Position.objects.filter(valid_on(as_of), unit_id__in=unit_ids, is_unit_head=True)
        .prefetch_related(assignment_prefetch(as_of))
        .order_by("sort_order", "id")
    ):
        heads.setdefault(position.unit_id, position)
    positions = dict(
        Position.objects.filter(valid_on(as_of), unit_id__in=unit_ids)
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    people = dict(
        Assignment.objects.filter(_current_assignments(as_of), position__unit_id__in=unit_ids)
        .filter(valid_on(as_of, "position__"))
        .values("position__unit_id")
        .annotate(n=Count("employee_id", distinct=True))
        .values_list("position__unit_id", "n")
    )
    nodes: dict[int, dict[str, Any]] = {}
    for u in units:
        head = heads.get(u.id)
        holder, acting = _holder(getattr(head, "incumbents", [])) if head else ("", "")
        nodes[u.id] = {
            "id": u.id,
            "name": u.name,
            "kind": u.kind,
            "kind_label": u.get_kind_display(),
            "head_title": head.title if head else "",
            "holder": holder,
            "acting": acting,
            "positions": positions.get(u.id, 0),
            "people": people.get(u.id, 0),
            "children": [],
        }
    for u in sorted(units, key=lambda u: (u.sort_order, u.name, u.id)):
        if u.id != unit.id and u.parent_id in nodes:
            nodes[u.parent_id]["children"].append(nodes[u.id])
    return nodes.get(unit.id, {})  # {} when the unit was not in force on `as_of`


def position_chart(unit: Unit, *, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Positions of the unit subtree as reporting trees (two queries whatever their number).

    Roots are the positions whose superior lies outside the subtree (normally the head).
    Each node: id, title, kind, kind_label, unit, holders (names), acting, vacant, children.
    """
    positions = list(
        Position.objects.filter(
            valid_on(as_of), instansi_id=unit.instansi_id, unit__path__startswith=unit.path
        )
        .select_related("unit")
        .prefetch_related(assignment_prefetch(as_of))
        .order_by("unit__path", "-is_unit_head", "sort_order", "id")
    )
    nodes: dict[int, dict[str, Any]] = {}
    for p in positions:
        incumbents = getattr(p, "incumbents", [])
        holder, acting = _holder(incumbents)
        nodes[p.id] = {
            "id": p.id,
            "title": p.title,
            "kind": p.kind,
            "kind_label": p.get_kind_display(),
            "unit": p.unit.name,
            "holder": holder,
            "holders": len(incumbents),
            "acting": acting,
            "children": [],
        }
    roots: list[dict[str, Any]] = []
    parent_of: dict[int, int] = {}
    for p in positions:
        if p.reports_to_id is not None and p.reports_to_id in nodes and p.reports_to_id != p.id:
            nodes[p.reports_to_id]["children"].append(nodes[p.id])
            parent_of[p.id] = p.reports_to_id
        else:
            roots.append(nodes[p.id])
    # Managerial posts first (by level), then each unit's staff in the unit's set order.
    from penata.core import reference

    kind_rank = {kind: i for i, kind in enumerate(reference.POSITION_KINDS)}
    by_id = {p.id: p for p in positions}

    def order(node: dict[str, Any]) -> tuple[int, int, str, int, int]:
        p = by_id[node["id"]]
        return (kind_rank.get(p.kind, 99), p.unit.sort_order, p.unit.name, p.sort_order, p.id)

    for node in nodes.values():
        node["children"].sort(key=order)
    # A reporting cycle (bad data) would hang off no root: cut it at its first position.
    seen: set[int] = set()

    def visit(node: dict[str, Any]) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            seen.add(current["id"])
            stack.extend(c for c in current["children"] if c["id"] not in seen)

    for root in roots:
        visit(root)
    for p in positions:
        if p.id not in seen:
            parent = nodes[parent_of[p.id]]
            parent["children"] = [c for c in parent["children"] if c["id"] != p.id]
            roots.append(nodes[p.id])
            visit(nodes[p.id])
    return roots


def unit_perangkat_daerah_map(units: list[Unit]) -> dict[int, Unit]:
    """For each unit, the Perangkat Daerah it belongs to (itself or its nearest such
    ancestor), one query; units outside any Perangkat Daerah are left out."""
    ancestors = unit_ancestor_map(units)
    found: dict[int, Unit] = {}
    for unit in units:
        for candidate in [unit, *reversed(ancestors[unit.id])]:
            if candidate.is_perangkat_daerah:
                found[unit.id] = candidate
                break
    return found
