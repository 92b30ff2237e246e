"""The audit trail is append-only: the model refuses, and on PostgreSQL so does the database."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from penata.core import audit
from penata.core.models import AuditEvent, AuditImmutable


def test_model_refuses_update_and_delete(world):
    event = audit.record(actor=world.users["admin"], action="test.event", after={"a": 1})
    event.action = "tampered"
    with pytest.raises(AuditImmutable):
        event.save()
    with pytest.raises(AuditImmutable):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


def test_event_holds_who_what_where(world, client):
    from penata.core.request_context import RequestInfo, reset, set_current

    token = set_current(RequestInfo(request_id="abc123", ip="10.1.2.3"))
    try:
        event = audit.record(
            actor=world.users["admin"], action="test.event", obj=world.target,
            before={"phone": "1"}, after={"phone": "2", "email": "x"},
        )  # fmt: skip
    finally:
        reset(token)
    assert (event.actor_label, event.object_type, event.object_id) == (
        "admin",
        "people.employee",
        str(world.target.pk),
    )
    assert (event.ip, event.request_id, event.instansi_id) == ("10.1.2.3", "abc123", world.inst.pk)
    assert event.changes == {"phone": ["1", "2"], "email": [None, "x"]}


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: the append-only trigger (core migration 0002) exists only there",
)
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE core_auditevent SET action = 'tampered' WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s",
    ],
)
def test_postgresql_trigger_refuses_update_and_delete(world, statement):
    event = audit.record(actor=world.users["admin"], action="test.event")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement, [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk, action="test.event").exists()
