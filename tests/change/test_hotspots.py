from __future__ import annotations

from penata.change import rules
from penata.change.readiness import readiness_report
from penata.change.services import pulse_answer, pulse_open, question_ask
from penata.org.models import Position
from tests.change.conftest import _person, publish


def _ready(index_scores: dict[str, float], n: int = 5) -> rules.Readiness:
    return rules.readiness([index_scores] * n)


def test_hotspot_rules():
    good = _ready(dict.fromkeys(rules.ADKAR, 4.5))
    assert rules.hotspot(1, good, ack_rate=100.0, past_due=True, open_questions=0) is None
    low = _ready({**dict.fromkeys(rules.ADKAR, 3.0), "knowledge": 1.5})
    spot = rules.hotspot(1, low, ack_rate=100.0, past_due=True, open_questions=0)
    assert spot is not None and spot.reasons == ("low_readiness",)
    assert spot.weakest == "knowledge" and spot.actions == (rules.ACTIONS["knowledge"],)
    late = rules.hotspot(2, good, ack_rate=50.0, past_due=True, open_questions=3)
    assert late is not None and late.reasons == ("late_ack", "questions")
    # Every dimension equal: the first ADKAR step is named (it comes first to fix).
    assert late.weakest == "awareness"
    # Before the due date a low rate is not late yet.
    assert rules.hotspot(2, good, ack_rate=50.0, past_due=False, open_questions=2) is None
    # A suppressed group never names a weakest dimension.
    hidden = rules.readiness([dict.fromkeys(rules.ADKAR, 1.0)] * 4)
    assert rules.hotspot(3, hidden, ack_rate=50.0, past_due=True, open_questions=0).weakest is None


def test_two_pulses_show_a_hotspot_with_its_weakest_dimension(city, clock):
    staff_post = Position.objects.get(title="Pengelola Sumber Daya")
    extra = [_person(city.inst, staff_post, f"sy{i}", f"Pegawai Y{i}") for i in (3, 4)]
    announcement = publish(city, ack_due_days=7)
    first = pulse_open(actor=city.admin, announcement=announcement, title="Pulse 1")
    people_y = [city.kabid_y, *city.staff_y, *extra]
    for person in people_y:
        pulse_answer(actor=person.user, pulse=first, answers=[4, 4, 3, 4, 4])
    clock.advance(days=14)
    second = pulse_open(actor=city.admin, announcement=announcement, title="Pulse 2")
    for person in people_y:
        pulse_answer(actor=person.user, pulse=second, answers=[4, 3, 1, 2, 3])
    for person in city.staff_y:
        question_ask(actor=person.user, announcement=announcement, text="Kapan pelatihan?")
    report = readiness_report(city.admin, announcement)
    spot = report.hotspots[0]
    assert spot.unit_name == "Bidang Sumber Daya"
    assert spot.readiness.index == 40.0
    assert report.previous[spot.unit_id].index == 70.0
    assert spot.hotspot.reasons == ("low_readiness", "late_ack", "questions")
    assert spot.hotspot.weakest == "knowledge"
    assert spot.hotspot.actions[0] == rules.ACTIONS["knowledge"]
    assert [p.title for p, _ in report.overall] == ["Pulse 1", "Pulse 2"]


def _two_more_in_bidang_y(city) -> list:
    """Two more staff for Bidang Sumber Daya, added before the announcement is published."""
    staff_post = Position.objects.get(title="Pengelola Sumber Daya")
    return [_person(city.inst, staff_post, f"sy{i}", f"Pegawai Y{i}") for i in (3, 4)]


def _one_pulse(city, announcement, extra) -> None:
    """Bidang Sumber Daya (six people with `extra`) answers 5-4-1-2-3; Bidang Pelayanan
    (three, too few to show alone) answers all ones."""
    pulse = pulse_open(actor=city.admin, announcement=announcement, title="Pulse 1")
    for person in [city.kabid_y, *city.staff_y, *extra]:
        pulse_answer(actor=person.user, pulse=pulse, answers=[5, 4, 1, 2, 3])
    for person in [city.kabid_x, *city.staff_x]:
        pulse_answer(actor=person.user, pulse=pulse, answers=[1, 1, 1, 1, 1])


def test_heatmap_chart_gives_likert_means_and_hides_small_groups(city, client):
    import json

    from django.urls import reverse

    from penata.change.readiness import heatmap_chart

    extra = _two_more_in_bidang_y(city)
    announcement = publish(city)
    _one_pulse(city, announcement, extra)
    report = readiness_report(city.admin, announcement)

    chart = heatmap_chart(report)

    names = [u["name"] for u in chart["units"]]
    y_sd = names.index("Bidang Sumber Daya")
    y_pl = names.index("Bidang Pelayanan")
    assert chart["columns"][0] == "Kesadaran (Awareness)" and chart["columns"][-1] == "Indeks"
    assert chart["units"][y_sd]["link"] == f"#titik-rawan-{city.by.pk}"
    assert chart["units"][y_pl] == {
        "id": city.bx.pk,
        "name": "Bidang Pelayanan",
        "suppressed": True,
        "link": "",
    }
    row_sd = [c for c in chart["cells"] if c[1] == y_sd]
    assert [c[2] for c in row_sd] == [5.0, 4.0, 1.0, 2.0, 3.0, 3.0]
    assert [c[3] for c in row_sd] == [100.0, 75.0, 0.0, 25.0, 50.0, 50.0]
    # Three answers from Bidang Pelayanan: no value of theirs leaves the server.
    assert [c[2:] for c in chart["cells"] if c[1] == y_pl] == [[None, None]] * 6

    client.force_login(city.admin)
    page = client.get(reverse("change:readiness", args=[announcement.pk]))
    body = page.content.decode()
    assert 'data-readiness-heatmap data-source="readiness-heatmap-data"' in body
    assert "change/readiness.js" in body and "Lihat sebagai tabel" in body
    marker = '<script id="readiness-heatmap-data" type="application/json">'
    start = body.index(marker) + len(marker)
    shown = json.loads(body[start : body.index("</script>", start)])
    assert shown.pop("texts")["small"] == "kurang dari {n} responden"
    assert shown == json.loads(json.dumps(chart))
    assert f'id="titik-rawan-{city.by.pk}"' in body


