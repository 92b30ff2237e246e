"""Pure rules of change management: acknowledgement timing, reminders, question ageing,
ADKAR readiness and hotspots. No Django import."""

from __future__ import annotations

import datetime as dt

# Below this many answers a group's pulse results are not shown (DESIGN §7: groups < 5).
MIN_GROUP = 5


def ack_due_at(published_at: dt.datetime, due_days: int) -> dt.datetime:
    """When an acknowledgement of an announcement published at `published_at` is due."""
    return published_at + dt.timedelta(days=due_days)


def is_overdue(
    published_at: dt.datetime,
    due_days: int,
    acknowledged_at: dt.datetime | None,
    now: dt.datetime,
) -> bool:
    """Not acknowledged and past the due date."""
    return acknowledged_at is None and now > ack_due_at(published_at, due_days)


def reminder_due(
    notified_at: dt.datetime,
    last_reminded_at: dt.datetime | None,
    acknowledged_at: dt.datetime | None,
    delay_days: int,
    now: dt.datetime,
) -> bool:
    """A reminder goes `delay_days` after the notice, then again every `delay_days`
    after the previous reminder, until the recipient acknowledges."""
    if acknowledged_at is not None or delay_days <= 0:
        return False
    since = last_reminded_at or notified_at
    return now - since >= dt.timedelta(days=delay_days)


def question_age_days(asked_at: dt.datetime, now: dt.datetime) -> int:
    return max(0, (now - asked_at).days)


def question_age_level(days: int) -> str:
    """How visibly an unanswered question ages: fresh (<3 days), waiting (<7), late."""
    if days < 3:
        return "fresh"
    if days < 7:
        return "waiting"
    return "late"
