"""Who is the pejabat penilai of whom: up the reporting line of positions, with fallbacks.

The pejabat penilai of an employee is the holder of the position their position reports to
(DOMAIN §4.3). When that position is vacant, an acting official (Plt, then Plh) evaluates;
without one, the next manager up the line does. Nobody evaluates themself: a holder who is
the employee is passed over. Resolution loads the reporting links and the holders once, so
resolving one employee or a thousand costs the same few queries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from penata.core.dating import today, valid_on
from penata.org.models import Position
from penata.people.models import Assignment
from penata.people.selectors import current_assignment_q

ACTING_ORDER = {"": 0, "plt": 1, "plh": 2}


@dataclass(frozen=True)
class Holder:
    employee_id: int
    acting: str


@dataclass(frozen=True)
class PejabatPenilai:
    employee_id: int
    position_id: int
    acting: str  # "" definitive, "plt", "plh"
    is_fallback: bool  # the direct superior's position was vacant


@dataclass(frozen=True)
class OwnPost:
    """The post an SKP is planned on: the definitive assignment first, else an acting one."""

    position_id: int
    unit_id: int
    start: dt.date
    acting: str


def own_posts(employee_ids: Iterable[int], on: dt.date | None = None) -> dict[int, OwnPost]:
    """Each employee's post on `on` (one query)."""
    day = on or today()
    found: dict[int, OwnPost] = {}
    rows = (
        Assignment.objects.filter(current_assignment_q(day), employee_id__in=list(employee_ids))
        .filter(valid_on(day, "position__"))
        .values_list("employee_id", "position_id", "position__unit_id", "start", "acting")
        .order_by("employee_id", "start", "id")
    )
    for employee_id, position_id, unit_id, start, acting in rows:
        post = OwnPost(position_id, unit_id, start, acting)
        current = found.get(employee_id)
        if current is None or ACTING_ORDER[acting] < ACTING_ORDER[current.acting]:
            found[employee_id] = post
    return found


@dataclass
class ReportingLine:
    """The reporting links of an instansi and the holders of the positions on one day."""

    parents: dict[int, int | None]
    holders: dict[int, list[Holder]]

    def chain(self, position_id: int) -> list[int]:
        """Positions above `position_id`, nearest first (cycles stop the walk)."""
        found: list[int] = []
        current = self.parents.get(position_id)
        while current is not None and current not in found and current != position_id:
            found.append(current)
            current = self.parents.get(current)
        return found

    def resolve(self, position_id: int, employee_id: int) -> PejabatPenilai | None:
        skipped = False
        for candidate in self.chain(position_id):
            people = [h for h in self.holders.get(candidate, []) if h.employee_id != employee_id]
            if people:
                best = min(people, key=lambda h: (ACTING_ORDER.get(h.acting, 9), h.employee_id))
                return PejabatPenilai(best.employee_id, candidate, best.acting, skipped)
            skipped = True
        return None

    def below(self, position_ids: set[int]) -> set[int]:
        """Every position reporting, directly or through others, to one of `position_ids`."""
        children: dict[int, list[int]] = defaultdict(list)
        for child, parent in self.parents.items():
            if parent is not None:
                children[parent].append(child)
        found: set[int] = set()
        stack = list(position_ids)
        while stack:
            for child in children.get(stack.pop(), []):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return found


def reporting_line(instansi_id: int, on: dt.date | None = None) -> ReportingLine:
    """The links of every position in force on `on` (one query); no holders yet."""
    day = on or today()
    parents: dict[int, int | None] = dict(
        Position.objects.filter(valid_on(day), instansi_id=instansi_id).values_list(
            "id", "reports_to_id"
        )
    )
    return ReportingLine(parents=parents, holders={})


def load_holders(
    line: ReportingLine, position_ids: Iterable[int], on: dt.date | None = None
) -> None:
    """Fill in the active holders of `position_ids` on `on` (one query)."""
    wanted = list(set(position_ids))
    if not wanted:
        return
    rows = Assignment.objects.filter(
        current_assignment_q(on or today()), position_id__in=wanted, employee__status="aktif"
    ).values_list("position_id", "employee_id", "acting")
    for position_id, employee_id, acting in rows:
        line.holders.setdefault(position_id, []).append(Holder(employee_id, acting))


def evaluator_map(
    instansi_id: int, employee_ids: Iterable[int], on: dt.date | None = None
) -> dict[int, PejabatPenilai | None]:
    """The pejabat penilai of each employee (None: no post, or nobody above). Three queries."""
    ids = list(employee_ids)
    posts = own_posts(ids, on)
    line = reporting_line(instansi_id, on)
    above: set[int] = set()
    for post in posts.values():
        above.update(line.chain(post.position_id))
    load_holders(line, above, on)
    return {e: (line.resolve(posts[e].position_id, e) if e in posts else None) for e in ids}


def evaluatees_of(
    instansi_id: int, employee_id: int, on: dt.date | None = None
) -> dict[int, PejabatPenilai]:
    """The employees whose pejabat penilai is `employee_id` on `on`, with how it was found.

    Candidates are the holders of positions below the positions the evaluator holds
    (definitively or acting); a handful of queries whatever the size of the tree.
    """
    day = on or today()
    line = reporting_line(instansi_id, day)
    own = set(
        Assignment.objects.filter(current_assignment_q(day), employee_id=employee_id).values_list(
            "position_id", flat=True
        )
    )
    below = line.below(own)
    if not below:
        return {}
    load_holders(line, below | own, day)
    candidates = list(
        Assignment.objects.filter(
            current_assignment_q(day), position_id__in=below, employee__status="aktif"
        )
        .exclude(employee_id=employee_id)
        .values_list("employee_id", flat=True)
        .distinct()
    )
    posts = own_posts(candidates, day)
    found: dict[int, PejabatPenilai] = {}
    for candidate, post in posts.items():
        resolved = line.resolve(post.position_id, candidate)
        if resolved is not None and resolved.employee_id == employee_id:
            found[candidate] = resolved
    return found
