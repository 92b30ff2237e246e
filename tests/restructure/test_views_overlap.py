"""Overlap review pages: run with progress, findings with evidence and filters, decisions,
one-click scenario operations, heat map and who may see or change what."""

from __future__ import annotations

import json
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from penata.restructure.models import OverlapDecision, OverlapFinding, OverlapRun, Scenario
from tests.factories import RoleGrantFactory, UserFactory
from tests.restructure.test_overlap_review import IMMEDIATE, run_now
from tests.restructure.test_overlap_review import structure as overlap_structure

structure = overlap_structure


@pytest.fixture
def run(structure, django_capture_on_commit_callbacks):
    return run_now(django_capture_on_commit_callbacks, structure)


def test_analyst_starts_a_run_and_sees_the_findings(
    client,
    structure,
    django_capture_on_commit_callbacks,
):
    client.force_login(structure.analyst)
    with override_settings(TASKS=IMMEDIATE), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("restructure:overlap_start"), {"threshold": "0,45"})
    assert response.status_code == 302
    run = OverlapRun.objects.get()
    assert (run.status, run.threshold, run.finding_count) == ("done", 0.45, 1)
    page = client.get(reverse("restructure:overlap"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bidang Statistik" in html and "Bidang Informasi Publik" in html
    assert "Kepala Bidang Statistik" in html
    assert "<mark>sektoral</mark>" in html
    assert "Periksa sekarang" in html
    assert 'value="100"' in html  # the progress bar of the finished run


def test_progress_fragment_polls_while_running_and_refreshes_when_done(client, structure):
    client.force_login(structure.auditor)
    run = OverlapRun.objects.create(
        instansi=structure.instansi, threshold=0.45, status="running", progress_total=40
    )
    OverlapRun.objects.filter(pk=run.pk).update(progress_done=10)
    url = reverse("restructure:overlap_progress", args=[run.pk])
    response = client.get(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'hx-trigger="every 2s"' in html
    assert 'value="25"' in html
    assert "HX-Refresh" not in response
    OverlapRun.objects.filter(pk=run.pk).update(status="done")
    done = client.get(url, HTTP_HX_REQUEST="true")
    assert done["HX-Refresh"] == "true"
    assert "hx-trigger" not in done.content.decode()


def test_filters_by_unit_and_status(client, structure, run):
    client.force_login(structure.auditor)
    url = reverse("restructure:overlap")
    with_unit = client.get(url, {"unit": structure.bidang_a.pk}).content.decode()
    assert len(re.findall(r'id="finding-\d+"', with_unit)) == 1
    other = client.get(url, {"unit": structure.seksi_a.pk}).content.decode()
    assert re.findall(r'id="finding-\d+"', other) == []
    dismissed = client.get(url, {"status": "dismissed"}).content.decode()
    assert re.findall(r'id="finding-\d+"', dismissed) == []
    assert "Periksa sekarang" not in with_unit  # the auditor reads only


def test_confirm_then_one_click_scenario(client, structure, run):
    finding = OverlapFinding.objects.get(run=run)
    client.force_login(structure.analyst)
    response = client.post(
        reverse("restructure:overlap_decide", args=[finding.pk]),
        {"status": "confirmed", "owner_unit": structure.bidang_a.pk},
    )
    assert response.status_code == 302
    assert OverlapDecision.objects.get().owner_unit == structure.bidang_a
    page = client.get(reverse("restructure:overlap_finding", args=[finding.pk])).content.decode()
    assert "Jadikan operasi skenario" in page
    response = client.post(
        reverse("restructure:overlap_to_scenario", args=[finding.pk]), {"mode": "move"}
    )
    scenario = Scenario.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("restructure:scenario_editor", args=[scenario.pk])
    assert list(scenario.operations.values_list("kind", flat=True)) == ["duty.move"]


def test_dismiss_without_reason_changes_nothing(client, structure, run):
    finding = OverlapFinding.objects.get(run=run)
    client.force_login(structure.analyst)
    client.post(reverse("restructure:overlap_decide", args=[finding.pk]), {"status": "dismissed"})
    assert OverlapDecision.objects.count() == 0
    finding.refresh_from_db()
    assert finding.status == "open"


def test_auditor_reads_but_cannot_write(client, structure, run):
    finding = OverlapFinding.objects.get(run=run)
    client.force_login(structure.auditor)
    assert client.get(reverse("restructure:overlap_finding", args=[finding.pk])).status_code == 200
    assert client.post(reverse("restructure:overlap_start")).status_code == 403
    decide = client.post(
        reverse("restructure:overlap_decide", args=[finding.pk]), {"status": "resolved"}
    )
    assert decide.status_code == 403
    assert OverlapDecision.objects.count() == 0
    assert OverlapRun.objects.count() == 1


def test_other_roles_are_refused(client, structure, run):
    finding = OverlapFinding.objects.get(run=run)
    user = UserFactory()
    RoleGrantFactory(user=user, instansi=structure.instansi, role="unit_head")
    client.force_login(user)
    assert client.get(reverse("restructure:overlap")).status_code == 403
    assert client.get(reverse("restructure:overlap_heatmap")).status_code == 403
    assert client.get(reverse("restructure:overlap_finding", args=[finding.pk])).status_code == 404
    assert client.get(reverse("restructure:overlap_progress", args=[run.pk])).status_code == 404


def test_heatmap_page_carries_its_data(client, structure, run):
    client.force_login(structure.auditor)
    response = client.get(reverse("restructure:overlap_heatmap"))
    html = response.content.decode()
    match = re.search(
        r'<script id="overlap-heatmap-data" type="application/json">(.*?)</script>', html
    )
    assert match is not None
    assert json.loads(match.group(1)) == {
        "units": ["Bidang Statistik", "Bidang Informasi Publik"],
        "cells": [[0, 1, 1], [1, 0, 1]],
        "max": 1,
    }
    assert "restructure/overlap.js" in html
    assert "<script>" not in html


def test_api_run_findings_decision_and_scenario(
    client, structure, django_capture_on_commit_callbacks
):
    client.force_login(structure.analyst)
    with override_settings(TASKS=IMMEDIATE), django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            "/api/v1/overlap/runs", {"threshold": 0.45}, content_type="application/json"
        )
    assert started.status_code == 202
    run_id = started.json()["id"]
    detail = client.get(f"/api/v1/overlap/runs/{run_id}").json()
    assert (detail["status"], detail["percent"], detail["finding_count"]) == ("done", 100, 1)
    findings = client.get(f"/api/v1/overlap/runs/{run_id}/findings").json()
    assert findings["count"] == 1
    item = findings["items"][0]
    assert sorted(d["unit"] for d in item["duties"]) == [
        "Bidang Informasi Publik",
        "Bidang Statistik",
    ]
    heat = client.get(f"/api/v1/overlap/runs/{run_id}/heatmap").json()
    assert heat["max"] == 1
    refused = client.post(
        f"/api/v1/overlap/findings/{item['id']}/decision",
        {"status": "dismissed"},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert refused.json()["code"] == "overlap.reason_required"
    decided = client.post(
        f"/api/v1/overlap/findings/{item['id']}/decision",
        {"status": "confirmed", "owner_unit": structure.bidang_b.pk},
        content_type="application/json",
    )
    assert decided.status_code == 200
    assert decided.json()["owner_unit_id"] == structure.bidang_b.pk
    made = client.post(
        f"/api/v1/overlap/findings/{item['id']}/scenario",
        {"mode": "remove"},
        content_type="application/json",
    )
    assert made.status_code == 201
    assert made.json()["operations"] == [1]
    assert Scenario.objects.get().pk == made.json()["scenario_id"]


def test_api_refuses_auditor_writes_and_hides_runs_from_others(client, structure, run):
    client.force_login(structure.auditor)
    assert client.get(f"/api/v1/overlap/runs/{run.pk}").status_code == 200
    refused = client.post("/api/v1/overlap/runs", {}, content_type="application/json")
    assert refused.status_code == 403
    stranger = UserFactory()
    RoleGrantFactory(user=stranger, instansi=structure.instansi, role="unit_head")
    client.force_login(stranger)
    assert client.get(f"/api/v1/overlap/runs/{run.pk}").status_code == 404
    assert client.get(f"/api/v1/overlap/runs/{run.pk}/findings").status_code == 404
    assert OverlapRun.objects.count() == 1


def test_results_page_queries_do_not_grow_with_findings(client, structure, run):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(structure.auditor)
    url = reverse("restructure:overlap")
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    finding = OverlapFinding.objects.get(run=run)
    for n in range(3):
        finding.pk = None
        finding.key = f"copy{n}"
        finding.save()
    with CaptureQueriesContext(connection) as four:
        html = client.get(url).content.decode()
    assert len(re.findall(r'id="finding-\d+"', html)) == 4
    assert len(four.captured_queries) == len(one.captured_queries)


def test_analyst_cancels_a_running_run_from_the_progress_bar(client, structure):
    run = OverlapRun.objects.create(instansi=structure.instansi, threshold=0.45, status="running")
    progress = reverse("restructure:overlap_progress", args=[run.pk])
    client.force_login(structure.auditor)
    assert "Batalkan pemeriksaan" not in client.get(progress).content.decode()
    cancel = reverse("restructure:overlap_cancel", args=[run.pk])
    assert client.post(cancel).status_code == 403
    client.force_login(structure.analyst)
    assert "Batalkan pemeriksaan" in client.get(progress).content.decode()
    response = client.post(cancel, follow=True)
    run.refresh_from_db()
    assert run.status == "failed"
    html = response.content.decode()
    assert f"Pemeriksaan #{run.pk} dibatalkan." in html
    assert "Pemeriksaan tidak selesai:" in html and "Dibatalkan oleh" in html
    again = client.post(cancel, follow=True)
    assert "sudah selesai" in again.content.decode()


def test_api_cancels_a_running_run_once(client, structure):
    run = OverlapRun.objects.create(instansi=structure.instansi, threshold=0.45, status="queued")
    client.force_login(structure.analyst)
    cancelled = client.post(f"/api/v1/overlap/runs/{run.pk}/cancel")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "failed"
    again = client.post(f"/api/v1/overlap/runs/{run.pk}/cancel")
    assert again.status_code in (400, 409)
    assert again.json()["code"] == "overlap.run_finished"
