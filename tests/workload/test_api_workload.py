"""/api/v1/workload: unit ABK, city summary and the PATCH of a duty."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from penata.core.models import AuditEvent
from penata.org.models import Duty

pytestmark = pytest.mark.django_db
BASE = "/api/v1/workload"


def test_unit_abk_returns_exact_strings(client, world):
    client.force_login(world.employee_user)

    body = client.get(f"{BASE}/units/{world.root.id}/abk").json()

    assert body["effective_minutes"] == 75000
    assert body["rounding_rule"].startswith("Dibulatkan ke bilangan bulat terdekat")
    first = body["positions"][0]
    assert (first["title"], first["workload_minutes"], first["need"]) == ("Analis", "81000", "1.08")
    assert (first["need_rounded"], first["existing"], first["gap"], first["ej"], first["pj"]) == (
        1,
        2,
        -1,
        "0.54",
        "D",
    )
    assert [d["volume"] for d in first["duties"]] == ["10", "250"]
    assert body["totals"]["need"] == "2.4808"
    assert body["totals"]["pj"] == "C"


def test_city_summary(client, world):
    client.force_login(world.auditor)

    body = client.get(f"{BASE}/summary").json()

    assert [(line["name"], line["gap"], line["surplus"]) for line in body["by_unit"]] == [
        ("Dinas Uji", -1, 1)
    ]
    assert body["totals"]["need_rounded"] == 2


def _patch(client, duty_id, payload):
    return client.patch(
        f"{BASE}/duties/{duty_id}", data=json.dumps(payload), content_type="application/json"
    )


def test_analyst_patches_a_duty(client, world):
    client.force_login(world.analyst)
    duty = world.duties["d1"]

    response = _patch(
        client, duty.pk, {"volume": "20", "period": "month", "time_norm_minutes": "300"}
    )

    assert response.status_code == 200
    assert response.json()["position"]["workload_minutes"] == "117000"
    assert AuditEvent.objects.get(action="workload.duty_update").changes == {
        "volume": ["10.00", "20.00"]
    }


@pytest.mark.parametrize("who", ["employee_user", "unit_head"])
def test_patch_is_forbidden_to_others(client, world, who):
    client.force_login(getattr(world, who))
    duty = world.duties["d1"]

    response = _patch(client, duty.pk, {"volume": "99", "period": "day", "time_norm_minutes": "1"})

    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert Duty.objects.get(pk=duty.pk).volume == Decimal("10.00")


def test_patch_with_invalid_period_names_the_field(client, world):
    client.force_login(world.admin)
    duty = world.duties["d1"]

    response = _patch(client, duty.pk, {"volume": "1", "period": "abad", "time_norm_minutes": "1"})

    assert response.status_code == 422
    assert response.json()["code"] == "workload.period"
    assert response.json()["extra"] == {"field": "period"}
    assert Duty.objects.get(pk=duty.pk).period == "month"
