from __future__ import annotations

import pytest

from penata.change import rules
from penata.change.errors import ChangeError
from penata.change.models import PulseParticipation, PulseResponse
from penata.change.readiness import readiness_report
from penata.change.services import pulse_answer, pulse_open
from penata.core.errors import ApplicationError
from tests.change.conftest import publish


def test_readiness_rules_suppress_small_groups():
    four = [dict.fromkeys(rules.ADKAR, 4.0)] * 4
    assert rules.readiness(four).suppressed
    assert rules.readiness(four).dimensions == dict.fromkeys(rules.ADKAR)
    five = [*four, {**dict.fromkeys(rules.ADKAR, 4.0), "knowledge": 1.0}]
    ready = rules.readiness(five)
    assert ready.index == 72.0 and ready.dimensions["knowledge"] == 60.0
    assert ready.weakest == "knowledge"
    assert rules.likert_index(1) == 0.0 and rules.likert_index(5) == 100.0
    assert rules.response_scores(
        [{"dimension": "awareness"}, {"dimension": "awareness"}, {"dimension": "desire"}],
        [2, 5, 3],
    ) == {"awareness": 3.5, "desire": 3.0}
    with pytest.raises(ValueError):
        rules.response_scores([{"dimension": "awareness"}], [6])


def test_answers_are_anonymous_and_once_only(city):
    announcement = publish(city)
    pulse = pulse_open(actor=city.admin, announcement=announcement, title="Pulse 1")
    pulse_answer(actor=city.staff_y[0].user, pulse=pulse, answers=[4, 4, 2, 3, 5])
    response = PulseResponse.objects.get()
    assert response.unit_id == city.by.pk
    assert response.scores == {"awareness": 4, "desire": 4, "knowledge": 2, "ability": 3,
                               "reinforcement": 5}  # fmt: skip
    field_names = {f.name for f in PulseResponse._meta.get_fields()}
    assert not field_names & {"employee", "created_at", "answered_at", "user"}
    with pytest.raises(ApplicationError) as caught:
        pulse_answer(actor=city.staff_y[0].user, pulse=pulse, answers=[1, 1, 1, 1, 1])
    assert caught.value.code == ChangeError.INVALID
    assert PulseResponse.objects.count() == 1 and PulseParticipation.objects.count() == 1
    with pytest.raises(ApplicationError) as caught:
        pulse_answer(actor=city.guru.user, pulse=pulse, answers=[1, 1, 1, 1, 1])
    assert caught.value.code == ChangeError.NOT_RECIPIENT


def test_bad_answers_change_nothing(city):
    announcement = publish(city)
    pulse = pulse_open(actor=city.admin, announcement=announcement, title="Pulse 1")
    with pytest.raises(ApplicationError):
        pulse_answer(actor=city.staff_y[0].user, pulse=pulse, answers=[4, 4, 9, 3, 5])
    assert not PulseResponse.objects.exists() and not PulseParticipation.objects.exists()


def test_small_units_are_suppressed_in_the_report(city):
    announcement = publish(city)
    pulse = pulse_open(actor=city.admin, announcement=announcement, title="Pulse 1")
    for person in [city.kabid_y, *city.staff_y, city.kabid_x]:
        pulse_answer(actor=person.user, pulse=pulse, answers=[2, 2, 2, 2, 2])
    report = readiness_report(city.kadis.user, announcement)
    by_name = {u.unit_name: u.readiness for u in report.units}
    # Four answers from Bidang Sumber Daya: not shown; the whole reach (5) is.
    assert by_name["Bidang Sumber Daya"].suppressed
    assert by_name["Bidang Sumber Daya"].respondents == 4
    assert report.overall[0][1].index == 25.0
