"""Audit events of the write services not covered elsewhere: API tokens and import jobs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from penata.accounts.services import api_token_create, api_token_revoke
from penata.core.errors import ApplicationError, PermissionDenied
from penata.core.models import AuditEvent
from penata.people.imports import jobs
from penata.people.models import ImportJob


def test_api_token_create_and_revoke_audit_before_after(world):
    admin, user = world.users["admin"], world.users["employee"]
    expiry = timezone.now() + dt.timedelta(days=30)
    token, secret = api_token_create(actor=admin, user=user, name="Integrasi SIASN",
                                     expires_at=expiry)  # fmt: skip
    created = AuditEvent.objects.get(action="api_token.create")
    assert created.changes["user"] == [None, user.pk]
    assert created.changes["name"] == [None, "Integrasi SIASN"]
    assert created.changes["prefix"] == [None, token.prefix]
    assert secret not in str(created.changes)
    api_token_revoke(actor=admin, token=token)
    revoked = AuditEvent.objects.get(action="api_token.revoke")
    token.refresh_from_db()
    assert revoked.changes == {"revoked_at": [None, token.revoked_at.isoformat()]}


def test_token_for_another_instansis_user_is_refused_and_changes_nothing(world):
    before = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        api_token_create(actor=world.users["admin"], user=world.foreign_admin, name="x",
                         expires_at=timezone.now() + dt.timedelta(days=1))  # fmt: skip
    assert AuditEvent.objects.count() == before


def test_import_upload_and_confirm_are_audited(world, django_capture_on_commit_callbacks):
    admin = world.users["admin"]
    upload = SimpleUploadedFile("pegawai.csv", b"NIP,Nama\n")
    with django_capture_on_commit_callbacks(execute=False):
        job = jobs.import_job_create(actor=admin, kind="employees", upload=upload)
    uploaded = AuditEvent.objects.get(action="import_job.upload")
    assert (uploaded.object_type, uploaded.object_id) == ("people.importjob", str(job.pk))
    assert uploaded.changes["original_name"] == [None, "pegawai.csv"]
    assert uploaded.changes["status"] == [None, "checking"]
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.READY)
    with django_capture_on_commit_callbacks(execute=False):
        jobs.import_job_confirm(actor=admin, job=job)
    confirmed = AuditEvent.objects.get(action="import_job.confirm")
    assert confirmed.changes == {"status": ["ready", "queued"]}


def test_refused_import_confirm_changes_nothing(world):
    job = ImportJob.objects.create(instansi=world.inst, kind="employees", file="x.csv",
                                   original_name="x.csv", status=ImportJob.Status.INVALID)  # fmt: skip
    before = AuditEvent.objects.count()
    with pytest.raises(ApplicationError) as refused:
        jobs.import_job_confirm(actor=world.users["admin"], job=job)
    assert refused.value.code == "import.not_ready"
    job.refresh_from_db()
    assert job.status == "invalid"
    assert AuditEvent.objects.count() == before
