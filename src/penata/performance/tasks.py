"""Background tasks of the performance app (django-tasks; the worker is `penata db_worker`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django_tasks import task

from penata.performance.services.reminders import activity_remind as remind


@task()
def activity_remind(day: str, site_url: str = "") -> list[dict[str, Any]]:
    """Remind everybody whose working `day` (ISO date) has no log entry."""
    return [r.as_dict() for r in remind(day=dt.date.fromisoformat(day), site_url=site_url)]
