"""Reads of announcements, acknowledgements and questions, scoped to the actor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from penata.accounts.scope import reach_of
from penata.change import access, rules
from penata.change.models import Announcement, AnnouncementStatus, Question, Recipient
from penata.core.errors import NotFound, PermissionDenied
from penata.org.models import Instansi
from penata.org.selectors import instansi_for

FOLLOWERS_ONLY = "Halaman ini untuk admin, analis organisasi, kepala unit dan auditor."


def feed_list(actor: Any) -> list[Recipient]:
    """The actor's announcements, newest first, unacknowledged ones marked by the template."""
    employee_id = reach_of(actor).employee_id
    if employee_id is None:
        return []
    return list(
        Recipient.objects.filter(
            employee_id=employee_id, announcement__status=AnnouncementStatus.PUBLISHED
        )
        .select_related("announcement")
        .order_by("acknowledged_at", "-announcement__published_at", "-id")[:20]
    )


def _follow_q(actor: Any) -> Q:
    """Announcements a follower sees: the instansi's (admin/analyst/auditor), or those the
    unit head wrote or that reach their subtree."""
    reach = reach_of(actor)
    if reach.is_superuser:
        return Q()
    q = Q(pk__in=[])
    for role in access.WHOLE_FOLLOWERS:
        for instansi_id in reach.whole.get(role, ()):
            q |= Q(instansi_id=instansi_id)
    paths = access.head_paths(actor)
    if paths:
        q |= Q(created_by_id=reach.user_id)
        reaching = Recipient.objects.filter(announcement_id=OuterRef("pk"))
        path_q = Q(pk__in=[])
        for path in paths:
            path_q |= Q(unit__path__startswith=path)
        q |= Q(Exists(reaching.filter(path_q)))
    return q


def announcement_manage_list(actor: Any) -> QuerySet[Announcement]:
    if not access.can_follow(actor):
        raise PermissionDenied(
            "Halaman ini untuk admin, analis organisasi, kepala unit dan auditor."
        )
    return (
        Announcement.objects.filter(_follow_q(actor))
        .select_related("created_by")
        .annotate(
            recipient_count=Count("recipients", distinct=True),
            ack_count=Count(
                "recipients", filter=Q(recipients__acknowledged_at__isnull=False), distinct=True
            ),
        )
        .order_by("-created_at", "-id")
    )


def announcement_follow_get(actor: Any, pk: int) -> Announcement:
    """An announcement the actor follows up (404 when out of reach)."""
    if not access.can_follow(actor):
        raise PermissionDenied(
            "Halaman ini untuk admin, analis organisasi, kepala unit dan auditor."
        )
    found = (
        Announcement.objects.filter(_follow_q(actor), pk=pk)
        .select_related("instansi", "scenario", "enactment__scenario", "target_unit", "created_by")
        .first()
    )
    if found is None:
        raise NotFound("pengumuman")
    return found


def announcement_read_get(actor: Any, pk: int) -> tuple[Announcement, Recipient | None]:
    """An announcement the actor may read: as a recipient, or as a follower."""
    reach = reach_of(actor)
    found = (
        Announcement.objects.filter(pk=pk)
        .select_related("instansi", "scenario", "enactment__scenario", "target_unit", "created_by")
        .first()
    )
    if found is None:
        raise NotFound("pengumuman")
    mine = None
    if reach.employee_id is not None and found.is_published():
        mine = Recipient.objects.filter(announcement=found, employee_id=reach.employee_id).first()
    if mine is None and not (
        access.can_follow(actor) and Announcement.objects.filter(_follow_q(actor), pk=pk).exists()
    ):
        raise NotFound("pengumuman")
    return found, mine


