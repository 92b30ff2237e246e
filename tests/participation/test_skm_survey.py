"""The public SKM survey and the IKM pages: results match `rules.ikm_compute` exactly."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from penata.participation import periods
from penata.participation.models import SkmPopulation, SkmResponse
from penata.participation.rules import SkmConfig, display, ikm_compute
from penata.participation.services.config import settings_update
from penata.participation.services.skm import current_period

pytestmark = pytest.mark.django_db

# Hand-made answer sets: NRR per unsur is exactly known.
ANSWERS = [
    {"u1": 4, "u2": 3, "u3": 2, "u4": 4, "u5": 3, "u6": 4, "u7": 4, "u8": 3, "u9": 3},
    {"u1": 3, "u2": 3, "u3": 3, "u4": 4, "u5": 3, "u6": 3, "u7": 4, "u8": 2, "u9": 3},
    {"u1": 4, "u2": 4, "u3": 2, "u4": 4, "u5": 4, "u6": 4, "u7": 4, "u8": 3, "u9": 2},
    {"u1": 3, "u2": 2, "u3": 3, "u4": 3, "u5": 3, "u6": 3, "u7": 3, "u8": 3, "u9": 3},
]


def _post(client, world, answers, **extra):
    return client.post(
        reverse("participation:survey", args=[world.service.pk]), {**answers, **extra}
    )


def _store(world, period):
    for answers in ANSWERS:
        SkmResponse.objects.create(
            instansi=world.inst, service=world.service, unit=world.capil, period=period,
            submitted_at=timezone.now(), **answers,
        )  # fmt: skip


def test_survey_shows_the_regulation_wording(client, world):
    body = client.get(reverse("participation:survey", args=[world.service.pk])).content.decode()

    assert "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan" in body
    for answer in ("Tidak sesuai", "Kurang sesuai", "Sangat sesuai", "Dikelola dengan baik"):
        assert answer in body


def test_one_response_per_device_and_period(client, world):
    first = _post(client, world, ANSWERS[0], sex="P", suggestion="Ruang tunggu panas.")
    second = _post(client, world, ANSWERS[1])

    assert first.status_code == 302
    assert second.status_code == 200
    assert "sudah mengisi survei" in second.content.decode()
    response = SkmResponse.objects.get()
    assert response.period == current_period(world.service)
    assert (response.sex, response.suggestion, response.u3) == ("P", "Ruang tunggu panas.", 2)
    assert len(response.device_hash) == 64 and len(response.fingerprint_hash) == 64


def test_clearing_cookies_does_not_allow_a_second_answer(client, world):
    _post(client, world, ANSWERS[0])
    client.cookies.clear()

    again = _post(client, world, ANSWERS[1])

    assert "sudah mengisi survei" in again.content.decode()
    assert SkmResponse.objects.count() == 1


def test_kiosk_services_accept_many_answers(client, world):
    world.service.allows_repeat_survey = True
    world.service.save()

    for answers in ANSWERS:
        assert _post(client, world, answers).status_code == 302

    assert SkmResponse.objects.count() == 4


def test_every_unsur_must_be_answered(client, world):
    partial = {k: v for k, v in ANSWERS[0].items() if k != "u9"}

    response = _post(client, world, partial)

    assert response.status_code == 422
    assert SkmResponse.objects.count() == 0


@pytest.mark.parametrize("weighting", ["rounded", "exact"])
def test_results_page_matches_the_rules(client, world, weighting):
    settings_update(
        actor=world.users["admin"], instansi=world.inst, response_hours=24, followup_hours=48,
        skm_weighting=weighting, skm_period_kind="quarter", forum_moderation="pre",
    )  # fmt: skip
    _store(world, "2026-T1")
    expected = ikm_compute(ANSWERS, SkmConfig(weighting=weighting))

    body = client.get(
        reverse("participation:results_service", args=[world.service.pk]), {"periode": "2026-T1"}
    ).content.decode()

    ikm_text = format(expected.ikm, "f").replace(".", ",")
    assert f"data-ikm>{ikm_text}<" in body
    assert f"data-mutu>{expected.mutu}<" in body
    for code, value in expected.nrr.items():
        nrr_text = format(display(value), "f").replace(".", ",")
        assert f'<tr data-unsur="{code}">' in body
        assert f"data-nrr>{nrr_text}<" in body
    # NRR: u1 3.5, u2 3, u3 2.5, u4 3.75, u5 3.25, u6 3.5, u7 3.75, u8 2.75, u9 2.75 → Σ 28.75
    if weighting == "exact":
        assert ikm_text == "79,86" and expected.mutu == "B"  # 28.75/9 × 25 = 79.861…
    else:
        assert ikm_text == "79,78" and expected.mutu == "B"  # 28.75 × 0.111 × 25 = 79.78125
    assert ("1/9" in body) == (weighting == "exact")


def test_sample_target_against_population(client, world):
    _store(world, "2026-T1")
    client.force_login(world.users["kadis_capil"])

    client.post(
        reverse("participation:skm_staff", args=[world.service.pk]),
        {"period": "2026-T1", "population": 100},
    )
    body = client.get(
        reverse("participation:results_service", args=[world.service.pk]), {"periode": "2026-T1"}
    ).content.decode()

    assert SkmPopulation.objects.get().population == 100
    assert "target 80 (Krejcie & Morgan, populasi 100)" in body
    assert "kurang 76" in body


def test_unit_head_of_another_unit_cannot_set_population(client, world):
    client.force_login(world.users["kadis_pu"])

    response = client.post(
        reverse("participation:skm_staff", args=[world.service.pk]),
        {"period": "2026-T1", "population": 100},
    )

    assert response.status_code == 404
    assert SkmPopulation.objects.count() == 0


def test_xlsx_report_layout(client, world):
    _store(world, "2026-T1")
    client.force_login(world.users["kadis_capil"])

    response = client.get(
        reverse("participation:skm_xlsx", args=[world.service.pk]), {"periode": "2026-T1"}
    )
    book = load_workbook(io.BytesIO(response.content))

    assert book.sheetnames == ["Rekap IKM", "Profil responden", "Tren", "Data responden"]
    recap = [
        [c for c in row if c is not None] for row in book["Rekap IKM"].iter_rows(values_only=True)
    ]
    flat = [v for row in recap for v in row]
    assert "NRR tertimbang" in flat
    assert ["IKM konversi (25–100)", 79.78] in recap
    assert ["Mutu pelayanan", "B"] in recap
    assert book["Data responden"].max_row == 5


def test_unit_results_cover_the_subtree(client, world):
    _store(world, "2026-T1")
    body = client.get(
        reverse("participation:results_unit", args=[world.root.pk]), {"periode": "2026-T1"}
    ).content.decode()
    other = client.get(
        reverse("participation:results_unit", args=[world.pu.pk]), {"periode": "2026-T1"}
    ).content.decode()

    assert "data-respondents>4<" in body
    assert "Belum ada responden" in other


def test_period_codes():
    import datetime as dt

    assert periods.period_of(dt.date(2025, 8, 17), "quarter") == "2025-T3"
    assert periods.period_of(dt.date(2025, 8, 17), "semester") == "2025-S2"
    assert periods.label("2025-T3") == "Triwulan III 2025"
    assert periods.bounds("2024-T1") == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert periods.previous("2026-T1", 4) == ["2025-T2", "2025-T3", "2025-T4", "2026-T1"]
    assert not periods.is_valid("2025-S3")
