"""Background task of the overlap review (django-tasks; the worker is `penata db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def overlap_run_execute(run_id: int) -> None:
    """Search the current structure for overlapping duties and store the findings of a run."""
    from penata.restructure import overlap_services

    overlap_services.overlap_run_execute(run_id)