def can_answer(actor: Any, announcement: Announcement) -> bool:
    """admin and org_analyst answer every question; a unit head those about announcements
    they wrote or that reach their subtree."""
    if access.composes_whole(actor, announcement.instansi_id):
        return True
    paths = access.head_paths(actor)
    if not paths:
        return False
    if announcement.created_by_id == reach_of(actor).user_id:
        return True
    path_q = Q(pk__in=[])
    for path in paths:
        path_q |= Q(unit__path__startswith=path)
    return Recipient.objects.filter(path_q, announcement=announcement).exists()


def _recipient_scope(actor: Any, announcement: Announcement) -> QuerySet[Recipient]:
    qs = Recipient.objects.filter(announcement=announcement)
    if access.follows_whole(actor, announcement.instansi_id):
        return qs
    path_q = Q(pk__in=[])
    for path in access.head_paths(actor):
        path_q |= Q(unit__path__startswith=path)
    return qs.filter(path_q)


@dataclass(frozen=True)
class UnitRate:
    unit_id: int | None
    unit_name: str
    recipients: int
    acknowledged: int
    overdue: int

    @property
    def rate(self) -> float:
        return round(100 * self.acknowledged / self.recipients, 1) if self.recipients else 0.0


@dataclass(frozen=True)
class AckDashboard:
    announcement: Announcement
    recipients: int
    acknowledged: int
    overdue: int
    due_at: dt.datetime | None
    units: list[UnitRate]
    pending: list[Recipient]

    @property
    def rate(self) -> float:
        return round(100 * self.acknowledged / self.recipients, 1) if self.recipients else 0.0


def ack_dashboard(
    actor: Any, announcement: Announcement, *, now: dt.datetime | None = None
) -> AckDashboard:
    """Acknowledgement rate per unit, and who has not acknowledged (within the actor's
    reach: a unit head sees their subtree)."""
    now = now or timezone.now()
    qs = _recipient_scope(actor, announcement)
    due_at = (
        rules.ack_due_at(announcement.published_at, announcement.ack_due_days)
        if announcement.published_at
        else None
    )
    past_due = due_at is not None and now > due_at
    rows = (
        qs.values("unit_id", "unit__name")
        .annotate(
            total=Count("id"),
            acked=Count("id", filter=Q(acknowledged_at__isnull=False)),
        )
        .order_by("unit__name")
    )
    units = [
        UnitRate(
            r["unit_id"],
            r["unit__name"] or "—",
            r["total"],
            r["acked"],
            (r["total"] - r["acked"]) if past_due else 0,
        )
        for r in rows
    ]
    units.sort(key=lambda u: (u.rate, u.unit_name))
    pending = list(
        qs.filter(acknowledged_at__isnull=True)
        .select_related("employee", "unit")
        .order_by("unit__name", "employee__name")
    )
    total = sum(u.recipients for u in units)
    acked = sum(u.acknowledged for u in units)
    return AckDashboard(
        announcement,
        total,
        acked,
        (total - acked) if past_due else 0,
        due_at,
        units,
        pending,
    )


def ack_rows(actor: Any, announcement: Announcement) -> QuerySet[Recipient]:
    """Every recipient row in the actor's reach, for the export."""
    return (
        _recipient_scope(actor, announcement)
        .select_related("employee", "unit")
        .order_by("unit__name", "employee__name")
    )


@dataclass(frozen=True)
class QuestionView:
    """A question as the actor may see it: the asker's name only where allowed."""

    id: int
    text: str
    asker: str | None
    is_anonymous: bool
    is_mine: bool
    asked_at: dt.datetime
    answer: str
    answered_at: dt.datetime | None
    duplicate_of_id: int | None
    age_days: int
    age_level: str


def question_views(actor: Any, announcement: Announcement) -> list[QuestionView]:
    """Questions about an announcement; anonymous askers are named only to admin."""
    now = timezone.now()
    reach = reach_of(actor)
    named = access.sees_askers(actor, announcement.instansi_id)
    out = []
    for q in (
        Question.objects.filter(announcement=announcement)
        .select_related("asked_by")
        .order_by("asked_at", "id")
    ):
        age = rules.question_age_days(q.asked_at, q.answered_at or now)
        out.append(
            QuestionView(
                id=q.pk,
                text=q.text,
                asker=q.asked_by.name if (named or not q.is_anonymous) else None,
                is_anonymous=q.is_anonymous,
                is_mine=q.asked_by_id == reach.employee_id,
                asked_at=q.asked_at,
                answer=q.answer,
                answered_at=q.answered_at,
                duplicate_of_id=q.duplicate_of_id,
                age_days=age,
                age_level=rules.question_age_level(age),
            )
        )
    return out


