"""Background tasks of participation (django-tasks; the worker is `penata db_worker`, which
`penata serve` starts)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from penata.participation.services.complaints import complaints_escalate


@task()
def escalate_overdue(every_minutes: int = 0) -> dict[str, int]:
    """Escalate overdue complaints; with `every_minutes` > 0, enqueue the next run too (a
    chain started once by `penata complaints escalate --every N`)."""
    summary = complaints_escalate()
    if every_minutes > 0:
        escalate_overdue.using(
            run_after=timezone.now() + dt.timedelta(minutes=every_minutes)
        ).enqueue(every_minutes)
    return {"response": summary.response, "followup": summary.followup, "mails": summary.mails}
