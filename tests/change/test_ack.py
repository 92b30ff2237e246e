from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from penata.change import rules
from penata.change.errors import ChangeError
from penata.change.models import Recipient
from penata.change.selectors import ack_dashboard, ack_rows
from penata.change.services import announcement_acknowledge, reminders_send
from penata.core.errors import ApplicationError
from tests.change.conftest import publish

T0 = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def test_rules_reminder_and_overdue_timing():
    day = dt.timedelta(days=1)
    assert not rules.reminder_due(T0, None, None, 3, T0 + 3 * day - dt.timedelta(seconds=1))
    assert rules.reminder_due(T0, None, None, 3, T0 + 3 * day)
    assert not rules.reminder_due(T0, T0 + 3 * day, None, 3, T0 + 5 * day)
    assert rules.reminder_due(T0, T0 + 3 * day, None, 3, T0 + 6 * day)
    assert not rules.reminder_due(T0, None, T0 + day, 3, T0 + 9 * day)
    assert not rules.is_overdue(T0, 7, None, T0 + 7 * day)
    assert rules.is_overdue(T0, 7, None, T0 + 7 * day + dt.timedelta(seconds=1))
    assert not rules.is_overdue(T0, 7, T0 + 8 * day, T0 + 9 * day)
    assert [rules.question_age_level(d) for d in (0, 2, 3, 6, 7)] == [
        "fresh", "fresh", "waiting", "waiting", "late",
    ]  # fmt: skip


def test_acknowledge_is_timestamped_and_idempotent(city, clock):
    announcement = publish(city, target_unit=city.bx)
    clock.advance(hours=5)
    row = announcement_acknowledge(actor=city.staff_x[0].user, announcement=announcement)
    assert row.acknowledged_at == T0 + dt.timedelta(hours=5)
    clock.advance(days=1)
    again = announcement_acknowledge(actor=city.staff_x[0].user, announcement=announcement)
    assert again.acknowledged_at == T0 + dt.timedelta(hours=5)


def test_only_recipients_acknowledge(city):
    announcement = publish(city, target_unit=city.bx)
    with pytest.raises(ApplicationError) as caught:
        announcement_acknowledge(actor=city.guru.user, announcement=announcement)
    assert caught.value.code == ChangeError.NOT_RECIPIENT
    assert not Recipient.objects.filter(acknowledged_at__isnull=False).exists()


def test_reminders_follow_the_configured_delay(city, clock, django_capture_on_commit_callbacks):
    announcement = publish(city, target_unit=city.bx, reminder_days=2, ack_due_days=5)
    announcement_acknowledge(actor=city.kabid_x.user, announcement=announcement)
    clock.advance(days=1, hours=23)
    assert reminders_send(actor="sistem") == 0
    clock.advance(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(actor="sistem") == 2
    assert sorted(m.to[0] for m in mail.outbox if m.subject.startswith("Pengingat")) == [
        "sx0@surakarta.go.id", "sx1@surakarta.go.id",
    ]  # fmt: skip
    clock.advance(days=1)
    assert reminders_send(actor="sistem") == 0
    announcement_acknowledge(actor=city.staff_x[0].user, announcement=announcement)
    clock.advance(days=1)
    assert reminders_send(actor="sistem") == 1
    counts = dict(Recipient.objects.values_list("employee_id", "reminder_count"))
    assert counts == {city.kabid_x.pk: 0, city.staff_x[0].pk: 1, city.staff_x[1].pk: 2}


def test_dashboard_rates_and_overdue_after_the_due_date(city, clock):
    announcement = publish(city, ack_due_days=7)
    announcement_acknowledge(actor=city.kabid_x.user, announcement=announcement)
    announcement_acknowledge(actor=city.staff_y[0].user, announcement=announcement)
    board = ack_dashboard(city.admin, announcement)
    assert (board.recipients, board.acknowledged, board.overdue, board.rate) == (8, 2, 0, 25.0)
    assert board.due_at == T0 + dt.timedelta(days=7)
    clock.advance(days=7, seconds=1)
    board = ack_dashboard(city.admin, announcement)
    assert board.overdue == 6
    assert [(u.unit_name, u.recipients, u.acknowledged, u.overdue) for u in board.units] == [
        ("Dinas Kesehatan", 1, 0, 1),
        ("Bidang Sumber Daya", 4, 1, 3),
        ("Bidang Pelayanan", 3, 1, 2),
    ]


def test_unit_head_sees_only_their_subtree_and_others_nothing(city):
    announcement = publish(city, target_kinds=["administrator", "pelaksana", "fungsional",
                                               "jpt_pratama"], target_unit=None)  # fmt: skip
    assert ack_rows(city.admin, announcement).count() == 9
    assert ack_rows(city.kadis.user, announcement).count() == 8
    assert [r.employee_id for r in ack_rows(city.head_disdik, announcement)] == [city.guru.pk]


def test_dashboard_query_count_does_not_grow(city, django_assert_max_num_queries):
    announcement = publish(city)
    with django_assert_max_num_queries(6):
        board = ack_dashboard(city.admin, announcement)
        [r.employee.name for r in board.pending]
