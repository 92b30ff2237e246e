"""Web imports as jobs: upload → check (dry run, as a task) → confirm → apply (as a task).

Services (`import_job_*`) write and schedule tasks with `transaction.on_commit`; selectors
(`import_job_get_for`, `import_job_list`) are scoped to the actor's instansi. The two task
bodies (`import_job_check`, `import_job_apply`) are called by `penata.people.tasks`.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core import audit
from penata.core.errors import ApplicationError, NotFound, PermissionDenied
from penata.core.numbers import format_number
from penata.org.models import Instansi
from penata.people.imports.columns import KINDS
from penata.people.imports.engine import ImportResult, run_import
from penata.people.models import ImportJob

logger = logging.getLogger(__name__)

IMPORT_ROLES = (Role.ADMIN, Role.ORG_ANALYST)
EXPORT_ROLES = (Role.ADMIN, Role.ORG_ANALYST, Role.AUDITOR)
ALLOWED_SUFFIXES = (".xlsx", ".xls", ".csv")


def can_import(actor: Any) -> bool:
    return reach_of(actor).has(*IMPORT_ROLES)


def import_instansi_for(actor: Any) -> Instansi | None:
    """The instansi the actor may import into: an admin/org_analyst grant over the whole
    instansi (an import touches every unit), or any instansi for a superuser."""
    reach = reach_of(actor)
    ids: set[int] = set()
    for role in IMPORT_ROLES:
        ids |= set(reach.whole.get(role, ()))
    if ids:
        return Instansi.objects.filter(id__in=ids).order_by("id").first()
    if reach.is_superuser:
        return (
            Instansi.objects.filter(code=settings.PENATA_DEFAULT_INSTANSI).first()
            or Instansi.objects.order_by("id").first()
        )
    return None


def _require_instansi(actor: Any) -> Instansi:
    instansi = import_instansi_for(actor)
    if instansi is None:
        raise PermissionDenied(
            "Impor mengubah data seluruh instansi: diperlukan peran Admin BKPSDM atau Analis "
            "Organisasi untuk seluruh instansi."
        )
    return instansi


def import_job_list(actor: Any, *, limit: int = 20) -> QuerySet[ImportJob]:
    instansi = import_instansi_for(actor)
    if instansi is None:
        return ImportJob.objects.none()
    return ImportJob.objects.filter(instansi=instansi).select_related("created_by")[:limit]


def import_job_get_for(actor: Any, job_id: int) -> ImportJob:
    instansi = import_instansi_for(actor)
    job = (
        ImportJob.objects.filter(pk=job_id, instansi=instansi).select_related("created_by").first()
        if instansi
        else None
    )
    if job is None:
        raise NotFound("impor")
    return job


@transaction.atomic
def import_job_create(*, actor: Any, kind: str, upload: UploadedFile[Any]) -> ImportJob:
    """Store the upload under MEDIA_ROOT/imports/ and schedule its check (a dry run)."""
    instansi = _require_instansi(actor)
    if kind not in KINDS:
        raise ApplicationError("import.kind", "Jenis data impor tidak dikenal.")
    name = upload.name or "berkas"
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        raise ApplicationError(
            "file.not_spreadsheet", "Unggah berkas Excel (.xlsx) atau CSV (.csv)."
        )
    limit = settings.PENATA_IMPORT_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ApplicationError(
            "file.too_large",
            f"Berkas terlalu besar ({format_number(upload.size / 1048576, 1)} MB); batasnya "
            f"{format_number(limit / 1048576, 0)} MB.",
        )
    job = ImportJob.objects.create(
        instansi=instansi,
        kind=kind,
        file=upload,
        original_name=name[:255],
        status=ImportJob.Status.CHECKING,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="import_job.upload",
        obj=job,
        after=audit.snapshot(job, ("kind", "original_name", "status")),
        extra={"size": upload.size},
    )
    from penata.people.tasks import import_check

    transaction.on_commit(lambda: import_check.enqueue(job.pk))
    return job


@transaction.atomic
def import_job_confirm(*, actor: Any, job: ImportJob) -> ImportJob:
    """Queue the checked import for applying (once: a second click changes nothing)."""
    _require_instansi(actor)
    locked = ImportJob.objects.select_for_update().get(pk=job.pk)
    if locked.status != ImportJob.Status.READY:
        raise ApplicationError("import.not_ready", "Impor ini tidak dalam keadaan siap diterapkan.")
    locked.status = ImportJob.Status.QUEUED
    locked.stage, locked.done, locked.total = "", 0, 0
    locked.save(update_fields=["status", "stage", "done", "total", "updated_at"])
    audit.record(
        actor=actor,
        action="import_job.confirm",
        obj=locked,
        before={"status": ImportJob.Status.READY.value},
        after={"status": locked.status},
    )
    from penata.people.tasks import import_apply

    transaction.on_commit(lambda: import_apply.enqueue(locked.pk))
    return locked


def _progress_for(job_id: int) -> Any:
    def report(stage: str, done: int, total: int) -> None:
        # Inside the import's own transaction the update would only show at commit (and on
        # SQLite would hold the write lock longer); progress is reported outside it.
        if connection.in_atomic_block:
            return
        ImportJob.objects.filter(pk=job_id).update(
            stage=stage, done=done, total=total, updated_at=timezone.now()
        )

    return report


def _summary(result: ImportResult) -> dict[str, Any]:
    return {**result.as_dict(), "file_error": result.file_error}


def _run(job: ImportJob, *, dry_run: bool) -> ImportResult:
    return run_import(
        kind=job.kind,
        path=job.file.path,
        instansi=job.instansi,
        actor=job.created_by,
        dry_run=dry_run,
        progress=_progress_for(job.pk),
        source_name=job.original_name,
    )


def import_job_check(job_id: int) -> None:
    """Task body: dry-run the uploaded file and store the preview."""
    job = ImportJob.objects.select_related("instansi", "created_by").get(pk=job_id)
    try:
        result = _run(job, dry_run=True)
    except Exception as exc:
        logger.exception("import check %s failed", job_id)
        _fail(job, exc)
        raise
    job.preview = _summary(result)
    job.status = ImportJob.Status.READY if result.is_valid else ImportJob.Status.INVALID
    job.finished_at = timezone.now() if not result.is_valid else None
    job.save(update_fields=["preview", "status", "finished_at", "updated_at"])


def import_job_apply(job_id: int) -> None:
    """Task body: apply the checked import (all or nothing) and store the summary."""
    job = ImportJob.objects.select_related("instansi", "created_by").get(pk=job_id)
    if job.status != ImportJob.Status.QUEUED:
        return
    job.status = ImportJob.Status.APPLYING
    job.save(update_fields=["status", "updated_at"])
    try:
        result = _run(job, dry_run=False)
    except Exception as exc:
        logger.exception("import apply %s failed", job_id)
        _fail(job, exc)
        raise
    job.summary = _summary(result)
    job.status = ImportJob.Status.DONE if result.applied else ImportJob.Status.INVALID
    job.finished_at = timezone.now()
    job.save(update_fields=["summary", "status", "finished_at", "updated_at"])


def _fail(job: ImportJob, exc: BaseException) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.FAILED,
        message=f"Terjadi kesalahan sistem; tidak ada data yang disimpan ({type(exc).__name__}).",
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
