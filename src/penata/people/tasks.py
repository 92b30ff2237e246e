"""Background tasks of the people app (django-tasks; the worker is `penata db_worker`)."""

from __future__ import annotations

from django_tasks import task

from penata.people.imports import jobs


@task()
def import_check(job_id: int) -> None:
    """Check an uploaded spreadsheet (dry run) and store the preview on its ImportJob."""
    jobs.import_job_check(job_id)


@task()
def import_apply(job_id: int) -> None:
    """Apply a checked, confirmed import (all or nothing) and store its summary."""
    jobs.import_job_apply(job_id)
