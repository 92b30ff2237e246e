"""The questionnaire, mutu and complaint labels read in English when English is active, while
the stored codes and the Indonesian defaults stay as they are."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils import translation

from penata.participation import complaint_rules
from penata.participation.management.commands.skm import result_json
from penata.participation.rules import UNSUR, UNSUR_BY_CODE, ikm_compute, weighting_text
from penata.participation.templatetags.participation_tags import status_badge

ALL_FOURS = [dict.fromkeys(UNSUR_BY_CODE, 4)]


def test_questionnaire_wording_in_english():
    with translation.override("en"):
        names = [str(u.name) for u in UNSUR]
        first = UNSUR_BY_CODE["u1"]
        question, answers = str(first.question), [str(a) for a in first.answers]
        manners = [str(a) for a in UNSUR_BY_CODE["u7"].answers]

    assert names[:3] == ["Requirements", "Systems, Mechanisms and Procedures", "Completion Time"]
    assert question.startswith("What is your opinion of how well the service requirements")
    assert answers == ["Not suitable", "Not very suitable", "Suitable", "Very suitable"]
    assert manners[-1] == "Very courteous and friendly"


def test_questionnaire_wording_stays_indonesian_by_default():
    assert UNSUR_BY_CODE["u2"].name == "Sistem, Mekanisme, dan Prosedur"
    assert UNSUR_BY_CODE["u4"].answers[-1] == "Gratis"


def test_complaint_status_and_action_labels_in_english():
    with translation.override("en"):
        statuses = {code: str(label) for code, label in complaint_rules.STATUS_LABELS.items()}
        badge = status_badge(complaint_rules.ASSIGNED)
        action = str(complaint_rules.ACTION_LABELS["reopen"])

    assert statuses[complaint_rules.RECEIVED] == "Received"
    assert statuses[complaint_rules.ASSIGNED] == "Forwarded to unit"
    assert statuses[complaint_rules.REJECTED] == "Rejected"
    assert "Forwarded to unit" in badge
    assert action == "Reopen"
    # The keys are the stored codes, untouched.
    assert set(statuses) == set(complaint_rules.STATUSES)


def test_mutu_and_weighting_in_english_but_cli_json_plain():
    with translation.override("en"):
        result = ikm_compute(ALL_FOURS)
        kinerja, weighting = str(result.kinerja), weighting_text()

    assert (result.mutu, kinerja) == ("A", "Very Good")
    assert weighting == "Each element weighted 0.111 (PermenPAN-RB 14/2017)."
    body = json.dumps(result_json(ikm_compute(ALL_FOURS), None))
    assert '"kinerja": "Sangat Baik"' in body


@pytest.mark.django_db
def test_survey_page_reads_in_english(in_english, world):
    body = in_english.get(reverse("participation:survey", args=[world.service.pk])).content.decode()

    assert "What is your opinion of how quickly the service is delivered?" in body
    assert "Very courteous and friendly" in body
    assert "Bagaimana pendapat Saudara" not in body


def test_hours_take_the_plural_of_the_reader_language():
    from decimal import Decimal

    from penata.participation.templatetags.participation_tags import hours

    assert [hours(Decimal(v)) for v in ("1", "1.5", "24")] == ["1 jam", "1,5 jam", "24 jam"]
    with translation.override("en"):
        assert [hours(Decimal(v)) for v in ("1", "1.5", "24")] == [
            "1 hour",
            "1.5 hours",
            "24 hours",
        ]
    assert hours(None) == "–"


def test_respondent_profile_labels_follow_the_language():
    from penata.participation.selectors.skm import PROFILE_LABELS

    assert str(PROFILE_LABELS["sex"]) == "Jenis kelamin"
    with translation.override("en"):
        assert [str(label) for label in PROFILE_LABELS.values()] == [
            "Age",
            "Sex",
            "Education",
            "Occupation",
        ]
