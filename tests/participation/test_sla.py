"""SLA timers (ULAS 1×24 h response, 2×24 h follow-up), overdue flags and escalation, with the
clock frozen."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from penata.core.models import AuditEvent
from penata.participation.models import Complaint, ComplaintEvent
from penata.participation.selectors import complaints as selectors
from penata.participation.selectors import reports
from penata.participation.services import complaints as services
from penata.participation.services.config import settings_update
from tests.participation.conftest import aware, frozen, submit

pytestmark = pytest.mark.django_db
T0 = (2026, 3, 2, 8, 0)  # a Monday


def test_sla_states_over_time(world):
    with frozen(aware(*T0)):
        complaint = submit(world)

    assert selectors.sla_of(complaint, aware(2026, 3, 3, 7, 59)).response == "pending"
    assert selectors.sla_of(complaint, aware(2026, 3, 3, 8, 0)).response == "pending"
    late = selectors.sla_of(complaint, aware(2026, 3, 3, 8, 1))
    assert (late.response, late.is_overdue, late.on_time) == ("overdue", True, False)


def test_response_within_target_then_follow_up_missed(world):
    with frozen(aware(*T0)):
        complaint = submit(world)
    with frozen(aware(2026, 3, 2, 20, 0)):
        complaint = services.complaint_verify(
            actor=world.users["moderator"], complaint=complaint, assign_to=world.pu
        )
    # follow-up due 2×24 h after assignment: 2026-03-04 20:00
    assert complaint.followup_due_at == aware(2026, 3, 4, 20, 0)
    assert selectors.sla_of(complaint, aware(2026, 3, 4, 20, 0)).is_overdue is False
    overdue = selectors.sla_of(complaint, aware(2026, 3, 4, 20, 1))
    assert (overdue.response, overdue.followup) == ("met", "overdue")
    with frozen(aware(2026, 3, 5, 9, 0)):
        complaint = services.complaint_act(
            actor=world.users["kadis_pu"], complaint=complaint, action="start"
        )
    assert selectors.sla_of(complaint, aware(2026, 3, 9)).followup == "missed"
    assert selectors.sla_of(complaint, aware(2026, 3, 9)).on_time is False


def test_targets_follow_the_instansi_settings(world):
    settings_update(
        actor=world.users["admin"], instansi=world.inst, response_hours=4, followup_hours=8,
        skm_weighting="rounded", skm_period_kind="quarter", forum_moderation="pre",
    )  # fmt: skip
    with frozen(aware(*T0)):
        complaint = submit(world)
        complaint = services.complaint_verify(
            actor=world.users["moderator"], complaint=complaint, assign_to=world.pu
        )

    assert complaint.response_due_at == aware(2026, 3, 2, 12, 0)
    assert complaint.followup_due_at == aware(2026, 3, 2, 16, 0)


def test_overdue_filter_in_the_inbox(client, world):
    with frozen(aware(*T0)):
        late = submit(world)
    with frozen(aware(2026, 3, 3, 7, 0)):
        fresh = submit(world)
    client.force_login(world.users["moderator"])
    with frozen(aware(2026, 3, 3, 9, 0)):
        body = client.get(reverse("participation:inbox"), {"terlambat": "1"}).content.decode()

    assert late.tracking_display in body
    assert fresh.tracking_display not in body
    assert "Lewat batas tanggapan" in body


def test_escalation_once_per_timer_with_mail_to_the_unit_head(
    world, django_capture_on_commit_callbacks
):
    with frozen(aware(*T0)):
        routed = submit(world)
        routed = services.complaint_verify(
            actor=world.users["moderator"], complaint=routed, assign_to=world.bina_marga
        )
        unrouted = submit(world)

    with frozen(aware(2026, 3, 3, 9, 0)), django_capture_on_commit_callbacks(execute=True):
        first = services.complaints_escalate()
    assert (first.response, first.followup) == (1, 0)  # the unrouted one: nobody answered
    assert mail.outbox[-1].to == ["admin@surakarta.go.id", "moderator@surakarta.go.id"]

    with frozen(aware(2026, 3, 4, 9, 0)), django_capture_on_commit_callbacks(execute=True):
        again = services.complaints_escalate()
    assert (again.response, again.followup) == (0, 1)
    # Bina Marga lies under DPUPR: its head is told.
    assert mail.outbox[-1].to == ["kadis_pu@surakarta.go.id"]
    assert unrouted.tracking_display in mail.outbox[0].subject
    with frozen(aware(2026, 3, 6, 9, 0)):
        third = services.complaints_escalate()
    assert (third.response, third.followup) == (0, 0)
    routed.refresh_from_db()
    assert routed.followup_escalated_at == aware(2026, 3, 4, 9, 0)
    escalations = ComplaintEvent.objects.filter(kind="escalated")
    assert escalations.count() == 2
    assert not escalations.filter(is_public=True).exists()
    assert AuditEvent.objects.filter(action="complaint.escalate").count() == 2


def test_escalate_command(world):
    with frozen(aware(*T0)):
        submit(world)
    out = __import__("io").StringIO()
    with frozen(aware(2026, 3, 5, 8, 0)):
        call_command("complaints", "escalate", "--format", "json", stdout=out)

    assert json.loads(out.getvalue()) == {"response": 1, "followup": 0, "mails": 1}
    assert Complaint.objects.get().response_escalated_at == aware(2026, 3, 5, 8, 0)


def test_escalate_task_runs_on_the_immediate_backend(world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from penata.participation.tasks import escalate_overdue

    with frozen(aware(*T0)):
        submit(world)
    with frozen(aware(2026, 3, 5, 8, 0)):
        result = escalate_overdue.enqueue()

    assert result.return_value == {"response": 1, "followup": 0, "mails": 1}


def test_weekly_report_counts_on_time_and_overdue(world):
    moderator, kadis = world.users["moderator"], world.users["kadis_pu"]
    with frozen(aware(*T0)):
        on_time = submit(world)
        late = submit(world, category=world.categories["bansos"])
        waiting = submit(world)
    with frozen(aware(2026, 3, 2, 10, 0)):
        on_time = services.complaint_verify(actor=moderator, complaint=on_time, assign_to=world.pu)
        on_time = services.complaint_act(actor=kadis, complaint=on_time, action="start")
        services.complaint_act(
            actor=kadis, complaint=on_time, action="resolve", message="Sudah ditangani tuntas."
        )
    with frozen(aware(2026, 3, 4, 10, 0)):
        services.complaint_verify(actor=moderator, complaint=late)
    with frozen(aware(2026, 3, 3, 7, 0)):
        services.complaint_verify(actor=moderator, complaint=waiting, assign_to=world.pu)

    with frozen(aware(2026, 3, 8, 12, 0)):
        report = reports.weekly_report(world.inst, week_start=aware(*T0).date())
    t = report.tally
    assert (t.total, t.resolved, t.in_process, t.overdue) == (3, 1, 1, 1)
    # on_time: met/met; late: response missed; waiting: response met, follow-up overdue.
    assert (t.on_time, t.on_time_known) == (1, 3)
    assert str(t.percent_on_time) == "33.3"
    assert report.top_categories == [("Jalan & Drainase", 2), ("Bansos", 1)]
    # Responses after 2 h, 23 h and 50 h: the median is 23 h.
    assert t.median_response_hours == Decimal("23.0")
    rows = {r.name: r.tally.total for r in report.rows}
    assert rows == {
        "Dinas Pekerjaan Umum dan Penataan Ruang": 2,
        "Antrean triase (belum ada unit)": 1,
    }