def test_hotspots_are_listed_most_urgent_first():
    from penata.change.readiness import ReadinessReport, UnitReadiness

    def unit(unit_id, name, index, ack_rate, questions):
        ready = rules.Readiness(8, dict.fromkeys(rules.ADKAR, index), index)
        spot = rules.hotspot(
            unit_id, ready, ack_rate=ack_rate, past_due=True, open_questions=questions
        )
        return UnitReadiness(unit_id, name, ready, ack_rate, questions, spot)

    units = [
        unit(1, "Late only", 80.0, 50.0, 0),
        unit(2, "Calm", 80.0, 95.0, 0),
        unit(3, "Low and late", 40.0, 60.0, 0),
        unit(4, "Low, late, asking", 55.0, 65.0, 5),
        unit(5, "Lower and late", 30.0, 60.0, 0),
    ]
    report = ReadinessReport([], None, [], units, {})
    assert [u.unit_name for u in report.hotspots] == [
        "Low, late, asking",
        "Lower and late",
        "Low and late",
        "Late only",
    ]


def test_the_heat_map_starts_per_perangkat_daerah_and_opens_one(city, client):
    import json

    from django.urls import reverse

    from penata.change.readiness import heatmap_chart, readiness_level

    extra = _two_more_in_bidang_y(city)
    everyone = ["jpt_pratama", "administrator", "pengawas", "fungsional", "pelaksana"]
    announcement = publish(city, target_unit=None, target_kinds=everyone)
    _one_pulse(city, announcement, extra)

    report = readiness_report(city.admin, announcement)
    level = readiness_level(report, None)
    assert level.by_perangkat_daerah
    groups = {g.unit_name: g for g in level.rows}
    assert set(groups) == {"Dinas Kesehatan", "Dinas Pendidikan"}
    # Dinkes pools all nine answers (three of them from Bidang Pelayanan, too few alone).
    dinkes = groups["Dinas Kesehatan"]
    assert dinkes.readiness.respondents == 9
    assert dinkes.readiness.dimensions["awareness"] == round((6 * 100 + 3 * 0) / 9, 1)
    assert groups["Dinas Pendidikan"].readiness.suppressed
    chart = heatmap_chart(report, level)
    assert {u["name"]: u["link"] for u in chart["units"]} == {
        "Dinas Kesehatan": f"?pd={city.dinkes.pk}",
        "Dinas Pendidikan": f"?pd={city.disdik.pk}",
    }

    client.force_login(city.admin)
    url = reverse("change:readiness", args=[announcement.pk])
    page = client.get(url).content.decode()
    assert "Peta panas perangkat daerah" in page and f'href="?pd={city.dinkes.pk}"' in page
    inside = client.get(url, {"pd": city.dinkes.pk})
    assert inside.status_code == 200
    body = inside.content.decode()
    assert "Peta panas unit di Dinas Kesehatan" in body and "Semua perangkat daerah" in body
    marker = '<script id="readiness-heatmap-data" type="application/json">'
    start = body.index(marker) + len(marker)
    rows = json.loads(body[start : body.index("</script>", start)])["units"]
    assert {u["name"] for u in rows} == {
        "Dinas Kesehatan",
        "Bidang Pelayanan",
        "Bidang Sumber Daya",
    }
    assert client.get(url, {"pd": city.by.pk}).status_code == 404
    api = client.get(f"/api/v1/change/announcements/{announcement.pk}/readiness").json()
    by_name = {g["unit"]: g for g in api["perangkat_daerah"]}
    assert by_name["Dinas Kesehatan"]["respondents"] == 9
    assert by_name["Dinas Pendidikan"] == {
        "unit_id": city.disdik.pk,
        "unit": "Dinas Pendidikan",
        "suppressed": True,
        "index": None,
        "dimensions": None,
        "ack_rate": 0.0,
        "open_questions": 0,
        "hotspot": None,
    }
    assert {u["perangkat_daerah_id"] for u in api["units"]} == {city.dinkes.pk, city.disdik.pk}

    # The head of Dinas Kesehatan reaches one Perangkat Daerah: straight to its units.
    client.force_login(city.kadis.user)
    mine = readiness_level(readiness_report(city.kadis.user, announcement), None)
    assert not mine.by_perangkat_daerah
    assert {u.unit_name for u in mine.rows} == {
        "Dinas Kesehatan",
        "Bidang Pelayanan",
        "Bidang Sumber Daya",
    }
    assert client.get(url, {"pd": city.disdik.pk}).status_code == 404


def test_a_unit_under_a_unit_is_named_with_its_parent(city):
    from penata.change.readiness import _label
    from tests.factories import UnitFactory

    seksi = UnitFactory(instansi=city.inst, parent=city.by, name="Seksi Data", kind="seksi")
    assert _label(seksi) == "Bidang Sumber Daya › Seksi Data"
    assert _label(city.by) == "Bidang Sumber Daya"
    assert _label(city.dinkes) == "Dinas Kesehatan"
