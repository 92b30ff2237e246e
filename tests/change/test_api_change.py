from __future__ import annotations

import json

from penata.change.models import PulseResponse
from penata.change.services import pulse_open, question_ask
from tests.change.conftest import publish

BASE = "/api/v1/change"


def _json(response):
    return json.loads(response.content)


def test_recipient_acknowledges_asks_and_answers_a_pulse(city, client):
    announcement = publish(city)
    pulse = pulse_open(actor=city.admin, announcement=announcement, title="Pulse 1")
    client.force_login(city.staff_y[0].user)
    feed = _json(client.get(f"{BASE}/feed"))
    assert [(i["title"], i["acknowledged_at"]) for i in feed] == [
        ("Penggabungan Bidang Sumber Daya", None)
    ]
    ack = client.post(f"{BASE}/announcements/{announcement.pk}/acknowledge")
    assert ack.status_code == 200 and _json(ack)["acknowledged_at"] is not None
    asked = client.post(
        f"{BASE}/announcements/{announcement.pk}/questions",
        {"text": "Apakah ruang kerja pindah?", "anonymous": True},
        content_type="application/json",
    )
    assert asked.status_code == 201
    answered = client.post(
        f"{BASE}/pulses/{pulse.pk}/answers",
        {"answers": [3, 3, 3, 3, 3]},
        content_type="application/json",
    )
    assert answered.status_code == 201 and PulseResponse.objects.count() == 1
    assert client.get(f"{BASE}/announcements/{announcement.pk}/readiness").status_code == 403


def test_api_never_names_anonymous_askers_or_respondents_to_a_unit_head(city, client):
    announcement = publish(city)
    asker = city.staff_y[1]
    question_ask(
        actor=asker.user,
        announcement=announcement,
        text="Apakah tunjangan berubah?",
        is_anonymous=True,
    )
    client.force_login(city.kadis.user)
    detail = client.get(f"{BASE}/announcements/{announcement.pk}")
    assert detail.status_code == 200
    assert [q["asker"] for q in _json(detail)["questions"]] == [None]
    report = client.get(f"{BASE}/announcements/{announcement.pk}/readiness")
    for response in (detail, report):
        assert asker.name.encode() not in response.content
        assert asker.nip.encode() not in response.content
    client.force_login(city.admin)
    admin_view = _json(client.get(f"{BASE}/announcements/{announcement.pk}"))
    assert [q["asker"] for q in admin_view["questions"]] == [asker.name]


def test_outsider_gets_404(city, client):
    announcement = publish(city, target_unit=city.bx)
    client.force_login(city.guru.user)
    assert client.get(f"{BASE}/announcements/{announcement.pk}").status_code == 404
    client.force_login(city.head_disdik)
    response = client.get(f"{BASE}/announcements/{announcement.pk}/acknowledgements")
    assert response.status_code == 404