def question_get_for_answer(actor: Any, pk: int) -> Question:
    found = Question.objects.select_related("announcement").filter(pk=pk).first()
    if found is None or not can_answer(actor, found.announcement):
        raise NotFound("pertanyaan")
    return found


def compose_instansi(actor: Any) -> Instansi:
    if not access.can_compose(actor):
        raise PermissionDenied("Hanya admin, analis organisasi dan kepala unit yang menyusun.")
    return instansi_for(actor)


@dataclass(frozen=True)
class ComposeChoices:
    scenarios: list[tuple[int, str]]
    units: list[tuple[int, str]]
    enactments: list[tuple[int, str]] = field(default_factory=list)


def compose_choices(actor: Any, instansi: Instansi) -> ComposeChoices:
    """Scenarios and enactments (admin/analyst only, enactments as far as the restructuring
    module lets them read) and units the actor may target."""
    from django.utils.formats import date_format

    from penata.core.dating import valid_on
    from penata.org.models import Unit
    from penata.restructure.models import Scenario
    from penata.restructure.selectors import enactment_list

    whole = access.composes_whole(actor, instansi.pk)
    scenarios = (
        [
            (s.pk, f"{s.name} ({s.get_status_display()})")
            for s in Scenario.objects.filter(instansi=instansi).order_by("-updated_at", "-id")
        ]
        if whole
        else []
    )
    enactments = (
        [
            (e.pk, f"{e.scenario.name} — {date_format(e.effective_date, 'j F Y')}")
            for e in enactment_list(actor, instansi=instansi)
        ]
        if whole
        else []
    )
    units = Unit.objects.filter(valid_on(), instansi=instansi)
    if not whole:
        path_q = Q(pk__in=[])
        for path in access.head_paths(actor):
            path_q |= Q(path__startswith=path)
        units = units.filter(path_q)
    return ComposeChoices(
        scenarios,
        [(u.pk, "· " * (u.path.count("/") - 1) + u.name) for u in units.order_by("path")],
        enactments,
    )


@dataclass(frozen=True)
class ComposeTargets:
    scenario: Any
    enactment: Any
    unit: Any
    employee_ids: list[int]
    unknown_nips: list[str]


def compose_targets(
    actor: Any,
    instansi: Instansi,
    *,
    scenario_id: int | None,
    unit_id: int | None,
    nips: list[str],
    enactment_id: int | None = None,
) -> ComposeTargets:
    """The scenario, enactment, unit and employee ids a compose form names, each only when
    the actor may choose it (unknown NIPs returned)."""
    from penata.org.models import Unit
    from penata.people.models import Employee
    from penata.restructure.models import Enactment, Scenario

    choices = compose_choices(actor, instansi)
    scenario = None
    if scenario_id is not None and scenario_id in {pk for pk, _ in choices.scenarios}:
        scenario = Scenario.objects.get(pk=scenario_id)
    enactment = None
    if enactment_id is not None and enactment_id in {pk for pk, _ in choices.enactments}:
        enactment = Enactment.objects.select_related("scenario").get(pk=enactment_id)
    unit = None
    if unit_id is not None and unit_id in {pk for pk, _ in choices.units}:
        unit = Unit.objects.get(pk=unit_id)
    found = dict(Employee.objects.filter(instansi=instansi, nip__in=nips).values_list("nip", "pk"))
    return ComposeTargets(
        scenario, enactment, unit, sorted(found.values()), [n for n in nips if n not in found]
    )
