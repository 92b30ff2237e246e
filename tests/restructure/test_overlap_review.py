"""Overlap review services on a database structure: runs as a task (immediate backend),
ancestor/descendant pairs left out, decisions across re-runs, scenario operations, access."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import override_settings
from django.utils import timezone

from penata.core.errors import ApplicationError, NotFound, PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from penata.restructure import overlap_selectors, overlap_services
from penata.restructure.graph import operation_from
from penata.restructure.graph_loader import graph_from_db
from penata.restructure.models import (
    OverlapDecision,
    OverlapFinding,
    OverlapRun,
    Scenario,
    ScenarioOperation,
)
from penata.restructure.selectors import scenario_engine
from tests.factories import (
    DutyFactory,
    InstansiFactory,
    PositionFactory,
    RoleGrantFactory,
    UnitFactory,
    UserFactory,
)

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PLANTED = "Mengelola data statistik sektoral dan menyajikannya dalam portal satu data kota"
PLANTED_2 = "Pengelolaan data statistik sektoral serta penyajian pada portal satu data kota"
DELEGATED = "Melakukan pengawasan izin reklame dan penertiban reklame tanpa izin di jalan kota"


@dataclass
class Structure:
    instansi: object
    dinas: object
    bidang_a: object
    bidang_b: object
    seksi_a: object
    post_a: object
    post_b: object
    post_seksi: object
    analyst: object
    auditor: object


@pytest.fixture
def structure(db):
    instansi = InstansiFactory()
    dinas = UnitFactory(instansi=instansi, name="Dinas Komunikasi dan Informatika")
    bidang_a = UnitFactory(instansi=instansi, parent=dinas, kind="bidang", name="Bidang Statistik")
    bidang_b = UnitFactory(
        instansi=instansi, parent=dinas, kind="bidang", name="Bidang Informasi Publik"
    )
    seksi_a = UnitFactory(
        instansi=instansi, parent=bidang_a, kind="seksi", name="Seksi Pengawasan Reklame"
    )
    post_a = PositionFactory(unit=bidang_a, title="Kepala Bidang Statistik", kelas_jabatan=11)
    post_b = PositionFactory(unit=bidang_b, title="Kepala Bidang Informasi", kelas_jabatan=11)
    post_seksi = PositionFactory(unit=seksi_a, title="Kepala Seksi Reklame", kelas_jabatan=9)
    duty_a = DutyFactory(position=post_a, statement=PLANTED)
    duty_b = DutyFactory(position=post_b, statement=PLANTED_2)
    DutyFactory(position=post_a, statement=DELEGATED)
    DutyFactory(position=post_seksi, statement=DELEGATED)
    DutyFactory(position=post_b, statement="Menyusun materi siaran pers kegiatan wali kota")
    DutyFactory(position=post_seksi, statement="Memungut retribusi parkir tepi jalan umum")
    analyst = UserFactory()
    RoleGrantFactory(user=analyst, instansi=instansi, role="org_analyst")
    auditor = UserFactory()
    RoleGrantFactory(user=auditor, instansi=instansi, role="auditor")
    s = Structure(
        instansi, dinas, bidang_a, bidang_b, seksi_a, post_a, post_b, post_seksi, analyst, auditor
    )
    s.duty_a, s.duty_b = duty_a, duty_b  # type: ignore[attr-defined]
    return s


def run_now(django_capture_on_commit_callbacks, s, **kw):
    with override_settings(TASKS=IMMEDIATE), django_capture_on_commit_callbacks(execute=True):
        run = overlap_services.overlap_run_start(actor=s.analyst, instansi=s.instansi, **kw)
    run.refresh_from_db()
    return run


def test_run_finds_the_planted_overlap_and_skips_delegation(
    structure, django_capture_on_commit_callbacks
):
    # Given two bidang holding the same duty, and a bidang repeating its own seksi's duty
    # When a run is started with the immediate task backend
    run = run_now(django_capture_on_commit_callbacks, structure)
    # Then it finished with exactly the bidang/bidang finding
    assert run.status == "done"
    assert run.duty_count == 6
    assert run.progress_done == run.progress_total
    assert run.percent == 100
    findings = list(OverlapFinding.objects.filter(run=run))
    assert len(findings) == 1
    finding = findings[0]
    assert sorted(d["id"] for d in finding.duties) == sorted(
        [structure.duty_a.pk, structure.duty_b.pk]
    )
    assert finding.unit_ids == sorted([structure.bidang_a.pk, structure.bidang_b.pk])
    assert {d["position"] for d in finding.duties} == {
        "Kepala Bidang Statistik",
        "Kepala Bidang Informasi",
    }
    assert finding.terms == ["data", "portal", "menyajikannya", "satu", "sektoral"]
    assert finding.score == 1.0
    assert run.finding_count == 1
    assert run.pair_count == 1
    assert finding.status == "open"
    assert AuditEvent.objects.filter(action="overlap.run_start").count() == 1


def test_run_refuses_a_second_active_run_and_a_bad_threshold(structure):
    overlap_services.overlap_run_start(actor=structure.analyst, instansi=structure.instansi)
    with pytest.raises(ApplicationError) as refused:
        overlap_services.overlap_run_start(actor=structure.analyst, instansi=structure.instansi)
    assert refused.value.code == "overlap.run_active"
    with pytest.raises(ValidationFailed) as bad:
        overlap_services.overlap_run_start(
            actor=structure.analyst, instansi=structure.instansi, threshold=1.5
        )
    assert bad.value.code == "overlap.threshold"
    assert OverlapRun.objects.count() == 1


def test_a_dead_run_expires_and_no_longer_blocks_a_new_one(structure, settings):
    settings.PENATA_OVERLAP_RUN_TIMEOUT_MINUTES = 30
    stuck = overlap_services.overlap_run_start(actor=structure.analyst, instansi=structure.instansi)
    # its worker was killed 31 minutes ago while running
    started = timezone.now() - dt.timedelta(minutes=31)
    OverlapRun.objects.filter(pk=stuck.pk).update(status="running", started_at=started)
    fresh = overlap_services.overlap_run_start(actor=structure.analyst, instansi=structure.instansi)
    stuck.refresh_from_db()
    assert (stuck.status, stuck.finished_at is not None) == ("failed", True)
    assert "30 menit" in stuck.error
    assert fresh.status == "queued"
    assert AuditEvent.objects.filter(action="overlap.run_expire", object_id=str(stuck.pk)).exists()


def test_a_run_younger_than_the_timeout_still_blocks(structure, settings):
    settings.PENATA_OVERLAP_RUN_TIMEOUT_MINUTES = 30
    active = overlap_services.overlap_run_start(
        actor=structure.analyst, instansi=structure.instansi
    )
    started = timezone.now() - dt.timedelta(minutes=29)
    OverlapRun.objects.filter(pk=active.pk).update(status="running", started_at=started)
    with pytest.raises(ApplicationError) as refused:
        overlap_services.overlap_run_start(actor=structure.analyst, instansi=structure.instansi)
    assert refused.value.code == "overlap.run_active"


def test_cancel_frees_the_instansi_and_the_worker_drops_its_result(structure):
    run = overlap_services.overlap_run_start(actor=structure.analyst, instansi=structure.instansi)
    with pytest.raises(PermissionDenied):
        overlap_services.overlap_run_cancel(actor=structure.auditor, run=run)
    overlap_services.overlap_run_cancel(actor=structure.analyst, run=run)
    run.refresh_from_db()
    assert run.status == "failed" and run.error.startswith("Dibatalkan oleh ")
    assert AuditEvent.objects.filter(action="overlap.run_cancel").count() == 1
    # the queued task starts later: it finds the run stopped and stores nothing
    overlap_services.overlap_run_execute(run.pk)
    run.refresh_from_db()
    assert (run.status, run.findings.count()) == ("failed", 0)
    with pytest.raises(ApplicationError) as finished:
        overlap_services.overlap_run_cancel(actor=structure.analyst, run=run)
    assert finished.value.code == "overlap.run_finished"
    overlap_services.overlap_run_start(actor=structure.analyst, instansi=structure.instansi)


def test_a_run_cancelled_while_searching_stores_no_findings(structure, monkeypatch):
    run = overlap_services.overlap_run_start(actor=structure.analyst, instansi=structure.instansi)
    real = overlap_services.find_overlaps

    def cancelled_midway(statements, *, threshold, progress):
        OverlapRun.objects.filter(pk=run.pk).update(status="failed", error="Dibatalkan oleh X.")
        return real(statements, threshold=threshold, progress=progress)

    monkeypatch.setattr(overlap_services, "find_overlaps", cancelled_midway)
    overlap_services.overlap_run_execute(run.pk)
    run.refresh_from_db()
    assert (run.status, run.error, run.findings.count()) == ("failed", "Dibatalkan oleh X.", 0)


def test_auditor_and_strangers_cannot_start_or_decide(
    structure, django_capture_on_commit_callbacks
):
    stranger = UserFactory()
    RoleGrantFactory(user=stranger, instansi=structure.instansi, role="unit_head")
    for user in (structure.auditor, stranger):
        with pytest.raises(PermissionDenied):
            overlap_services.overlap_run_start(actor=user, instansi=structure.instansi)
    assert OverlapRun.objects.count() == 0
    run = run_now(django_capture_on_commit_callbacks, structure)
    finding = run.findings.get()
    with pytest.raises(PermissionDenied):
        overlap_services.overlap_decide(actor=structure.auditor, finding=finding, status="resolved")
    assert OverlapDecision.objects.count() == 0
    # the auditor reads, the unit head does not see the finding at all
    assert overlap_selectors.overlap_finding_get_for(structure.auditor, finding.pk) == finding
    with pytest.raises(NotFound):
        overlap_selectors.overlap_finding_get_for(stranger, finding.pk)


def test_dismissed_finding_stays_dismissed_until_its_text_changes(
    structure, django_capture_on_commit_callbacks
):
    run = run_now(django_capture_on_commit_callbacks, structure)
    finding = run.findings.get()
    with pytest.raises(ValidationFailed) as no_reason:
        overlap_services.overlap_decide(
            actor=structure.analyst, finding=finding, status="dismissed"
        )
    assert no_reason.value.code == "overlap.reason_required"
    overlap_services.overlap_decide(
        actor=structure.analyst,
        finding=finding,
        status="dismissed",
        reason="Bidang Informasi hanya menyebarluaskan",
    )
    # re-run: same texts → the finding comes back already dismissed
    rerun = run_now(django_capture_on_commit_callbacks, structure)
    again = rerun.findings.get()
    assert again.key == finding.key
    assert again.status == "dismissed"
    # the text of one duty changes → a new, open finding
    structure.duty_b.statement = PLANTED_2 + " secara berkala"
    structure.duty_b.save()
    third = run_now(django_capture_on_commit_callbacks, structure).findings.get()
    assert third.key != finding.key
    assert third.status == "open"
    assert AuditEvent.objects.filter(action="overlap.decide").count() == 1


def test_confirm_requires_an_owner_among_the_units(structure, django_capture_on_commit_callbacks):
    finding = run_now(django_capture_on_commit_callbacks, structure).findings.get()
    with pytest.raises(ValidationFailed) as missing:
        overlap_services.overlap_decide(
            actor=structure.analyst, finding=finding, status="confirmed"
        )
    assert missing.value.code == "overlap.owner_required"
    with pytest.raises(ValidationFailed) as outside:
        overlap_services.overlap_decide(
            actor=structure.analyst,
            finding=finding,
            status="confirmed",
            owner_unit_id=structure.seksi_a.pk,
        )
    assert outside.value.code == "overlap.owner_unknown"
    assert OverlapDecision.objects.count() == 0


@pytest.mark.parametrize(("mode", "kind"), [("remove", "duty.remove"), ("move", "duty.move")])
def test_confirmed_finding_becomes_valid_scenario_operations(
    structure, django_capture_on_commit_callbacks, mode, kind
):
    finding = run_now(django_capture_on_commit_callbacks, structure).findings.get()
    with pytest.raises(ApplicationError) as unconfirmed:
        overlap_services.overlap_to_scenario(actor=structure.analyst, finding=finding)
    assert unconfirmed.value.code == "overlap.not_confirmed"
    assert Scenario.objects.count() == 0
    overlap_services.overlap_decide(
        actor=structure.analyst,
        finding=finding,
        status="confirmed",
        owner_unit_id=structure.bidang_a.pk,
    )
    scenario, rows = overlap_services.overlap_to_scenario(
        actor=structure.analyst, finding=finding, mode=mode
    )
    assert scenario.status == "draft"
    assert scenario.cursor == 1
    assert [(r.kind, r.params["duty"]) for r in rows] == [(kind, structure.duty_b.pk)]
    # the operations replay on the structure and do what they say
    graph = scenario_engine(scenario).replay(graph_from_db(structure.instansi, dt.date.today()))
    if mode == "remove":
        assert structure.duty_b.pk not in graph.graph.duties
    else:
        assert graph.graph.duties[structure.duty_b.pk].position == structure.post_a.pk
    decision = OverlapDecision.objects.get()
    assert decision.scenario == scenario
    assert AuditEvent.objects.filter(action="overlap.to_scenario").count() == 1
    assert operation_from(rows[0].kind, rows[0].params).kind == kind


def test_to_scenario_adds_to_a_chosen_draft(structure, django_capture_on_commit_callbacks):
    from penata.restructure.services import scenario_create

    draft = scenario_create(actor=structure.analyst, instansi=structure.instansi, name="Draf 2027")
    finding = run_now(django_capture_on_commit_callbacks, structure).findings.get()
    overlap_services.overlap_decide(
        actor=structure.analyst,
        finding=finding,
        status="confirmed",
        owner_unit_id=structure.bidang_b.pk,
    )
    scenario, _rows = overlap_services.overlap_to_scenario(
        actor=structure.analyst, finding=finding, scenario=draft
    )
    assert scenario.pk == draft.pk
    assert Scenario.objects.count() == 1
    assert list(ScenarioOperation.objects.values_list("kind", "params__duty")) == [
        ("duty.remove", structure.duty_a.pk)
    ]


def test_heatmap_counts_pairs_between_units(structure, django_capture_on_commit_callbacks):
    run = run_now(django_capture_on_commit_callbacks, structure)
    data = overlap_selectors.overlap_heatmap(structure.auditor, run=run)
    assert data == {
        "units": ["Bidang Statistik", "Bidang Informasi Publik"],
        "cells": [[0, 1, 1], [1, 0, 1]],
        "max": 1,
    }
